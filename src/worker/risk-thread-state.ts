/**
 * The risk thread's control words (an Int32Array over a SharedArrayBuffer), shared by the thread
 * that waits (risk-thread.ts) and the one that computes (risk-worker.ts).
 */

/** Index of the state word. */
export const STATE = 0;
/**
 * Index of the point the thread is at, by its place in time order (computeRisk's RiskRun): how the
 * waiting thread tells a working thread from a dead one, and where it may start sharing the work.
 */
export const PROGRESS = 1;
/**
 * Index of the place in time order the thread stops before: all of the job's points, until the
 * waiting thread takes the rest (risk-thread.ts).
 */
export const LIMIT = 2;
/** Words in the control buffer. */
export const WORDS = 3;

/** States after 0 (starting): waiting for its job; computing; chances written; could not compute. */
export const READY = 1;
export const RUNNING = 2;
export const DONE = 3;
export const FAILED = 4;

/** What the thread is started with: its control words, and the young generation's setting to make again. */
export interface RiskThreadData {
  control: SharedArrayBuffer;
  youngGeneration: string | undefined;
}
