/**
 * Risk of overload (src/core/risk): Φ and Φ⁻¹ against 30-digit values, the Latin hypercube (strata,
 * permutations, each campaign's own samples), the sampled estimate against the closed form and
 * numerical integrations within the documented sampling error, the shortcut against the full sum,
 * and determinism.
 */
import { describe, expect, test } from "vitest";
import {
  FactorCache,
  factorSamples,
  factorTable,
  normalCdf,
  normalQuantile,
  overloadRisk,
  planningFactor,
  RISK_SAMPLES,
  sampledRisk,
  shuffle,
  stratifiedNormals,
  streamSeed,
  tableRisk,
  TermTable,
  termUnits,
  sumUnit,
  DENSE,
  RiskSum,
  RowMarks,
  TERM_CAP,
  UNITS,
  withBlockHighs,
  BLOCK,
  BLOCKS,
  SAMPLED,
  Z90,
} from "../../src/core/risk/index.js";
import type { RiskTerm } from "../../src/core/risk/index.js";

const N = RISK_SAMPLES;
/** Whether `handed` (a cache's buffer) starts with the term's own samples. */
const sameSamples = (handed: Float64Array, t: RiskTerm, seed: number) =>
  factorSamples(t, seed).every((x, k) => x === handed[k]);
/** The documented sampling error: at most that of plain Monte Carlo with N − 1 samples (Owen 1997). */
const standardError = (p: number) => Math.sqrt((p * (1 - p)) / (N - 1));
/** Allowed distance: four standard errors, plus the integrations' own error. */
const tolerance = (p: number) => 4 * standardError(p) + 1e-6;

/** Φ(x) and Φ⁻¹(p) computed with 60-digit arithmetic (mpmath), rounded to doubles. */
const CDF: [number, number][] = [
  [-30, 4.906713927148187e-198],
  [-10, 7.619853024160525e-24],
  [-6, 9.86587645037698e-10],
  [-5.6, 1.071759025831093e-8],
  [-3.6623, 0.00012498044413493812],
  [-2, 0.02275013194817921],
  [-1.5, 0.06680720126885807],
  [-0.6744, 0.2500285213729406],
  [-0.1, 0.460172162722971],
  [0.3, 0.6179114221889527],
  [1, 0.8413447460685429],
  [2.5, 0.9937903346742238],
  [5, 0.9999997133484281],
];
const QUANTILE: [number, number][] = [
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [1e-6, -4.753424308822899],
  [0.000125, -3.6622599308877013],
  [0.001, -3.0902323061678136],
  [0.02, -2.053748910631823],
  [0.02425, -1.972961051311885],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080408],
  [0.49, -0.025068908258711057],
  [0.9, 1.2815515655446006],
  [0.975, 1.9599639845400538],
  [0.999875, 3.6622599308876156],
];

describe("log-normal parameters", () => {
  test("median = expected, 90th percentile = planning", () => {
    const f = planningFactor(500, 1000);
    expect(f.median).toBe(0.5);
    // The 90th percentile of R is m·e^{σ z₀.₉₀} = 1: the planning value.
    expect(f.median * Math.exp(f.sigma * Z90)).toBeCloseTo(1, 12);
    expect(planningFactor(700, 700)).toEqual({ median: 1, sigma: 0 });
  });
});

describe("the standard normal", () => {
  test("Φ to a relative 1e-15 in both tails", () => {
    for (const [x, want] of CDF) expect(Math.abs(normalCdf(x) - want) / want, `Φ(${x})`).toBeLessThan(1e-15);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  test("Φ⁻¹ to rounding (Acklam + one Halley step), mirrored exactly", () => {
    for (const [p, want] of QUANTILE)
      expect(Math.abs(normalQuantile(p) - want), `Φ⁻¹(${p})`).toBeLessThanOrEqual(
        2e-15 * Math.max(1, Math.abs(want)),
      );
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.9)).toBeCloseTo(Z90, 15);
    for (const q of [0.6, 0.99, 1 - 1e-9]) expect(normalQuantile(q)).toBe(-normalQuantile(1 - q));
    expect([normalQuantile(0), normalQuantile(1)]).toEqual([-Infinity, Infinity]);
    expect(normalQuantile(-0.1)).toBeNaN();
  });
});

