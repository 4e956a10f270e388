/**
 * What each step of a service's load means under the rules of DESIGN section 2: capacity breach,
 * maintenance breach, instances needed, zone-rule failure — and what the baseline alone means.
 */
import type { Capacity, Service } from "../model.js";
import { capacityRps, exceeds, instancesNeeded } from "./instances.js";
import { RangeMax } from "./range-max.js";
import type { Steps } from "./sweep.js";

/** The rules a load can break on one service, in the order a campaign's breaches are listed. */
export const LOAD_RULES = ["capacity", "maintenance", "redundancy", "scale-up", "failover"] as const;

/** A rule a load can break on one service; a step's load where it breaks the rule, else -Infinity. */
export type LoadRule = (typeof LOAD_RULES)[number];

export interface BaselineState {
  load: number;
  capacity: boolean;
  redundancy: boolean;
  /** Instances the baseline alone needs (capped at max_instances); 0 for fixed services. */
  planned: number;
  /** The baseline alone is above what the standby environment carries. */
  failover: boolean;
}

export interface ServiceState {
  index: number;
  service: Service;
  steps: Steps;
  capacityRps: number;
  baseline: BaselineState;
  /** Instances IT runs anyway: `instances`, or more when the baseline alone needs more. */
  floor: number;
  /** True when any step outside maintenance exceeds max-scale capacity: no plan for this service. */
  overCapacity: boolean;
  /**
   * Per rule broken by a campaign (not the baseline alone): the load at the steps breaking it, else
   * -Infinity; absent when no step breaks it (most rules on most services: five arrays of every
   * step per service were a large share of the result's memory).
   */
  breaches: Partial<Record<LoadRule, Float64Array>>;
  /** Per rule: range max over `breaches`, absent when the rule is never broken. */
  worst: Partial<Record<LoadRule, RangeMax>>;
  /** Range max over the loads. */
  peak: RangeMax;
  /** Per step i: the first step j >= i breaking `capacity`; absent when no step does. */
  nextCapacity?: Int32Array;
  /** Per step i: the first step j >= i needing more than `floor` instances; absent when no step does. */
  nextScaleUp?: Int32Array;
}

/** Classifies the baseline alone: outside maintenance, since maintenance without campaigns is IT's business. */
export function baselineState(
  service: Service,
  load: number,
  failover: number,
  standby?: number,
): BaselineState {
  const capacity = exceeds(load, capacityRps(service));
  const overStandby = standby !== undefined && exceeds(load, standby);
  if (service.kind === "fixed" || capacity)
    return { load, capacity, redundancy: false, planned: 0, failover: overStandby };
  const n = instancesNeeded(load, service, failover);
  return {
    load,
    capacity,
    redundancy: n > service.max_instances,
    planned: Math.min(n, service.max_instances),
    failover: overStandby,
  };
}

/**
 * Classifies every step of one service. `standby`: the load the failover environment carries at
 * `failover_utilization` (undefined when the service has none there).
 */
export function serviceState(
  index: number,
  service: Service,
  steps: Steps,
  baselineLoad: number,
  capacity: Capacity,
  standby?: number,
): ServiceState {
  const failover = capacity.defaults.failover_utilization;
  const cap = capacityRps(service);
  const baseline = baselineState(service, baselineLoad, failover, standby);
  const count = steps.times.length;
  const breaches: Partial<Record<LoadRule, Float64Array>> = {};
  /** The rule's array, made on its first breach. */
  const flag = (rule: LoadRule, i: number, load: number): void => {
    (breaches[rule] ??= new Float64Array(count).fill(-Infinity))[i] = load;
  };
  const floor = service.kind === "scalable" ? Math.max(service.instances, baseline.planned) : 0;
  const { loads, factors, maintenance } = steps;
  const checkFailover = standby !== undefined && !baseline.failover;
  let overCapacity = baseline.capacity;
  for (let i = 0; i < count; i++) {
    const load = loads[i]!;
    const overMax = exceeds(load, cap);
    if (checkFailover && exceeds(load, standby)) flag("failover", i, load);
    if (maintenance[i]! >= 0) {
      if (exceeds(load, cap * factors[i]!)) flag("maintenance", i, load);
    } else if (overMax) {
      overCapacity = true;
      if (!baseline.capacity) flag("capacity", i, load);
    }
    // Over max scale during maintenance is a maintenance error only; it does not size the plan.
    if (service.kind === "scalable" && !overMax) {
      const n = instancesNeeded(load, service, failover);
      if (n > service.max_instances && !baseline.redundancy) flag("redundancy", i, load);
      if (Math.min(n, service.max_instances) > floor) flag("scale-up", i, load);
    }
  }
  if (overCapacity) {
    // DESIGN: no plan, scale-up or redundancy for a service that cannot hold the load fully scaled.
    delete breaches.redundancy;
    delete breaches["scale-up"];
  }
  const worst: Partial<Record<LoadRule, RangeMax>> = {};
  for (const r of LOAD_RULES) {
    const values = breaches[r];
    if (values) worst[r] = new RangeMax(values);
  }
  return {
    index,
    service,
    steps,
    capacityRps: cap,
    baseline,
    floor,
    overCapacity,
    breaches,
    worst,
    peak: new RangeMax(loads),
    ...(breaches.capacity ? { nextCapacity: nextFlagged(breaches.capacity) } : {}),
    ...(breaches["scale-up"] ? { nextScaleUp: nextFlagged(breaches["scale-up"]) } : {}),
  };
}

function nextFlagged(values: Float64Array): Int32Array {
  const next = new Int32Array(values.length);
  let j = values.length;
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== -Infinity) j = i;
    next[i] = j;
  }
  return next;
}
