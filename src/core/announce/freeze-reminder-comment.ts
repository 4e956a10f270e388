/**
 * The reminder comment on a change freeze's announcement issue (issue 14): which IT work is due
 * before the freeze starts, and the owners of the campaigns that need it, mentioned for their
 * attention. "Needs IT work before it" comes from the capacity check of the default branch as it
 * is when the reminder is posted (not as it was when the freeze was announced): the plan's entries
 * due by the freeze's start, for the campaigns among them that start before the freeze ends (a
 * campaign after the freeze shares the scale-up but does not need it before the freeze).
 */
import { escapeMarkdown, formatDays, formatInstant, formatWindowEnd } from "../format.js";
import type { Campaign } from "../model.js";
import type { PlanEntry } from "../report.js";
import type { DueFreeze } from "./due-freeze-reminders.js";

export interface FreezeReminder {
  number: number;
  /** Marker of the reminder comment (the freeze's `marker`). */
  marker: string;
  body: string;
  /** Owners mentioned, as written in the campaign files, each once, in campaign order. */
  owners: string[];
}

/**
 * The reminder for `freeze`, or undefined when no campaign needs IT work before it (nobody to
 * remind). `plan` is the check's scale-up plan; `campaigns` the loaded campaigns it names by id.
 */
export function freezeReminderComment(
  freeze: DueFreeze,
  plan: readonly PlanEntry[],
  campaigns: readonly Pick<Campaign, "id" | "name" | "owner" | "start">[],
  now: number,
): FreezeReminder | undefined {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const work: string[] = [];
  const owners: string[] = [];
  for (const entry of plan) {
    if (Date.parse(entry.by) > freeze.start) continue;
    const needing = entry.campaigns.flatMap((id) => {
      const c = byId.get(id);
      return c && c.start < freeze.end ? [c] : [];
    });
    if (needing.length === 0) continue;
    const who = needing.map((c) => `${escapeMarkdown(c.name)} (${c.owner})`).join(", ");
    work.push(
      `- ${entry.service}: scale to ${entry.instances} instances by ${formatInstant(entry.by)}, for ${who}`,
    );
    for (const c of needing) if (!owners.includes(c.owner)) owners.push(c.owner);
  }
  if (work.length === 0) return undefined;
  const body = [
    freeze.marker,
    "",
    `**Reminder:** the change freeze "${escapeMarkdown(freeze.name)}" starts ${formatInstant(freeze.start)}, in ${formatDays(freeze.start - now)}. From then to ${formatWindowEnd(freeze.end)} IT makes no infrastructure changes (no scaling).`,
    "",
    "IT work due before it:",
    "",
    ...work,
    "",
    `${owners.join(" ")}: for your attention, no approval needed. If this work is not done yet, or your campaign changed, talk to IT before the freeze starts.`,
  ].join("\n");
  return { number: freeze.number, marker: freeze.marker, body, owners };
}
