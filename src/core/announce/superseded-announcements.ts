/**
 * Which open announcement issues tell of a window that is no longer planned (issue 14): the window
 * was moved or removed on the default branch before it ended. Without this, the old announcement
 * would stay open until its old end and then say "completed" for something that never happened.
 * Decided from the issue bodies (their markers) and the capacity file of the default branch: a
 * window of the marker's kind and name with the marker's times is still planned; one of that kind
 * and name with other times means it moved (to the announcement with those times, when there is
 * one); none means it was cancelled (or renamed: a renamed window is announced as a new one).
 */
import { formatInstant, formatWindowEnd } from "../format.js";
import { hiddenMarker } from "../markers.js";
import type { Freeze, Maintenance } from "../model.js";
import { readAnnouncements, type OpenAnnouncement } from "./read-announcements.js";

export interface Supersession {
  number: number;
  change: "moved" | "cancelled";
  /** The open announcement of the new times, for `moved`, when there is one. */
  replacement?: number;
  /** Marker of the closing comment (one per issue). */
  marker: string;
  body: string;
}

/**
 * The open announcements among `open` whose window, not yet ended at `now`, is no longer in
 * `capacity` with the announced times; oldest issue first. Ended windows are left to
 * `completedAnnouncements`.
 */
export function supersededAnnouncements(
  open: readonly OpenAnnouncement[],
  capacity: {
    maintenance: readonly Pick<Maintenance, "name" | "start" | "end">[];
    freezes: readonly Pick<Freeze, "name" | "start" | "end">[];
  },
  now: number,
): Supersession[] {
  const marked = readAnnouncements(open);
  const result: Supersession[] = [];
  for (const issue of marked) {
    if (issue.end <= now) continue;
    const windows = (issue.kind === "maintenance" ? capacity.maintenance : capacity.freezes).filter(
      (w) => w.name === issue.name,
    );
    if (windows.some((w) => w.start === issue.start && w.end === issue.end)) continue;
    const what = `${issue.kind === "maintenance" ? "The maintenance" : "The change freeze"} "${issue.name}"`;
    const was = `${formatInstant(issue.start)} to ${formatWindowEnd(issue.end)}`;
    const marker = hiddenMarker("announcement-superseded", { issue: issue.number });
    const planned = windows.filter((w) => w.end > now);
    if (planned.length === 0) {
      result.push({
        number: issue.number,
        change: "cancelled",
        marker,
        body: [
          marker,
          "",
          `**Cancelled.** ${what}, announced here for ${was}, is no longer in the capacity file on the default branch: it will not happen as announced. If it was renamed, it has an announcement of its own.`,
        ].join("\n"),
      });
      continue;
    }
    // Moved: to the announced window of the same name, when the app has announced one already.
    const announced = planned
      .map((w) => ({
        w,
        issue: marked.find(
          (o) => o.kind === issue.kind && o.name === issue.name && o.start === w.start && o.end === w.end,
        ),
      }))
      .find((x) => x.issue !== undefined);
    const target = announced?.w ?? planned[0]!;
    const moved = `${formatInstant(target.start)} to ${formatWindowEnd(target.end)}`;
    result.push({
      number: issue.number,
      change: "moved",
      ...(announced?.issue ? { replacement: announced.issue.number } : {}),
      marker,
      body: [
        marker,
        "",
        `**Moved.** ${what}, announced here for ${was}, now runs from ${moved}${announced?.issue ? `: see #${announced.issue.number}` : ""}. This announcement is closed; the new times are the ones that count.`,
      ].join("\n"),
    });
  }
  return result;
}