describe("the Latin hypercube", () => {
  test("one normal per stratum: z_i = Φ⁻¹((i + ½)/N), increasing, symmetric", () => {
    const z = stratifiedNormals();
    expect(z).toHaveLength(N);
    expect(stratifiedNormals()).toBe(z); // computed once
    for (let i = 0; i < N; i++) {
      const p = normalCdf(z[i]!);
      // Inside its own stratum [i/N, (i+1)/N), at its midpoint to rounding.
      expect(p > i / N && p < (i + 1) / N, `stratum ${i}`).toBe(true);
      expect(Math.abs(p - (i + 0.5) / N)).toBeLessThan(1e-15);
      expect(z[N - 1 - i]).toBe(-z[i]!);
      if (i > 0) expect(z[i]!).toBeGreaterThan(z[i - 1]!);
    }
    expect(z[0]).toBeCloseTo(-3.6622599308877013, 14);
  });

  test("a shuffle is a permutation, the same for the same seed, uniform over orders", () => {
    const identity = Float64Array.from({ length: N }, (_, i) => i);
    const a = shuffle(streamSeed("black-friday-2026", 7), identity.slice());
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from(identity));
    expect(a).not.toEqual(identity);
    expect(shuffle(streamSeed("black-friday-2026", 7), identity.slice())).toEqual(a);
    expect(shuffle(streamSeed("black-friday-2026", 8), identity.slice())).not.toEqual(a);
    // All 24 orders of 4 values, 24,000 seeds: each about 1,000 times (χ² with 23 degrees of
    // freedom; 60 is beyond its 99.99th percentile). An off-by-one in Fisher–Yates fails this.
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 24_000; seed++) {
      const key = shuffle(seed, Float64Array.of(0, 1, 2, 3)).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - 1000) ** 2 / 1000;
    expect(chi2).toBeLessThan(60);
  });

  test("a reserved cache keeps one point's campaigns: none pushes another out and reuses its buffer", () => {
    const terms = Array.from({ length: 12 }, (_, i) => ({
      id: `r-${i}`,
      load: 10,
      ...planningFactor(100, 150),
    }));
    // How many of the buffers handed out for one point still hold their campaign's samples once
    // every campaign of the point has been asked for.
    const intact = (cache: InstanceType<typeof FactorCache>) => {
      const handed = terms.map((t, i) => cache.samples(i, t.id, t.sigma, Infinity));
      return terms.filter((t, i) => sameSamples(handed[i]!, t, 5)).length;
    };
    expect(intact(new FactorCache(5, 4))).toBeLessThan(terms.length);
    const reserved = new FactorCache(5, 4);
    reserved.reserve(terms.length);
    expect(intact(reserved)).toBe(terms.length);
  });

  test("a campaign's samples are its σ's table in its own order, whatever else is computed", () => {
    const f = planningFactor(250, 500);
    const a = { id: "a", load: 500, ...f };
    const first = factorSamples(a, 3);
    const table = factorTable(f.sigma);
    expect(Array.from(first).sort((x, y) => x - y)).toEqual(Array.from(table));
    expect(table[N - 1]).toBe(Math.exp(f.sigma * stratifiedNormals()[N - 1]!));
    // Other campaigns, more σ than the table cache keeps (64), in another order: a's samples do not move.
    for (let i = 0; i < 100; i++)
      factorSamples({ id: `x${i}`, load: 1, median: 1, sigma: 0.01 * (i + 1) }, 3);
    expect(factorSamples(a, 3)).toEqual(first);
    const cache = new FactorCache(3);
    cache.samples(1, "b", planningFactor(100, 400).sigma, Infinity);
    expect(sameSamples(cache.samples(0, a.id, a.sigma, Infinity), a, 3)).toBe(true);
    // Another seed: another order.
    expect(factorSamples(a, 4)).not.toEqual(first);
  });
});

/** P(X > y) for the log-normal term's load X = load × R. */
const termTail = (t: RiskTerm, y: number) =>
  y <= 0 ? 1 : 1 - normalCdf((Math.log(y / t.load) - Math.log(t.median)) / t.sigma);

/**
 * P(Σ loads > left) by numerical integration: the first terms' sum discretized on a fine grid
 * (cell probabilities from Φ, convolved), the last term's tail exact.
 */
