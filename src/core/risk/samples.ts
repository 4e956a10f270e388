/**
 * Seeded Latin hypercube samples of the standard normal. Every campaign takes the same RISK_SAMPLES
 * values, one per stratum of equal probability (`stratifiedNormals`), in its own order: a
 * permutation drawn from its own stream, seeded by its id (`shuffle`). So a campaign's samples
 * never depend on which other campaigns are in the repository or on the order the engine asks,
 * and the same files and seed always give the same report, byte for byte.
 *
 * Why strata rather than independent draws: the estimate is a proportion of samples, and Latin
 * hypercube sampling with n points is never worse than plain Monte Carlo with n − 1 (Owen 1997,
 * "Monte Carlo variance of scrambled net quadrature", SIAM J. Numer. Anal. 34); for a sum of
 * campaign loads it is much better, since each campaign's own spread is covered exactly. It is also far cheaper: no logarithm, root or sine per sample.
 */
import { normalQuantile } from "./normal.js";

/**
 * Samples per estimate: sampling error at most √(p(1−p)/3999) (Owen's bound above), 0.8 percentage
 * points at worst.
 */
export const RISK_SAMPLES = 4000; // even (the strata mirror in pairs), a multiple of 4 (sampledRisk's groups)
/** The fixed seed every report uses. */
export const RISK_SEED = 20_261_203;

/** FNV-1a of a string, mixed with the seed. */
export function streamSeed(id: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

let table: Float64Array | undefined;

/**
 * z_i = Φ⁻¹((i + ½)/RISK_SAMPLES), i = 0 … RISK_SAMPLES − 1: the midpoint of each stratum, in
 * increasing order, from −3.662 to 3.662 (exactly symmetric). Computed once per process; do not
 * write to it.
 */
export function stratifiedNormals(): Float64Array {
  if (!table) {
    table = new Float64Array(RISK_SAMPLES);
    // The lower half, mirrored: (i + ½)/N is exact there, 1 − (i + ½)/N would be rounded.
    for (let i = 0; i < RISK_SAMPLES / 2; i++) {
      table[i] = normalQuantile((i + 0.5) / RISK_SAMPLES);
      table[RISK_SAMPLES - 1 - i] = -table[i]!;
    }
  }
  return table;
}

/**
 * Puts `values` in the random order of the stream `seed`, in place: Fisher–Yates with mulberry32,
 * each index j ≤ i taken as ⌊u·(i + 1) / 2³²⌋ from a 32-bit draw u (relative bias (i + 1)/2³²,
 * below 1e-6 for 4,000 values).
 */
export function shuffle(seed: number, values: Float64Array): Float64Array {
  let a = seed >>> 0;
  for (let i = values.length - 1; i > 0; i--) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = (t ^ (t >>> 14)) >>> 0;
    const j = Math.floor((u * (i + 1)) / 4294967296);
    const v = values[i]!;
    values[i] = values[j]!;
    values[j] = v;
  }
  return values;
}
