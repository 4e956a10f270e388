/**
 * The app's one comment on a campaign request issue: the problems per form field (edits update the
 * same comment, found by its hidden marker), or, when the app may not write branches (no
 * `contents: write`), the ready campaign file and GitHub's "create new file" link. Pure text.
 */
import { hiddenMarker } from "../markers.js";
import type { FieldProblem } from "./campaign-from-issue.js";

/** Marker of the app's comment on issue `issue`. */
export function issueReplyMarker(issue: number): string {
  return hiddenMarker("issue-form", { issue });
}

/** The comment listing what to fix, one section per form field, in the form's order. */
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

/**
 * Without `contents: write`: the file to add by hand, and a link that opens GitHub's editor with
 * the file name and text filled in (the person then proposes it as a pull request).
 */
export function renderReadyFile(
  issue: number,
  repo: { owner: string; name: string; branch: string },
  file: { path: string; text: string },
): string {
  const url = new URL(
    `https://github.com/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/new/${encodeURIComponent(repo.branch)}`,
  );
  url.searchParams.set("filename", file.path);
  url.searchParams.set("value", file.text);
  const fence = "`".repeat(Math.max(3, ...[...file.text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [
    issueReplyMarker(issue),
    "**This campaign request passes the check.**",
    `[Create ${file.path}](${url.toString()}) and propose it as a pull request (include \`Closes #${issue}\`), or ask an engineer to add this file:`,
    "",
    `${fence}yaml`,
    file.text.trimEnd(),
    fence,
  ].join("\n");
}