function integratedRisk(terms: RiskTerm[], left: number): number {
  const cells = 4000;
  const h = (2 * left) / cells;
  let mass = new Float64Array(cells + 1); // mass[i]: sum in [ih, (i+1)h); the last cell: beyond
  mass[0] = 1;
  for (const t of terms.slice(0, -1)) {
    const own = new Float64Array(cells + 1);
    for (let i = 0; i < cells; i++) own[i] = termTail(t, i * h) - termTail(t, (i + 1) * h);
    own[cells] = termTail(t, cells * h);
    const next = new Float64Array(cells + 1);
    for (let i = 0; i <= cells; i++) {
      if (mass[i] === 0) continue;
      for (let j = 0; j <= cells; j++) next[Math.min(cells, i + j)]! += mass[i]! * own[j]!;
    }
    mass = next;
  }
  // Cell i of each term stands for its midpoint: index i of the sum of m terms, for i + m/2 cells.
  const offset = (terms.length - 1) / 2;
  const last = terms[terms.length - 1]!;
  let p = mass[cells]!; // beyond 2·left: over for sure
  for (let i = 0; i < cells; i++) p += mass[i]! * termTail(last, left - (i + offset) * h);
  return p;
}

describe("accuracy: the sampled estimate within the documented error", () => {
  test.each([
    // [expected, planning, base, capacity]
    [500, 1000, 0, 1000],
    [500, 1000, 200, 1000],
    [300, 450, 100, 500],
    [100, 250, 0, 150],
    [1000, 1200, 0, 1300],
    [1000, 1100, 0, 1500],
  ])(
    "one campaign, expected %d, planning %d, baseline %d, capacity %d",
    (expected, planning, base, capacity) => {
      const f = planningFactor(expected, planning);
      const term = { id: "only", load: planning, ...f };
      const exact = overloadRisk(base, [term], capacity, 7);
      // By hand: P(X > C − B) for X log-normal with median `expected` and σ from the p90.
      const byHand = 1 - normalCdf((Math.log(capacity - base) - Math.log(expected)) / f.sigma);
      expect(exact).toBeCloseTo(byHand, 12);
      const sampled = sampledRisk(capacity - base, [term], 7);
      expect(Math.abs(sampled - exact)).toBeLessThanOrEqual(tolerance(exact));
      // One campaign alone is a quadrature over the strata: within half a stratum of the exact value.
      expect(Math.abs(sampled - exact)).toBeLessThanOrEqual(0.5 / N + 1e-12);
    },
  );

  test("two campaigns: vs the convolution integral", () => {
    // X1, X2 independent, median 250, p90 500. P(X1 + X2 > 1000) = ∫ f1(x) P(X2 > 1000 − x) dx.
    const f = planningFactor(250, 500);
    const pdf = (x: number) =>
      Math.exp(-((Math.log(x / 250) / f.sigma) ** 2) / 2) / (x * f.sigma * Math.sqrt(2 * Math.PI));
    const tail = (y: number) => (y <= 0 ? 1 : 1 - normalCdf(Math.log(y / 250) / f.sigma));
    let integral = 0;
    const dx = 0.05;
    for (let x = dx / 2; x < 20_000; x += dx) integral += pdf(x) * tail(1000 - x) * dx;
    const terms = ["a", "b"].map((id) => ({ id, load: 500, ...f }));
    expect(integratedRisk(terms, 1000)).toBeCloseTo(integral, 5);
    const sampled = overloadRisk(0, terms, 1000, 20_261_203);
    expect(Math.abs(sampled - integral)).toBeLessThanOrEqual(tolerance(integral));
  });

  const cases: { name: string; terms: RiskTerm[]; left: number }[] = [
    {
      name: "two unequal campaigns",
      terms: [
        { id: "big", load: 800, ...planningFactor(400, 800) },
        { id: "small", load: 300, ...planningFactor(250, 300) },
      ],
      left: 900,
    },
    {
      name: "three campaigns, three uncertainties",
      terms: [
        { id: "tv", load: 600, ...planningFactor(300, 600) },
        { id: "mail", load: 400, ...planningFactor(320, 400) },
        { id: "sale", load: 500, ...planningFactor(350, 500) },
      ],
      left: 1200,
    },
    {
      name: "three campaigns, a rare overload",
      terms: [
        { id: "x", load: 500, ...planningFactor(250, 500) },
        { id: "y", load: 500, ...planningFactor(250, 500) },
        { id: "z", load: 200, ...planningFactor(150, 200) },
      ],
      left: 1500,
    },
  ];

  test.each(cases)("$name: vs numerical integration, at every seed within the error", ({ terms, left }) => {
    const p = integratedRisk(terms, left);
    expect(p).toBeGreaterThan(0.001);
    // The engine's seed and 40 others: each estimate within four standard errors, and their
    // root mean square error no worse than plain Monte Carlo's with N − 1 samples (Owen's bound).
    let squares = 0;
    const seeds = [20_261_203, ...Array.from({ length: 40 }, (_, i) => i + 1)];
    for (const seed of seeds) {
      const sampled = sampledRisk(left, terms, seed);
      expect(Math.abs(sampled - p), `seed ${seed}`).toBeLessThanOrEqual(tolerance(p));
      squares += (sampled - p) ** 2;
    }
    expect(Math.sqrt(squares / seeds.length)).toBeLessThanOrEqual(standardError(p));
  });
});

