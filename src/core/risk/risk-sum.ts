/**
 * The sampled load of one service in whole units of its capacity (term-table.ts): per sample of
 * the Latin hypercube, the sum of the units of the terms it holds. Sums of whole units are exact
 * in any order, so the engine keeps one RiskSum per service and brings it from one point to the
 * next by taking away the terms that went and adding those that came, instead of summing every
 * campaign again: a 100,000-campaign repository has points with thousands of campaigns, of which
 * a tenth change from one point to the next. However a sum was reached, it holds the same numbers.
 *
 * A held term keeps its units (an Int32Array of RISK_SAMPLES, 16 KB): taking it away reads them
 * back instead of its campaign's factor samples (32 KB, and shuffled again if the cache let them
 * go by then).
 */
import { RISK_SAMPLES } from "./samples.js";
import { TERM_CAP, termUnits, UNITS_MOST, WEIGHT } from "./term-table.js";
import type { TermTable } from "./term-table.js";

/** A row's factor samples: its campaign's e^{σZ} in its own order, RISK_SAMPLES doubles first. */
export type RowSamples = (row: number) => Float64Array;

/**
 * What the sums over one table share: by row, which point last listed it and whether a sum holds
 * it (a row is one service's, so in at most one sum), and the units arrays of terms taken away,
 * for the next terms added.
 */
export class RowMarks {
  /** The `clock` of the last `hold` that listed the row. */
  listed = new Int32Array(64);
  /** 1 while a sum holds the row. */
  held = new Uint8Array(64);
  clock = 0;
  readonly spare: Int32Array[] = [];

  grow(rows: number): void {
    if (rows <= this.listed.length) return;
    const length = Math.max(rows, 2 * this.listed.length);
    const listed = new Int32Array(length);
    const held = new Uint8Array(length);
    listed.set(this.listed);
    held.set(this.held);
    this.listed = listed;
    this.held = held;
  }
}

export class RiskSum {
  /**
   * Per sample, the held rows' units; made at the first `hold` (most services never need one).
   * Read only.
   */
  units: Float64Array | undefined;
  /** The rows held (the first `size` entries) and, alongside, each one's units. */
  private rows = new Int32Array(16);
  private rowUnits: Int32Array[] = [];
  private size = 0;

  /**
   * `unit`: what the sum counts in (sumUnit of its service's capacity). `marks`: shared by the
   * sums over one table (the engine's one per report), a sum's own otherwise.
   */
  constructor(
    readonly unit: number,
    private readonly marks = new RowMarks(),
  ) {}

  /**
   * Makes the sum hold exactly `rows[0 … count − 1]` (rows of `table`, no repeats): the rows no
   * longer listed taken away and the new ones added, or all listed rows summed afresh when that
   * is less work.
   */
  hold(table: TermTable, rows: Int32Array, count: number, samples: RowSamples): void {
    const marks = this.marks;
    marks.grow(table.size);
    const clock = ++marks.clock;
    const { listed, held, spare } = marks;
    const units = (this.units ??= new Float64Array(RISK_SAMPLES));
    for (let i = 0; i < count; i++) listed[rows[i]!] = clock;
    let leaving = 0;
    for (let h = 0; h < this.size; h++) if (listed[this.rows[h]!] !== clock) leaving++;
    const coming = count - (this.size - leaving);
    const afresh = leaving + coming >= count;
    if (afresh) units.fill(0);
    if (afresh || leaving > 0) {
      let kept = 0;
      for (let h = 0; h < this.size; h++) {
        const row = this.rows[h]!;
        const own = this.rowUnits[h]!;
        if (!afresh && listed[row] === clock) {
          this.rows[kept] = row;
          this.rowUnits[kept++] = own;
          continue;
        }
        if (!afresh) take(units, own);
        spare.push(own);
        held[row] = 0;
      }
      this.size = kept;
      this.rowUnits.length = kept;
    }
    if (this.rows.length < count) {
      const grown = new Int32Array(Math.max(count, 2 * this.rows.length));
      grown.set(this.rows.subarray(0, this.size));
      this.rows = grown;
    }
    for (let i = 0; i < count; i++) {
      const row = rows[i]!;
      if (held[row]) continue;
      const own = spare.pop() ?? new Int32Array(RISK_SAMPLES);
      add(units, table.inUnits(row, this.unit), table, samples(row), own);
      held[row] = 1;
      this.rows[this.size++] = row;
      this.rowUnits.push(own);
    }
  }

  /** How many samples' sums exceed `left` units (of the rows last held). */
  over(left: number): number {
    const units = this.units;
    if (!units) return 0;
    let over = 0;
    for (let k = 0; k < RISK_SAMPLES; k++) if (units[k]! > left) over++;
    return over;
  }
}

/**
 * Adds a row's units (its weight at `at` in table.units, from inUnits) at every sample, keeping
 * them in `own`.
 */
function add(
  units: Float64Array,
  at: number,
  table: TermTable,
  factors: Float64Array,
  own: Int32Array,
): void {
  const weight = table.units[at + WEIGHT]!;
  if (table.units[at + UNITS_MOST]! < TERM_CAP) {
    // Below the cap at its most units, so at every sample (units grow with the factor): the
    // same numbers without the cap's test, a quarter of the loop's time.
    for (let k = 0; k < RISK_SAMPLES; k++) {
      const u = Math.floor(weight * factors[k]! + 0.5);
      own[k] = u;
      units[k] = units[k]! + u;
    }
    return;
  }
  for (let k = 0; k < RISK_SAMPLES; k++) {
    const u = termUnits(weight, factors[k]!);
    own[k] = u;
    units[k] = units[k]! + u;
  }
}

/** Takes a held row's units (`own`) away. */
function take(units: Float64Array, own: Int32Array): void {
  for (let k = 0; k < RISK_SAMPLES; k++) units[k] = units[k]! - own[k]!;
}
