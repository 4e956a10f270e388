/**
 * The direct reading of UTC and offset times (src/core/load/utc-instant.ts) is an optimisation of
 * Temporal's: for every string it either gives Temporal's exact instant or steps aside. Checked
 * over generated strings around every field's limits (leap days, 24:00, second 60, offsets past
 * ±23:59, fractions, years before 100) and over arbitrary characters.
 */
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { resolveInstant } from "../../src/core/load/instants.js";
import { readUtcInstant } from "../../src/core/load/utc-instant.js";

/** Temporal's instant for `text`, or undefined when Temporal refuses it. */
function temporal(text: string): number | undefined {
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    return undefined;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Times in the schema's shape, each field drawn around and beyond its limits. */
const timeText = fc
  .record({
    year: fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(0, 99, 100, 1900, 1970, 2000, 2024, 2100),
    ),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.option(fc.integer({ min: 0, max: 61 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,10}$/)),
    zone: fc.oneof(
      fc.constant("Z"),
      fc.constant(""),
      fc.constantFrom("z", "-00:00", "+00:00", "+23:59", "-23:59", "+24:00", "+05:60"),
      fc
        .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
        .map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, zone }) => {
    let text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}`;
    if (second !== null) text += `:${pad(second, 2)}`;
    if (second !== null && fraction !== null) text += `.${fraction}`;
    return text + zone;
  });

/** A valid time with one character changed, dropped or added. */
const mangled = fc
  .tuple(
    timeText,
    fc.nat(),
    fc.constantFrom("", "0", "9", "T", "t", " ", ":", "-", "+", "Z", ".", "٣", "\n"),
    fc.nat(2),
  )
  .map(([text, at, c, drop]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + c + text.slice(i + drop);
  });

/** Checks one string; true when the direct reading took it (the tests make sure many are). */
function expectSameAsTemporal(text: string): boolean {
  const fast = readUtcInstant(text);
  if (fast !== undefined) expect(fast, text).toBe(temporal(text));
  return fast !== undefined;
}

describe("readUtcInstant", () => {
  it("gives Temporal's instant or steps aside, on generated times", () => {
    let read = 0;
    fc.assert(
      fc.property(timeText, (t) => {
        if (expectSameAsTemporal(t)) read++;
      }),
      { numRuns: 20_000 },
    );
    expect(read).toBeGreaterThan(2_000);
  });

  it("gives Temporal's instant or steps aside, on mangled times and arbitrary text", () => {
    fc.assert(
      fc.property(mangled, (t) => void expectSameAsTemporal(t)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => void expectSameAsTemporal(t)),
      { numRuns: 5_000 },
    );
  });

  it("reads the everyday forms itself", () => {
    const everyday = [
      ["2026-11-21T11:00:00Z", Date.UTC(2026, 10, 21, 11)],
      ["2026-11-21T11:00Z", Date.UTC(2026, 10, 21, 11)],
      ["2028-02-29T23:59:59Z", Date.UTC(2028, 1, 29, 23, 59, 59)],
      ["2000-02-29T00:00Z", Date.UTC(2000, 1, 29)],
      ["2026-11-21T11:00:00+05:30", Date.UTC(2026, 10, 21, 5, 30)],
      ["2026-11-21T11:00:00-00:00", Date.UTC(2026, 10, 21, 11)],
      ["1969-12-31T23:59:59.9999999Z", -1],
      ["2026-11-21T11:00:00.123456789-01:00", Date.UTC(2026, 10, 21, 12, 0, 0, 123)],
    ] as const;
    for (const [text, ms] of everyday) {
      expect(readUtcInstant(text), text).toBe(ms);
      expect(temporal(text), text).toBe(ms);
    }
  });

  it("leaves unusual and invalid values to Temporal, whose reading or message stays", () => {
    for (const text of [
      "2026-12-31T23:59:60Z", // a leap second: Temporal reads it as :59
      "2026-11-21T24:00:00Z",
      "2027-02-29T00:00Z",
      "1900-02-29T00:00Z",
      "2026-04-31T00:00Z",
      "0099-03-01T00:00Z",
      "2026-11-21T11:00:00+24:00",
      "2026-11-21T11:00:00.Z",
      "2026-11-21T11:00:00.1234567890Z",
      "2026-11-21t11:00:00z",
      "2026-11-21 11:00:00Z",
      "2026-11-21T11:00:00",
      "2026-11-21",
    ])
      expect(readUtcInstant(text), text).toBeUndefined();
    expect(resolveInstant("2026-12-31T23:59:60Z", "start", "UTC")).toEqual({
      ok: true,
      ms: Date.UTC(2026, 11, 31, 23, 59, 59),
    });
    expect(resolveInstant("2027-02-29T00:00Z", "start", "UTC")).toEqual({
      ok: false,
      problem: "is 2027-02-29T00:00Z, which is not a real date or time",
    });
  });
});
