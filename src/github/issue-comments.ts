/**
 * The comments of an issue or pull request, oldest first (up to 30 pages of 100): what every
 * marker lookup of the app reads before it posts or edits one of its own comments.
 */
import type { GitHubClient } from "./client.js";
import { listAll } from "./paginate.js";

export interface IssueComment {
  id: number;
  body?: string;
  user: { login: string; type?: string } | null;
  created_at: string;
}

/** Lists the comments of `issue_number`. */
export function listIssueComments(
  client: GitHubClient,
  issue: { owner: string; repo: string; issue_number: number },
): Promise<IssueComment[]> {
  return listAll<IssueComment>(client, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", issue, {
    maxPages: 30,
  });
}
