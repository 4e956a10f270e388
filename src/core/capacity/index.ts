/**
 * The capacity engine (DESIGN section 2): pure functions over the loaded model.
 *
 * Files: loads.ts (planning values, site → service fan-out, baseline), sweep.ts (step functions
 * from now on, ends before starts, maintenance), instances.ts (tolerance, N_t, N_z, capacity),
 * service-state.ts (what each step breaks), assess.ts (per campaign: worst instants, first need,
 * impact), deadlines.ts (freeze move, notice), plan.ts, findings.ts (messages), format.ts,
 * summary.ts, check-capacity.ts (wires them together).
 *
 * Readings where DESIGN leaves room (each chosen so a marketer gets one clear, fair message):
 * - Worst instant: among the steps inside the campaign's window (from now on) that break the rule
 *   on the service, the one with the highest load; the earliest on ties; never before the
 *   campaign's own start. The finding names that instant, the load then and the campaigns active
 *   with load on the service then (`campaigns`).
 * - "No plan, scale-up or redundancy for that service then" is read service-wide: once any step
 *   outside maintenance exceeds max-scale capacity, the service gets only `capacity` findings.
 * - `notice`/`freeze`: one finding per campaign (not per service), at its deadline, naming the
 *   service whose need comes first (capacity-file order on ties) and the campaigns active then. A
 *   campaign that only *reaches* a service over capacity (uses > 0, no load of its own, e.g. a
 *   forecast of 0) needs IT work as written, and is then not among `campaigns`.
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
 * - `forecast` is not reported for past campaigns (they are ignored). `past` sits on `window`;
 *   `end == now` is past.
 * - `impact` is the highest load / capacity_rps (maintenance ignored) on any service the campaign
 *   reaches during its window from now on; 0 for past campaigns.
 * - Order: the campaign summary by start, then id; findings in the one order of `sortFindings`
 *   (src/core/findings.ts). Contributor lists are sorted by id. Findings naming the same (service, instant)
 *   share one `campaigns` array: treat it as read-only.
 */
export { checkCapacity } from "./check-capacity.js";
export type { CapacityInput, CapacityResult } from "./check-capacity.js";
export { planningValue } from "./loads.js";
export {
  capacityRps,
  ceilTolerant,
  exceeds,
  instancesForTarget,
  instancesForZones,
  instancesNeeded,
  lte,
} from "./instances.js";
export { formatInstant } from "../format.js";
