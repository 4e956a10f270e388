/**
 * The fast lane: low-impact campaign PRs skip the groups in `fast_lane.waive` (usually IT), so IT
 * reviews only what can hurt. Decided from the capacity check run on the PR head's files (fetched
 * through the API; the app never runs repository code) with `changed` = the PR's files.
 *
 * Decision on deleted campaign files: removing a campaign only lowers load, so a deleted campaign
 * file counts as a campaign file with no impact. A PR that only deletes campaigns is waived (peak 0%)
 * as long as the remaining campaigns pass the check.
 */
import type { FastLanePolicy } from "../model.js";
import type { Report } from "../report.js";
import { formatPercent } from "../format.js";

const TOLERANCE = 1e-9;

export interface FastLaneInput {
  policy: FastLanePolicy | undefined;
  /** Every file the PR changes, added or deleted (paths relative to the repository root). */
  changedFiles: string[];
  isCampaignFile: (path: string) => boolean;
  /** The capacity check of the head's files with changed = `changedFiles`. */
  report: Report;
}

export interface FastLaneDecision {
  /** Groups that do not block this PR; empty when the fast lane does not apply. */
  waived: string[];
  /** Highest impact (share of safe capacity) among the campaigns this PR adds or changes. */
  peak: number;
  /** Plain language: when waived, what the check shows after "waived: " ("low impact (peak 32%)"); else why not ("not waived: …"). */
  reason: string;
}

/** Whether the PR takes the fast lane, which groups it waives, and why (or why not). */
export function fastLaneDecision(input: FastLaneInput): FastLaneDecision {
  const { policy, changedFiles, report } = input;
  const changed = new Set(changedFiles);
  const campaigns = report.campaigns.filter((campaign) => changed.has(campaign.file));
  const peak = Math.max(0, ...campaigns.map((campaign) => campaign.impact));
  const notWaived = (why: string): FastLaneDecision => ({ waived: [], peak, reason: `not waived: ${why}` });

  if (!policy || policy.waive.length === 0) return notWaived("this repository has no fast lane");
  if (changedFiles.length === 0) return notWaived("the pull request changes no files");
  const others = changedFiles.filter((path) => !input.isCampaignFile(path));
  if (others.length > 0) {
    return notWaived(`the pull request also changes ${quoteList(others)}, which always needs a full review`);
  }
  if (report.verdict === "fail") return notWaived("the capacity check fails");
  const limit = policy.max_utilization;
  const tooBig = campaigns
    .filter((campaign) => campaign.impact > limit * (1 + TOLERANCE))
    .sort((a, b) => b.impact - a.impact);
  if (tooBig.length > 0) {
    const peaks = tooBig.map((campaign) => `${campaign.id} peaks at ${formatPercent(campaign.impact)}`);
    return notWaived(`${peaks.join(", ")} of safe capacity (fast lane up to ${formatPercent(limit)})`);
  }
  return { waived: [...policy.waive], peak, reason: `low impact (peak ${formatPercent(peak)})` };
}

/** "a, b and 3 more files" — short enough for a check summary line. */
function quoteList(paths: string[]): string {
  const shown = paths.slice(0, 2).join(", ");
  return paths.length > 2 ? `${shown} and ${paths.length - 2} more files` : shown;
}
