/**
 * Shapes (src/core/shape): the discretised decay never underestimates the exact curve and
 * overestimates it by at most 2^(1/4); shapes only refine (with every shape replaced by `constant`,
 * loads never go down); a daily shape follows the campaign's zone across a DST change.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkCapacity } from "../../src/core/capacity/index.js";
import { baselineLoads, campaignServiceLoads } from "../../src/core/capacity/loads.js";
import { boundaries, stepAt, sweepLoads } from "../../src/core/capacity/sweep.js";
import type { LoadItem } from "../../src/core/capacity/sweep.js";
import type { Campaign, Shape } from "../../src/core/model.js";
import { DECAY_STEPS, exactDecay, shapePieces, STEPS_PER_HALF_LIFE } from "../../src/core/shape/index.js";
import type { Piece } from "../../src/core/shape/index.js";
import { campaignsArb, capacityArb } from "./arbitraries.js";
import { HOUR, NOW } from "./build.js";

const MINUTE = 60_000;

/** The share the pieces give at instant t (0 outside every piece). */
const shareAt = (pieces: readonly Piece[], t: number) =>
  pieces.find((p) => p.start <= t && t < p.end)?.factor ?? 0;

describe("decay discretisation", () => {
  test("documented step: a quarter half-life, sixteen steps to the 1/16 floor", () => {
    expect(STEPS_PER_HALF_LIFE).toBe(4);
    expect(DECAY_STEPS).toBe(16);
    const pieces = shapePieces({ kind: "front_loaded", at: NOW, half_life_hours: 2 }, NOW, NOW + 48 * HOUR);
    expect(pieces).toHaveLength(16);
    expect(pieces[1]).toEqual({ start: NOW + 30 * MINUTE, end: NOW + 60 * MINUTE, factor: 2 ** -0.25 });
    expect(pieces[15]!.end).toBe(NOW + 8 * HOUR);
  });

  test("never below the exact curve, at most 2^(1/4) above it (random spikes and instants)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0.5, max: 240, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
        fc.array(fc.integer({ min: -60 * MINUTE, max: 1200 * MINUTE }), { minLength: 20, maxLength: 60 }),
        (offsets, halfLife, lasts, probes) => {
          const at = offsets.map((m) => NOW + m * MINUTE);
          const shape: Shape = {
            kind: "spike",
            at,
            half_life_minutes: halfLife,
            ...(lasts ? { lasts_minutes: lasts } : {}),
          };
          const [from, to] = [NOW - HOUR, NOW + 24 * HOUR];
          const pieces = shapePieces(shape, from, to);
          // The exact curve, inside the window only.
          const exact = (t: number) =>
            t < from || t >= to
              ? 0
              : Math.max(...at.map((a) => exactDecay(t, a, halfLife * MINUTE, (lasts ?? Infinity) * MINUTE)));
          // Probes: random instants plus every piece boundary and the instant just before it.
          const ts = [...probes.map((p) => NOW + p), ...pieces.flatMap((p) => [p.start, p.end - 1, p.end])];
          for (const t of ts) {
            const e = exact(t);
            const d = shareAt(pieces, t);
            expect(d).toBeGreaterThanOrEqual(e);
            if (e > 0) expect(d).toBeLessThanOrEqual(e * 2 ** (1 / STEPS_PER_HALF_LIFE) * (1 + 1e-12));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("daily shape", () => {
  test("peak hours follow the campaign's zone across the end of daylight saving time", () => {
    // Berlin leaves summer time on Sun 25 Oct 2026: 19:00 local is 17:00Z before, 18:00Z after.
    const shape: Shape = { kind: "daily", peak_hours: [{ from: 19 * 60, to: 22 * 60 }], off_peak: 0 };
    const pieces = shapePieces(shape, Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 27), "Europe/Berlin");
    expect(pieces.map((p) => [new Date(p.start).toISOString(), new Date(p.end).toISOString()])).toEqual([
      ["2026-10-24T17:00:00.000Z", "2026-10-24T20:00:00.000Z"],
      ["2026-10-25T18:00:00.000Z", "2026-10-25T21:00:00.000Z"],
      ["2026-10-26T18:00:00.000Z", "2026-10-26T21:00:00.000Z"],
    ]);
  });

  test("a range past midnight wraps; off-peak fills the rest", () => {
    const shape: Shape = { kind: "daily", peak_hours: [{ from: 22 * 60, to: 2 * 60 }], off_peak: 0.5 };
    const start = Date.UTC(2026, 11, 1);
    const pieces = shapePieces(shape, start, start + 24 * HOUR);
    expect(pieces).toEqual([
      { start, end: start + 2 * HOUR, factor: 1 },
      { start: start + 2 * HOUR, end: start + 22 * HOUR, factor: 0.5 },
      { start: start + 22 * HOUR, end: start + 24 * HOUR, factor: 1 },
    ]);
  });
});

/** Random shapes anchored in a campaign's window. */
const shapeArb = (c: Campaign): fc.Arbitrary<Shape | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.record({
      kind: fc.constant("daily" as const),
      peak_hours: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: 23 }).map((h) => h * 60),
          to: fc.integer({ min: 1, max: 24 }).map((h) => h * 60),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      off_peak: fc.constantFrom(0, 0.2, 1),
    }),
    fc.record({
      kind: fc.constant("spike" as const),
      at: fc.array(fc.integer({ min: c.start, max: c.end - 1 }), { minLength: 1, maxLength: 3 }),
      half_life_minutes: fc.constantFrom(5, 30, 90),
    }),
    fc.record({
      kind: fc.constant("front_loaded" as const),
      at: fc.integer({ min: c.start, max: c.end - 1 }),
      half_life_hours: fc.constantFrom(1, 6),
    }),
  );

const shapedArb = fc
  .tuple(capacityArb, campaignsArb)
  .chain(([cap, campaigns]) =>
    fc
      .tuple(...campaigns.map((c) => shapeArb(c)))
      .map((shapes) => ({ cap, campaigns, shaped: campaigns.map((c, i) => withShape(c, shapes[i])) })),
  );

function withShape(c: Campaign, shape: Shape | undefined): Campaign {
  return shape ? { ...c, forecast: { ...c.forecast, shape } } : c;
}

describe("shapes only refine", () => {
  test("with every shape replaced by constant, the load never goes down at any instant", () => {
    fc.assert(
      fc.property(shapedArb, ({ cap, campaigns, shaped }) => {
        const index = new Map(cap.services.map((s, i) => [s.name, i]));
        const sites = new Map(cap.sites.map((s) => [s.name, s]));
        const items = (list: Campaign[]): LoadItem[] =>
          list.flatMap((c, owner) => {
            const loads = campaignServiceLoads(c, cap.defaults, sites, index);
            return shapePieces(c.forecast.shape, c.start, c.end, c.timezone).map((p) => ({
              start: Math.max(p.start, NOW),
              end: p.end,
              // Scaled here, at factor 1: the sweep sees the same loads however a piece carries them.
              loads: loads.map((l) => ({ service: l.service, rps: l.rps * p.factor })),
              factor: 1,
              owner,
            }));
          });
        const sweep = (list: LoadItem[]) =>
          sweepLoads(NOW, baselineLoads(cap, index), list, [], boundaries(NOW, list, []));
        const flat = sweep(items(campaigns));
        const shapedSteps = sweep(items(shaped));
        cap.services.forEach((_, s) => {
          for (const t of [...flat[s]!.times, ...shapedSteps[s]!.times]) {
            const a = flat[s]!.loads[stepAt(flat[s]!.times, t)] ?? 0;
            const b = shapedSteps[s]!.loads[stepAt(shapedSteps[s]!.times, t)] ?? 0;
            expect(a).toBeGreaterThanOrEqual(b - 1e-9 * Math.max(1, a));
          }
        });
        // And through the whole engine: no service peak rises, no capacity error appears.
        const r1 = checkCapacity({ campaigns, capacity: cap, now: NOW });
        const r2 = checkCapacity({ campaigns: shaped, capacity: cap, now: NOW });
        r1.services.forEach((row, i) =>
          expect(row.peak_rps).toBeGreaterThanOrEqual(r2.services[i]!.peak_rps - 1e-6),
        );
        const errors = (r: typeof r1) =>
          new Set(r.findings.filter((f) => f.rule === "capacity").map((f) => `${f.service}|${f.campaign}`));
        const flatErrors = errors(r1);
        for (const e of errors(r2)) expect(flatErrors.has(e)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
