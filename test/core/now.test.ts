/**
 * parseNow (`--now`, CAMPAIGN_GATE_NOW) reads the everyday form directly and leaves the rest to
 * Temporal: either way the instant is Temporal's, and what Temporal refuses stays refused.
 */
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { parseNow } from "../../src/core/now.js";

const TIMES = [
  "2026-11-23T09:00:00Z",
  "2026-11-23T09:00:00.000Z",
  "2026-11-23T09:00:00.123456789Z",
  "2026-11-23T09:00Z",
  "2026-11-23T10:00:00+01:00",
  "2026-11-23T04:30:00-04:30",
  "2024-02-29T23:59:59Z",
  "2026-11-23t09:00:00z",
  "2026-11-23 09:00:00Z",
  "20261123T090000Z",
  "2026-12-31T23:59:60Z",
  "+002026-11-23T09:00:00Z",
];

describe("parseNow", () => {
  it.each(TIMES)("gives Temporal's instant for %s", (text) => {
    expect(parseNow(text)).toBe(Temporal.Instant.from(text).epochMilliseconds);
  });

  it("reads a plain date as UTC midnight", () => {
    expect(parseNow("2026-11-23")).toBe(Date.UTC(2026, 10, 23));
  });

  it.each([
    "2026-11-23T09:00:00",
    "2026-02-30T09:00:00Z",
    "2026-11-23T24:00:00Z",
    "2026-11-23T09:00:00+24:00",
    "next monday",
    "",
  ])("refuses %j as Temporal does", (text) => {
    expect(() => Temporal.Instant.from(text)).toThrow(RangeError);
    expect(() => parseNow(text)).toThrow(RangeError);
  });
});