describe("the samples' range: the estimate without the full sum", () => {
  test("far below capacity is 0 and far above is 1 without a sample; certain loads alone decide", () => {
    const f = planningFactor(100, 150);
    const terms = ["a", "b", "c"].map((id) => ({ id, load: 150, ...f }));
    const none = () => {
      throw new Error("no samples needed");
    };
    expect(overloadRisk(0, terms, 10_000, 1, none)).toBe(0);
    expect(overloadRisk(0, terms, 50, 1, none)).toBe(1);
    expect(overloadRisk(900, [{ id: "x", load: 200, median: 1, sigma: 0 }], 1000, 1)).toBe(1);
    expect(overloadRisk(700, [{ id: "x", load: 200, median: 1, sigma: 0 }], 1000, 1)).toBe(0);
  });

  test("the same estimate as summing every campaign at every sample, in any order of the terms", () => {
    // Deterministic cases from a seeded stream: 2 to 30 campaigns of three uncertainties, room
    // from well below to well above their sum.
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
    const levels = [planningFactor(500, 1000), planningFactor(800, 1000), planningFactor(650, 1000)];
    let stoppedEarly = 0;
    let positive = 0;
    // Decided by the blocks of the first four campaigns, with no sum at all.
    let byBlocks = 0;
    // 120 cases with room 1.1 to 2.5 times the sum of medians, then 120 with 2 to 4 times (where
    // blocks decide many).
    for (let c = 0; c < 240; c++) {
      const terms = Array.from({ length: 2 + Math.floor(next() * 29) }, (_, j) => ({
        id: `c${c}-${j}`,
        load: 10 + next() * 990,
        ...levels[j % 3]!,
      }));
      const median = terms.reduce((s, t) => s + t.load * t.median, 0);
      const left = median * (c < 120 ? 1.1 + next() * 1.4 : 2 + next() * 2);
      let fetched = 0;
      const counted = (t: RiskTerm, seed: number) => (fetched++, factorSamples(t, seed));
      const estimate = sampledRisk(left, terms, 5, counted);
      if (fetched < terms.length) stoppedEarly++;
      if (fetched > 0 && fetched <= 4 && terms.length > 4) byBlocks++;
      if (estimate > 0) positive++;
      // The plain sum: every term, every sample, in the given order.
      const sums = new Float64Array(N);
      for (const t of terms) {
        const f = factorSamples(t, 5);
        for (let k = 0; k < N; k++) sums[k]! += t.load * t.median * f[k]!;
      }
      expect(estimate, `case ${c}`).toBe(sums.filter((s) => s > left).length / N);
      expect(sampledRisk(left, [...terms].reverse(), 5)).toBe(estimate);
    }
    // Every path taken: the early stop, blocks alone, and estimates above 0.
    expect(stoppedEarly).toBeGreaterThan(10);
    expect(positive).toBeGreaterThan(10);
    expect(byBlocks).toBeGreaterThan(20);
  });
});

