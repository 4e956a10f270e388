/**
 * The pull request the app opens for a campaign request that passes the check: its branch, title
 * and body. The body says `Closes #N` (merging closes the issue), gives the capacity result, and
 * carries a hidden marker naming the issue and its author: the review counts that person as the
 * pull request's author (src/core/review/effective-author.ts), because the app only typed the file
 * they asked for. Pure; the GitHub side is src/app/issue-form/.
 */
import type { Finding } from "../findings.js";
import { hiddenMarker } from "../markers.js";
import type { CampaignSummary } from "../report.js";

/** Kind of the hidden marker in the pull request body (`<!-- campaign-gate:issue-pull issue=N author=login path=campaigns/x.yaml -->`;
 * the path tells a later edit which file to replace when the name, and so the id, changed). */
export const ISSUE_PULL_MARKER = "issue-pull";
/** Prefix of the app's branches; the issue number follows, so one issue has exactly one branch. */
export const ISSUE_BRANCH_PREFIX = "campaign-gate/issue-";

export interface CampaignPullInput {
  issue: number;
  /** Login of the issue's author. */
  author: string;
  /** The campaign's name as typed in the form. */
  name: string;
  /** The campaign file's path. */
  path: string;
  findings: Finding[];
  summary?: CampaignSummary;
}

export interface CampaignPull {
  branch: string;
  title: string;
  body: string;
  marker: string;
}

/** Branch, title and body of the pull request for issue `input.issue`. */
export function planCampaignPull(input: CampaignPullInput): CampaignPull {
  const marker = hiddenMarker(ISSUE_PULL_MARKER, {
    issue: input.issue,
    author: input.author,
    path: input.path,
  });
  const impact = input.summary
    ? `At its busiest it takes a service to **${Math.round(input.summary.impact * 100)}%** of its safe capacity.`
    : "";
  const notes = input.findings.map((f) => `- ${f.severity}: ${f.message}`);
  const body = [
    marker,
    `Campaign requested by @${input.author} in #${input.issue}. Closes #${input.issue}`,
    "",
    `The file \`${input.path}\` was built from the issue's answers; to change it, edit the issue (the app updates this pull request).`,
    "",
    "**Capacity check:** passes." + (impact ? ` ${impact}` : ""),
    ...(notes.length > 0 ? ["", "Worth knowing:", ...notes] : []),
    "",
    `For the review, @${input.author} counts as this pull request's author: their own approval does not count.`,
  ].join("\n");
  // GitHub caps titles at 256 characters.
  const title = `Campaign: ${input.name}`.slice(0, 256);
  return { branch: `${ISSUE_BRANCH_PREFIX}${input.issue}`, title, body, marker };
}
