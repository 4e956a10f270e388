/**
 * The risk thread's entry (started by risk-thread.ts): takes one job, computes its chances
 * (src/core/risk/risk-job.ts) and writes them into the shared buffer it was given, saying how far
 * it got as it goes, and stopping where the waiting thread took over the rest. Only plain data
 * crosses: nothing here reads a file or runs a user's text.
 */
import { parentPort, workerData } from "node:worker_threads";
import { computeRisk } from "../core/risk/index.js";
import { restoreYoungGeneration } from "../io/size-young-generation.js";
import type { RiskJob } from "../core/risk/index.js";
import { DONE, FAILED, LIMIT, PROGRESS, READY, RUNNING, STATE } from "./risk-thread-state.js";
import type { RiskThreadData } from "./risk-thread-state.js";

const data = workerData as RiskThreadData;
// First: this thread's start gave the process's V8 flags back their defaults.
restoreYoungGeneration(data.youngGeneration);
const control = new Int32Array(data.control);
Atomics.store(control, STATE, READY);
Atomics.notify(control, STATE);

parentPort!.once("message", ({ job, result }: { job: RiskJob; result: SharedArrayBuffer }) => {
  Atomics.store(control, STATE, RUNNING);
  Atomics.notify(control, STATE);
  try {
    // Point after point in time order, each said before it is computed, up to the limit: the
    // waiting thread may lower it and compute the points from there itself (risk-thread.ts).
    computeRisk(job, {
      into: new Float64Array(result),
      go: (done) => {
        Atomics.store(control, PROGRESS, done);
        return done < Atomics.load(control, LIMIT);
      },
    });
    Atomics.store(control, STATE, DONE);
  } catch {
    // The waiting thread computes the job itself: the same error, if any, surfaces there.
    Atomics.store(control, STATE, FAILED);
  }
  Atomics.notify(control, STATE);
});