describe("determinism", () => {
  test("the same seed gives the same samples and the same estimate; another seed differs", () => {
    const f = planningFactor(250, 500);
    const a = { id: "a", load: 500, ...f };
    expect(factorSamples(a, 42)).toEqual(factorSamples(a, 42));
    expect(factorSamples(a, 42)).not.toEqual(factorSamples(a, 43));
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
    // A limit below the number of campaigns forces evictions and reuse of evicted buffers (4, the
    // least allowed: the sum reads four campaigns' samples at once).
    const cache = new FactorCache(11, 1);
    const table = new TermTable();
    // Fewer campaigns than DENSE: summed in doubles, the unit plays no part.
    const unit = sumUnit(6000);
    const rows = Int32Array.from(terms, (t, i) => table.add(t.load, t, i, i));
    const samples = (row: number) => {
      const c = table.key(row);
      return cache.samples(c, terms[c]!.id, table.sigma(row), terms[c]!.until);
    };
    let sampled = 0;
    for (let instant = 0; instant < 12_000; instant += 500) {
      cache.release(instant);
      const active = terms.filter((t) => t.until > instant);
      const activeRows = rows.filter((_, i) => terms[i]!.until > instant);
      for (const capacity of [1500, 3000, 6000]) {
        const p = tableRisk(table, activeRows, activeRows.length, 0, capacity, unit, samples);
        expect(p).toBe(overloadRisk(0, active, capacity, 11));
        if (p > 0 && p < 1) sampled++;
      }
    }
    expect(sampled).toBeGreaterThan(5);
    terms.forEach((t, i) => expect(sameSamples(cache.samples(i, t.id, t.sigma, t.until), t, 11)).toBe(true));
    // Another seed or σ is another stream.
    const other = new FactorCache(12);
    expect(sameSamples(other.samples(0, terms[0]!.id, terms[0]!.sigma, 1), terms[0]!, 12)).toBe(true);
    expect(sameSamples(other.samples(0, terms[0]!.id, terms[0]!.sigma, 1), terms[0]!, 11)).toBe(false);
    const sigma = planningFactor(300, 400).sigma;
    expect(sameSamples(cache.samples(0, terms[0]!.id, sigma, 1), { ...terms[0]!, sigma }, 11)).toBe(true);
  });

  test("release forgets exactly the campaigns whose window has ended, also after a quiet stretch", () => {
    const cache = new FactorCache(1);
    const sigma = planningFactor(100, 200).sigma;
    const a = cache.samples(0, "a", sigma, 1000);
    cache.samples(1, "b", sigma, 5000);
    cache.release(999);
    // Still held: the same buffer comes back.
    expect(cache.samples(0, "a", sigma, 1000)).toBe(a);
    cache.release(1000);
    // a's buffer went back to the spares and now holds c's samples; b is untouched.
    const c = cache.samples(2, "c", sigma, 9000);
    expect(c).toBe(a);
    expect(sameSamples(c, { id: "c", sigma, load: 1, median: 1 }, 1)).toBe(true);
    expect(sameSamples(cache.samples(1, "b", sigma, 5000), { id: "b", sigma, load: 1, median: 1 }, 1)).toBe(
      true,
    );
  });
});

describe("block highs (whole blocks of samples ruled out before any sum)", () => {
  test("each block's high is the highest of its BLOCK samples, after the samples themselves", () => {
    const t = { id: "blocky", load: 1, ...planningFactor(100, 300) };
    const fresh = factorSamples(t, 9);
    const withHighs = withBlockHighs(fresh);
    expect(withHighs).toHaveLength(SAMPLED);
    expect(withHighs.subarray(0, N)).toEqual(fresh);
    for (let b = 0; b < BLOCKS; b++)
      expect(withHighs[N + b]).toBe(Math.max(...fresh.subarray(b * BLOCK, (b + 1) * BLOCK)));
    // In place: the same buffer, samples untouched.
    const buffer = new Float64Array(SAMPLED);
    buffer.set(fresh);
    expect(withBlockHighs(buffer, buffer)).toBe(buffer);
    expect(buffer).toEqual(withHighs);
  });
});

