/**
 * Turning the time strings of the files into instants (epoch ms). All time-zone arithmetic is
 * Temporal's (temporal-polyfill): DST gaps are detected with `disambiguation: "reject"`, fall-back
 * overlaps take the earlier instant. The common UTC and offset times need no zone and are computed
 * without Temporal's parser (utc-instant.ts), to the same millisecond.
 */
import { Temporal } from "temporal-polyfill";
import { readUtcInstant } from "./utc-instant.js";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;

/** Which end of a half-open window a value is: a date alone means different midnights. */
export type WindowEnd = "start" | "end";

export type InstantResult =
  | { ok: true; ms: number }
  /**
   * `problem` completes "`window.start` ..." in a message. For a local time inside a DST gap,
   * `readings` are the earliest and latest instants it could have meant (the offsets before and
   * after the jump), so the window's order can still be checked where every reading agrees.
   */
  | { ok: false; problem: string; readings?: { earliest: number; latest: number } };

/** canonicalTimeZone's answers; bounded, since the names come from the files (a long-lived server reads many). */
const canonicalZones = new Map<string, string | undefined>();
const MAX_REMEMBERED_ZONES = 1000;

/**
 * The canonical IANA name of `zone`, or undefined when it is no named zone both Temporal and the
 * runtime's Intl know. An offset like `+05:00` is refused: Temporal reads it, but Intl (which the
 * reports format times with) throws on it in Node 20, and an offset has no daylight saving time
 * anyway, so it belongs on the times themselves.
 */
export function canonicalTimeZone(zone: string): string | undefined {
  // Remembered per name: a repository names a handful of zones, and each answer costs a Temporal
  // zone and an Intl formatter (twice per campaign file: its window, then its campaign).
  if (canonicalZones.has(zone)) return canonicalZones.get(zone);
  let id: string | undefined;
  if (!isOffsetZone(zone)) {
    try {
      id = new Temporal.ZonedDateTime(0n, zone).timeZoneId;
      new Intl.DateTimeFormat("en-US", { timeZone: id });
    } catch {
      id = undefined;
    }
  }
  if (canonicalZones.size >= MAX_REMEMBERED_ZONES) canonicalZones.clear();
  canonicalZones.set(zone, id);
  return id;
}

/** True for `+05:00`, `-0330`, `+05` and the like: an offset written where a zone name belongs. */
export function isOffsetZone(zone: string): boolean {
  return offsetOf(zone) !== undefined;
}

/** `+05:00` for an offset written as a zone (`+5`, `+0500`, `−05:00`), else undefined. */
export function offsetOf(zone: string): string | undefined {
  const m = /^([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/.exec(zone.trim());
  if (!m) return undefined;
  const sign = m[1] === "+" ? "+" : "-";
  return `${sign}${m[2]!.padStart(2, "0")}:${m[3] ?? "00"}`;
}

/** True when the string carries its own offset (or Z), so no time zone is needed to read it. */
export function hasOffset(text: string): boolean {
  return !DATE_ONLY.test(text) && HAS_OFFSET.test(text);
}

/**
 * Resolves a time string (already matching the schema pattern). A value without offset is read in
 * `zone`; the caller makes sure `zone` is set and valid when `hasOffset` is false.
 */
export function resolveInstant(text: string, end: WindowEnd, zone: string): InstantResult {
  // The common `…Z` / `…+01:00` form without Temporal's parser; anything else reads as before.
  const utc = readUtcInstant(text);
  if (utc !== undefined) return { ok: true, ms: utc };
  try {
    if (DATE_ONLY.test(text)) {
      const date = Temporal.PlainDate.from(text);
      const day = end === "start" ? date : date.add({ days: 1 });
      // Without a time, Temporal takes the start of the day, which exists even when a DST change happens at midnight.
      return { ok: true, ms: day.toZonedDateTime({ timeZone: zone }).epochMilliseconds };
    }
    if (HAS_OFFSET.test(text)) return { ok: true, ms: Temporal.Instant.from(text).epochMilliseconds };
    const local = Temporal.PlainDateTime.from(text);
    try {
      return { ok: true, ms: local.toZonedDateTime(zone, { disambiguation: "reject" }).epochMilliseconds };
    } catch {
      // Rejected: either a fall-back overlap (take the earlier instant) or a spring-forward gap (an error).
      const earlier = local.toZonedDateTime(zone, { disambiguation: "earlier" });
      if (earlier.toPlainDateTime().equals(local)) return { ok: true, ms: earlier.epochMilliseconds };
      const later = local.toZonedDateTime(zone, { disambiguation: "later" });
      return {
        ok: false,
        problem: `is ${text} in ${zone}, a time that does not exist there (the clocks jump forward over it for daylight saving time); pick a time outside the jump`,
        readings: {
          earliest: Math.min(earlier.epochMilliseconds, later.epochMilliseconds),
          latest: Math.max(earlier.epochMilliseconds, later.epochMilliseconds),
        },
      };
    }
  } catch {
    return { ok: false, problem: `is ${text}, which is not a real date or time` };
  }
}
