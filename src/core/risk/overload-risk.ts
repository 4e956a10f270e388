/**
 * The chance that a service's load exceeds a capacity at one instant, when a certain part (the
 * baseline) is added to uncertain campaign loads, independent log-normals (lognormal.ts).
 *
 * - One uncertain campaign: the exact closed form 1 − Φ((ln((C − B)/L) − ln m) / σ).
 * - Several: seeded Monte Carlo with RISK_SAMPLES samples (samples.ts).
 * - Before sampling, a union bound: when Σ L·m·e^{zσ} ≤ C − B, the load can only exceed C if some
 *   campaign exceeds its e^{zσ} quantile, so the chance is below n·(1 − Φ(z)) ≤ 1e-4 and is
 *   reported as 0. This keeps the Monte Carlo off the many instants nowhere near the capacity.
 */
import { normalCdf } from "./lognormal.js";
import type { LogNormal } from "./lognormal.js";
import { normals, RISK_SAMPLES, streamSeed } from "./samples.js";

/** One campaign's term: its planned load on the service then (rps) and its factor R. */
export interface RiskTerm extends LogNormal {
  /** Planned load (the planning value's share) on the service at the instant. */
  load: number;
  /** Campaign id: the seed of its sample stream. */
  id: string;
}

const Z_SMALL = 4.75; // 1 − Φ = 1.02e-6: bound ≤ 1e-4 for up to 100 campaigns
const Z_LARGE = 6.0; // 1 − Φ = 9.9e-10: bound ≤ 1e-5 for up to 10,000

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
  const z = uncertain.length <= 100 ? Z_SMALL : Z_LARGE;
  let bound = 0;
  for (const t of uncertain) bound += t.load * t.median * Math.exp(z * t.sigma);
  if (bound <= left) return 0;
  return sampledRisk(left, uncertain, seed, samples);
}

/**
 * Where the Monte Carlo takes a term's RISK_SAMPLES factors e^{σZ}: `factorSamples` computes them
 * afresh; the engine passes a cache (FactorCache) because one campaign takes part in many points.
 */
export type FactorSamples = (term: RiskTerm, seed: number) => Float64Array;

/** A term's factor samples e^{σZ}, Z from the campaign's own stream (samples.ts). */
export function factorSamples(
  term: RiskTerm,
  seed: number,
  out: Float64Array = new Float64Array(RISK_SAMPLES),
): Float64Array {
  normals(streamSeed(term.id, seed), RISK_SAMPLES, out);
  for (let k = 0; k < RISK_SAMPLES; k++) out[k] = Math.exp(term.sigma * out[k]!);
  return out;
}

/** sampledRisk's running sums, reused: a fresh 32 KB buffer per point was thousands of them for the collector. */
const SUMS = new Float64Array(RISK_SAMPLES);

/** The Monte Carlo estimate of P(Σ R_j × load_j > left), RISK_SAMPLES samples, one stream per campaign. */
export function sampledRisk(
  left: number,
  terms: readonly RiskTerm[],
  seed: number,
  samples: FactorSamples = factorSamples,
): number {
  const sums = SUMS.fill(0);
  for (const t of terms) {
    const factors = samples(t, seed);
    const scale = t.load * t.median;
    // Four at a time (RISK_SAMPLES is a multiple of 4): the same additions in the same order for
    // every sample, about twice as fast — this loop runs ~500 million times for 10,000 campaigns.
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
