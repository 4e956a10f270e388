/**
 * On merge: when the merged pull request's campaigns need IT work, opens one IT preparation issue
 * with the scale-up plan (`itPrepIssue`), computed by the capacity check on the merge commit's
 * files (`checkMerged`, shared with the announcements). Once through `createIssueOnce` (marker,
 * claim, clean-up), so a redelivered merge event, or the same delivery at two replicas, opens one
 * issue. Which group is IT: `itGroup` in src/core/coordination/it-issue.ts. A repository whose files
 * the app cannot read completely gets no issue (logged): a plan from part of the campaigns would
 * understate what IT must prepare.
 */
import { campaignMatcher } from "../../core/campaign-files.js";
import { itGroup, itPrepIssue } from "../../core/coordination/it-issue.js";
import type { Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { createIssueOnce, type IssueOutcome } from "./create-issue-once.js";
import type { MergedCheck, MergedPull } from "./merged-check.js";

export type ItIssueOutcome = IssueOutcome | "not-needed" | "incomplete";

/** Opens the IT preparation issue for a merged pull request if its campaigns need IT work. */
export async function openItPrepIssue(
  client: GitHubClient,
  pull: MergedPull,
  merged: MergedCheck,
  config: Config,
): Promise<ItIssueOutcome> {
  if (!merged.changed.some(campaignMatcher(config))) return "not-needed";
  if (merged.kind !== "checked") return merged.kind;
  const issue = itPrepIssue({
    pr: { number: pull.number, title: pull.title, url: pull.url, author: pull.author },
    changedFiles: merged.changed,
    report: merged.report,
    itGroup: itGroup(config),
    org: pull.owner,
  });
  if (!issue) return "not-needed";
  return createIssueOnce(client, { owner: pull.owner, repo: pull.repo }, issue);
}
