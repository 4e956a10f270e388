/** "Now" as a person or a workflow writes it (`--now`, CAMPAIGN_GATE_NOW). */
import { Temporal } from "temporal-polyfill";

/**
 * Epoch ms of an ISO-8601 instant with `Z` or an offset, or of a plain date (UTC midnight).
 * Throws a RangeError for anything else: a local time without offset would be ambiguous.
 */
export function parseNow(text: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return Temporal.PlainDate.from(text).toZonedDateTime("UTC").epochMilliseconds;
  }
  return Temporal.Instant.from(text).epochMilliseconds;
}
