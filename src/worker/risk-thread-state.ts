/**
 * The risk thread's control words (an Int32Array over a SharedArrayBuffer), shared by the thread
 * that waits (risk-thread.ts) and the one that computes (risk-worker.ts).
 */

/** Index of the state word. */
export const STATE = 0;
/** Index of the points done so far (how the waiting thread tells a working thread from a dead one). */
export const PROGRESS = 1;
/** Words in the control buffer. */
export const WORDS = 2;

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
