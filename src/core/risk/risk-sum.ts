/**
 * The sampled load of one service in whole units of its capacity (term-table.ts): per sample of
 * the Latin hypercube, the sum of the units of the terms it holds. Sums of whole units are exact
 * in any order, so the engine keeps one RiskSum per service and brings it from one point to the
 * next by taking away the terms that went and adding those that came, instead of summing every
 * campaign again: a 100,000-campaign repository has points with thousands of campaigns, of which
 * a tenth change from one point to the next. However a sum was reached, it holds the same numbers.
 */
import { RISK_SAMPLES } from "./samples.js";
import { termUnits, WEIGHT } from "./term-table.js";
import type { TermTable } from "./term-table.js";

/** A row's factor samples: its campaign's e^{σZ} in its own order, RISK_SAMPLES doubles first. */
export type RowSamples = (row: number) => Float64Array;

/**
 * Told when a sum starts (true) and stops (false) holding a row, before its samples are read for
 * it: the engine keeps a held row's samples at hand until the row is taken away.
 */
export type OnHold = (row: number, held: boolean) => void;

/**
 * By row of one table: which point last listed it and whether a sum holds it. Shared by the sums
 * over one table (a row is one service's, so in at most one sum).
 */
export class RowMarks {
  /** The `clock` of the last `hold` that listed the row. */
  listed = new Int32Array(64);
  /** 1 while a sum holds the row. */
  held = new Uint8Array(64);
  clock = 0;

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
  /** Per sample, the held rows' units. */
  readonly units = new Float64Array(RISK_SAMPLES);

  /** `unit`: what the sum counts in (sumUnit of its service's capacity). */
  constructor(readonly unit: number) {}

  /** The rows held: the first `size` entries. */
  private rows = new Int32Array(16);
  private size = 0;

  /**
   * Makes the sum hold exactly `rows[0 … count − 1]` (rows of `table`, no repeats): the rows no
   * longer listed taken away and the new ones added, or all listed rows summed afresh when that
   * is less work.
   */
  hold(
    table: TermTable,
    rows: Int32Array,
    count: number,
    samples: RowSamples,
    marks: RowMarks,
    onHold?: OnHold,
  ): void {
    marks.grow(table.size);
    const clock = ++marks.clock;
    const { listed, held } = marks;
    for (let i = 0; i < count; i++) listed[rows[i]!] = clock;
    let leaving = 0;
    for (let h = 0; h < this.size; h++) if (listed[this.rows[h]!] !== clock) leaving++;
    const coming = count - (this.size - leaving);
    if (leaving + coming >= count) {
      for (let h = 0; h < this.size; h++) {
        held[this.rows[h]!] = 0;
        onHold?.(this.rows[h]!, false);
      }
      this.units.fill(0);
      this.size = 0;
    } else if (leaving > 0) {
      let kept = 0;
      for (let h = 0; h < this.size; h++) {
        const row = this.rows[h]!;
        if (listed[row] === clock) this.rows[kept++] = row;
        else {
          this.apply(table, row, samples(row), -1);
          held[row] = 0;
          onHold?.(row, false);
        }
      }
      this.size = kept;
    }
    if (this.rows.length < count) {
      const grown = new Int32Array(Math.max(count, 2 * this.rows.length));
      grown.set(this.rows.subarray(0, this.size));
      this.rows = grown;
    }
    for (let i = 0; i < count; i++) {
      const row = rows[i]!;
      if (held[row]) continue;
      onHold?.(row, true);
      this.apply(table, row, samples(row), 1);
      held[row] = 1;
      this.rows[this.size++] = row;
    }
  }

  /** How many samples' sums exceed `left` units. */
  over(left: number): number {
    const units = this.units;
    let over = 0;
    for (let k = 0; k < RISK_SAMPLES; k++) if (units[k]! > left) over++;
    return over;
  }

  /** Adds (sign 1) or takes away (sign −1) a row's units at every sample: integers, exact. */
  private apply(table: TermTable, row: number, factors: Float64Array, sign: 1 | -1): void {
    // The offset first: inUnits may replace table.units.
    const at = table.inUnits(row, this.unit);
    const weight = table.units[at + WEIGHT]!;
    const units = this.units;
    for (let k = 0; k < RISK_SAMPLES; k++) units[k] = units[k]! + sign * termUnits(weight, factors[k]!);
  }
}
