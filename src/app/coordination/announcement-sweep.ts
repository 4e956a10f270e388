/**
 * Issue 14 in the scheduled run (src/app/sla-run.ts; no timers in the app): what happens to the
 * open announcement issues as time passes. Each decision is pure (src/core/announce/); this shell
 * lists the issues, reads what a decision needs, and writes each comment once under a claim, so
 * two runs at once, or a run repeated an hour later, leave one comment.
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
import { hasMarker } from "../../core/markers.js";
import { DEFAULT_FREEZE_REMINDER_DAYS, type Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { listAll } from "../../github/paginate.js";
import { readRepositoryAt } from "../../github/repo-files.js";
import { underClaim } from "./claim.js";
import { postOnce } from "./escalate.js";

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

  const completed = completedAnnouncements(open, now);
  for (const done of completed) {
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
    if (claimed.value) said.push(`campaign-gate: announcement #${done.number} completed and closed`);
  }
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
  const comments = await listAll<{ body?: string }>(
    client,
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    issue,
    { maxPages: 30 },
  );
  return comments.some((c) => hasMarker(c.body ?? "", marker));
}
