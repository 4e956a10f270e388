/**
 * Issue 14 in the app. On merge: a pull request that changed the capacity file and added or moved a
 * maintenance window or a change freeze gets one announcement issue per window (what, when, the
 * services and sites, the campaigns touched with their owners mentioned, the pull request), through
 * `createIssueOnce` (marker, claim, clean-up), so a redelivery or two replicas still open one.
 * After the window: `closeCompletedAnnouncements`, called by the scheduled run (sla-run.ts), comments
 * "completed" once (under a claim, like the escalation comment) and closes the issue.
 */
import { announceChanges } from "../../core/announce/announce-changes.js";
import { announcementIssue, announcementLabel } from "../../core/announce/announcement-issue.js";
import { completedAnnouncements } from "../../core/announce/completed-announcements.js";
import type { Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { readFileAt } from "../../github/config-at-base.js";
import { listAll } from "../../github/paginate.js";
import { underClaim } from "./claim.js";
import { createIssueOnce, type IssueOutcome } from "./create-issue-once.js";
import { postOnce } from "./escalate.js";
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
  const { files, report } = merged;
  const repo = { owner: pull.owner, repo: pull.repo };
  const announcements = announceChanges({
    config,
    baseCapacity: await readFileAt(client, repo, config.capacity, baseSha),
    capacity: files.capacity,
    campaigns: files.campaigns,
    report,
    now,
  });
  const outcomes: { key: string; outcome: IssueOutcome }[] = [];
  for (const a of announcements) {
    const issue = announcementIssue(a, { number: pull.number, url: pull.url, title: pull.title });
    outcomes.push({ key: a.key, outcome: await createIssueOnce(client, repo, issue) });
  }
  return outcomes;
}

interface ApiIssue {
  number: number;
  body?: string | null;
  pull_request?: unknown;
}

/**
 * Comments "completed" on, and closes, every open announcement issue whose window has ended.
 * Returns the numbers of the issues this run closed.
 */
export async function closeCompletedAnnouncements(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  now: number,
): Promise<number[]> {
  const closed: number[] = [];
  for (const kind of ["maintenance", "freeze"] as const) {
    const open = await listAll<ApiIssue>(
      client,
      "GET /repos/{owner}/{repo}/issues",
      { ...repo, state: "open", labels: announcementLabel(kind) },
      { maxPages: 10 },
    );
    const issues = open.filter((i) => !i.pull_request).map((i) => ({ number: i.number, body: i.body ?? "" }));
    for (const done of completedAnnouncements(issues, now)) {
      const issue = { ...repo, issue_number: done.number };
      // Two runs at once: the claim lets one comment and close; the other leaves the issue to it.
      const claimed = await underClaim(
        client,
        repo,
        `${repo.owner}/${repo.repo}#${done.number} ${done.marker}`,
        () => postOnce(client, issue, done.body, done.marker),
      );
      if (!claimed.won) continue;
      // Closing again is harmless, and finishes the job of a run that posted and then stopped;
      // only the run that posted the comment reports the close.
      await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        ...issue,
        state: "closed",
        state_reason: "completed",
      });
      if (claimed.value) closed.push(done.number);
    }
  }
  return closed;
}
