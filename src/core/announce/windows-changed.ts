/**
 * Whether a change of the capacity file adds or moves a maintenance window or a change freeze that
 * has not ended, decided from the capacity file before and after alone. The shells ask this first
 * and read the campaigns (a tree and many blobs) only when there is something to announce: most
 * changes of the capacity file raise an instance count and move no window.
 */
import { loadCapacity } from "../load/index.js";
import type { Config, SourceFile } from "../model.js";
import { announceWindows } from "./announce-windows.js";

export function windowsChanged(input: {
  config: Config;
  /** The capacity file at the base; undefined when it did not exist there. */
  baseCapacity: SourceFile | undefined;
  /** The capacity file at the head; undefined when it does not exist there. */
  capacity: SourceFile | undefined;
  now: number;
}): boolean {
  const after = input.capacity ? loadCapacity(input.capacity, input.config.capacity).capacity : undefined;
  if (!after) return false;
  const before = input.baseCapacity
    ? loadCapacity(input.baseCapacity, input.config.capacity).capacity
    : undefined;
  return (
    announceWindows({ before, after, campaigns: [], report: { findings: [], plan: [] }, now: input.now })
      .length > 0
  );
}
