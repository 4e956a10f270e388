/**
 * The pull request the app opened for a campaign request, found by its branch (one issue, one
 * branch `campaign-gate/issue-<N>`): pull requests are listed by head, which GitHub answers from
 * its database at once (the search API lags), so a redelivery seconds later finds the first one.
 */
import type { GitHubClient } from "../../github/client.js";

export interface CampaignPullFound {
  number: number;
  state: string;
  merged_at: string | null;
  title: string;
  body: string | null;
}

/** The open pull request of `branch`, else its merged one, else its newest closed one; undefined when none. */
export async function findCampaignPull(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  branch: string,
): Promise<CampaignPullFound | undefined> {
  const pulls = (
    await client.request("GET /repos/{owner}/{repo}/pulls", {
      ...repo,
      head: `${repo.owner}:${branch}`,
      state: "all",
      per_page: 100,
    })
  ).data as CampaignPullFound[];
  return (
    pulls.find((p) => p.state === "open") ??
    pulls.find((p) => p.merged_at !== null) ??
    [...pulls].sort((a, b) => b.number - a.number)[0]
  );
}
