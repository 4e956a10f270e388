/**
 * Issue 14 in the app. On merge: a pull request that changed the capacity file and added or moved a
 * maintenance window or a change freeze gets one announcement issue per window (what, when, the
 * services and sites, the campaigns touched with their owners mentioned, the pull request), through
 * `createIssueOnce` (marker, claim, clean-up), so a redelivery or two replicas still open one.
 * What happens to the issues afterwards (completed, reminders) is the scheduled run's:
 * announcement-sweep.ts.
 */
import { announceChanges } from "../../core/announce/announce-changes.js";
import type { Announcement } from "../../core/announce/announce-windows.js";
import { announcementIssue } from "../../core/announce/announcement-issue.js";
import { windowsChanged } from "../../core/announce/windows-changed.js";
import { runCheck } from "../../core/check.js";
import type { Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { readFileAt } from "../../github/config-at-base.js";
import { changedPaths, listPullFiles } from "../../github/pull-files.js";
import { readRepositoryAt } from "../../github/repo-files.js";
import { createIssueOnce, type IssueOutcome } from "./create-issue-once.js";
import type { MergedCheck, MergedPull } from "./merged-check.js";

export type AnnounceOutcome = { key: string; outcome: IssueOutcome }[] | "not-needed" | "incomplete";

/** Opens the announcement issues of a merged pull request (none unless it changed the capacity file). */
export async function announceMerged(
  client: GitHubClient,
  pull: MergedPull,
  merged: MergedCheck,
  baseSha: string,
  config: Config,
  now: number,
): Promise<AnnounceOutcome> {
  if (!merged.changed.includes(config.capacity)) return "not-needed";
  // Campaigns missing from the list would go unmentioned: better no announcement than a wrong one (logged).
  if (merged.kind !== "checked") return merged.kind;
  const repo = { owner: pull.owner, repo: pull.repo };
  // The merge commit's repository and check are shared with the IT issue (checkMerged).
  const announcements = announceChanges({
    config,
    baseCapacity: await readFileAt(client, repo, config.capacity, baseSha),
    capacity: merged.files.capacity,
    campaigns: merged.files.campaigns,
    report: merged.report,
    now,
  });
  const outcomes: { key: string; outcome: IssueOutcome }[] = [];
  for (const a of announcements) {
    const issue = announcementIssue(a, { number: pull.number, url: pull.url, title: pull.title });
    outcomes.push({ key: a.key, outcome: await createIssueOnce(client, repo, issue) });
  }
  return outcomes;
}

/**
 * The maintenance windows and freezes a pull request adds or changes (`announceChanges` of the
 * capacity file at `baseSha` and the repository at `headSha`): "not-needed" when it does not change
 * the capacity file, "incomplete" when some file cannot be read.
 */
export async function pullAnnouncements(
  client: GitHubClient,
  pull: {
    owner: string;
    repo: string;
    number: number;
    changed_files?: number;
    headSha: string;
    baseSha: string;
    /** The pull request's complete list of changed paths, when the caller has it (spares the listing). */
    changed?: string[];
  },
  config: Config,
  now: number,
): Promise<Announcement[] | "not-needed" | "incomplete"> {
  const repo = { owner: pull.owner, repo: pull.repo };
  const listed = pull.changed
    ? { changed: pull.changed, complete: true }
    : await listPullFiles(client, {
        ...repo,
        pull_number: pull.number,
        ...(pull.changed_files !== undefined ? { changed_files: pull.changed_files } : {}),
      }).then((l) => ({ changed: changedPaths(l.files), complete: l.complete }));
  const { changed } = listed;
  if (!changed.includes(config.capacity)) return "not-needed";
  const [baseCapacity, headCapacity] = await Promise.all([
    readFileAt(client, repo, config.capacity, pull.baseSha),
    readFileAt(client, repo, config.capacity, pull.headSha),
  ]);
  // No window added or moved: nothing to announce, and no need to read every campaign.
  if (!windowsChanged({ config, baseCapacity, capacity: headCapacity, now })) return [];
  const files = await readRepositoryAt(client, { ...repo, sha: pull.headSha }, config);
  // Campaigns missing from the list would go unmentioned: better no announcement than a wrong one (logged).
  if (!files.complete || !listed.complete) return "incomplete";
  const report = runCheck({ config, ...files, now, changed });
  return announceChanges({
    config,
    baseCapacity,
    capacity: files.capacity,
    campaigns: files.campaigns,
    report,
    now,
  });
}
