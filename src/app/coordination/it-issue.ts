/**
 * On merge: when the merged pull request's campaigns need IT work, opens one IT preparation issue
 * with the scale-up plan (`itPrepIssue`), computed by the capacity check on the merge commit's
 * files. Idempotent through the issue's marker, so a redelivered merge event opens nothing new.
 *
 * Which group is IT (decision): the groups the review rules require for a change to the capacity
 * file (IT keeps it), the first of them; else a group named `it`; else nobody is assigned or
 * mentioned. A repository whose files the app cannot read completely gets no issue (logged): a
 * plan from part of the campaigns would understate what IT must prepare.
 */
import { runCheck } from "../../core/check.js";
import { itPrepIssue } from "../../core/coordination/it-issue.js";
import type { Config, ReviewGroup } from "../../core/model.js";
import { requiredGroups } from "../../core/review/groups.js";
import type { GitHubClient } from "../../github/client.js";
import { changedPaths, listPullFiles } from "../../github/pull-files.js";
import { campaignMatcher } from "../../core/campaign-files.js";
import { readRepositoryAt } from "../../github/repo-files.js";
import { createIssueOnce } from "./create-issue-once.js";

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

export type ItIssueOutcome = "created" | "exists" | "not-needed" | "incomplete";

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
  return (await createIssueOnce(client, repo, issue)) === undefined ? "exists" : "created";
}

/** The IT group: see the decision at the top of this file. */
export function itGroup(config: Config): ReviewGroup {
  const policy = config.review;
  if (!policy) return { teams: [], users: [] };
  const name = requiredGroups(policy, [config.capacity])[0]?.group ?? "it";
  return policy.groups[name] ?? { teams: [], users: [] };
}
