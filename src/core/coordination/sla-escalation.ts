/**
 * Review SLA escalation: a required group that has not reviewed within `sla.hours` business hours
 * gets one comment that mentions the escalation people, and the PR gets the SLA label.
 *
 * Stateless and idempotent: the start of the wait comes from GitHub timestamps (review requested,
 * or the PR became ready), and every escalation comment carries a hidden marker per PR and group
 * (`<!-- campaign-gate:escalation group=it -->`). A marker already on the PR means "done", so a
 * redelivered event, a second replica or the next scheduled run posts nothing new.
 *
 * Trigger: a schedule, because nothing happens on GitHub when a review is late. Recommended: a
 * scheduled GitHub workflow (`on: schedule`, e.g. hourly on weekdays) in the campaigns repository
 * that runs the app's SLA sweep through Probot's GitHub Actions adapter (`@probot/adapter-github-actions`)
 * — GitHub runs it exactly once per tick, whatever the number of app replicas. A cron inside the
 * app works too: with several replicas, each sweep is guarded by the markers.
 *
 * The race that remains: two sweeps reading the comments at the same moment may both post. After
 * posting, the app lists the comments again and deletes what `duplicateEscalations` returns — every
 * escalation comment but the earliest per marker — so at most a few seconds show two comments and
 * each person gets at most one extra notification.
 */
import type { SlaPolicy } from "../model.js";
import { dueAt } from "./business-hours.js";
import { formatInstant, plural } from "../format.js";
import { findMarker, hasMarker, hiddenMarker } from "../markers.js";
import { groupMentions } from "./mentions.js";

export interface WaitingGroup {
  group: string;
  /** Epoch ms: when the group's review was requested or the PR became ready, whichever is later. */
  since: number;
}

export interface EscalationInput {
  now: number;
  sla: SlaPolicy;
  /** Required groups with no decisive review yet (approved or waived groups are not waiting). */
  waitingGroups: WaitingGroup[];
  existingComments: { body: string; author: string }[];
  labels: string[];
  /** Organisation that owns the escalation teams, for `@org/team` mentions. */
  org: string;
  /** The app's bot login (e.g. "campaign-gate[bot]"); when given, only its comments count as done. */
  appLogin?: string;
}

export interface EscalationPlan {
  comments: { group: string; body: string }[];
  /** Add `sla.label`: a new escalation is posted and the PR does not carry the label yet. */
  addLabel: boolean;
}

/** The marker of the escalation of one group on one PR (the PR is the comment's own thread). */
export function escalationMarker(group: string): string {
  return hiddenMarker("escalation", { group });
}

/**
 * The escalation comments to post now. The label is added only together with a new comment, so a
 * person who removes it on purpose is not overruled by the next run.
 */
export function planEscalations(input: EscalationInput): EscalationPlan {
  const ours = input.existingComments.filter(
    (comment) => input.appLogin === undefined || comment.author === input.appLogin,
  );
  const comments = input.waitingGroups
    .filter((waiting) => dueAt(waiting.since, input.sla) <= input.now)
    .filter((waiting) => !ours.some((comment) => hasMarker(comment.body, escalationMarker(waiting.group))))
    .map((waiting) => ({ group: waiting.group, body: escalationBody(waiting, input) }));
  const addLabel = comments.length > 0 && !input.labels.includes(input.sla.label);
  return { comments, addLabel };
}

/**
 * Ids of escalation comments that repeat an earlier one (same marker): what two racing sweeps
 * leave behind. The earliest comment per marker is kept; the app deletes the rest.
 */
export function duplicateEscalations(
  comments: { id: number; body: string; author: string; createdAt: string }[],
  appLogin?: string,
): number[] {
  const ordered = [...comments]
    .filter((comment) => appLogin === undefined || comment.author === appLogin)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const comment of ordered) {
    const marker = findMarker(comment.body, "escalation")?.text;
    if (marker === undefined) continue;
    if (seen.has(marker)) duplicates.push(comment.id);
    seen.add(marker);
  }
  return duplicates;
}

function escalationBody(waiting: WaitingGroup, input: EscalationInput): string {
  const { sla } = input;
  const mentions = groupMentions(sla.escalate, input.org);
  const who = mentions.length > 0 ? mentions.join(" ") : "Reviewers";
  return [
    `⏰ **Review overdue: ${waiting.group}**`,
    "",
    `The **${waiting.group}** review was requested on ${formatInstant(waiting.since, sla.timezone)} ` +
      `and has not happened within ${plural(sla.hours, "hour")} of business time ` +
      `(due ${formatInstant(dueAt(waiting.since, sla), sla.timezone)}).`,
    "",
    `${who}: please review this pull request or find someone in **${waiting.group}** who can.`,
    "",
    escalationMarker(waiting.group),
  ].join("\n");
}
