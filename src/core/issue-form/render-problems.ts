/**
 * The app's comment on a campaign request that cannot become a pull request yet: what to fix, one
 * bullet per problem, grouped by form field in the order the problems were found (the form's order).
 * Edits update the same comment (found by its hidden marker). Pure text.
 */
import type { FieldProblem } from "./campaign-from-issue.js";
import { issueReplyMarker } from "./issue-reply-marker.js";

/** Label the app puts on a campaign request while it has problems, and removes once it passes. */
export const NEEDS_CHANGES_LABEL = "campaign-request-needs-changes";

/** The comment listing what to fix, one section per form field. */
export function renderProblems(issue: number, problems: FieldProblem[]): string {
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  const sections = [...byField].map(([, messages]) => messages.map((m) => `- ${m}`).join("\n"));
  return [
    issueReplyMarker(issue),
    "**This campaign request needs a few changes before it can be reviewed.**",
    "Edit this issue (⋯ → Edit) and fix the answers below; the check runs again on every edit.",
    "",
    ...sections,
  ].join("\n");
}
