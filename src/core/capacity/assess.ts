/**
 * Per campaign, over its window only: the rules it helps break on each service (with its worst
 * instant), the first instant it needs IT work, and its impact. Range queries on the service step
 * functions, so a campaign costs O(services it reaches), not O(its window's length).
 */
import { LOAD_RULES, type LoadRule, type ServiceState } from "./service-state.js";
import type { ServiceLoad } from "./loads.js";
import { stepAt } from "./sweep.js";

/** A campaign contributing to a broken rule on a service, at its worst instant there. */
export interface Breach {
  rule: LoadRule;
  campaign: number;
  service: number;
  /** The earliest instant of the highest load among the breaching steps in the window. */
  instant: number;
  load: number;
}

export interface Assessment {
  breaches: readonly Breach[];
  /** First instant the campaign needs IT work, and the service behind it; undefined when it needs none. */
  needsWork?: { instant: number; service: number };
  /** Highest load / capacity_rps on a service it reaches during its window. */
  impact: number;
}

/** The breaches of every campaign that breaks nothing: one shared, empty and frozen list. */
const NO_BREACHES: readonly Breach[] = Object.freeze([]);

/** No worst step for the rule yet. */
const WORST_NONE = -1;
/** assessCampaign's per-rule scratch (it never runs twice at once): the worst step and its instant. */
const WORST_STEP = new Int32Array(LOAD_RULES.length);
const WORST_INSTANT = new Float64Array(LOAD_RULES.length);

/** A part of the campaign's window where it adds load (its shape's pieces, clipped to now). */
export interface Range {
  start: number;
  end: number;
}

/**
 * Assesses campaign `campaign` over `ranges` (sorted, disjoint, already clipped to now): for a
 * `constant` campaign its window, for a shaped one the pieces where it adds load, so that a
 * campaign is not blamed for what happens while it adds nothing.
 */
export function assessCampaign(
  campaign: number,
  ranges: readonly Range[],
  loads: readonly ServiceLoad[],
  states: readonly ServiceState[],
): Assessment {
  let breaches: Breach[] | undefined;
  // The earliest instant needing work so far (service -1: none yet), one object at the end.
  let workInstant = 0;
  let workService = -1;
  let impact = 0;
  // Per rule, the worst step on the current service so far (WORST_NONE: none yet), in reused
  // module-level slots: one Breach object per breach found, none per candidate step, no closures
  // and no arrays per campaign (this runs for every campaign and its garbage was a visible share
  // of the collector's work).
  const worstStep = WORST_STEP;
  const worstInstant = WORST_INSTANT;
  for (let l = 0; l < loads.length; l++) {
    const { service, rps } = loads[l]!;
    const state = states[service]!;
    const { times, loads: stepLoads } = state.steps;
    worstStep.fill(WORST_NONE);
    for (let r = 0; r < ranges.length; r++) {
      const { start, end } = ranges[r]!;
      const lo = stepAt(times, start);
      const hi = lastStepBefore(times, end);
      if (lo < 0 || hi < lo) continue;
      const peak = state.peak.argmax(lo, hi);
      if (peak >= 0 && state.capacityRps > 0) impact = Math.max(impact, stepLoads[peak]! / state.capacityRps);
      // A capacity breach on any service it reaches makes the campaign need IT work, and so does a
      // scale-up on a service it puts load on: from the earlier of the two steps (times are sorted).
      const cap = state.nextCapacity ? state.nextCapacity[lo]! : hi + 1;
      const up = rps > 0 && state.nextScaleUp ? state.nextScaleUp[lo]! : hi + 1;
      const first = Math.min(cap, up);
      if (first <= hi) {
        const instant = Math.max(times[first]!, start);
        if (workService < 0 || instant < workInstant) {
          workInstant = instant;
          workService = service;
        }
      }
      if (rps <= 0) continue;
      for (let k = 0; k < LOAD_RULES.length; k++) {
        const i = state.worst[LOAD_RULES[k]!]?.argmax(lo, hi) ?? -1;
        if (i < 0) continue;
        const found = worstStep[k]!;
        // Ranges are in time order: a later range wins only with a strictly higher load.
        if (found === WORST_NONE || stepLoads[i]! > stepLoads[found]!) {
          worstStep[k] = i;
          worstInstant[k] = Math.max(times[i]!, start);
        }
      }
    }
    for (let k = 0; k < LOAD_RULES.length; k++) {
      const i = worstStep[k]!;
      if (i === WORST_NONE) continue;
      const b: Breach = {
        rule: LOAD_RULES[k]!,
        campaign,
        service,
        instant: worstInstant[k]!,
        load: stepLoads[i]!,
      };
      if (breaches) breaches.push(b);
      else breaches = [b];
    }
  }
  // Every campaign's assessment lives to the end of the check: a copy of exactly its length rather
  // than the room the pushes made.
  const kept = breaches === undefined ? NO_BREACHES : breaches.length === 1 ? breaches : breaches.slice();
  return workService >= 0
    ? { breaches: kept, needsWork: { instant: workInstant, service: workService }, impact }
    : { breaches: kept, impact };
}

/** Index of the last step starting before `end` (the window is half-open). */
export function lastStepBefore(times: readonly number[], end: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
