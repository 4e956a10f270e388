/**
 * The chance of overload on a second thread. The CLI's `check` hands the report's risk job
 * (src/core/risk/risk-job.ts) here once the capacity model is built; a heavy job goes to a new
 * worker thread while this one goes on with the findings and their report, and `risk`, the
 * report's last key, then waits for the chances (Atomics.wait on a shared buffer: the report is
 * written synchronously). On the 10,000-campaign stress repository that overlaps about a fifth of
 * the check (docs/performance.md). The thread runs the same computeRisk on the same data, so the
 * report is byte for byte the one a single thread writes. When the chances are wanted before the
 * thread is done, this thread computes the later half of what is left (takeSecondHalf).
 *
 * A light job (worthAThread, in the core, says no) is computed here: a thread costs some 50 ms to
 * start and 15–20 MB of memory.
 *
 * Fails safe: a thread that cannot start, stops showing progress for STALL_MS, or fails has its
 * job computed here instead (the job stays on this thread: it is copied, not transferred).
 */
import { existsSync } from "node:fs";
import type * as WorkerThreads from "node:worker_threads";
import { computeNow, computeRisk, splitRest, worthAThread } from "../core/risk/index.js";
import type { RiskJob, RiskRunner } from "../core/risk/index.js";
import { youngGenerationSetting } from "../io/size-young-generation.js";
import { DONE, FAILED, LIMIT, PROGRESS, STATE, WORDS } from "./risk-thread-state.js";
import type { RiskThreadData } from "./risk-thread-state.js";

/**
 * How long a thread may go without a sign of progress (started, then each point done) before its
 * job is computed here: far beyond a start (50 ms) or a point (under 10 ms on 100,000 campaigns).
 */
export const STALL_MS = 10_000;
/** How often the waiting thread looks at the progress word. */
const SLICE_MS = 250;

/** Where a job was computed (RiskThreadOptions.onPlace). */
export type RiskPlace = "thread" | "here" | "fallback";

/** A place in words, for debug output (the CLI's CAMPAIGN_GATE_DEBUG, the Action's step debug log). */
export function describePlace(place: RiskPlace): string {
  if (place === "thread") return "risk of overload computed on a second thread";
  if (place === "here") return "risk of overload computed on the main thread";
  return "risk of overload computed on the main thread after the second thread failed";
}

export interface RiskThreadOptions {
  /** Work (riskWork) from which a job goes to a thread: THREAD_WORK unless told (tests). */
  minWork?: number;
  /**
   * The worker's module (risk-worker.ts as built), a file URL or an absolute path: the CLI's is
   * riskWorkerEntry() (risk-worker-entry.ts), the Action's beside its bundle.
   */
  entry: URL | string;
  /** STALL_MS. */
  stallMs?: number;
  /** Told where the job was computed: on the thread, here (light), or here after the thread failed. */
  onPlace?: (place: RiskPlace) => void;
}

/**
 * A runner (RiskRunner) that computes a heavy job on its own worker thread, started for it and
 * stopped once the chances are read.
 */
export function riskOnThread(options: RiskThreadOptions): RiskRunner {
  const { minWork, entry, stallMs = STALL_MS, onPlace } = options;
  return (job) => {
    if (worthAThread(job, minWork)) return runOnThread(job, entry, stallMs, onPlace);
    onPlace?.("here");
    return computeNow(job);
  };
}

function runOnThread(
  job: RiskJob,
  entry: URL | string,
  stallMs: number,
  onPlace: RiskThreadOptions["onPlace"],
): () => Float64Array {
  const control = new Int32Array(new SharedArrayBuffer(WORDS * Int32Array.BYTES_PER_ELEMENT));
  const count = job.instant.length;
  Atomics.store(control, LIMIT, count);
  const result = new SharedArrayBuffer(count * Float64Array.BYTES_PER_ELEMENT);
  let worker: WorkerThreads.Worker | undefined;
  try {
    // A module that is not there (run from the TypeScript sources, say) fails now, not after stallMs.
    if (!existsSync(entry)) throw new Error(`no ${String(entry)}`);
    // The thread makes the process's young generation setting again (size-young-generation.ts).
    const workerData: RiskThreadData = { control: control.buffer, youngGeneration: youngGenerationSetting() };
    // None of this process's command-line options: a worker inherits them, and some make it fail
    // at start (`node --input-type=module -e …` does).
    worker = new (workerThreads().Worker)(entry, { workerData, execArgv: [] });
    // Never keeps the process alive; an error event is a thread that failed (handled below).
    worker.unref();
    worker.on("error", () => undefined);
    worker.postMessage({ job, result });
  } catch {
    // A thread started but not given its job (say, the job could not be copied) is stopped.
    void worker?.terminate();
    onPlace?.("fallback");
    return computeNow(job);
  }
  const started = worker;
  return () => {
    const chances = new Float64Array(result);
    takeSecondHalf(job, control, chances);
    const state = waitForThread(control, stallMs);
    void started.terminate();
    onPlace?.(state === DONE ? "thread" : "fallback");
    return state === DONE ? chances : computeRisk(job);
  };
}

/**
 * When the chances are wanted before the thread is done and much is left (splitRest, in the core),
 * this thread computes the later half of what is left (in time order) while the thread finishes
 * the first: on 100,000 stress campaigns the check waited some 14 s for the thread, its own work
 * done. The thread checks the limit before each point, after saying which point it is at (both
 * sequentially consistent atomics), so a point the thread computes is below the limit or at most
 * the one it was at when the limit moved: this side starts there (computing that one point twice,
 * to the same value, at worst), and no point is left out.
 */
function takeSecondHalf(job: RiskJob, control: Int32Array, chances: Float64Array): void {
  const state = Atomics.load(control, STATE);
  if (state === DONE || state === FAILED) return;
  const count = job.instant.length;
  const half = splitRest(count, Atomics.load(control, PROGRESS));
  if (half === undefined) return;
  Atomics.store(control, LIMIT, half);
  const from = Math.max(half, Atomics.load(control, PROGRESS));
  if (from < count) computeRisk(job, { from, into: chances });
}

/**
 * node:worker_threads, loaded only when a thread is started: a top-level import would load it at
 * every start of the Action's bundle (CommonJS, so imports are requires at its top), most of
 * which never start a thread.
 */
function workerThreads(): typeof WorkerThreads {
  return process.getBuiltinModule("node:worker_threads");
}

/** Waits until the thread is done or failed, or has shown no progress for `stallMs`. */
function waitForThread(control: Int32Array, stallMs: number): number {
  let seen = -1;
  let since = Date.now();
  for (;;) {
    const state = Atomics.load(control, STATE);
    if (state === DONE || state === FAILED) return state;
    const progress = state * 2 ** 31 + Atomics.load(control, PROGRESS);
    const now = Date.now();
    if (progress !== seen) {
      seen = progress;
      since = now;
    } else if (now - since >= stallMs) return FAILED;
    Atomics.wait(control, STATE, state, SLICE_MS);
  }
}
