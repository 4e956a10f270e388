/**
 * Risk terms as rows of one Float64Array, eight doubles (one cache line) per term. The engine asks
 * for the chance at thousands of points whose terms are campaigns it has seen at earlier points:
 * as objects, reading a term's fields cost a cache miss per object on the way (load item, its
 * loads, the term) and the bound e^{σ z} was recomputed at every point. A row is computed once per
 * (load item, service) and the sum reads it from one place.
 *
 * Each row holds the term's load, median and σ as given, and what the sum derives from them with
 * the very same operations as before: scale = load × median, most = scale × e^{σ z_max}, least =
 * scale × e^{σ z_min} (z the outer strata's midpoints). `rank` orders rows as their ids (equal
 * ids, equal ranks) and `key` says where the row's factor samples come from.
 *
 * A point with many campaigns (DENSE or more, overload-risk.ts) is summed in whole units of its
 * service's capacity instead (risk-sum.ts). A row's weight there (scale in units) and its fewest
 * and most units are kept apart, UNIT_ROW doubles per row, made when a dense point first lists the
 * row: most rows never take part in one.
 */
import type { LogNormal } from "./lognormal.js";
import { RISK_SAMPLES, stratifiedNormals } from "./samples.js";

/** Doubles per row. */
export const ROW = 8;
/** Offsets of a row's fields. */
export const LOAD = 0;
export const MEDIAN = 1;
export const SIGMA = 2;
export const SCALE = 3;
export const MOST = 4;
export const LEAST = 5;
export const RANK = 6;
export const KEY = 7;

/** Doubles per row of the units: the weight, the fewest and the most units. */
export const UNIT_ROW = 3;
export const WEIGHT = 0;
export const UNITS_LEAST = 1;
export const UNITS_MOST = 2;

/**
 * Units per capacity in a sum in units: a term's sample counts to 2⁻²⁶ of the capacity (1.5e-8
 * of it), far finer than anything 4,000 samples tell apart.
 */
export const UNITS = 2 ** 26;
/**
 * The most units one term's sample counts for, 2³¹ − 1 (32 capacities, kept in an Int32Array): a
 * term at the cap exceeds any room on its own (the room is at most the capacity), and up to 2²²
 * terms (4 million campaigns at one instant) sum exactly in doubles (below 2⁵³).
 */
export const TERM_CAP = 2 ** 31 - 1;

/** The size of a unit for a capacity (any positive size without capacity: nothing is summed then). */
export function sumUnit(capacity: number): number {
  return capacity > 0 ? capacity / UNITS : 1;
}

/**
 * A term's sample, `weight` × factor, in whole units (⌊x + ½⌋, at most TERM_CAP): the one rounding
 * of a sum in units. Not Math.round: V8 calls out of optimized code for it, 8 ns a sample against
 * under 1 for the floor.
 */
export function termUnits(weight: number, factor: number): number {
  const units = Math.floor(weight * factor + 0.5);
  return units < TERM_CAP ? units : TERM_CAP;
}

export class TermTable {
  /** Row r's fields at r × ROW + LOAD … KEY. Replaced when it grows: read it after adding. */
  data: Float64Array;
  /** Rows in use. */
  size = 0;

  constructor(rows = 64) {
    this.data = new Float64Array(Math.max(1, rows) * ROW);
  }

  /** Adds a term: `rank` orders it as its id does, `key` names its samples. Returns its row. */
  add(load: number, factor: LogNormal, rank: number, key: number): number {
    if ((this.size + 1) * ROW > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const z = stratifiedNormals();
    const row = this.size++;
    const d = this.data;
    const at = row * ROW;
    const scale = load * factor.median;
    d[at + LOAD] = load;
    d[at + MEDIAN] = factor.median;
    d[at + SIGMA] = factor.sigma;
    d[at + SCALE] = scale;
    d[at + MOST] = scale * Math.exp(factor.sigma * z[RISK_SAMPLES - 1]!);
    d[at + LEAST] = scale * Math.exp(factor.sigma * z[0]!);
    d[at + RANK] = rank;
    d[at + KEY] = key;
    return row;
  }

  /**
   * Row r's units at r × UNIT_ROW + WEIGHT … UNITS_MOST, once `inUnits` made them (a weight of 0
   * before). Replaced when it grows: read it after `inUnits`.
   */
  units = new Float64Array(0);

  /**
   * Makes row `row`'s units for `unit` (sumUnit of its service's capacity; a row is one service's,
   * so always the same unit) if not made yet. Returns the offset of its weight in `units`.
   */
  inUnits(row: number, unit: number): number {
    const at = row * UNIT_ROW;
    if (at + UNIT_ROW > this.units.length) {
      const grown = new Float64Array(Math.max(this.data.length / ROW, row + 1) * UNIT_ROW);
      grown.set(this.units);
      this.units = grown;
    }
    const u = this.units;
    if (u[at + WEIGHT] === 0) {
      const z = stratifiedNormals();
      const d = this.data;
      const sigma = d[row * ROW + SIGMA]!;
      const weight = d[row * ROW + SCALE]! / unit;
      // The same e^{σz} as the factor table's outer entries: the samples' own fewest and most.
      u[at + UNITS_LEAST] = termUnits(weight, Math.exp(sigma * z[0]!));
      u[at + UNITS_MOST] = termUnits(weight, Math.exp(sigma * z[RISK_SAMPLES - 1]!));
      u[at + WEIGHT] = weight;
    }
    return at;
  }

  /** Row `row`'s key (where its samples come from). */
  key(row: number): number {
    return this.data[row * ROW + KEY]!;
  }

  /** Row `row`'s σ. */
  sigma(row: number): number {
    return this.data[row * ROW + SIGMA]!;
  }
}
