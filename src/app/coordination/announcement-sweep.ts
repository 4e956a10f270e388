/**
 * Issue 14 in the scheduled run (src/app/sla-run.ts; no timers in the app): what happens to the
 * open announcement issues as time passes. Each decision is pure (src/core/announce/); this shell
 * lists the issues, reads what a decision needs, and writes each comment once under a claim, so
 * two runs at once, or a run repeated an hour later, leave one comment.
 * - A window moved or removed on the default branch before it ended: "moved, see #M" or
 *   "cancelled" comment, issue closed as not planned.
 * - A window that has ended: "completed" comment, issue closed.
 * - A freeze starting within `coordination.freeze_reminder_days`: one reminder comment to the
 *   owners of the campaigns that need IT work before it (the default branch's check decides which).
 */
import { announcementLabel } from "../../core/announce/announcement-issue.js";
import {
  completedAnnouncements,
  type OpenAnnouncement,
} from "../../core/announce/completed-announcements.js";
import { dueFreezeReminders } from "../../core/announce/due-freeze-reminders.js";
import { freezeReminderComment } from "../../core/announce/freeze-reminder-comment.js";
import { runCheckModel } from "../../core/check.js";
import { supersededAnnouncements } from "../../core/announce/superseded-announcements.js";
import { loadCapacity } from "../../core/load/index.js";
import { hasMarker } from "../../core/markers.js";
import { DEFAULT_FREEZE_REMINDER_DAYS, type Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { readFileAt } from "../../github/config-at-base.js";
import { listIssueComments } from "../../github/issue-comments.js";
import { listAll } from "../../github/paginate.js";
import { readRepositoryAt } from "../../github/repo-files.js";
import { underClaim } from "./claim.js";
import { postOnce } from "./post-once.js";

interface ApiIssue {
  number: number;
  body?: string | null;
  pull_request?: unknown;
}

/**
 * One pass over the open announcement issues of `repo`; `config` and `branch` are the default
 * branch's. Returns one plain line per thing this run did (another run's work is not reported).
 */
export async function sweepAnnouncements(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  config: Config,
  branch: string,
  now: number,
): Promise<string[]> {
  const said: string[] = [];
  let open = await openAnnouncements(client, repo);

  // Moved or removed before they ended: compared with the default branch's capacity file, read
  // only when some announcement is still running or ahead.
  const ahead = open.length > completedAnnouncements(open, now).length;
  const loaded = ahead
    ? loadCapacity(await readFileAt(client, repo, config.capacity, branch), config.capacity).capacity
    : undefined;
  // A capacity file that does not load says nothing about the windows: close nothing on it.
  const superseded = loaded ? supersededAnnouncements(open, loaded, now) : [];
  for (const gone of superseded) {
    // Neither moved nor cancelled windows happen as announced: "not planned".
    if (await closeOnce(client, repo, gone, "not_planned"))
      said.push(
        `campaign-gate: announcement #${gone.number} ${gone.change}${gone.replacement ? ` (see #${gone.replacement})` : ""} and closed`,
      );
  }
  const gone = new Set(superseded.map((g) => g.number));
  open = open.filter((issue) => !gone.has(issue.number));

  const completed = completedAnnouncements(open, now);
  for (const done of completed)
    if (await closeOnce(client, repo, done, "completed"))
      said.push(`campaign-gate: announcement #${done.number} completed and closed`);
  const closed = new Set(completed.map((d) => d.number));
  open = open.filter((issue) => !closed.has(issue.number));

  const days = config.coordination?.freeze_reminder_days ?? DEFAULT_FREEZE_REMINDER_DAYS;
  const due = [];
  // Only freezes without their reminder yet cost a read of the repository.
  for (const freeze of dueFreezeReminders(open, now, days))
    if (!(await hasComment(client, { ...repo, issue_number: freeze.number }, freeze.marker)))
      due.push(freeze);
  if (due.length === 0) return said;
  const files = await readRepositoryAt(client, { ...repo, sha: branch }, config);
  // A campaign missing from the list could need IT work and go unmentioned: no reminder rather than a wrong one.
  if (!files.complete) {
    said.push(
      `campaign-gate: freeze reminders skipped: not every campaign file on ${branch} could be read (too many or too large).`,
    );
    return said;
  }
  const { report, campaigns } = runCheckModel({ config, ...files, now });
  for (const freeze of due) {
    const reminder = freezeReminderComment(freeze, report.plan, campaigns, now);
    if (!reminder) continue;
    const issue = { ...repo, issue_number: freeze.number };
    const claimed = await underClaim(
      client,
      repo,
      `${repo.owner}/${repo.repo}#${freeze.number} ${reminder.marker}`,
      () => postOnce(client, issue, reminder.body, reminder.marker),
    );
    if (claimed.won && claimed.value)
      said.push(
        `campaign-gate: freeze reminder on announcement #${freeze.number} for ${reminder.owners.join(" ")}`,
      );
  }
  return said;
}

/** Open issues labelled as announcements (both kinds), with their bodies. */
async function openAnnouncements(
  client: GitHubClient,
  repo: { owner: string; repo: string },
): Promise<OpenAnnouncement[]> {
  const open: OpenAnnouncement[] = [];
  for (const kind of ["maintenance", "freeze"] as const) {
    const issues = await listAll<ApiIssue>(
      client,
      "GET /repos/{owner}/{repo}/issues",
      { ...repo, state: "open", labels: announcementLabel(kind) },
      { maxPages: 10 },
    );
    for (const i of issues) if (!i.pull_request) open.push({ number: i.number, body: i.body ?? "" });
  }
  return open;
}

async function hasComment(
  client: GitHubClient,
  issue: { owner: string; repo: string; issue_number: number },
  marker: string,
): Promise<boolean> {
  const comments = await listIssueComments(client, issue);
  return comments.some((c) => hasMarker(c.body ?? "", marker));
}

/**
 * Comments `closing.body` once and closes the issue. Two runs at once: the claim lets one comment
 * and close; the other leaves the issue to it. True when this run posted the comment.
 */
async function closeOnce(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  closing: { number: number; marker: string; body: string },
  reason: "completed" | "not_planned",
): Promise<boolean> {
  const issue = { ...repo, issue_number: closing.number };
  const claimed = await underClaim(
    client,
    repo,
    `${repo.owner}/${repo.repo}#${closing.number} ${closing.marker}`,
    () => postOnce(client, issue, closing.body, closing.marker),
  );
  if (!claimed.won) return false;
  // Closing again is harmless, and finishes the job of a run that posted and then stopped;
  // only the run that posted the comment reports the close.
  await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...issue,
    state: "closed",
    state_reason: reason,
  });
  return claimed.value;
}
