/**
 * The chance that a service's load exceeds a capacity at one instant, when a certain part (the
 * baseline) is added to uncertain campaign loads, independent log-normals (lognormal.ts).
 *
 * - One uncertain campaign: the exact closed form 1 − Φ((ln((C − B)/L) − ln m) / σ).
 * - Several: seeded Latin hypercube sampling with RISK_SAMPLES samples (samples.ts), summed only
 *   as far as needed to know the estimate (sampledRisk): most instants are nowhere near the
 *   capacity, and the samples' own range shows it without summing them all.
 * - DENSE or more: the same sampling, each term's sample counted in whole units of the capacity
 *   (term-table.ts) so that sums are exact, and the engine carries each service's sum from point
 *   to point (risk-sum.ts).
 */
import { factorTable } from "./factor-table.js";
import { normalCdf } from "./normal.js";
import type { LogNormal } from "./lognormal.js";
import { RiskSum } from "./risk-sum.js";
import type { RowSamples } from "./risk-sum.js";
import { RISK_SAMPLES, shuffle, streamSeed } from "./samples.js";
import {
  LEAST,
  LOAD,
  MEDIAN,
  MOST,
  RANK,
  ROW,
  SCALE,
  SIGMA,
  sumUnit,
  TermTable,
  UNITS_LEAST,
  UNITS_MOST,
} from "./term-table.js";

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
  const unit = sumUnit(capacity);
  return tableRisk(termTable(terms), allRows(terms.length), terms.length, base, capacity, unit, (row) =>
    withBlockHighs(samples(terms[row]!, seed)),
  );
}

/**
 * From this many uncertain terms on, a point is summed in whole units (risk-sum.ts). Below it,
 * the sum in doubles stops early at most points; at this many, points come in long runs of
 * mostly the same campaigns, and carrying the sum costs only the campaigns that changed.
 */
export const DENSE = 64;

/**
 * overloadRisk over rows of a term table (term-table.ts) whose units are `unit` (sumUnit of
 * `capacity`, or of a higher capacity of the same service): the terms are `rows[0 … count − 1]`,
 * and `samples(row)` gives a row's factor samples followed by their block highs (withBlockHighs).
 * The engine's way in: its terms are rows computed once per report, its samples come from a
 * cache, and `sum` is the service's sum in units, carried from point to point.
 */
export function tableRisk(
  table: TermTable,
  rows: Int32Array,
  count: number,
  base: number,
  capacity: number,
  unit: number,
  samples: RowSamples,
  sum?: RiskSum,
): number {
  const d = table.data;
  const room = capacity - base;
  const uncertain = scratchRows(count);
  let n = 0;
  let certain = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    const load = d[row * ROW + LOAD]!;
    const sigma = d[row * ROW + SIGMA]!;
    if (load > 0 && sigma > 0) uncertain[n++] = row;
    else if (load > 0 && sigma === 0) certain += d[row * ROW + SCALE]!;
  }
  const left = room - certain;
  if (n === 0) return left < 0 ? 1 : 0;
  if (left <= 0) return 1;
  if (n === 1) {
    const at = uncertain[0]! * ROW;
    return 1 - normalCdf((Math.log(left / d[at + LOAD]!) - Math.log(d[at + MEDIAN]!)) / d[at + SIGMA]!);
  }
  if (n >= DENSE) return unitsRisk(table, uncertain, n, left, unit, samples, sum);
  return sampledRows(table, uncertain, n, left, samples);
}

/**
 * The sampled estimate of a dense point, in units: 0 when every term at its most units still
 * fits and 1 when every term at its fewest already exceeds (exact sums of whole units, decided
 * without a sample), else the share of samples whose sum exceeds `left` units.
 */
function unitsRisk(
  table: TermTable,
  rows: Int32Array,
  n: number,
  left: number,
  unit: number,
  samples: RowSamples,
  sum = new RiskSum(unit),
): number {
  let most = 0;
  let least = 0;
  for (let i = 0; i < n; i++) {
    const at = table.inUnits(rows[i]!, unit);
    most += table.units[at + UNITS_MOST]!;
    least += table.units[at + UNITS_LEAST]!;
  }
  const room = left / unit;
  if (most <= room) return 0;
  if (least > room) return 1;
  sum.hold(table, rows, n, samples);
  return sum.over(room) / RISK_SAMPLES;
}

/**
 * Where the sampling takes a term's RISK_SAMPLES factors e^{σZ}: `factorSamples` computes them
 * afresh; the engine passes a cache (FactorCache) because one campaign takes part in many points.
 */
export type FactorSamples = (term: RiskTerm, seed: number) => Float64Array;

/** Samples per block: the sum first bounds whole blocks by their highest factor (sampledRows). */
export const BLOCK = 32;
export const BLOCKS = RISK_SAMPLES / BLOCK;
/** Doubles of a campaign's samples with their block highs. */
export const SAMPLED = RISK_SAMPLES + BLOCKS;

