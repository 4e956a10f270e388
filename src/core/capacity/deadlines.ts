/**
 * Deadlines (DESIGN section 2, "Needs IT work"): the first instant a campaign needs IT work, moved
 * to a freeze's start when it falls inside that freeze, and whether IT gets enough notice.
 */
import type { Freeze } from "../model.js";

export const DAY_MS = 86_400_000;

export interface Deadline<F extends FreezeWindow = Freeze> {
  /** When IT work must be done (epoch ms). */
  at: number;
  /** The freeze that moved the deadline to its start, if any. */
  freeze?: F;
}

/** What moving a deadline reads of a freeze (so `fit` can pass its plain JSON freezes). */
type FreezeWindow = Pick<Freeze, "start" | "end">;

/**
 * Moves an instant inside a freeze [start, end) to that freeze's start. Repeated, because the start
 * of one freeze may lie inside an earlier overlapping one (IT cannot change anything there either).
 */
export function moveBeforeFreezes<F extends FreezeWindow = Freeze>(
  instant: number,
  freezes: readonly F[],
): Deadline<F> {
  let deadline: Deadline<F> = { at: instant };
  for (;;) {
    let earliest: F | undefined;
    for (const f of freezes) {
      if (f.start < deadline.at && deadline.at < f.end && (!earliest || f.start < earliest.start))
        earliest = f;
    }
    if (!earliest) return deadline;
    deadline = { at: earliest.start, freeze: earliest };
  }
}

/** `notice`/`freeze` when the deadline is less than `notice_days` (exact days, negative included) away; else none. */
export function noticeRule(
  deadline: Deadline<FreezeWindow>,
  now: number,
  noticeDays: number,
): "notice" | "freeze" | undefined {
  if (deadline.at - now >= noticeDays * DAY_MS) return undefined;
  return deadline.freeze ? "freeze" : "notice";
}
