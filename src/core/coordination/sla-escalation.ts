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
 * that runs the app's SLA sweep (src/app/sla-run.ts) — GitHub starts it once per tick, whatever the
 * number of app replicas. A cron inside the app works too: each sweep is guarded by the markers.
 *
 * Two sweeps at the same moment: each escalation is posted under a claim (claim.ts), so only one
 * sweep posts it. Should two comments exist anyway (see duplicates.ts), the app deletes what
 * `duplicateEscalations` returns: every escalation comment but the earliest per marker.
 */
import type { SlaPolicy } from "../model.js";
import { dueAt } from "./business-hours.js";
import { formatInstant, plural } from "../format.js";
import { hasMarker, hiddenMarker } from "../markers.js";
import { youngerDuplicates, type MarkedItem } from "./duplicates.js";
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
 * could leave behind. The earliest comment per marker is kept; the app deletes the rest.
 */
export function duplicateEscalations(comments: MarkedItem[], appLogin?: string): number[] {
  return youngerDuplicates(comments, "escalation", appLogin);
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
