/**
 * The chance of overload at every candidate point of a report as one job of plain data: typed
 * arrays and the campaigns' ids, no functions or objects of the capacity model. So a shell can
 * hand it to another thread (structured clone) and take the chances back as one Float64Array,
 * while its own thread goes on with the findings and the report: on a repository of 10,000
 * campaigns the chance is about a quarter of the check's time (docs/performance.md).
 * `computeRisk` is the one computation, wherever it runs: the same job always gives the same
 * numbers, so a report is byte for byte the same on one thread or two.
 */
import { FactorCache } from "./factor-cache.js";
import type { LogNormal } from "./lognormal.js";
import { tableRisk } from "./overload-risk.js";
import { RiskSum, RowMarks } from "./risk-sum.js";
import { RISK_SEED } from "./samples.js";
import { TermTable } from "./term-table.js";

export interface RiskJob {
  /** Per point: its service, instant (epoch ms), certain part of the load and capacity at risk. */
  service: Int32Array;
  instant: Float64Array;
  base: Float64Array;
  capacity: Float64Array;
  /** Per point p: the load items active on its service then, pieces[pieceStart[p] … pieceStart[p + 1] − 1]. */
  pieceStart: Int32Array;
  pieces: Int32Array;
  /**
   * Per item i: its loads, loadStart[i] … loadStart[i + 1] − 1, each a service and the item's
   * planned rps there (shape share included); and the campaign it belongs to.
   */
  loadStart: Int32Array;
  loadService: Int32Array;
  loadRps: Float64Array;
  owner: Int32Array;
  /** Per service: the unit its dense sums count in (sumUnit of its highest capacity at risk). */
  units: Float64Array;
  /**
   * Per campaign, in id order (equal ids adjacent): its id (its sample stream, and the order of
   * ties), when its window ends (its samples are released then) and its factor R.
   */
  ids: readonly string[];
  ends: Float64Array;
  median: Float64Array;
  sigma: Float64Array;
}

/**
 * Runs a job and says how to get its chances: at once on this thread (`computeNow`) or on
 * another one (the CLI's risk thread). The getter may wait; it is called at most once.
 */
export type RiskRunner = (job: RiskJob) => () => Float64Array;

/** The chances now, on this thread. */
export const computeNow: RiskRunner = (job) => {
  const probabilities = computeRisk(job);
  return () => probabilities;
};

/**
 * The chance at every point of the job, by point. Points are visited in time order, so a
 * campaign's samples are computed once and released when its window ends, and a service's sum at
 * its points with many campaigns is carried from one to the next (risk-sum.ts). Each (item,
 * service) becomes one row of a term table the first time a point needs it; later points reuse
 * the row: a point costs a lookup per active item.
 *
 * Two threads can share a job (src/worker/risk-thread.ts): each computes a run of the points in
 * time order (`from`, and `go` asked before each point), from a state of its own, into the same
 * array. A point's chance depends only on the point (a campaign's samples come from its own seeded
 * stream, and a carried sum holds what a fresh one would), so the chances are the same whichever
 * thread computes which points.
 */
export function computeRisk(job: RiskJob, run: RiskRun = {}): Float64Array {
  const { ids, ends, loadStart, loadService, owner } = job;
  const count = job.instant.length;
  const order = timeOrder(job);
  const cache = new FactorCache(RISK_SEED);
  const table = new TermTable();
  const samples = (row: number): Float64Array => {
    const c = table.key(row);
    return cache.samples(c, ids[c]!, table.sigma(row), ends[c]!);
  };
  const rowOf = new Int32Array(loadService.length).fill(-1);
  const factors = new Array<LogNormal | undefined>(ids.length);
  // Equal ids share a rank (the first of them): ranks order rows as their ids do.
  const rank = (c: number): number => {
    while (c > 0 && ids[c - 1] === ids[c]) c--;
    return c;
  };
  const rowAt = (p: number, service: number): number => {
    const end = loadStart[p + 1]!;
    let at = loadStart[p]!;
    while (at < end && loadService[at] !== service) at++;
    // An item without load on the service adds nothing (no row).
    if (at === end) return -1;
    let row = rowOf[at]!;
    if (row < 0) {
      const c = owner[p]!;
      const factor = (factors[c] ??= { median: job.median[c]!, sigma: job.sigma[c]! });
      row = rowOf[at] = table.add(job.loadRps[at]!, factor, rank(c), c);
    }
    return row;
  };
  let rows = new Int32Array(64);
  // Each service's sum in units, carried from one of its dense points to the next (its samples'
  // array is made at the first).
  const marks = new RowMarks();
  const sums = Array.from(job.units, (unit) => new RiskSum(unit, marks));
  const probabilities = run.into ?? new Float64Array(count);
  for (let done = run.from ?? 0; done < count; done++) {
    if (run.go && !run.go(done)) break;
    const k = order[done]!;
    const service = job.service[k]!;
    cache.release(job.instant[k]!);
    const from = job.pieceStart[k]!;
    const to = job.pieceStart[k + 1]!;
    if (rows.length < to - from) rows = new Int32Array(Math.max(to - from, 2 * rows.length));
    let n = 0;
    for (let i = from; i < to; i++) {
      const row = rowAt(job.pieces[i]!, service);
      if (row >= 0) rows[n++] = row;
    }
    cache.reserve(to - from);
    probabilities[k] = tableRisk(
      table,
      rows,
      n,
      job.base[k]!,
      job.capacity[k]!,
      job.units[service]!,
      samples,
      sums[service],
    );
  }
  return probabilities;
}

/** A run of a job's points (computeRisk): all of them into a new array unless told otherwise. */
export interface RiskRun {
  /** The first point to compute, by its place in time order (timeOrder): 0 unless told. */
  from?: number;
  /** Asked before each point (its place in time order): false stops the run there. */
  go?: (done: number) => boolean;
  /** Where the chances go, by point. */
  into?: Float64Array;
}

/** The job's points in time order (ties by index): the order computeRisk visits them in. */
function timeOrder(job: RiskJob): number[] {
  const order = new Array<number>(job.instant.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => job.instant[a]! - job.instant[b]! || a - b);
}
