/**
 * The plain data `fit` and the dashboard's "when can I run it?" form work on: each service's load
 * steps from the capacity engine (so whatever the engine puts in a step — baselines, campaigns,
 * shapes — counts), the limits that decide "needs IT work", the sites' fan-out and the freezes.
 * JSON-safe on purpose: the dashboard embeds it and runs the same `findWindows` in the browser.
 */
import type { Capacity } from "../model.js";
import type { ServiceState } from "../capacity/service-state.js";

export interface FitService {
  name: string;
  kind: "scalable" | "fixed";
  /** Scalable services only (0 for fixed ones). */
  per_instance_rps: number;
  instances: number;
  max_instances: number;
  zones: number;
  target_utilization: number;
  /** Safe capacity at max scale (`capacity_rps`), requests/s. */
  capacity_rps: number;
  /** Instances IT runs anyway: `instances`, or more when the baseline alone needs more. 0 for fixed. */
  floor: number;
  /** The baseline alone cannot survive losing a zone (then campaigns get no `redundancy` warning). */
  baseline_redundancy: boolean;
  /** Step i holds on [times[i], times[i+1]) (the last one forever), epoch ms. */
  times: number[];
  /** Load in requests/s during step i. */
  loads: number[];
  /** Share of capacity maintenance leaves during step i (1 without maintenance). */
  factors: number[];
}

export interface FitSite {
  name: string;
  /** Absent when the site only knows requests/s. */
  rps_per_user?: number;
  uses: Record<string, number>;
}

export interface FitModel {
  /** Epoch ms: the check's `now`; nothing starts before it. */
  now: number;
  notice_days: number;
  failover_utilization: number;
  services: FitService[];
  sites: FitSite[];
  freezes: { name: string; start: number; end: number }[];
}

/** Builds the fit model from the capacity file and the engine's service states of one check. */
export function fitModel(capacity: Capacity, states: readonly ServiceState[], now: number): FitModel {
  return {
    now,
    notice_days: capacity.defaults.notice_days,
    failover_utilization: capacity.defaults.failover_utilization,
    services: states.map((state) => {
      const s = state.service;
      const scalable = s.kind === "scalable";
      return {
        name: s.name,
        kind: s.kind,
        per_instance_rps: scalable ? s.per_instance_rps : 0,
        instances: scalable ? s.instances : 0,
        max_instances: scalable ? s.max_instances : 0,
        zones: scalable ? s.zones : 1,
        target_utilization: s.target_utilization,
        capacity_rps: state.capacityRps,
        floor: state.floor,
        baseline_redundancy: state.baseline.redundancy,
        times: toArray(state.steps.times),
        loads: toArray(state.steps.loads),
        factors: toArray(state.steps.factors),
      };
    }),
    sites: capacity.sites.map((site) => ({
      name: site.name,
      ...(site.rps_per_user !== undefined ? { rps_per_user: site.rps_per_user } : {}),
      uses: { ...site.uses },
    })),
    freezes: capacity.freezes.map((f) => ({ name: f.name, start: f.start, end: f.end })),
  };
}

/**
 * A plain array copy (the model is JSON: a typed array would serialise as an object). An indexed
 * loop: spreading a typed array goes through its iterator, one result object per step.
 */
function toArray(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) out.push(values[i]!);
  return out;
}
