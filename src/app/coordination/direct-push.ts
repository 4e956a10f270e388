/**
 * The direct-push alarm on GitHub: a push to the default branch whose commits change campaign
 * files without belonging to a merged pull request opens one alarm issue (`directPushAlarm`).
 * Only commits that touch campaign files are looked up ("pull requests associated with a commit").
 */
import {
  directPushAlarm,
  pushCommitsFromPayload,
  unreviewedCampaignCommits,
} from "../../core/coordination/direct-push.js";
import type { Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { campaignMatcher } from "../../core/campaign-files.js";
import { createIssueOnce } from "./create-issue-once.js";

/** Commits looked up per push at most; later ones count as unreviewed (the alarm names them). */
export const MAX_COMMIT_LOOKUPS = 100;

export type PushPayload = Parameters<typeof pushCommitsFromPayload>[0];
export type DirectPushOutcome = "ignored" | "reviewed" | "created" | "exists";

/** Raises the alarm for `payload` (a push event) when it brings unreviewed campaign changes. */
export async function raiseDirectPushAlarm(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  payload: PushPayload,
  config: Config,
): Promise<DirectPushOutcome> {
  const push = pushCommitsFromPayload(payload);
  const isCampaignFile = campaignMatcher(config);
  // Without any pull request known, every commit touching campaigns is a candidate.
  const candidates = unreviewedCampaignCommits({ ...push, isCampaignFile, associatedPulls: {} });
  if (candidates.length === 0) return "ignored";
  const associatedPulls: Record<string, { number: number; merged: boolean }[]> = {};
  for (const { commit } of candidates.slice(0, MAX_COMMIT_LOOKUPS)) {
    const pulls = (
      await client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
        ...repo,
        commit_sha: commit.id,
      })
    ).data as { number: number; merged_at: string | null }[];
    associatedPulls[commit.id] = pulls.map((pr) => ({ number: pr.number, merged: pr.merged_at !== null }));
  }
  const alarm = directPushAlarm({ ...push, isCampaignFile, associatedPulls });
  if (!alarm) return "reviewed";
  return (await createIssueOnce(client, repo, alarm)) === undefined ? "exists" : "created";
}
