/**
 * What one service's load means for a campaign running in it, by the rules of DESIGN section 2,
 * and the largest load that needs no IT work. `fit` and the headroom table both ask this, so "fits
 * without IT work" means exactly: the campaign would get no `scale-up`, `redundancy`, `capacity`
 * or `maintenance` finding there.
 */
import { exceeds, instancesNeeded } from "../capacity/instances.js";
import type { FitService } from "./fit-model.js";

/** 0 fine, 1 only a `redundancy` warning, 2 needs more instances than IT runs anyway, 3 cannot be held. */
export type LoadClass = 0 | 1 | 2 | 3;
export const FINE = 0;
export const REDUNDANCY = 1;
export const NEEDS_WORK = 2;
export const BREACH = 3;

/** Classifies load (requests/s) on a service during a step whose maintenance leaves `factor` of capacity. */
export function classifyLoad(service: FitService, load: number, factor: number, failover: number): LoadClass {
  // Outside maintenance factor is 1: the `capacity` rule; inside, the `maintenance` rule.
  if (exceeds(load, service.capacity_rps * factor)) return BREACH;
  if (service.kind !== "scalable") return FINE;
  const n = instancesNeeded(load, service, failover);
  if (Math.min(n, service.max_instances) > service.floor) return NEEDS_WORK;
  if (n > service.max_instances && !service.baseline_redundancy) return REDUNDANCY;
  return FINE;
}

/** Instances the service needs for `load` (capped at max scale); 0 for fixed services. */
export function plannedInstances(service: FitService, load: number, failover: number): number {
  if (service.kind !== "scalable") return 0;
  return Math.min(instancesNeeded(load, service, failover), service.max_instances);
}

/**
 * The largest load the service carries with no IT work during a step with maintenance `factor`:
 * within the floor's instances at the target utilization, surviving the loss of a zone, and
 * within (reduced) safe capacity. Closed form of `classifyLoad(...) === FINE`, checked against it.
 */
export function noWorkLimit(service: FitService, factor: number, failover: number): number {
  let limit = service.capacity_rps * factor;
  if (service.kind === "scalable") {
    const n = service.floor;
    limit = Math.min(limit, n * service.per_instance_rps * service.target_utilization);
    if (service.zones > 1 && !service.baseline_redundancy) {
      const survivors = n - Math.ceil(n / service.zones);
      limit = Math.min(limit, survivors * service.per_instance_rps * failover);
    }
  }
  return Math.max(0, limit);
}
