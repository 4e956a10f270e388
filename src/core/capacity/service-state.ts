/**
 * What each step of a service's load means under the rules of DESIGN section 2: capacity breach,
 * maintenance breach, instances needed, zone-rule failure — and what the baseline alone means.
 */
import type { Capacity, Service } from "../model.js";
import { capacityRps, exceeds, instancesNeeded } from "./instances.js";
import { RangeMax } from "./range-max.js";
import type { Steps } from "./sweep.js";

/** The rules a load can break on one service; a step's load where it breaks the rule, else -Infinity. */
export type LoadRule = "capacity" | "maintenance" | "redundancy" | "scale-up" | "failover";

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
  /** Planned instances per step (min(N, max_instances)); 0 for fixed services. */
  planned: Int32Array;
  /** Per rule: the load at steps breaking it (by a campaign, not the baseline alone), else -Infinity. */
  breaches: Record<LoadRule, Float64Array>;
  /** Per rule: range max over `breaches`, or undefined when the rule is never broken. */
  worst: Partial<Record<LoadRule, RangeMax>>;
  /** Range max over the loads. */
  peak: RangeMax;
  /** Per step i: the first step j >= i breaking `capacity` (steps.length if none). */
  nextCapacity: Int32Array;
  /** Per step i: the first step j >= i needing more than `floor` instances (steps.length if none). */
  nextScaleUp: Int32Array;
}

const RULES: LoadRule[] = ["capacity", "maintenance", "redundancy", "scale-up", "failover"];

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
  const breaches = Object.fromEntries(
    RULES.map((r) => [r, new Float64Array(count).fill(-Infinity)]),
  ) as Record<LoadRule, Float64Array>;
  const planned = new Int32Array(count);
  const floor = service.kind === "scalable" ? Math.max(service.instances, baseline.planned) : 0;
  let overCapacity = baseline.capacity;
  for (let i = 0; i < count; i++) {
    const load = steps.loads[i]!;
    const factor = steps.factors[i]!;
    const inMaintenance = steps.maintenance[i]! >= 0;
    const overMax = exceeds(load, cap);
    if (standby !== undefined && !baseline.failover && exceeds(load, standby)) breaches.failover[i] = load;
    if (inMaintenance) {
      if (exceeds(load, cap * factor)) breaches.maintenance[i] = load;
    } else if (overMax) {
      overCapacity = true;
      if (!baseline.capacity) breaches.capacity[i] = load;
    }
    // Over max scale during maintenance is a maintenance error only; it does not size the plan.
    if (service.kind === "scalable" && !overMax) {
      const n = instancesNeeded(load, service, failover);
      planned[i] = Math.min(n, service.max_instances);
      if (n > service.max_instances && !baseline.redundancy) breaches.redundancy[i] = load;
      if (planned[i]! > floor) breaches["scale-up"][i] = load;
    }
  }
  if (overCapacity) {
    // DESIGN: no plan, scale-up or redundancy for a service that cannot hold the load fully scaled.
    breaches.redundancy.fill(-Infinity);
    breaches["scale-up"].fill(-Infinity);
  }
  const worst: Partial<Record<LoadRule, RangeMax>> = {};
  for (const r of RULES) if (broken(breaches[r])) worst[r] = new RangeMax(breaches[r]);
  return {
    index,
    service,
    steps,
    capacityRps: cap,
    baseline,
    floor,
    overCapacity,
    planned,
    breaches,
    worst,
    peak: new RangeMax(steps.loads),
    nextCapacity: nextFlagged(breaches.capacity),
    nextScaleUp: nextFlagged(breaches["scale-up"]),
  };
}

/** Whether any step breaks the rule (a loop: `some` with a closure per step showed in profiles). */
function broken(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== -Infinity) return true;
  return false;
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
