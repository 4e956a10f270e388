/**
 * Publishes the review result as the `campaign-gate/review` check run on the pull request head.
 * A new check run is created on every evaluation (one request, no lookup): GitHub and branch
 * protection use the latest check run of a name on a commit, so redelivered webhooks simply post
 * the same result again.
 */
import type { GitHubClient } from "./client.js";

export const REVIEW_CHECK_NAME = "campaign-gate/review";

export interface CheckRunOutput {
  status: "success" | "pending" | "failure";
  title: string;
  summary: string;
}

/** Creates the check run; `pending` is shown as in progress, the others as completed. */
export async function publishReviewCheck(
  client: GitHubClient,
  target: { owner: string; repo: string; head_sha: string },
  output: CheckRunOutput,
): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/check-runs", {
    owner: target.owner,
    repo: target.repo,
    name: REVIEW_CHECK_NAME,
    head_sha: target.head_sha,
    ...(output.status === "pending"
      ? { status: "in_progress" }
      : { status: "completed", conclusion: output.status }),
    output: { title: output.title, summary: output.summary },
  });
}
