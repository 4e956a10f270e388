/**
 * Where to compute the risk of overload, and its result (DESIGN 2, "Risk of overload"). The
 * capacity at risk is what the instances IT plans to run carry safely: the plan's instances (or
 * today's, without a plan; max scale for a service that cannot hold the load) × p × t, fixed:
 * max_rps × t, lowered by maintenance. The riskiest instant of a service is searched among its
 * three steps of highest planned load relative to that capacity, and a campaign's among the steps
 * of highest such ratio within its pieces on each service it loads; the chance is then computed
 * there only, once per (service, step), as one job of plain data (src/core/risk/risk-job.ts)
 * that the caller may run on another thread.
 */
import { sumUnit } from "../risk/index.js";
import type { LogNormal, RiskJob } from "../risk/index.js";
import type { ProfileSlots } from "../shape/index.js";
import type { Range } from "./assess.js";
import type { ServiceLoad } from "./loads.js";
import type { PlannedScaleUp } from "./plan.js";
import { RangeMax } from "./range-max.js";
import type { ServiceState } from "./service-state.js";
import { pieceRps, stepAt } from "./sweep.js";
import type { LoadItem } from "./sweep.js";

/** A (service, step) where the chance is computed. */
export interface RiskPoint {
  service: number;
  step: number;
  instant: number;
  /** The certain part of the load: the baseline's highest within the step. */
  base: number;
  capacity: number;
}

export interface RiskCandidates {
  points: RiskPoint[];
  /** Per service: the unit its sums count in (sumUnit of its highest capacity at risk). */
  units: number[];
  /** Per service, per campaign: indices into `points`. */
  byService: number[][];
  byCampaign: number[][];
}

const SERVICE_CANDIDATES = 3;

export function riskCandidates(
  states: readonly ServiceState[],
  planOf: ReadonlyMap<number, PlannedScaleUp>,
  ranges: readonly (readonly Range[])[],
  campaignLoads: readonly (readonly ServiceLoad[])[],
  constantBaseline: Float64Array,
  profiles: readonly (ProfileSlots | undefined)[],
): RiskCandidates {
  const points: RiskPoint[] = [];
  const keys = new Map<number, Map<number, number>>();
  const ratios = states.map((state, s) => {
    const slots = profiles[s];
    const { times } = state.steps;
    const base = (i: number) =>
      constantBaseline[s]! + (slots ? slots.maxOver(times[i]!, times[i + 1] ?? Infinity) : 0);
    return riskRatios(state, planOf.get(state.index), base);
  });
  const units = ratios.map((r) => sumUnit(r.full));
  const point = (service: number, step: number): number => {
    const perService = keys.get(service) ?? new Map<number, number>();
    keys.set(service, perService);
    let k = perService.get(step);
    if (k === undefined) {
      const { times } = states[service]!.steps;
      const slots = profiles[service];
      const base =
        constantBaseline[service]! + (slots ? slots.maxOver(times[step]!, times[step + 1] ?? Infinity) : 0);
      k = points.length;
      points.push({ service, step, instant: times[step]!, base, capacity: ratios[service]!.capacity[step]! });
      perService.set(step, k);
    }
    return k;
  };
  const byService = states.map((state, s) => topSteps(ratios[s]!.ratio).map((i) => point(s, i)));
  const byCampaign = ranges.map((pieces, c) => {
    const out: number[] = [];
    const loads = campaignLoads[c]!;
    for (let l = 0; l < loads.length; l++) {
      const { service, rps } = loads[l]!;
      if (rps <= 0) continue;
      const { times } = states[service]!.steps;
      const r = ratios[service]!;
      let best = -1;
      for (let q = 0; q < pieces.length; q++) {
        const { start, end } = pieces[q]!;
        const lo = stepAt(times, start);
        const hi = lastStepBefore(times, end);
        if (lo < 0 || hi < lo) continue;
        const i = r.max.argmax(lo, hi);
        if (i >= 0 && (best < 0 || r.ratio[i]! > r.ratio[best]!)) best = i;
      }
      if (best >= 0) {
        const k = point(service, best);
        out.push(k);
        byService[service]!.push(k);
      }
    }
    return out;
  });
  return { points, units, byService, byCampaign };
}

export interface RiskAt {
  probability: number;
  /** Index into `points`, undefined when nothing was at risk anywhere. */
  point?: number;
}

export interface RiskResults {
  points: RiskPoint[];
  probabilities: Float64Array;
  services: RiskAt[];
  campaigns: RiskAt[];
}

/** What the chance reads of the campaigns, by campaign index. */
export interface RiskCampaigns {
  /** In id order (equal ids adjacent): each campaign's sample stream, and the order of ties. */
  ids: readonly string[];
  /** When each campaign's window ends (epoch ms): its samples are released then. */
  ends: readonly number[];
  /** A campaign's factor R; asked once per campaign. */
  factor: (campaign: number) => LogNormal;
}

/**
 * The chance at every candidate point as one job of plain data (src/core/risk/risk-job.ts), for
 * whichever thread computes it. `piecesAt` gives the load items active on a service at an instant
 * (indices into `items`).
 */
