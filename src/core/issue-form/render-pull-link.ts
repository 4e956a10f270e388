/**
 * The app's comment on a campaign request once its pull request exists: where to follow the
 * review. Same marker as the problems comment, so the one comment changes from "fix this" to
 * "here is your pull request" when the person fixes the issue. Pure text.
 */
import { issueReplyMarker } from "./issue-reply-marker.js";

/** The comment linking the campaign's pull request. */
export function renderPullLink(issue: number, pull: { number: number; path: string }): string {
  return [
    issueReplyMarker(issue),
    `**This campaign request passes the check.** Pull request #${pull.number} adds \`${pull.path}\` for review by marketing and IT.`,
    "",
    "To change the campaign, edit this issue: the pull request follows. Closing this issue closes the pull request.",
  ].join("\n");
}
