/** Random capacity files and campaigns for property tests. */
import fc from "fast-check";
import type { Campaign, Capacity } from "../../src/core/model.js";
import { campaign, capacity, fixed, freeze, HOUR, maintenance, NOW, scalable, site } from "./build.js";

// Instants on a coarse hour grid around now, so equal instants (touching windows) are common.
const instant = fc.integer({ min: -48, max: 24 * 30 }).map((h) => NOW + h * HOUR);
export const window = fc
  .tuple(instant, fc.integer({ min: 1, max: 24 * 10 }))
  .map(([s, d]) => [s, s + d * HOUR] as const);

export const capacityArb: fc.Arbitrary<Capacity> = fc
  .record({
    web: fc.record({
      p: fc.integer({ min: 50, max: 300 }),
      instances: fc.integer({ min: 1, max: 6 }),
      extra: fc.integer({ min: 0, max: 24 }),
      zones: fc.integer({ min: 1, max: 3 }),
      t: fc.constantFrom(0.5, 0.6, 0.7, 1),
    }),
    dbMax: fc.integer({ min: 1000, max: 12000 }),
    baselines: fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 })),
    dbShare: fc.constantFrom(0.2, 0.4, 1),
    maintenance: fc.array(
      fc.record({
        w: window,
        factor: fc.constantFrom(0, 0.5, 1),
        which: fc.constantFrom(["db"], ["web"], ["web", "db"]),
      }),
      { maxLength: 2 },
    ),
    freezes: fc.array(window, { maxLength: 2 }),
  })
  .map((r) =>
    capacity({
      services: [
        scalable("web", r.web.p, r.web.instances, r.web.instances + r.web.extra, {
          zones: r.web.zones,
          target_utilization: r.web.t,
        }),
        fixed("db", r.dbMax, { target_utilization: 0.7 }),
      ],
      sites: [
        site("shop", r.baselines[0], { web: 1, db: r.dbShare }, 0.25),
        site("blog", r.baselines[1], { db: 0.5 }),
      ],
      maintenance: r.maintenance.map((m) => maintenance([...m.which], m.w[0], m.w[1], m.factor)),
      freezes: r.freezes.map((w) => freeze(w[0], w[1])),
      defaults: { failover_utilization: 0.9 },
    }),
  );

export const campaignsArb: fc.Arbitrary<Campaign[]> = fc
  .array(
    fc.record({
      w: window,
      sites: fc.constantFrom<(string | [string, number])[]>(
        ["shop"],
        ["blog"],
        ["shop", "blog"],
        [["shop", 0.5]],
      ),
      users: fc.integer({ min: 0, max: 5000 }),
      confidence: fc.constantFrom(undefined, "model" as const, "guess" as const),
    }),
    { maxLength: 7 },
  )
  .map((specs) =>
    specs.map((s, i) =>
      campaign({
        id: `c${i}`,
        start: s.w[0],
        end: s.w[1],
        sites: s.sites,
        users: s.users,
        ...(s.confidence ? { confidence: s.confidence } : {}),
      }),
    ),
  );
