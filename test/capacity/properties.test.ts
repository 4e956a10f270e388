import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { attribute, verdictOf } from "../../src/core/attribution.js";
import { checkCapacity } from "../../src/core/capacity/index.js";
import { baselineLoads, campaignServiceLoads } from "../../src/core/capacity/loads.js";
import { boundaries, stepAt, sweepLoads } from "../../src/core/capacity/sweep.js";
import { campaignsArb, capacityArb, window } from "./arbitraries.js";
import { campaign, NOW } from "./build.js";
import { contributions, ruleKeys, segments } from "./oracle.js";

const RUNS = { numRuns: 300 };
const LOAD_RULE = /^(capacity|maintenance|redundancy|scale-up|notice|freeze)$/;

describe("the sweep agrees with a brute-force oracle", () => {
  test("load and maintenance factor on every service at every boundary instant", () => {
    fc.assert(
      fc.property(capacityArb, campaignsArb, (cap, campaigns) => {
        const index = new Map(cap.services.map((s, i) => [s.name, i]));
        const sites = new Map(cap.sites.map((s) => [s.name, s]));
        const items = campaigns.map((c, owner) => ({
          start: Math.max(c.start, NOW),
          end: c.end,
          loads: campaignServiceLoads(c, cap.defaults, sites, index),
          factor: 1,
          owner,
        }));
        const maint = cap.maintenance.map((m) => ({
          start: m.start,
          end: m.end,
          factor: m.capacity_factor,
          services: m.services.map((n) => index.get(n)!),
        }));
        const steps = sweepLoads(NOW, baselineLoads(cap, index), items, maint, boundaries(NOW, items, maint));
        for (const g of segments(campaigns, cap, NOW)) {
          cap.services.forEach((_, i) => {
            const st = steps[i]!;
            const k = stepAt(st.times, g.t);
            expect(st.loads[k]).toBeCloseTo(g.loads[i]!, 6);
            expect(st.factors[k]).toBe(g.factors[i] ?? 1);
          });
        }
      }),
      RUNS,
    );
  });

  test("service peaks, peak instants and contributors", () => {
    fc.assert(
      fc.property(capacityArb, campaignsArb, (cap, campaigns) => {
        const result = checkCapacity({ campaigns, capacity: cap, now: NOW });
        const segs = segments(campaigns, cap, NOW);
        cap.services.forEach((s, i) => {
          const peak = Math.max(...segs.map((g) => g.loads[i]!));
          const row = result.services[i]!;
          expect(row.service).toBe(s.name);
          expect(row.peak_rps).toBeCloseTo(peak, 5);
          if (peak > 0) {
            const first = segs.find((g) => g.loads[i]! >= peak * (1 - 1e-12))!;
            expect(row.peak_at).toBe(new Date(first.t).toISOString());
            expect(row.contributors).toEqual(first.active[i]);
          } else expect(row.peak_at).toBeNull();
        });
      }),
      RUNS,
    );
  });

  test("which rules each campaign breaks on which service", () => {
    fc.assert(
      fc.property(capacityArb, campaignsArb, (cap, campaigns) => {
        const result = checkCapacity({ campaigns, capacity: cap, now: NOW });
        const keys = result.findings
          .filter((f) => LOAD_RULE.test(f.rule) && f.campaign !== undefined)
          .map((f) =>
            f.rule === "notice" || f.rule === "freeze"
              ? `${f.rule} ${f.campaign}`
              : `${f.rule} ${f.service} ${f.campaign}`,
          )
          .sort();
        expect(keys).toEqual(ruleKeys(campaigns, cap, NOW));
      }),
      RUNS,
    );
  });

  test("every load-based finding lists its own campaign among the contributors", () => {
    fc.assert(
      fc.property(capacityArb, campaignsArb, (cap, campaigns) => {
        const result = checkCapacity({ campaigns, capacity: cap, now: NOW });
        for (const f of result.findings.filter((x) => LOAD_RULE.test(x.rule) && x.campaign !== undefined)) {
          // A campaign that merely reaches a service over capacity needs IT work without load of its own there.
          const c = campaigns.find((x) => x.id === f.campaign)!;
          const own = contributions(c, cap)[cap.services.findIndex((s) => s.name === f.service)]!;
          if (own > 0) expect(f.campaigns).toContain(f.campaign);
          else expect(f.rule).toMatch(/^(notice|freeze)$/);
        }
      }),
      RUNS,
    );
  });
});

describe("invariants", () => {
  test("adding a campaign never lowers any service's peak", () => {
    fc.assert(
      fc.property(
        capacityArb,
        campaignsArb,
        window,
        fc.integer({ min: 0, max: 8000 }),
        (cap, campaigns, w, users) => {
          const before = checkCapacity({ campaigns, capacity: cap, now: NOW });
          const extra = campaign({ id: "zz-extra", start: w[0], end: w[1], users });
          const after = checkCapacity({ campaigns: [...campaigns, extra], capacity: cap, now: NOW });
          before.services.forEach((s, i) =>
            expect(after.services[i]!.peak_rps).toBeGreaterThanOrEqual(s.peak_rps - 1e-6),
          );
        },
      ),
      RUNS,
    );
  });

  test("the order of the input campaigns does not change the report", () => {
    fc.assert(
      fc.property(capacityArb, campaignsArb, fc.integer(), (cap, campaigns, seed) => {
        const shuffled = [...campaigns].sort((a, b) => (hash(a.id, seed) - hash(b.id, seed)) | 0 || 0);
        expect(checkCapacity({ campaigns: shuffled, capacity: cap, now: NOW })).toEqual(
          checkCapacity({ campaigns, capacity: cap, now: NOW }),
        );
      }),
      RUNS,
    );
  });

  test("attribute with any changed files only changes `counted`", () => {
    const files = [
      "infra/capacity.yaml",
      ".github/campaign-gate.yml",
      "README.md",
      ...Array.from({ length: 7 }, (_, i) => `campaigns/c${i}.yaml`),
    ];
    fc.assert(
      fc.property(capacityArb, campaignsArb, fc.option(fc.subarray(files)), (cap, campaigns, changed) => {
        const result = checkCapacity({ campaigns, capacity: cap, now: NOW });
        const snapshot = structuredClone(result);
        const attributed = attribute(result.findings, changed ?? undefined, {
          capacityFile: cap.file,
          configFile: ".github/campaign-gate.yml",
          campaignFiles: new Map(campaigns.map((c) => [c.id, c.file])),
        });
        expect(result).toEqual(snapshot);
        expect(attributed.map(({ counted: _, ...rest }) => rest)).toEqual(
          result.findings.map(({ counted: _, ...rest }) => rest),
        );
        // Counting fewer findings can only make the verdict milder.
        const rank = { pass: 0, warn: 1, fail: 2 };
        expect(rank[verdictOf(attributed)]).toBeLessThanOrEqual(rank[verdictOf(result.findings)]);
      }),
      RUNS,
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1);
  return h;
}
