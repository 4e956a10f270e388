/**
 * The direct-push alarm on GitHub: a push to the default branch whose commits change campaign
 * files without belonging to a merged pull request opens one alarm issue (`directPushAlarm`).
 * Only commits that touch campaign files are looked up ("pull requests associated with a commit").
 * GitHub may list a merge's pull request as merged a moment after the push event: a push that
 * looks unreviewed is looked up once more when it is `ASSOCIATION_SETTLE_MS` old (`recheckDelay`).
 */
import {
  directPushAlarm,
  pushCommitsFromPayload,
  recheckDelay,
  unreviewedCampaignCommits,
  type PushCommit,
} from "../../core/coordination/direct-push.js";
import type { Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { campaignMatcher } from "../../core/campaign-files.js";
import { createIssueOnce, type IssueOutcome } from "./create-issue-once.js";

/** Commits looked up per push at most; later ones count as unreviewed (the alarm names them). */
export const MAX_COMMIT_LOOKUPS = 100;

export type PushPayload = Parameters<typeof pushCommitsFromPayload>[0];
export type DirectPushOutcome = "ignored" | "reviewed" | IssueOutcome;

/** Raises the alarm for `payload` (a push event) when it brings unreviewed campaign changes. */
export async function raiseDirectPushAlarm(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  payload: PushPayload,
  config: Config,
  clock: { now(): number; sleep(ms: number): Promise<void> } = systemClock,
): Promise<DirectPushOutcome> {
  const push = pushCommitsFromPayload(payload);
  const isCampaignFile = campaignMatcher(config);
  // Without any pull request known, every commit touching campaigns is a candidate.
  const associatedPulls: Record<string, { number: number; merged: boolean }[]> = {};
  const unreviewed = () => unreviewedCampaignCommits({ ...push, isCampaignFile, associatedPulls });
  if (unreviewed().length === 0) return "ignored";
  await lookUpPulls(client, repo, unreviewed(), associatedPulls);
  if (unreviewed().length === 0) return "reviewed";
  const wait = recheckDelay(payload.repository.pushed_at, clock.now());
  if (wait > 0) {
    await clock.sleep(wait);
    await lookUpPulls(client, repo, unreviewed(), associatedPulls);
  }
  const alarm = directPushAlarm({ ...push, isCampaignFile, associatedPulls });
  if (!alarm) return "reviewed";
  return createIssueOnce(client, repo, alarm);
}

const systemClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** Reads the pull requests GitHub associates with each of `commits` (at most MAX_COMMIT_LOOKUPS) into `into`. */
async function lookUpPulls(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  commits: { commit: PushCommit }[],
  into: Record<string, { number: number; merged: boolean }[]>,
): Promise<void> {
  for (const { commit } of commits.slice(0, MAX_COMMIT_LOOKUPS)) {
    const pulls = (
      await client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
        ...repo,
        commit_sha: commit.id,
      })
    ).data as { number: number; merged_at: string | null }[];
    into[commit.id] = pulls.map((pr) => ({ number: pr.number, merged: pr.merged_at !== null }));
  }
}
