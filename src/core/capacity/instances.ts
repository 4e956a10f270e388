/**
 * The numbers of DESIGN section 2: tolerant comparison, safe capacity and the instances a load
 * needs. Pure arithmetic, no time.
 */
import type { Service } from "../model.js";

/** Relative tolerance so that float noise (2000 × 1.5 × 0.1 = 300.00000000000006) never flips a decision. */
export const TOLERANCE = 1e-9;

/** `a <= b` within the tolerance: `a <= b × (1 + 1e-9)`. */
export function lte(a: number, b: number): boolean {
  return a <= b * (1 + TOLERANCE);
}

/** `a > b` beyond the tolerance: the negation of `lte`. */
export function exceeds(a: number, b: number): boolean {
  return !lte(a, b);
}

/** `ceil(x − 1e-9)`: a value a hair above an integer stays that integer. */
export function ceilTolerant(x: number): number {
  return Math.ceil(x - TOLERANCE);
}

/** Safe capacity at max scale in requests/s: `max_instances × p × t`, fixed: `max_rps × t`. */
export function capacityRps(service: Service): number {
  return service.kind === "scalable"
    ? service.max_instances * service.per_instance_rps * service.target_utilization
    : service.max_rps * service.target_utilization;
}

/** `N_t = ceil(L / (p × t))`: instances to keep load L under the target utilization. */
export function instancesForTarget(load: number, perInstanceRps: number, targetUtilization: number): number {
  return Math.max(0, ceilTolerant(load / (perInstanceRps * targetUtilization)));
}

/**
 * `N_z`: the smallest N with `(N − ceil(N / z)) × p × f >= L`, so the survivors of the largest zone
 * carry L at the failover utilization; 0 when z <= 1. With k the survivors needed, N − ceil(N/z) =
 * floor(N(z−1)/z) >= k gives N = ceil(k z / (z − 1)), computed in integers.
 */
export function instancesForZones(
  load: number,
  perInstanceRps: number,
  failover: number,
  zones: number,
): number {
  if (zones <= 1 || load <= 0) return 0;
  const survivors = Math.ceil(load / (perInstanceRps * failover * (1 + TOLERANCE)));
  return Math.floor((survivors * zones + zones - 2) / (zones - 1));
}

/** `N = max(N_t, N_z, instances)` for a scalable service, before capping at `max_instances`. */
export function instancesNeeded(
  load: number,
  service: { per_instance_rps: number; instances: number; zones: number; target_utilization: number },
  failover: number,
): number {
  return Math.max(
    instancesForTarget(load, service.per_instance_rps, service.target_utilization),
    instancesForZones(load, service.per_instance_rps, failover, service.zones),
    service.instances,
  );
}
