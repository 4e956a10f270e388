/**
 * Whether a report's risk job is worth a thread of its own (src/worker/risk-thread.ts runs it
 * there when it is), and whether the waiting thread should take part of what is left: decisions
 * on plain data, like every decision of the check, so each shell that can start a thread asks the
 * same questions.
 */
import type { RiskJob } from "./risk-job.js";
import { RISK_SAMPLES, stratifiedNormals } from "./samples.js";

/**
 * Work (riskWork) from which a job is worth a thread: about 150 ms of sampling on the 2-core
 * development machine, three times what starting a thread costs there (some 50 ms, and 15–20 MB).
 */
export const THREAD_WORK = 20_000;

/** Whether `job` is worth a thread: at least `minWork` (THREAD_WORK) of riskWork. */
export function worthAThread(job: RiskJob, minWork = THREAD_WORK): boolean {
  // riskWork counts at most one term per active piece of a point: fewer pieces, never worth it
  // (and no table of normals computed for it: a check without campaigns makes none).
  if (job.pieces.length < minWork) return false;
  return riskWork(job, minWork) >= minWork;
}

/**
 * Roughly how much sampling a job takes: the uncertain terms of its points that their samples'
 * range does not decide (see sampledRows in overload-risk.ts), each summed over up to
 * RISK_SAMPLES samples. Only for deciding where to run it (worthAThread) — a few milliseconds on 10,000
 * campaigns, where the job itself takes from a tenth of a second (few findings) to most of one
 * (most campaigns near a limit).
 *
 * @param enough stop counting once the work reaches it (worthAThread needs to know no more): on
 *   100,000 stress campaigns counting everything took 1.7 s of the main thread, before the job
 *   could go to its thread.
 */
export function riskWork(job: RiskJob, enough = Infinity): number {
  const z = stratifiedNormals();
  const most = Float64Array.from(job.sigma, (sigma) => Math.exp(sigma * z[RISK_SAMPLES - 1]!));
  const least = Float64Array.from(job.sigma, (sigma) => Math.exp(sigma * z[0]!));
  let work = 0;
  for (let k = 0; k < job.instant.length; k++) {
    const service = job.service[k]!;
    let high = 0;
    let low = 0;
    let certain = 0;
    let n = 0;
    for (let i = job.pieceStart[k]!; i < job.pieceStart[k + 1]!; i++) {
      const p = job.pieces[i]!;
      for (let at = job.loadStart[p]!; at < job.loadStart[p + 1]!; at++) {
        if (job.loadService[at] !== service) continue;
        const c = job.owner[p]!;
        const scale = job.loadRps[at]! * job.median[c]!;
        if (!(scale > 0)) continue;
        if (job.sigma[c]! > 0) {
          n++;
          high += scale * most[c]!;
          low += scale * least[c]!;
        } else certain += scale;
      }
    }
    const left = job.capacity[k]! - job.base[k]! - certain;
    if (n >= 2 && left > 0 && high > left && low <= left) {
      work += n;
      if (work >= enough) return work;
    }
  }
  return work;
}

/**
 * The share of a job's points that must be left for the waiting thread to take half of them:
 * starting from a state of its own (the points sorted again, the samples of every campaign running
 * at the split shuffled again) costs about what a few per cent of the points would save. On 10,000
 * stress campaigns, where the thread has a few per cent left when the chances are wanted, sharing
 * made the check 3 % slower; on 100,000, where it had about half left, 30–40 % faster.
 */
export const SHARE_FROM = 0.25;

/**
 * Where the waiting thread should start computing a job's points itself (by place in time order),
 * the thread being at `at` of `count`: the later half of what is left, or undefined when nothing
 * or less than SHARE_FROM of the points is.
 */
export function splitRest(count: number, at: number): number | undefined {
  const left = count - at;
  if (left <= 0 || left < count * SHARE_FROM) return undefined;
  return at + Math.ceil(left / 2);
}