/**
 * Writes the highest factor of each block of BLOCK consecutive samples after the samples:
 * `out[RISK_SAMPLES + b]` for samples b × BLOCK … (b + 1) × BLOCK − 1. Computed once per campaign
 * (the cache keeps them with its samples), read at every point it takes part in. `samples`: the
 * RISK_SAMPLES factors, or already `out` (SAMPLED long) with the factors in front; a new buffer
 * when not given.
 */
export function withBlockHighs(samples: Float64Array, out?: Float64Array): Float64Array {
  const all = out ?? new Float64Array(SAMPLED);
  if (all !== samples) all.set(samples.subarray(0, RISK_SAMPLES));
  for (let b = 0; b < BLOCKS; b++) {
    let high = all[b * BLOCK]!;
    for (let k = b * BLOCK + 1; k < (b + 1) * BLOCK; k++) if (all[k]! > high) high = all[k]!;
    all[RISK_SAMPLES + b] = high;
  }
  return all;
}

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

/**
 * The sampled estimate of P(Σ R_j × load_j > left): the share of the RISK_SAMPLES points of the
 * Latin hypercube where the sum exceeds `left`.
 */
export function sampledRisk(
  left: number,
  terms: readonly RiskTerm[],
  seed: number,
  samples: FactorSamples = factorSamples,
): number {
  const table = termTable(terms);
  const rows = allRows(terms.length);
  const sampled: RowSamples = (row) => withBlockHighs(samples(terms[row]!, seed));
  if (terms.length >= DENSE) return unitsRisk(table, rows, terms.length, left, sumUnit(left), sampled);
  return sampledRows(table, rows, terms.length, left, sampled);
}

/**
 * A table of `terms`, row i for terms[i] (its key i), ranked by id. The engine builds its own
 * table once per report; this is for callers with a few terms at hand.
 */
function termTable(terms: readonly RiskTerm[]): TermTable {
  const ids = [...new Set(terms.map((t) => t.id))].sort();
  const rank = new Map(ids.map((id, i) => [id, i]));
  const table = new TermTable(terms.length);
  for (let i = 0; i < terms.length; i++) table.add(terms[i]!.load, terms[i]!, rank.get(terms[i]!.id)!, i);
  return table;
}

