/**
 * Closing a campaign request closes its pull request: the person withdrew the campaign. Only the
 * pull request; the branch and the comment stay (reopening the issue reopens the pull request).
 * A pull request that merged closed the issue itself (`Closes #N`) and is no longer open: nothing
 * to do. Closing twice is harmless, so no claim is needed.
 */
import { ISSUE_BRANCH_PREFIX } from "../../core/issue-form/plan-campaign-pull.js";
import type { GitHubClient } from "../../github/client.js";
import { findCampaignPull } from "./find-campaign-pull.js";

/** Closes the open pull request of campaign request `issue`; returns what it did. */
export async function closeCampaignPull(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
): Promise<"closed" | "none"> {
  const pull = await findCampaignPull(client, repo, `${ISSUE_BRANCH_PREFIX}${issue}`);
  if (pull?.state !== "open") return "none";
  await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
    ...repo,
    pull_number: pull.number,
    state: "closed",
  });
  return "closed";
}
