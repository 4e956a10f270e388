/**
 * The failover environment (DESIGN 2, "Failover"): the load each service named under `failover:`
 * carries there at `failover_utilization`. Services not named there are not checked.
 */
import type { Capacity } from "../model.js";

/** Per service (capacity-file order): standby rps × failover_utilization, or undefined. */
export function standbyLoads(
  capacity: Capacity,
  serviceIndex: ReadonlyMap<string, number>,
): (number | undefined)[] {
  const out: (number | undefined)[] = capacity.services.map(() => undefined);
  for (const entry of capacity.failover?.services ?? []) {
    const s = serviceIndex.get(entry.service);
    if (s !== undefined) out[s] = entry.rps * capacity.defaults.failover_utilization;
  }
  return out;
}
