/**
 * What both side effects of a merge (the IT preparation issue and the maintenance announcements)
 * need to know, read once per delivery: the merged pull request's changed paths, and — only when a
 * campaign file or the capacity file changed — the repository at the merge commit and the capacity
 * check over it. One listing, one repository read and one check instead of one per side effect.
 */
import { campaignMatcher } from "../../core/campaign-files.js";
import { runCheck } from "../../core/check.js";
import type { Config } from "../../core/model.js";
import type { Report } from "../../core/report.js";
import type { GitHubClient } from "../../github/client.js";
import { changedPaths, listPullFiles } from "../../github/pull-files.js";
import { readRepositoryAt, type RepositoryFiles } from "../../github/repo-files.js";

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

export type MergedCheck =
  /** Neither a campaign file nor the capacity file changed: nothing to do, nothing more read. */
  | { kind: "not-needed"; changed: string[] }
  /**
   * The file list or the repository could not be read completely: a plan or an announcement from
   * part of the campaigns would understate what IT must prepare, so neither is written (logged).
   */
  | { kind: "incomplete"; changed: string[] }
  | { kind: "checked"; changed: string[]; files: RepositoryFiles; report: Report };

/** Lists the merged pull request's files and, when they matter, checks the repository at the merge commit. */
export async function checkMerged(
  client: GitHubClient,
  pull: MergedPull,
  config: Config,
  now: number,
): Promise<MergedCheck> {
  const repo = { owner: pull.owner, repo: pull.repo };
  const listed = await listPullFiles(client, {
    ...repo,
    pull_number: pull.number,
    ...(pull.changed_files !== undefined ? { changed_files: pull.changed_files } : {}),
  });
  const changed = changedPaths(listed.files);
  if (!changed.includes(config.capacity) && !changed.some(campaignMatcher(config)))
    return { kind: "not-needed", changed };
  const files = await readRepositoryAt(client, { ...repo, sha: pull.mergeSha }, config);
  if (!files.complete || !listed.complete) return { kind: "incomplete", changed };
  return { kind: "checked", changed, files, report: runCheck({ config, ...files, now, changed }) };
}
