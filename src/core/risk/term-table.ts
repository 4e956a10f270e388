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

  /** Row `row`'s key (where its samples come from). */
  key(row: number): number {
    return this.data[row * ROW + KEY]!;
  }

  /** Row `row`'s σ. */
  sigma(row: number): number {
    return this.data[row * ROW + SIGMA]!;
  }
}