function allRows(count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

/**
 * Working memory of the sum, reused from point to point (allocating per point was most of the risk
 * code's garbage): the uncertain rows, their order and bounds, and the candidate samples (see
 * sampledRows): each one's index and running sum.
 */
let uncertainRows = new Int32Array(256);
let rest = new Float64Array(257);
const order: number[] = [];
const INDEX = new Int32Array(RISK_SAMPLES);
const SUM = new Float64Array(RISK_SAMPLES);

function scratchRows(count: number): Int32Array {
  if (uncertainRows.length < count) uncertainRows = new Int32Array(Math.max(count, 2 * uncertainRows.length));
  return uncertainRows;
}

/**
 * A sample is dropped once its running sum plus the most the campaigns still to come can add is
 * below left × (1 − MARGIN): far beyond the rounding of sums of up to millions of terms (relative
 * 1e-10 at worst), so a dropped sample's full sum could never have exceeded `left`.
 */
const MARGIN = 1e-9;

/**
 * The sampled estimate over rows of a table (see sampledRisk), summed only as far as needed to know
 * it.
 *
 * Most points the engine asks about are far from their capacity: no sample comes near it. A
 * campaign's factors lie between e^{σ z_min} and e^{σ z_max} (the outer strata's midpoints, z =
 * ∓3.66), so when every campaign at its highest sample still fits the estimate is 0, and 1 when
 * every campaign at its lowest already exceeds (decided from the rows' bounds, before any sample).
 * Otherwise the campaigns are added largest first (by the most they can add), four at a time, each
 * sample's sum as `sum + (a + b + c + d)` — the order and grouping that make the report's numbers
 * — and the estimate is 0 as soon as the highest sum plus the most the remaining campaigns can add
 * stays at or below `left` after a group (on the stress repository 162 million products instead of
 * the 537 million of the full sum).
 *
 * Samples that cannot exceed are left out, without changing a bit of the estimate: a sample whose
 * sum so far plus the most the remaining campaigns can add is clearly below `left` (MARGIN) can
 * never exceed it. First by blocks of BLOCK samples, before any sum: the first four campaigns at
 * their block's highest factor plus the most of the others (a block's highest is near the top of
 * the campaign's range only in a few blocks); then sample by sample after each group. The samples
 * left, the candidates, get exactly the operations they got in the full sum, so their sums are the
 * same doubles; the highest sum after a group is a candidate's or below the bound anyway; and once
 * no candidate is left the estimate is 0. On the stress repository a third of the points that
 * need samples are decided by their blocks alone, and the first group sums a fifth of the samples.
 */
function sampledRows(
  table: TermTable,
  rows: Int32Array,
  n: number,
  left: number,
  samples: RowSamples,
): number {
  const d = table.data;
  // Every campaign at its highest sample still fits, or at its lowest already exceeds: decided
  // before any sample (most points).
  let most = 0;
  let least = 0;
  // Leaving samples out needs true bounds: no negative or NaN products.
  let bounded = true;
  for (let i = 0; i < n; i++) {
    const at = rows[i]! * ROW;
    most += d[at + MOST]!;
    least += d[at + LEAST]!;
    if (!(d[at + SCALE]! >= 0)) bounded = false;
  }
  if (most <= left) return 0;
  if (least > left) return 1;
  // Largest first; ties by id, then as given (stable): the order comes from the terms themselves.
  order.length = n;
  for (let i = 0; i < n; i++) order[i] = rows[i]!;
  sorted = d;
  order.sort(largestFirst);
  // rest[j]: the most terms j, j + 1, … can add.
  if (rest.length < n + 1) rest = new Float64Array(Math.max(n + 1, 2 * rest.length));
  rest[n] = 0;
  for (let j = n - 1; j >= 0; j--) rest[j] = rest[j + 1]! + d[order[j]! * ROW + MOST]!;
  // After term j, a sum (or bound) below threshold − rest[j + 1] cannot exceed `left`.
  const threshold = bounded ? left - left * MARGIN : -Infinity;
  const first = Math.min(4, n);
  let blocks = BLOCKS;
  for (let b = 0; b < BLOCKS; b++) ALIVE[b] = b;
  for (let t = 0; t < first; t++) {
    const row = order[t]!;
    const f = samples(row);
    HEADS[t] = f;
    blocks = boundBlocks(f, d[row * ROW + SCALE]!, t === 0, blocks, threshold - rest[t + 1]!);
    if (blocks === 0) return 0;
  }
  let m: number;
  let j: number;
  indexStale = false;
  if (n >= 4) {
    m = firstGroup(d, blocks, threshold - rest[4]!);
    if (m === 0 || top + rest[4]! <= left) return 0;
    j = 4;
  } else {
    m = 0;
    for (let a = 0; a < blocks; a++) {
      for (let k = ALIVE[a]! * BLOCK, end = k + BLOCK; k < end; k++) {
        INDEX[m] = k;
        SUM[m++] = 0;
      }
    }
    j = 0;
  }
  for (; j + 4 <= n; j += 4) {
    m = groupOfFour(d, samples, j, m, threshold - rest[j + 4]!);
    if (m === 0 || top + rest[j + 4]! <= left) return 0;
  }
  for (; j < n && m > 0; j++) {
    const row = order[j]!;
    m = single(j < first ? HEADS[j]! : samples(row), d[row * ROW + SCALE]!, m, threshold - rest[j + 1]!);
  }
  let over = 0;
  for (let c = 0; c < m; c++) if (SUM[c]! > left) over++;
  return over / RISK_SAMPLES;
}

/** The first four campaigns' samples (fetched for the blocks, summed by firstGroup). */
const HEADS: Float64Array[] = [];
/** The blocks still in (their indices, first `blocks` entries) and each block's bound so far. */
const ALIVE = new Int32Array(BLOCKS);
const PEAK = new Float64Array(BLOCKS);

/**
 * Adds a campaign (factors `f` with their block highs, scale `s`) at its block highs to each
 * remaining block's bound (`fresh`: the first campaign, bounds start at 0) and keeps the blocks
 * whose bound is not below `cut`. Returns how many are kept.
 */
function boundBlocks(f: Float64Array, s: number, fresh: boolean, blocks: number, cut: number): number {
  let kept = 0;
  for (let a = 0; a < blocks; a++) {
    const b = ALIVE[a]!;
    const bound = (fresh ? 0 : PEAK[b]!) + s * f[RISK_SAMPLES + b]!;
    PEAK[b] = bound;
    if (bound < cut) continue;
    ALIVE[kept++] = b;
  }
  return kept;
}

/** The table `largestFirst` reads (one comparator for every call: a fresh closure per point cost V8 its optimized code). */
let sorted: Float64Array = new Float64Array(0);

function largestFirst(a: number, b: number): number {
  return (
    sorted[b * ROW + MOST]! - sorted[a * ROW + MOST]! || sorted[a * ROW + RANK]! - sorted[b * ROW + RANK]!
  );
}

/** Whether INDEX is to be read as k ↦ k (every sample in) and not yet written so. */
let indexStale = false;

/** Writes INDEX as k ↦ k when a plain pass left it to be read so. */
function indexFromSamples(): void {
  if (!indexStale) return;
  for (let k = 0; k < RISK_SAMPLES; k++) INDEX[k] = k;
  indexStale = false;
}

/** The highest candidate sum after the last group (set by firstGroup and groupOfFour). */
let top = 0;

/**
 * The first four campaigns (HEADS) at every sample of the remaining blocks: `0 + (a + b + c + d)`.
 * Makes the candidates whose sum is not below `cut`, in sample order; returns how many.
 */
function firstGroup(d: Float64Array, blocks: number, cut: number): number {
  const fa = HEADS[0]!;
  const fb = HEADS[1]!;
  const fc = HEADS[2]!;
  const fd = HEADS[3]!;
  const sa = d[order[0]! * ROW + SCALE]!;
  const sb = d[order[1]! * ROW + SCALE]!;
  const sc = d[order[2]! * ROW + SCALE]!;
  const sd = d[order[3]! * ROW + SCALE]!;
  let high = 0;
  if (blocks === BLOCKS && !(cut > 0)) {
    // Every block in and no sample to drop: a plain pass from sums of 0 (`0 + (…)`, as below;
    // INDEX is then read as k ↦ k, see indexFromSamples).
    SUM.fill(0);
    indexStale = true;
    return plainGroup(sa, fa, sb, fb, sc, fc, sd, fd);
  }
  let kept = 0;
  for (let a = 0; a < blocks; a++) {
    for (let k = ALIVE[a]! * BLOCK, end = k + BLOCK; k < end; k++) {
      const x = 0 + (sa * fa[k]! + sb * fb[k]! + sc * fc[k]! + sd * fd[k]!);
      if (x < cut) continue;
      if (x > high) high = x;
      INDEX[kept] = k;
      SUM[kept++] = x;
    }
  }
  top = high;
  return kept;
}

/**
 * Adds the four campaigns order[j … j + 3] to each candidate's sum, `sum + (a + b + c + d)`, and
 * keeps the candidates whose new sum is not below `cut`. Returns how many are kept.
 */
function groupOfFour(d: Float64Array, samples: RowSamples, j: number, m: number, cut: number): number {
  const ra = order[j]!;
  const rb = order[j + 1]!;
  const rc = order[j + 2]!;
  const rd = order[j + 3]!;
  const fa = samples(ra);
  const fb = samples(rb);
  const fc = samples(rc);
  const fd = samples(rd);
  const sa = d[ra * ROW + SCALE]!;
  const sb = d[rb * ROW + SCALE]!;
  const sc = d[rc * ROW + SCALE]!;
  const sd = d[rd * ROW + SCALE]!;
  let high = 0;
  if (m === RISK_SAMPLES && !(cut > 0)) {
    // Every sample still in (INDEX is k ↦ k) and none can drop: a plain pass (many campaigns per
    // point spend most groups here).
    return plainGroup(sa, fa, sb, fb, sc, fc, sd, fd);
  }
  indexFromSamples();
  let kept = 0;
  for (let c = 0; c < m; c++) {
    const k = INDEX[c]!;
    const x = SUM[c]! + (sa * fa[k]! + sb * fb[k]! + sc * fc[k]! + sd * fd[k]!);
    if (x < cut) continue;
    if (x > high) high = x;
    INDEX[kept] = k;
    SUM[kept++] = x;
  }
  top = high;
  return kept;
}

/**
 * Adds four campaigns to every sample's sum, `sum + (a + b + c + d)`, two samples a turn, with no
 * sample dropped; sets `top`. Returns RISK_SAMPLES (every sample a candidate, INDEX read k ↦ k).
 */
function plainGroup(
  sa: number,
  fa: Float64Array,
  sb: number,
  fb: Float64Array,
  sc: number,
  fc: Float64Array,
  sd: number,
  fd: Float64Array,
): number {
  let high = 0;
  for (let k = 0; k < RISK_SAMPLES; k += 2) {
    const x = SUM[k]! + (sa * fa[k]! + sb * fb[k]! + sc * fc[k]! + sd * fd[k]!);
    const y = SUM[k + 1]! + (sa * fa[k + 1]! + sb * fb[k + 1]! + sc * fc[k + 1]! + sd * fd[k + 1]!);
    SUM[k] = x;
    SUM[k + 1] = y;
    if (x > high) high = x;
    if (y > high) high = y;
  }
  top = high;
  return RISK_SAMPLES;
}

/** Adds a campaign (factors `f`, scale `s`) to each candidate's sum; keeps those not below `cut`. */
function single(f: Float64Array, s: number, m: number, cut: number): number {
  indexFromSamples();
  let kept = 0;
  for (let c = 0; c < m; c++) {
    const k = INDEX[c]!;
    const x = SUM[c]! + s * f[k]!;
    if (x < cut) continue;
    INDEX[kept] = k;
    SUM[kept++] = x;
  }
  return kept;
}
