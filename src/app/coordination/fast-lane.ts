/**
 * The fast lane on GitHub: runs the capacity check on the pull request head's files (read through
 * the API, never executed) and asks `fastLaneDecision` which groups it waives. The configuration
 * comes from the BASE branch (the caller's); the capacity file is read from the head, which is the
 * same as the base's whenever the fast lane can apply (every changed file must be a campaign file).
 * Fails closed: any error or incomplete read waives nothing.
 */
import { runCheck } from "../../core/check.js";
import { fastLaneDecision, type FastLaneDecision } from "../../core/coordination/fast-lane.js";
import type { Config } from "../../core/model.js";
import type { Report } from "../../core/report.js";
import type { GitHubClient } from "../../github/client.js";
import { campaignMatcher } from "../../core/campaign-files.js";
import { readRepositoryAt } from "../../github/repo-files.js";
import { describeError } from "../review-pull.js";

export interface FastLanePull {
  owner: string;
  repo: string;
  headSha: string;
  /** Every path the pull request changes (old names of renames included). */
  changedFiles: string[];
}

/** Groups the fast lane waives for this pull request, its peak impact, and the reason shown. */
export async function fastLaneWaivers(
  client: GitHubClient,
  pr: FastLanePull,
  config: Config,
  now: number,
): Promise<FastLaneDecision> {
  const isCampaignFile = campaignMatcher(config);
  const decide = (report: Report) =>
    fastLaneDecision({
      policy: config.review?.fast_lane,
      changedFiles: pr.changedFiles,
      isCampaignFile,
      report,
    });
  // Decided without reading the repository: no fast lane, or a file that is not a campaign.
  const early = decide(emptyReport(now));
  const applicable =
    config.review?.fast_lane !== undefined &&
    pr.changedFiles.length > 0 &&
    pr.changedFiles.every(isCampaignFile);
  if (!applicable) return early;
  try {
    const files = await readRepositoryAt(client, { owner: pr.owner, repo: pr.repo, sha: pr.headSha }, config);
    if (!files.complete) {
      return notWaived("the repository has more or larger campaign files than the app reads through the API");
    }
    const report = runCheck({ config, ...files, now, changed: pr.changedFiles });
    return decide(report);
  } catch (error) {
    return notWaived(`the campaign files could not be read (${describeError(error)})`);
  }
}

function notWaived(why: string): FastLaneDecision {
  return { waived: [], peak: 0, reason: `not waived: ${why}` };
}

/** A report with nothing in it: enough for the decisions that do not depend on the check. */
function emptyReport(now: number): Report {
  return {
    version: 1,
    verdict: "pass",
    now: new Date(now).toISOString(),
    findings: [],
    services: [],
    plan: [],
    campaigns: [],
  };
}
