/**
 * Sizes V8's young generation for a run of the CLI or the Action: kept at its starting size
 * (2 MB) unless the repository is very large.
 *
 * Why: V8 doubles the young generation (up to 2 × 16 MB) whenever most young objects survive a
 * scavenge — and while loading and checking a repository nearly everything survives: the campaigns,
 * their positions, the capacity model's steps. Up to some tens of thousands of campaigns the bigger
 * nursery buys nothing (the survivors are copied to the old generation all the same) but costs
 * some 30 MB of peak memory: on 10,000 campaigns the same wall time and a fifth less peak RSS. On
 * 100,000 campaigns the many small scavenges cost more than they save (each one rescans the old
 * generation's pointers into the young one): 59 s instead of 44 s, for no memory gained. So a run
 * starts small (the process entries: bin/campaign-gate.js, action/main.ts), and the repository
 * reader (local-repo.ts, which every command and the Action read through) lets a repository of
 * more than LARGE_REPOSITORY_FILES campaign files grow its young generation as V8 would by default,
 * before it reads them (docs/performance.md has the measurements).
 *
 * `--semi-space-growth-factor` is read each time V8 considers growing the young generation, so
 * setting it while the process runs takes effect (the maximum size, read at start-up, would not).
 * A process-wide setting, so the reader only ever gives back V8's default, never makes it small:
 * code that reads a repository in-process (the app's tests, say) keeps whatever its process chose.
 */
import { setFlagsFromString } from "node:v8";

/** Campaign files above which the young generation grows as V8 would by default. */
export const LARGE_REPOSITORY_FILES = 20_000;

/**
 * @param campaignFiles the repository's campaign files, once listed: above LARGE_REPOSITORY_FILES
 *   the young generation grows as V8's default (factor 2), otherwise nothing changes; without it
 *   (a process entry, nothing read yet) the young generation is kept small
 */
export function sizeYoungGeneration(campaignFiles?: number): void {
  if (campaignFiles === undefined) apply("--semi-space-growth-factor=1");
  else if (campaignFiles > LARGE_REPOSITORY_FILES) apply("--semi-space-growth-factor=2");
}

/** The last setting made here, if any. */
let applied: string | undefined;

function apply(flag: string): void {
  setFlagsFromString(flag);
  applied = flag;
}

/**
 * The setting this process made, for a worker thread to make again as its first step
 * (restoreYoungGeneration): starting a worker gives V8's flags back their start-up values, for the
 * whole process (measured: a million small objects grew the main thread's young generation to
 * 32 MB after a worker started, 2 MB when the worker set the flag again).
 */
export function youngGenerationSetting(): string | undefined {
  return applied;
}

/** Makes a setting of youngGenerationSetting again (a worker thread's first step); nothing without one. */
export function restoreYoungGeneration(setting: string | undefined): void {
  if (setting?.startsWith("--semi-space-growth-factor=")) apply(setting);
}
