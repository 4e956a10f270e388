/**
 * The risk engine (src/core/capacity/risk.ts) over a run of points in time order, where each
 * service's sum is carried from one dense point to the next: every point's chance is the one a
 * fresh computation of that point alone gives (overloadRisk), sparse and dense points alike.
 */
import { describe, expect, test } from "vitest";
import { riskJob, riskResults } from "../../src/core/capacity/risk.js";
import type { RiskCandidates, RiskPoint } from "../../src/core/capacity/risk.js";
import type { LoadItem } from "../../src/core/capacity/sweep.js";
import {
  computeRisk,
  DENSE,
  factorSamples,
  overloadRisk,
  planningFactor,
  RISK_SAMPLES,
  RISK_SEED,
  sumUnit,
  TERM_CAP,
} from "../../src/core/risk/index.js";
import type { LogNormal, RiskTerm } from "../../src/core/risk/index.js";

describe("the engine's chance at each point is that point's own", () => {
  test("400 campaigns over two services, points from sparse to dense, with and without maintenance", () => {
    let state = 99;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
    const levels = [planningFactor(500, 1000), planningFactor(800, 1000), planningFactor(650, 1000)];
    const count = 400;
    const ids = Array.from({ length: count }, (_, c) => `camp-${String(c).padStart(4, "0")}`);
    const factors: LogNormal[] = ids.map((_, c) => levels[c % 3]!);
    // One piece per campaign: a window of 20 to 100 hours within 10 days, on one or both services.
    const items: LoadItem[] = ids.map((_, c) => {
      const start = Math.floor(next() * 200) * 3_600_000;
      const end = start + (20 + Math.floor(next() * 80)) * 3_600_000;
      const loads = [{ service: 0, rps: 10 + next() * 90 }];
      if (c % 2 === 0) loads.push({ service: 1, rps: 5 + next() * 50 });
      return { start, end, loads, factor: 1, owner: c };
    });
    const active = (service: number, instant: number): number[] =>
      items.flatMap((item, p) =>
        item.start <= instant && instant < item.end && item.loads.some((l) => l.service === service)
          ? [p]
          : [],
      );
    // The median load at an instant: capacities around it make chances between 0 and 1.
    const medianLoad = (service: number, pieces: number[]) =>
      pieces.reduce(
        (s, p) => s + items[p]!.loads.find((l) => l.service === service)!.rps * factors[p]!.median,
        0,
      );
    const full = [6000, 3000];
    const points: RiskPoint[] = [];
    for (let hour = 0; hour < 260; hour += 2) {
      for (const service of [0, 1]) {
        const instant = hour * 3_600_000;
        const median = medianLoad(service, active(service, instant));
        // Some points in maintenance: a lower capacity than the service's full one.
        const maintenance = hour % 26 === 0;
        const capacity = Math.min(full[service]!, median * (maintenance ? 1.05 : 1.1 + next() * 0.3));
        points.push({ service, step: points.length, instant, base: 0, capacity: Math.max(capacity, 1) });
      }
    }
    const candidates: RiskCandidates = {
      points,
      units: full.map(sumUnit),
      byService: [[], []],
      byCampaign: ids.map(() => []),
    };
    const job = riskJob(candidates, items, active, {
      ids,
      ends: items.map((i) => i.end),
      factor: (c) => factors[c]!,
    });
    const results = riskResults(candidates, computeRisk(job));
    let dense = 0;
    let between = 0;
    points.forEach((p, k) => {
      const pieces = active(p.service, p.instant);
      const terms: RiskTerm[] = pieces.map((i) => ({
        id: ids[i]!,
        load: items[i]!.loads.find((l) => l.service === p.service)!.rps,
        ...factors[i]!,
      }));
      if (terms.length >= DENSE) dense++;
      const got = results.probabilities[k]!;
      if (got > 0 && got < 1) between++;
      const unit = candidates.units[p.service]!;
      if (terms.length >= DENSE && p.capacity !== full[p.service]) {
        // Dense, below the service's full capacity: its units are still the service's.
        const sums = new Float64Array(RISK_SAMPLES);
        for (const t of terms) {
          const f = factorSamples(t, RISK_SEED);
          const weight = (t.load * t.median) / unit;
          for (let s = 0; s < RISK_SAMPLES; s++)
            sums[s]! += Math.min(TERM_CAP, Math.floor(weight * f[s]! + 0.5));
        }
        expect(got, `point ${k}`).toBe(sums.filter((s) => s > p.capacity / unit).length / RISK_SAMPLES);
      } else if (terms.length >= DENSE) {
        expect(got, `point ${k}`).toBe(overloadRisk(0, terms, full[p.service]!, RISK_SEED));
      } else expect(got, `point ${k}`).toBe(overloadRisk(0, terms, p.capacity, RISK_SEED));
    });
    // Both kinds of point, and chances strictly between 0 and 1.
    expect(dense).toBeGreaterThan(50);
    expect(points.length - dense).toBeGreaterThan(20);
    expect(between).toBeGreaterThan(50);
  });
});