describe("dense points: sums in whole units, carried from point to point", () => {
  /** A seeded stream of numbers in [0, 1). */
  const stream = (seed: number) => {
    let state = seed;
    return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  };
  const levels = [planningFactor(500, 1000), planningFactor(800, 1000), planningFactor(650, 1000)];
  const campaigns = (next: () => number, count: number, tag: string): RiskTerm[] =>
    Array.from({ length: count }, (_, j) => ({
      id: `${tag}-${j}`,
      load: 10 + next() * 990,
      ...levels[j % 3]!,
    }));
  /** The definition: per sample, Σ ⌊weight × factor + ½⌋ (at most TERM_CAP), against left in units. */
  const byDefinition = (terms: RiskTerm[], left: number, unit: number, seed: number): number => {
    const sums = new Float64Array(N);
    for (const t of terms) {
      const f = factorSamples(t, seed);
      const weight = (t.load * t.median) / unit;
      for (let k = 0; k < N; k++) sums[k]! += Math.min(TERM_CAP, Math.floor(weight * f[k]! + 0.5));
    }
    return sums.filter((s) => s > left / unit).length / N;
  };

  test("a term's units: ⌊x + ½⌋ up to the cap, which alone exceeds any room", () => {
    expect(termUnits(2, 1.25)).toBe(3);
    expect(termUnits(1, 2.4999)).toBe(2);
    expect(termUnits(1e20, 1)).toBe(TERM_CAP);
    expect(sumUnit(1000)).toBe(1000 / UNITS);
    // Any room is at most the capacity, UNITS units: a capped term exceeds it on its own, and
    // 2²² capped terms still sum exactly in doubles.
    expect(TERM_CAP).toBeGreaterThan(UNITS);
    expect(TERM_CAP * 2 ** 22).toBeLessThanOrEqual(2 ** 53);
  });

  test("DENSE or more campaigns: the estimate by the definition, in any order, and as the sum in doubles gives", () => {
    const next = stream(777);
    let positive = 0;
    let decidedByRange = 0;
    for (let c = 0; c < 30; c++) {
      const terms = campaigns(next, DENSE + Math.floor(next() * 100), `d${c}`);
      // Every fifth case, a wild forecast (expected 1, high 10⁶): its highest samples are capped.
      if (c % 5 === 0) terms.push({ id: `wild${c}`, load: 1000, ...planningFactor(1, 1e6) });
      const median = terms.reduce((s, t) => s + t.load * t.median, 0);
      const left = median * (1 + next() * 0.4);
      let fetched = 0;
      const counted = (t: RiskTerm, seed: number) => (fetched++, factorSamples(t, seed));
      const estimate = overloadRisk(0, terms, left, 5, counted);
      if (fetched === 0) decidedByRange++;
      if (estimate > 0) positive++;
      expect(estimate, `case ${c}`).toBe(byDefinition(terms, left, sumUnit(left), 5));
      expect(overloadRisk(0, [...terms].reverse(), left, 5)).toBe(estimate);
      expect(sampledRisk(left, terms, 5)).toBe(estimate);
      // Units of 1.5e-8 of the capacity: on these cases, the very count the sum in doubles gives.
      const doubles = new Float64Array(N);
      for (const t of terms) {
        const f = factorSamples(t, 5);
        for (let k = 0; k < N; k++) doubles[k]! += t.load * t.median * f[k]!;
      }
      expect(estimate).toBe(doubles.filter((s) => s > left).length / N);
    }
    expect(positive).toBeGreaterThan(10);
    expect(decidedByRange).toBeLessThan(30);
  });

  test("a sum carried through a run of points holds what a fresh sum holds, and exactly the listed rows", () => {
    const next = stream(4242);
    const terms = campaigns(next, 400, "run");
    const unit = sumUnit(150_000);
    const table = new TermTable();
    for (let i = 0; i < terms.length; i++) table.add(terms[i]!.load, terms[i]!, i, i);
    const samples = (row: number) => factorSamples(terms[row]!, 9);
    const marks = new RowMarks();
    const carried = new RiskSum(unit, marks);
    // A window of campaigns sliding over the 400, by small steps (carried) and jumps (afresh).
    let start = 0;
    for (let point = 0; point < 60; point++) {
      start = point % 10 === 9 ? Math.floor(next() * 300) : Math.min(300, start + Math.floor(next() * 8));
      const rows = Int32Array.from({ length: 80 + Math.floor(next() * 20) }, (_, i) => start + i);
      carried.hold(table, rows, rows.length, samples);
      const fresh = new RiskSum(unit);
      fresh.hold(table, rows, rows.length, samples);
      expect(carried.units).toEqual(fresh.units);
      // Held: exactly the listed rows.
      expect(marks.held.reduce((a, b) => a + b, 0)).toBe(rows.length);
      expect(rows.every((r) => marks.held[r] === 1)).toBe(true);
      const left = fresh.units!.reduce((a, b) => a + b, 0) / N;
      expect(carried.over(left)).toBe(fresh.over(left));
    }
  });
});
