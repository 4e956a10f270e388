/**
 * The capacity engine (DESIGN section 2): pure functions over the loaded model.
 *
 * Readings where DESIGN leaves room (each chosen so a marketer gets one clear, fair message):
 * - Worst instant: among the steps inside the campaign's window (from now on) that break the rule
 *   on the service, the one with the highest load; the earliest on ties. The finding names that
 *   instant, the load then and the campaigns active with load on the service then (`campaigns`).
 * - `notice`/`freeze`: one finding per campaign (not per service), at its deadline, naming the
 *   service whose need comes first (capacity-file order on ties) and the campaigns active then.
 * - Plan `by`: the earliest (freeze-moved) deadline of the campaigns needing the service, as
 *   written, even when that deadline comes from another service; `now` when the baseline alone
 *   needs the scale-up.
 * - Plan and `scale-up` only when the planned instances, min(N, max_instances), exceed what IT
 *   runs anyway; with `instances == max_instances` a zone-rule failure is `redundancy` only.
 * - Maintenance: reduced capacity is `max × capacity_factor × t` (max-scale capacity, also for
 *   scalable services); overlapping maintenance windows take the lowest factor. A campaign in
 *   maintenance where the reduced capacity holds gives nothing. Inside maintenance, load above
 *   max-scale capacity is a `maintenance` error only (the `capacity` rule is "outside
 *   maintenance") and does not size the plan; instances needed still count there.
 * - Baseline alone: judged outside maintenance (maintenance without campaigns is IT's business).
 *   If it breaks `capacity`, `scale-up` or `redundancy`, one finding on the service node and no
 *   campaign finding of that rule on that service; campaigns then need IT work only beyond what the
 *   baseline already needs (a broken baseline is not a marketer's missing notice).
 * - `forecast` is not reported for past campaigns (they are ignored). `past` sits on `window`.
 * - `impact` uses load / capacity_rps (no maintenance), over every service the campaign reaches.
 * - The campaign summary is ordered by start, then id; findings by file, line, column, rule,
 *   service, campaign.
 */
export { checkCapacity } from "./check-capacity.js";
export type { CapacityInput, CapacityResult } from "./check-capacity.js";
export { planningValue } from "./loads.js";
export { capacityRps, ceilTolerant, exceeds, instancesForTarget, instancesForZones, instancesNeeded, lte } from "./instances.js";
export { formatInstant } from "./format.js";