export function riskJob(
  candidates: RiskCandidates,
  items: readonly LoadItem[],
  piecesAt: (service: number, instant: number) => readonly number[],
  campaigns: RiskCampaigns,
): RiskJob {
  const { points } = candidates;
  const service = new Int32Array(points.length);
  const instant = new Float64Array(points.length);
  const base = new Float64Array(points.length);
  const capacity = new Float64Array(points.length);
  const pieceStart = new Int32Array(points.length + 1);
  const lists = new Array<readonly number[]>(points.length);
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    service[k] = p.service;
    instant[k] = p.instant;
    base[k] = p.base;
    capacity[k] = p.capacity;
    lists[k] = piecesAt(p.service, p.instant);
    pieceStart[k + 1] = pieceStart[k]! + lists[k]!.length;
  }
  const pieces = new Int32Array(pieceStart[points.length]!);
  for (let k = 0; k < points.length; k++) pieces.set(lists[k]!, pieceStart[k]);
  // Item p's loads are flat entries loadStart[p] … loadStart[p + 1] − 1: typed and contiguous,
  // where reading the items' objects at every point was a cache miss per object.
  const loadStart = new Int32Array(items.length + 1);
  for (let p = 0; p < items.length; p++) loadStart[p + 1] = loadStart[p]! + items[p]!.loads.length;
  const loadService = new Int32Array(loadStart[items.length]!);
  const loadRps = new Float64Array(loadService.length);
  const owner = new Int32Array(items.length);
  for (let p = 0; p < items.length; p++) {
    const item = items[p]!;
    owner[p] = item.owner;
    for (let k = 0; k < item.loads.length; k++) {
      loadService[loadStart[p]! + k] = item.loads[k]!.service;
      loadRps[loadStart[p]! + k] = pieceRps(item, k);
    }
  }
  const { ids } = campaigns;
  const median = new Float64Array(ids.length);
  const sigma = new Float64Array(ids.length);
  for (let c = 0; c < ids.length; c++) {
    const factor = campaigns.factor(c);
    median[c] = factor.median;
    sigma[c] = factor.sigma;
  }
  return {
    service,
    instant,
    base,
    capacity,
    pieceStart,
    pieces,
    loadStart,
    loadService,
    loadRps,
    owner,
    units: Float64Array.from(candidates.units),
    ids,
    ends: Float64Array.from(campaigns.ends),
    median,
    sigma,
  };
}

/**
 * Each service's and each campaign's riskiest point, from the chance at every point (by point:
 * `computeRisk` of the job): the highest chance, the earliest instant on ties.
 */
export function riskResults(candidates: RiskCandidates, probabilities: Float64Array): RiskResults {
  const worst = (list: readonly number[]): RiskAt => {
    let best: number | undefined;
    for (const k of list) {
      if (
        best === undefined ||
        probabilities[k]! > probabilities[best]! ||
        (probabilities[k] === probabilities[best] &&
          candidates.points[k]!.instant < candidates.points[best]!.instant)
      )
        best = k;
    }
    return best === undefined || probabilities[best] === 0
      ? { probability: 0 }
      : { probability: probabilities[best]!, point: best };
  };
  return {
    points: candidates.points,
    probabilities,
    services: candidates.byService.map(worst),
    campaigns: candidates.byCampaign.map(worst),
  };
}

/** Per step: the capacity at risk, load / capacity, and a range max over the ratio. */
function riskRatios(
  state: ServiceState,
  entry: PlannedScaleUp | undefined,
  base: (step: number) => number,
): { full: number; capacity: Float64Array; ratio: Float64Array; max: RangeMax } {
  const { service, steps } = state;
  const full =
    service.kind === "fixed"
      ? service.max_rps * service.target_utilization
      : (state.overCapacity ? service.max_instances : (entry?.instances ?? state.floor)) *
        service.per_instance_rps *
        service.target_utilization;
  const n = steps.times.length;
  const capacity = new Float64Array(n);
  const ratio = new Float64Array(n);
  let maintained = false;
  for (let i = 0; i < n; i++) {
    const f = steps.factors[i]!;
    if (f < 1) maintained = true;
    capacity[i] = f < 1 ? Math.min(full, state.capacityRps * f) : full;
    const load = steps.loads[i]!;
    // Steps without campaign load are the baseline's (and maintenance's) business, as in DESIGN 2.
    const campaigns = load - base(i) > 1e-9 * Math.max(1, load);
    ratio[i] = !campaigns ? 0 : capacity[i]! > 0 ? load / capacity[i]! : Infinity;
  }
  // Without maintenance the ratio orders a campaign's steps (all with campaign load) as the load
  // does: reuse the peak's range max.
  return { full, capacity, ratio, max: maintained || full <= 0 ? new RangeMax(ratio) : state.peak };
}

/** The SERVICE_CANDIDATES steps of highest ratio (earliest on ties), with campaign load. */
function topSteps(ratio: Float64Array): number[] {
  const top: number[] = [];
  for (let i = 0; i < ratio.length; i++) {
    if (!(ratio[i]! > 0)) continue;
    let j = top.length;
    while (j > 0 && ratio[i]! > ratio[top[j - 1]!]!) j--;
    if (j < SERVICE_CANDIDATES) {
      // Insert at j by shifting (no `splice`: it allocates its array of removed elements per call).
      const last = Math.min(top.length, SERVICE_CANDIDATES - 1);
      for (let k = last; k > j; k--) top[k] = top[k - 1]!;
      top[j] = i;
    }
  }
  return top;
}

/** Index of the last step starting before `end`. */
function lastStepBefore(times: readonly number[], end: number): number {
  const i = stepAt(times, end);
  return i >= 0 && times[i] === end ? i - 1 : i;
}
