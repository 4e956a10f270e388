import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { buildIssueForm, ISSUE_FORM_LABEL } from "../../src/core/issue-form/build-issue-form.js";

it("docs/issue-form.md lists exactly the form's fields, in order, with their required flag", () => {
  const doc = readFileSync(new URL("../../docs/issue-form.md", import.meta.url), "utf8");
  const rows = [...doc.matchAll(/^\| ([^|]+?) +\| (yes|no) +\|/gm)].map((m) => [
    m[1]?.trim(),
    m[2] === "yes",
  ]);
  const form = parse(buildIssueForm(["www"])) as {
    body: { type: string; attributes: { label?: string }; validations?: { required: boolean } }[];
  };
  const fields = form.body
    .filter((e) => e.type !== "markdown")
    .map((e) => [e.attributes.label, e.validations?.required ?? false]);
  expect(rows).toEqual(fields);
  expect(doc).toContain(`\`${ISSUE_FORM_LABEL}\``);
});
