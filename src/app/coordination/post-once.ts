/**
 * One comment with a marker, once: the escalation, the announcements' "completed" and reminders,
 * and the owners' attention comment all post through it, each under a claim.
 */
import { hasMarker } from "../../core/markers.js";
import type { GitHubClient } from "../../github/client.js";
import { statusOf } from "../../github/config-at-base.js";
import { listIssueComments } from "../../github/issue-comments.js";
import { NO_RETRY } from "./claim.js";

/**
 * Posts `body` unless a comment with `marker` is on the issue or pull request (read again under the
 * claim: the run that held it before may have posted since). A post is not repeated by Octokit;
 * after an error answer the comments are read: the marker there means it happened. True when posted.
 */
export async function postOnce(
  client: GitHubClient,
  issue: { owner: string; repo: string; issue_number: number },
  body: string,
  marker: string,
): Promise<boolean> {
  const posted = async () =>
    (await listIssueComments(client, issue)).some((c) => hasMarker(c.body ?? "", marker));
  if (await posted()) return false;
  try {
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...issue,
      body,
      ...NO_RETRY,
    });
  } catch (error) {
    const status = statusOf(error);
    if ((status !== undefined && status < 500) || !(await posted())) throw error;
  }
  return true;
}
