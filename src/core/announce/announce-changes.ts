/**
 * The files-in entry point of the announcements, like `runCheck`: the shells pass the capacity file
 * at the base and the head repository's files, and get `announceWindows` of what loads.
 */
import { loadCapacity, loadRepository } from "../load/index.js";
import type { Config, SourceFile } from "../model.js";
import type { Report } from "../report.js";
import { announceWindows, type Announcement } from "./announce-windows.js";

export interface AnnounceChangesInput {
  config: Config;
  /** The capacity file at the base commit; undefined when it did not exist there. */
  baseCapacity: SourceFile | undefined;
  /** The head's files. */
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
  /** The head's check (`runCheck`). */
  report: Pick<Report, "findings" | "plan">;
  now: number;
}

/**
 * Announcements for the windows the change adds or changes. Nothing when the head's capacity file
 * does not load (its findings already say why); every window counts as added when the base's does
 * not load either.
 */
export function announceChanges(input: AnnounceChangesInput): Announcement[] {
  const head = loadRepository(input);
  if (!head.capacity) return [];
  const before = input.baseCapacity
    ? loadCapacity(input.baseCapacity, input.config.capacity).capacity
    : undefined;
  return announceWindows({
    before,
    after: head.capacity,
    campaigns: head.campaigns,
    report: input.report,
    now: input.now,
  });
}
