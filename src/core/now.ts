/** "Now" as a person or a workflow writes it (`--now`, CAMPAIGN_GATE_NOW). */
import { Temporal } from "temporal-polyfill";
import { readUtcInstant } from "./load/utc-instant.js";

/**
 * Epoch ms of an ISO-8601 instant with `Z` or an offset, or of a plain date (UTC midnight).
 * Throws a RangeError for anything else: a local time without offset would be ambiguous.
 * The everyday form (`2026-11-23T09:00:00Z`) is read directly, as in campaign files: Temporal,
 * which the bundles load only when first used, then stays unloaded for a run that needs no other date.
 */
export function parseNow(text: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return Temporal.PlainDate.from(text).toZonedDateTime("UTC").epochMilliseconds;
  }
  return readUtcInstant(text) ?? Temporal.Instant.from(text).epochMilliseconds;
}
