/**
 * Risk of overload (src/core/risk): the closed form against the Monte Carlo within sampling error,
 * the sum of two campaigns against a numerical integration, and determinism.
 */
import { describe, expect, test } from "vitest";
import {
  FactorCache,
  factorSamples,
  normalCdf,
  normals,
  overloadRisk,
  planningFactor,
  RISK_SAMPLES,
  sampledRisk,
  Z90,
} from "../../src/core/risk/index.js";

/** Allowed distance: four standard errors of a Monte Carlo proportion, plus Φ's own 1.2e-7. */
const tolerance = (p: number) => 4 * Math.sqrt((p * (1 - p)) / RISK_SAMPLES) + 1e-6;

describe("log-normal parameters", () => {
  test("median = expected, 90th percentile = planning", () => {
    const f = planningFactor(500, 1000);
    expect(f.median).toBe(0.5);
    // The 90th percentile of R is m·e^{σ z₀.₉₀} = 1: the planning value.
    expect(f.median * Math.exp(f.sigma * Z90)).toBeCloseTo(1, 12);
    expect(planningFactor(700, 700)).toEqual({ median: 1, sigma: 0 });
  });

  test("Φ at known points", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(Z90)).toBeCloseTo(0.9, 6);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 6);
  });
});

describe("closed form vs Monte Carlo", () => {
  test.each([
    // [expected, planning, base, capacity]
    [500, 1000, 0, 1000],
    [500, 1000, 200, 1000],
    [300, 450, 100, 500],
    [100, 250, 0, 150],
    [1000, 1200, 0, 1300],
  ])("expected %d, planning %d, baseline %d, capacity %d", (expected, planning, base, capacity) => {
    const f = planningFactor(expected, planning);
    const term = { id: "only", load: planning, ...f };
    const exact = overloadRisk(base, [term], capacity, 7);
    // By hand: P(X > C − B) for X log-normal with median `expected` and σ from the p90.
    const byHand = 1 - normalCdf((Math.log(capacity - base) - Math.log(expected)) / f.sigma);
    expect(exact).toBeCloseTo(byHand, 12);
    const sampled = sampledRisk(capacity - base, [term], 7);
    expect(Math.abs(sampled - exact)).toBeLessThanOrEqual(tolerance(exact));
  });

  test("two campaigns: Monte Carlo vs a numerical integration of the convolution", () => {
    // X1, X2 independent, median 250, p90 500. P(X1 + X2 > 1000) = ∫ f1(x) P(X2 > 1000 − x) dx.
    const f = planningFactor(250, 500);
    const pdf = (x: number) =>
      Math.exp(-((Math.log(x / 250) / f.sigma) ** 2) / 2) / (x * f.sigma * Math.sqrt(2 * Math.PI));
    const tail = (y: number) => (y <= 0 ? 1 : 1 - normalCdf(Math.log(y / 250) / f.sigma));
    let integral = 0;
    const dx = 0.05;
    for (let x = dx / 2; x < 20_000; x += dx) integral += pdf(x) * tail(1000 - x) * dx;
    const terms = ["a", "b"].map((id) => ({ id, load: 500, ...f }));
    const sampled = overloadRisk(0, terms, 1000, 20_261_203);
    expect(Math.abs(sampled - integral)).toBeLessThanOrEqual(tolerance(integral));
  });

  test("union bound: far below capacity is 0 without sampling; above it with certain loads is 1", () => {
    const f = planningFactor(100, 150);
    const terms = ["a", "b", "c"].map((id) => ({ id, load: 150, ...f }));
    expect(overloadRisk(0, terms, 10_000, 1)).toBe(0);
    expect(overloadRisk(900, [{ id: "x", load: 200, median: 1, sigma: 0 }], 1000, 1)).toBe(1);
    expect(overloadRisk(700, [{ id: "x", load: 200, median: 1, sigma: 0 }], 1000, 1)).toBe(0);
  });
});

describe("determinism", () => {
  test("the same seed gives the same samples and the same estimate; another seed differs", () => {
    expect(normals(42, 10)).toEqual(normals(42, 10));
    expect(normals(42, 10)).not.toEqual(normals(43, 10));
    const f = planningFactor(250, 500);
    const terms = ["a", "b"].map((id) => ({ id, load: 500, ...f }));
    expect(sampledRisk(1000, terms, 9)).toBe(sampledRisk(1000, [...terms].reverse(), 9));
  });
});

describe("factor cache (each campaign's samples computed once per report)", () => {
  test("cached samples are the fresh ones, through releases and a full cache; estimates are identical", () => {
    const f = planningFactor(250, 500);
    const g = planningFactor(100, 400);
    const terms = Array.from({ length: 12 }, (_, i) => ({
      id: `c-${i}`,
      load: 100 + 37 * i,
      until: 1000 * (i + 1),
      ...(i % 2 ? f : g),
    }));
    // A limit below the number of campaigns forces evictions and reuse of evicted buffers.
    const cache = new FactorCache(3);
    for (let instant = 0; instant < 12_000; instant += 500) {
      cache.release(instant);
      const active = terms.filter((t) => t.until > instant);
      for (const capacity of [1500, 3000, 6000]) {
        expect(overloadRisk(0, active, capacity, 11, cache.samples)).toBe(
          overloadRisk(0, active, capacity, 11),
        );
      }
    }
    for (const t of terms) expect(cache.samples(t, 11)).toEqual(factorSamples(t, 11));
    // Another seed or σ is another stream.
    expect(cache.samples(terms[0]!, 12)).not.toEqual(factorSamples(terms[0]!, 11));
  });
});
