/**
 * The chance that a service's load exceeds a capacity at one instant, when a certain part (the
 * baseline) is added to uncertain campaign loads, independent log-normals (lognormal.ts).
 *
 * - One uncertain campaign: the exact closed form 1 − Φ((ln((C − B)/L) − ln m) / σ).
 * - Several: seeded Latin hypercube sampling with RISK_SAMPLES samples (samples.ts), summed only
 *   as far as needed to know the estimate (sampledRisk): most instants are nowhere near the
 *   capacity, and the samples' own range shows it without summing them all.
 */
import { factorTable } from "./factor-table.js";
import { normalCdf } from "./normal.js";
import type { LogNormal } from "./lognormal.js";
import { RISK_SAMPLES, shuffle, stratifiedNormals, streamSeed } from "./samples.js";

/** One campaign's term: its planned load on the service then (rps) and its factor R. */
export interface RiskTerm extends LogNormal {
  /** Planned load (the planning value's share) on the service at the instant. */
  load: number;
  /** Campaign id: the seed of its sample stream. */
  id: string;
}

/** P(base + Σ R_j × load_j > capacity). */
export function overloadRisk(
  base: number,
  terms: readonly RiskTerm[],
  capacity: number,
  seed: number,
  samples: FactorSamples = factorSamples,
): number {
  const room = capacity - base;
  const uncertain = terms.filter((t) => t.load > 0 && t.sigma > 0);
  let certain = 0;
  for (const t of terms) if (t.load > 0 && t.sigma === 0) certain += t.load * t.median;
  const left = room - certain;
  if (uncertain.length === 0) return left < 0 ? 1 : 0;
  if (left <= 0) return 1;
  if (uncertain.length === 1) {
    const t = uncertain[0]!;
    return 1 - normalCdf((Math.log(left / t.load) - Math.log(t.median)) / t.sigma);
  }
  return sampledRisk(left, uncertain, seed, samples);
}

/**
 * Where the sampling takes a term's RISK_SAMPLES factors e^{σZ}: `factorSamples` computes them
 * afresh; the engine passes a cache (FactorCache) because one campaign takes part in many points.
 */
export type FactorSamples = (term: RiskTerm, seed: number) => Float64Array;

/**
 * A term's factor samples: the table e^{σ z_i} of its σ (factor-table.ts) in the order of the
 * campaign's own stream (samples.ts). Sample k of every campaign is one point of the Latin
 * hypercube; as a multiset a campaign's factors are the table whatever its id.
 */
export function factorSamples(
  term: RiskTerm,
  seed: number,
  out: Float64Array = new Float64Array(RISK_SAMPLES),
): Float64Array {
  out.set(factorTable(term.sigma));
  return shuffle(streamSeed(term.id, seed), out);
}

/** sampledRisk's running sums, reused: a fresh 32 KB buffer per point was thousands of them for the collector. */
const SUMS = new Float64Array(RISK_SAMPLES);

/** A term with its scale L·m and the most it can add, L·m·e^{σ z_max}. */
interface Bounded {
  term: RiskTerm;
  scale: number;
  most: number;
}

/**
 * The sampled estimate of P(Σ R_j × load_j > left): the share of the RISK_SAMPLES points of the
 * Latin hypercube where the sum exceeds `left`.
 *
 * Most points the engine asks about are far from their capacity: no sample comes near it. A
 * campaign's factors lie between e^{σ z_min} and e^{σ z_max} (the outer strata's midpoints,
 * z = ∓3.66), so the sum stops as soon as the highest running sum plus the most the remaining
 * campaigns can add stays at or below `left`: no sample can exceed it then and the estimate is 0
 * (likewise 1 when the least every campaign adds already exceeds it). The same estimate as the
 * full sum, up to rounding in the last bit; the campaigns are added largest first (by the most
 * they can add) so the remainder shrinks fast — on the stress repository 162 million products
 * instead of 537 million.
 */
export function sampledRisk(
  left: number,
  terms: readonly RiskTerm[],
  seed: number,
  samples: FactorSamples = factorSamples,
): number {
  const z = stratifiedNormals();
  const low = z[0]!;
  const high = z[RISK_SAMPLES - 1]!;
  // Every campaign at its highest sample still fits, or at its lowest already exceeds: decided
  // before any sample (most points; no allocation). e^{σz} as factorTable computes it.
  let most = 0;
  let least = 0;
  for (const t of terms) {
    most += t.load * t.median * Math.exp(t.sigma * high);
    least += t.load * t.median * Math.exp(t.sigma * low);
  }
  if (most <= left) return 0;
  if (least > left) return 1;
  const bounded: Bounded[] = terms.map((term) => {
    const scale = term.load * term.median;
    return { term, scale, most: scale * Math.exp(term.sigma * high) };
  });
  // Largest first; ties by id, then as given (stable): the order comes from the terms themselves.
  bounded.sort((a, b) => b.most - a.most || (a.term.id < b.term.id ? -1 : a.term.id > b.term.id ? 1 : 0));
  const n = bounded.length;
  // rest[j]: the most terms j, j + 1, … can add.
  const rest = new Float64Array(n + 1);
  for (let j = n - 1; j >= 0; j--) rest[j] = rest[j + 1]! + bounded[j]!.most;
  const sums = SUMS.fill(0);
  // Four campaigns per pass over the sums: one load and store of each sum per four products
  // instead of per product (this loop runs hundreds of millions of times for 10,000 campaigns).
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const a = bounded[j]!;
    const b = bounded[j + 1]!;
    const c = bounded[j + 2]!;
    const d = bounded[j + 3]!;
    const fa = samples(a.term, seed);
    const fb = samples(b.term, seed);
    const fc = samples(c.term, seed);
    const fd = samples(d.term, seed);
    const sa = a.scale;
    const sb = b.scale;
    const sc = c.scale;
    const sd = d.scale;
    let top = 0;
    for (let k = 0; k < RISK_SAMPLES; k += 2) {
      const x = sums[k]! + (sa * fa[k]! + sb * fb[k]! + sc * fc[k]! + sd * fd[k]!);
      const y = sums[k + 1]! + (sa * fa[k + 1]! + sb * fb[k + 1]! + sc * fc[k + 1]! + sd * fd[k + 1]!);
      sums[k] = x;
      sums[k + 1] = y;
      if (x > top) top = x;
      if (y > top) top = y;
    }
    if (top + rest[j + 4]! <= left) return 0;
  }
  for (; j < n; j++) {
    const { term, scale } = bounded[j]!;
    const factors = samples(term, seed);
    for (let k = 0; k < RISK_SAMPLES; k += 4) {
      sums[k]! += scale * factors[k]!;
      sums[k + 1]! += scale * factors[k + 1]!;
      sums[k + 2]! += scale * factors[k + 2]!;
      sums[k + 3]! += scale * factors[k + 3]!;
    }
  }
  let over = 0;
  for (let k = 0; k < RISK_SAMPLES; k++) if (sums[k]! > left) over++;
  return over / RISK_SAMPLES;
}
