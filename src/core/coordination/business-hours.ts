/**
 * Business time for the review SLA: only the configured weekdays between day_start and day_end,
 * in the configured IANA zone. Each business day is turned into a pair of real instants, so a DST
 * change (a 23- or 25-hour day) is counted as the clock on the wall shows it.
 */
import { Temporal } from "temporal-polyfill";
import type { SlaPolicy } from "../model.js";

const HOUR_MS = 3_600_000;
/** A scan never needs more days than this; it guards against a policy with no business time. */
const MAX_DAYS = 366 * 20;

type Hours = Pick<SlaPolicy, "timezone" | "days" | "day_start" | "day_end">;

/** Business hours elapsed between two instants (epoch ms); 0 when `to <= from`. */
export function businessHoursBetween(from: number, to: number, sla: Hours): number {
  if (!(to > from)) return 0;
  let total = 0;
  let date = localDate(from, sla.timezone);
  const last = localDate(to, sla.timezone);
  while (Temporal.PlainDate.compare(date, last) <= 0) {
    const window = businessWindow(date, sla);
    if (window) total += Math.max(0, Math.min(window.end, to) - Math.max(window.start, from));
    date = date.add({ days: 1 });
  }
  return total / HOUR_MS;
}

/**
 * The instant (epoch ms) at which `sla.hours` business hours have elapsed since `from`.
 * A start outside business hours starts counting at the next business day's start.
 * `Infinity` when the policy has no business time at all (no days, or day_end <= day_start).
 */
export function dueAt(from: number, sla: Hours & Pick<SlaPolicy, "hours">): number {
  let remaining = sla.hours * HOUR_MS;
  if (remaining <= 0) return from;
  let date = localDate(from, sla.timezone);
  for (let i = 0; i < MAX_DAYS; i++, date = date.add({ days: 1 })) {
    const window = businessWindow(date, sla);
    if (!window) continue;
    const start = Math.max(window.start, from);
    const available = window.end - start;
    if (available <= 0) continue;
    if (remaining <= available) return start + remaining;
    remaining -= available;
  }
  return Number.POSITIVE_INFINITY;
}

function localDate(epochMs: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The business window of one local date as instants, or undefined on a day off. */
function businessWindow(date: Temporal.PlainDate, sla: Hours): { start: number; end: number } | undefined {
  if (!sla.days.includes(date.dayOfWeek)) return undefined;
  const start = atLocalTime(date, sla.day_start, sla.timezone);
  const end = atLocalTime(date, sla.day_end, sla.timezone);
  return end > start ? { start, end } : undefined;
}

/**
 * "HH:MM" on a local date as an instant. "24:00" is the next midnight. A time inside a
 * spring-forward gap moves forward by the gap (Temporal's "compatible"), as wall clocks do.
 */
function atLocalTime(date: Temporal.PlainDate, hhmm: string, timeZone: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const hour = Number(match?.[1] ?? NaN);
  const minute = Number(match?.[2] ?? NaN);
  if (!match || hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) {
    throw new RangeError(`business time "${hhmm}" is not a time of day in the form HH:MM`);
  }
  const day = hour === 24 ? date.add({ days: 1 }) : date;
  const plainTime = new Temporal.PlainTime(hour % 24, minute);
  return day.toZonedDateTime({ timeZone, plainTime }).epochMilliseconds;
}
