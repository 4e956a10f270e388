/**
 * On merge: when the merged pull request's campaigns need IT work, opens one IT preparation issue
 * with the scale-up plan (`itPrepIssue`), computed by the capacity check on the merge commit's
 * files. Once through `createIssueOnce` (marker, claim, clean-up), so a redelivered merge event, or
 * the same delivery at two replicas, opens one issue. Which group is IT: `itGroup` in
 * src/core/coordination/it-issue.ts. A repository whose files the app cannot read completely gets
 * no issue (logged): a plan from part of the campaigns would understate what IT must prepare.
 */
import { runCheck } from "../../core/check.js";
import { itGroup, itPrepIssue } from "../../core/coordination/it-issue.js";
import type { Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { changedPaths, listPullFiles } from "../../github/pull-files.js";
import { campaignMatcher } from "../../core/campaign-files.js";
import { readRepositoryAt } from "../../github/repo-files.js";
import { createIssueOnce, type IssueOutcome } from "./create-issue-once.js";

export interface MergedPull {
  owner: string;
  repo: string;
  number: number;
  title: string;
  url: string;
  author: string;
  /** The commit the merge produced (merge, squash or rebase). */
  mergeSha: string;
  changed_files?: number;
}

export type ItIssueOutcome = IssueOutcome | "not-needed" | "incomplete";

/** Opens the IT preparation issue for a merged pull request if its campaigns need IT work. */
export async function openItPrepIssue(
  client: GitHubClient,
  pull: MergedPull,
  config: Config,
  now: number,
): Promise<ItIssueOutcome> {
  const repo = { owner: pull.owner, repo: pull.repo };
  const listed = await listPullFiles(client, {
    ...repo,
    pull_number: pull.number,
    ...(pull.changed_files !== undefined ? { changed_files: pull.changed_files } : {}),
  });
  const changed = changedPaths(listed.files);
  if (!changed.some(campaignMatcher(config))) return "not-needed";
  const files = await readRepositoryAt(client, { ...repo, sha: pull.mergeSha }, config);
  if (!files.complete || !listed.complete) return "incomplete";
  const report = runCheck({ config, ...files, now, changed });
  const issue = itPrepIssue({
    pr: { number: pull.number, title: pull.title, url: pull.url, author: pull.author },
    changedFiles: changed,
    report,
    itGroup: itGroup(config),
    org: pull.owner,
  });
  if (!issue) return "not-needed";
  return createIssueOnce(client, repo, issue);
}
