/**
 * Where to compute the risk of overload, and its result (DESIGN 2, "Risk of overload"). The
 * capacity at risk is what the instances IT plans to run carry safely: the plan's instances (or
 * today's, without a plan; max scale for a service that cannot hold the load) × p × t, fixed:
 * max_rps × t, lowered by maintenance. The riskiest instant of a service is searched among its
 * three steps of highest planned load relative to that capacity, and a campaign's among the steps
 * of highest such ratio within its pieces on each service it loads; the chance is then computed
 * there only (src/core/risk), once per (service, step). Points are visited in time order, so a
 * service's sum at its points with many campaigns is carried from one to the next (risk-sum.ts).
 */
import { FactorCache, RISK_SEED, RiskSum, RowMarks, sumUnit, tableRisk, TermTable } from "../risk/index.js";
import type { LogNormal } from "../risk/index.js";
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
  probabilities: number[];
  services: RiskAt[];
  campaigns: RiskAt[];
}

/** What the chance reads of the campaigns, by campaign index. */
export interface RiskCampaigns {
  /** In id order (equal ids adjacent): each campaign's sample stream, and the order of ties. */
  ids: readonly string[];
  /** When each campaign's window ends (epoch ms): its samples are released then. */
  ends: readonly number[];
  /** A campaign's factor R; asked once per campaign, when a point first needs it. */
  factor: (campaign: number) => LogNormal;
}

/**
 * Computes the chance at every candidate point. `piecesAt` gives the load items active on a
 * service at an instant (indices into `items`); each (item, service) becomes one row of a term
 * table the first time a point needs it, and later points reuse the row: a point costs a lookup
 * per active item, no object.
 */
export function riskResults(
  candidates: RiskCandidates,
  items: readonly LoadItem[],
  piecesAt: (service: number, instant: number) => readonly number[],
  campaigns: RiskCampaigns,
): RiskResults {
  // In time order, so a campaign's samples are computed once and released when its window ends.
  const { points } = candidates;
  const order = points.map((_, k) => k).sort((a, b) => points[a]!.instant - points[b]!.instant || a - b);
  const { ids, ends } = campaigns;
  const cache = new FactorCache(RISK_SEED);
  const table = new TermTable();
  const samples = (row: number): Float64Array => {
    const c = table.key(row);
    return cache.samples(c, ids[c]!, table.sigma(row), ends[c]!);
  };
  // Item p's loads are flat entries first[p] … first[p + 1] − 1: their services, and their rows
  // once made (-1 before). Typed and contiguous, where reading the items' objects at every point
  // was a cache miss per object.
  const first = new Int32Array(items.length + 1);
  for (let p = 0; p < items.length; p++) first[p + 1] = first[p]! + items[p]!.loads.length;
  const services = new Int32Array(first[items.length]!);
  for (let p = 0; p < items.length; p++) {
    const loads = items[p]!.loads;
    for (let k = 0; k < loads.length; k++) services[first[p]! + k] = loads[k]!.service;
  }
  const rowOf = new Int32Array(services.length).fill(-1);
  const factors = new Array<LogNormal | undefined>(ids.length);
  // Equal ids share a rank (the first of them): ranks order rows as their ids do.
  const rank = (c: number): number => {
    while (c > 0 && ids[c - 1] === ids[c]) c--;
    return c;
  };
  const rowAt = (p: number, service: number): number => {
    const end = first[p + 1]!;
    let at = first[p]!;
    while (at < end && services[at] !== service) at++;
    // An item without load on the service adds nothing (no row).
    if (at === end) return -1;
    let row = rowOf[at]!;
    if (row < 0) {
      const item = items[p]!;
      const c = item.owner;
      const factor = (factors[c] ??= campaigns.factor(c));
      row = rowOf[at] = table.add(pieceRps(item, at - first[p]!), factor, rank(c), c);
    }
    return row;
  };
  let rows = new Int32Array(64);
  // Each service's sum in units, carried from one of its dense points to the next (risk-sum.ts;
  // its samples' array is made at the first).
  const marks = new RowMarks();
  const sums = candidates.units.map((unit) => new RiskSum(unit, marks));
  const probabilities = new Array<number>(points.length);
  for (const k of order) {
    const p = points[k]!;
    cache.release(p.instant);
    const pieces = piecesAt(p.service, p.instant);
    if (rows.length < pieces.length) rows = new Int32Array(Math.max(pieces.length, 2 * rows.length));
    let count = 0;
    for (let i = 0; i < pieces.length; i++) {
      const row = rowAt(pieces[i]!, p.service);
      if (row >= 0) rows[count++] = row;
    }
    cache.reserve(pieces.length);
    probabilities[k] = tableRisk(
      table,
      rows,
      count,
      p.base,
      p.capacity,
      candidates.units[p.service]!,
      samples,
      sums[p.service],
    );
  }
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
