/**
 * A campaign request issue's body exactly as GitHub writes it from the generated form: for every
 * input of the form, in its order, `### <label>`, a blank line, the answer — "_No response_" for a
 * field left empty. Labels come from the form itself, so a new field needs no test edits.
 */
import { parse } from "yaml";
import { buildIssueForm } from "../../src/core/issue-form/build-issue-form.js";

interface FormItem {
  type: string;
  attributes?: { label?: string };
}

/** The body with `answers` (by label) and "_No response_" for every other field. */
export function issueFormBody(answers: Partial<Record<string, string>>): string {
  const items = (parse(buildIssueForm(["shop"])) as { body: FormItem[] }).body;
  const labels = items.filter((i) => i.type !== "markdown").map((i) => i.attributes!.label!);
  const unknown = Object.keys(answers).filter((label) => !labels.includes(label));
  if (unknown.length > 0) throw new Error(`not a field of the form: ${unknown.join(", ")}`);
  return labels.map((label) => `### ${label}\n\n${answers[label] ?? "_No response_"}`).join("\n\n");
}
