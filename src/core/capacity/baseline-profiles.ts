/**
 * The profiled part of each service's baseline (DESIGN 2, "Baseline by time of week"): per
 * service, Σ over sites with a profile of `uses[site][S]` × baseline × the profile's share,
 * tabulated over the sweep's horizon. A step's load adds the highest value within the step, so a
 * step never shows less than the baseline anywhere inside it. Without profiles: nothing to add,
 * and the engine's numbers are exactly those of the constant baseline.
 */
import type { Capacity } from "../model.js";
import { profileSlots } from "../shape/index.js";
import type { ProfileSlots } from "../shape/index.js";
import type { Steps } from "./sweep.js";

/** Per service: the profiled baseline's table, undefined when no site using it has a profile. */
export function baselineProfiles(
  capacity: Capacity,
  serviceIndex: ReadonlyMap<string, number>,
  from: number,
  to: number,
): (ProfileSlots | undefined)[] {
  const terms = capacity.services.map(() => [] as Parameters<typeof profileSlots>[0][number][]);
  for (const site of capacity.sites) {
    if (!site.profile) continue;
    for (const [name, factor] of Object.entries(site.uses)) {
      const s = serviceIndex.get(name);
      if (s !== undefined) terms[s]!.push({ profile: site.profile, weight: factor * site.baseline_rps });
    }
  }
  return terms.map((t) => (t.length > 0 ? profileSlots(t, from, to) : undefined));
}

/** Adds to each step the highest profiled baseline within it [times[i], times[i+1]). */
export function addProfiledBaseline(steps: Steps, slots: ProfileSlots): void {
  const { times, loads } = steps;
  for (let i = 0; i < times.length; i++) loads[i]! += slots.maxOver(times[i]!, times[i + 1] ?? Infinity);
}
