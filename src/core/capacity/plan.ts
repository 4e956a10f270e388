/**
 * The scale-up plan (DESIGN section 2, "Plan"): one entry per scalable service that needs more than
 * `instances`, sized at its worst segment, due by the earliest deadline of the campaigns needing it.
 */
import { instancesNeeded } from "./instances.js";
import type { ServiceState } from "./service-state.js";

export interface PlannedScaleUp {
  service: number;
  instances: number;
  /** Epoch ms. */
  by: number;
  /** Campaign indices (sorted) whose windows need the scale-up. */
  campaigns: number[];
}

/**
 * `needing` maps a service to the campaigns with a scale-up on it; `deadline(c)` is a campaign's
 * (freeze-moved) deadline. When the baseline alone needs more instances, the entry is due now.
 * `failover`: `failover_utilization`, to size the instances of the flagged steps (computed here for
 * those few steps rather than kept for every step of every service).
 */
export function planScaleUps(
  states: readonly ServiceState[],
  needing: ReadonlyMap<number, number[]>,
  deadline: (campaign: number) => number,
  now: number,
  failover: number,
): PlannedScaleUp[] {
  const plan: PlannedScaleUp[] = [];
  for (const state of states) {
    const { service } = state;
    if (service.kind !== "scalable" || state.overCapacity) continue;
    const campaigns = needing.get(state.index) ?? [];
    const baselineNeeds = state.baseline.planned > service.instances;
    if (!baselineNeeds && campaigns.length === 0) continue;
    let instances = state.baseline.planned;
    // A flagged step holds its load: the planned instances there are min(N, max_instances).
    const flagged = state.breaches["scale-up"];
    if (flagged)
      for (let i = 0; i < flagged.length; i++)
        if (flagged[i] !== -Infinity)
          instances = Math.max(
            instances,
            Math.min(instancesNeeded(flagged[i]!, service, failover), service.max_instances),
          );
    let by = baselineNeeds ? now : Infinity;
    for (const c of campaigns) by = Math.min(by, deadline(c));
    plan.push({ service: state.index, instances, by, campaigns: [...campaigns].sort((a, b) => a - b) });
  }
  return plan;
}
