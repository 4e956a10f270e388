/**
 * Which change freezes are due for their reminder (issue 14, "a reminder a configurable number of
 * days before a freeze starts"): the open freeze announcements whose start, as their marker records
 * it, is at most `days` days away and not yet reached. Decided from the issue bodies and the clock
 * alone, like `completedAnnouncements`, so the scheduled run reads the repository (to find the IT
 * work due) only when a reminder may be posted, and two runs at once decide alike.
 */
import { DAY_MS } from "../capacity/deadlines.js";
import { hiddenMarker } from "../markers.js";
import { readAnnouncements, type OpenAnnouncement } from "./read-announcements.js";

/** A freeze announcement whose reminder is due. */
export interface DueFreeze {
  /** The announcement issue. */
  number: number;
  /** The freeze's name. */
  name: string;
  /** Epoch ms, from the marker. */
  start: number;
  end: number;
  /** Marker of its reminder comment (one per announcement issue). */
  marker: string;
}

/**
 * Freeze announcements among `open` (issues of any kind) with `start - days × 24 h <= now < start`,
 * oldest issue first. `days` 0 (the reminder turned off) gives none; once the freeze has started a
 * reminder would come too late, so none either.
 */
export function dueFreezeReminders(
  open: readonly OpenAnnouncement[],
  now: number,
  days: number,
): DueFreeze[] {
  if (days <= 0) return [];
  const due: DueFreeze[] = [];
  for (const { number, kind, name, start, end } of readAnnouncements(open)) {
    if (kind !== "freeze" || now < start - days * DAY_MS || now >= start) continue;
    const marker = hiddenMarker("freeze-reminder", { issue: number });
    due.push({ number, name, start, end, marker });
  }
  return due;
}
