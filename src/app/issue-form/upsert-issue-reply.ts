/**
 * Keeps the app's ONE comment on a campaign request issue: found by its hidden marker among the
 * comments written by a bot (a person who pastes the marker into their own comment is ignored),
 * edited when the text changed, created when missing. Callers hold the issue's claim, so two
 * processes never both find it missing.
 */
import { issueReplyMarker } from "../../core/issue-form/issue-reply-marker.js";
import { hasMarker } from "../../core/markers.js";
import type { GitHubClient } from "../../github/client.js";
import { listIssueComments } from "../../github/issue-comments.js";
import { NO_RETRY } from "../coordination/claim.js";

/** Writes `body` as the app's comment on issue `issue`; returns what it did. */
export async function upsertIssueReply(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  body: string,
): Promise<"created" | "updated" | "unchanged"> {
  const marker = issueReplyMarker(issue);
  const comments = await listIssueComments(client, { ...repo, issue_number: issue });
  const mine = comments.find((c) => c.user?.type === "Bot" && hasMarker(c.body ?? "", marker));
  if (mine?.body === body) return "unchanged";
  if (mine) {
    await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      ...repo,
      comment_id: mine.id,
      body,
    });
    return "updated";
  }
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issue,
    body,
    ...NO_RETRY,
  });
  return "created";
}
