/**
 * The app's comment on a campaign request that passes the check when the app may not write
 * branches (installed without `contents: write`): the ready campaign file, and a link that opens
 * GitHub's "create new file" editor with the file name and text filled in (the person then
 * proposes it as a pull request). Pure text.
 */
import { issueReplyMarker } from "./issue-reply-marker.js";

/** GitHub's limit on an issue or comment body, in characters. */
export const BODY_MAX_CHARS = 65_536;

/**
 * The comment with the ready file. The link carries the whole file in its query, so when that
 * would push the comment past GitHub's body limit the link is left out and the fence alone remains.
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
  const body = (invite: string) =>
    [
      issueReplyMarker(issue),
      "**This campaign request passes the check.**",
      invite,
      "",
      `${fence}yaml`,
      file.text.trimEnd(),
      fence,
    ].join("\n");
  const linked = body(
    `[Create ${file.path}](${url.toString()}) and propose it as a pull request (include \`Closes #${issue}\`), or ask an engineer to add this file:`,
  );
  if (linked.length <= BODY_MAX_CHARS) return linked;
  return body(
    `Add this file as \`${file.path}\` in a pull request (include \`Closes #${issue}\`), or ask an engineer to add it:`,
  );
}
