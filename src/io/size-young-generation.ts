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
 * generation's pointers into the young one): 59 s instead of 44 s, for no memory gained. So the
 * process entries (bin/campaign-gate.js, action/main.ts) ask for a small young generation, and the
 * repository reader (local-repo.ts, which every command and the Action read through) makes it so
 * once it has listed the campaign files, before it reads them: for 1 to LARGE_REPOSITORY_FILES
 * files; without campaign files there is nothing to keep small, and above that number the young
 * generation grows as V8 would by default (docs/performance.md has the measurements).
 *
 * The setting is made only then, not at the entry, because node:v8 takes some 7 M instructions to
 * load (it pulls in node's streams): about 2 ms of every Action run on a repository without
 * campaigns, the run whose start-up `npm run bench` measures.
 *
 * `--semi-space-growth-factor` is read each time V8 considers growing the young generation, so
 * setting it while the process runs takes effect (the maximum size, read at start-up, would not).
 * A process-wide setting, so the reader makes it only where the process entry asked: code that
 * reads a repository in-process (the app's tests, say) keeps whatever its process chose.
 */

/** Campaign files above which the young generation grows as V8 would by default. */
export const LARGE_REPOSITORY_FILES = 20_000;

/** Whether the process entry asked for a small young generation (sizeYoungGeneration()). */
let wanted = false;

/** V8's own setting: the young generation doubles when most of it survives. */
const GROWS = "--semi-space-growth-factor=2";
const STAYS = "--semi-space-growth-factor=1";

/**
 * @param campaignFiles the repository's campaign files, once listed: from 1 to
 *   LARGE_REPOSITORY_FILES the young generation is kept small if the process entry asked for it,
 *   above that it grows as V8's default; without campaign files nothing changes. Without the
 *   argument (a process entry, nothing read yet) the process asks for a small young generation.
 */
export function sizeYoungGeneration(campaignFiles?: number): void {
  if (campaignFiles === undefined) {
    wanted = true;
    return;
  }
  if (!wanted || campaignFiles === 0) return;
  const flag = campaignFiles > LARGE_REPOSITORY_FILES ? GROWS : STAYS;
  if (flag !== (applied ?? GROWS)) apply(flag);
}

/** The last setting made here, if any. */
let applied: string | undefined;

function apply(flag: string): void {
  // Loaded when first needed (see the module's comment); a built-in module, so synchronous.
  const v8 = process.getBuiltinModule("node:v8");
  v8.setFlagsFromString(flag);
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
  if (setting === GROWS || setting === STAYS) apply(setting);
}
