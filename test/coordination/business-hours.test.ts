import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessHoursBetween, dueAt } from "../../src/core/coordination/business-hours.js";
import { at, sla } from "./fixtures.js";

const iso = (ms: number) => new Date(ms).toISOString();

describe("business hours across a weekend", () => {
  const policy = sla(); // 24 h, 09-17 Mon-Fri, UTC

  it("is due Wednesday 16:00 when requested Friday 16:00", () => {
    // Friday 1 h + Monday 8 h + Tuesday 8 h + Wednesday 7 h = 24 h.
    expect(iso(dueAt(at("2026-11-20T16:00:00Z"), policy))).toBe("2026-11-25T16:00:00.000Z");
    expect(businessHoursBetween(at("2026-11-20T16:00:00Z"), at("2026-11-25T16:00:00Z"), policy)).toBe(24);
  });

  it("counts no time on Saturday and Sunday", () => {
    expect(businessHoursBetween(at("2026-11-20T17:00:00Z"), at("2026-11-23T09:00:00Z"), policy)).toBe(0);
    expect(businessHoursBetween(at("2026-11-20T16:00:00Z"), at("2026-11-23T10:30:00Z"), policy)).toBe(2.5);
  });

  it("starts counting at the next business morning when requested outside business hours", () => {
    const eight = sla({ hours: 8 });
    expect(iso(dueAt(at("2026-11-21T10:00:00Z"), eight))).toBe("2026-11-23T17:00:00.000Z"); // Saturday
    expect(iso(dueAt(at("2026-11-24T07:00:00Z"), sla({ hours: 1 })))).toBe("2026-11-24T10:00:00.000Z"); // early
    expect(iso(dueAt(at("2026-11-24T18:00:00Z"), sla({ hours: 1 })))).toBe("2026-11-25T10:00:00.000Z"); // late
  });

  it("is due at the end of the day, not the next morning, when the hours end exactly there", () => {
    expect(iso(dueAt(at("2026-11-23T09:00:00Z"), sla({ hours: 8 })))).toBe("2026-11-23T17:00:00.000Z");
  });

  it("gives 0 when the end is not after the start", () => {
    expect(businessHoursBetween(at("2026-11-24T12:00:00Z"), at("2026-11-24T11:00:00Z"), policy)).toBe(0);
    expect(businessHoursBetween(at("2026-11-24T12:00:00Z"), at("2026-11-24T12:00:00Z"), policy)).toBe(0);
  });
});

describe("business hours in a time zone with DST", () => {
  it("keeps 16:00 local across the spring change (Berlin, 29 March 2026)", () => {
    const berlin = sla({ timezone: "Europe/Berlin" });
    // Friday 16:00 CET = 15:00Z; Wednesday 16:00 CEST = 14:00Z (a naive UTC count would say 15:00Z).
    expect(iso(dueAt(at("2026-03-27T15:00:00Z"), berlin))).toBe("2026-04-01T14:00:00.000Z");
    expect(businessHoursBetween(at("2026-03-27T15:00:00Z"), at("2026-04-01T14:00:00Z"), berlin)).toBe(24);
  });

  it("keeps 16:00 local across the autumn change (New York, 1 November 2026)", () => {
    const newYork = sla({ timezone: "America/New_York" });
    // Friday 16:00 EDT = 20:00Z; Wednesday 16:00 EST = 21:00Z.
    expect(iso(dueAt(at("2026-10-30T20:00:00Z"), newYork))).toBe("2026-11-04T21:00:00.000Z");
  });

  it("counts a business day that contains the change as the real 23 hours", () => {
    const allDaySunday = sla({ timezone: "Europe/Berlin", days: [7], day_start: "00:00", day_end: "24:00" });
    const sundayStart = at("2026-03-28T23:00:00Z"); // 00:00 CET
    const mondayStart = at("2026-03-29T22:00:00Z"); // 00:00 CEST
    expect(businessHoursBetween(sundayStart, mondayStart, allDaySunday)).toBe(23);
    expect(iso(dueAt(sundayStart, { ...allDaySunday, hours: 23 }))).toBe(iso(mondayStart));
  });

  it("uses the configured weekdays (Sunday to Thursday in Jerusalem)", () => {
    const policy = sla({ timezone: "Asia/Jerusalem", days: [7, 1, 2, 3, 4], hours: 8 });
    // Thursday 26 Nov 2026 16:00 local (14:00Z, UTC+2): 1 h Thursday, then Sunday 09:00-16:00.
    expect(iso(dueAt(at("2026-11-26T14:00:00Z"), policy))).toBe("2026-11-29T14:00:00.000Z");
  });

  it("round-trips: the business hours until the due instant are the SLA hours", () => {
    const start = at("2026-01-01T00:00:00Z");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 60 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney"),
        (minutes, hours, timezone) => {
          const policy = sla({ hours, timezone });
          const from = start + minutes * 60_000;
          const due = dueAt(from, policy);
          expect(businessHoursBetween(from, due, policy)).toBeCloseTo(hours, 9);
          expect(businessHoursBetween(from, due - 60_000, policy)).toBeLessThan(hours);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("business hours with a policy that has none", () => {
  it("is never due when no weekday is a business day", () => {
    expect(dueAt(at("2026-11-23T09:00:00Z"), sla({ days: [] }))).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects a time of day that is not HH:MM", () => {
    expect(() => dueAt(at("2026-11-23T09:00:00Z"), sla({ day_start: "9am" }))).toThrow(/"9am"/);
  });
});
