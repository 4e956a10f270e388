/**
 * Loads (DESIGN section 2): a campaign's planning value, its requests/s fanned out from sites to
 * services, and each service's baseline.
 */
import type { Campaign, Capacity, CapacityDefaults, Site } from "../model.js";
import { planningFactor } from "../risk/index.js";
import type { LogNormal } from "../risk/index.js";

/** `forecast.high` if given, else the expected value × `uncertainty[confidence]`, in the forecast's unit. */
export function planningValue(campaign: Campaign, defaults: CapacityDefaults): number {
  const { high, expected, confidence } = campaign.forecast;
  return high ?? expected * defaults.uncertainty[confidence];
}

/** A campaign's load on one service (index into `capacity.services`). `rps` 0: reached, no load. */
export interface ServiceLoad {
  service: number;
  rps: number;
}

/**
 * The campaign's load on every service it reaches, in service order: Σ over its targets of
 * planning × `rps_per_user` (or × 1 for rps) × share × `uses[site][S]`. Unknown sites and services
 * are skipped: the loader reports them and leaves such campaigns out.
 */
export function campaignServiceLoads(
  campaign: Campaign,
  defaults: CapacityDefaults,
  sites: ReadonlyMap<string, Site>,
  serviceIndex: ReadonlyMap<string, number>,
): ServiceLoad[] {
  const planning = planningValue(campaign, defaults);
  // A campaign reaches a handful of services: a list searched in place is cheaper than a Map. The
  // list is module-level scratch (count: its length here), copied out once at its final length.
  const loads = SCRATCH;
  let count = 0;
  // Kept in service order by inserting in place, and indexed loops: no closures, iterator results
  // or sort work arrays per campaign (they were a visible share of the check's garbage).
  const targets = campaign.targets;
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t]!;
    const site = sites.get(target.site);
    if (!site) continue;
    const perUnit = campaign.forecast.unit === "users" ? (site.rps_per_user ?? 0) : 1;
    const siteRps = planning * perUnit * target.share;
    const uses = siteUses(site, serviceIndex);
    for (let u = 0; u < uses.length; u++) {
      const use = uses[u]!;
      let at = count;
      while (at > 0 && loads[at - 1]!.service > use.service) at--;
      if (at > 0 && loads[at - 1]!.service === use.service) loads[at - 1]!.rps += use.rps * siteRps;
      else {
        // Shift the tail up one (`splice` would allocate the array of removed elements).
        for (let k = count; k > at; k--) loads[k] = loads[k - 1]!;
        loads[at] = { service: use.service, rps: use.rps * siteRps };
        count++;
      }
    }
  }
  // Kept to the end of the check: a copy of exactly its length.
  const kept = loads.slice(0, count);
  // The scratch keeps no campaign's loads alive.
  loads.fill(NO_LOAD, 0, count);
  return kept;
}

/** campaignServiceLoads' list while it is built (it never runs twice at once). */
const SCRATCH: ServiceLoad[] = [];
const NO_LOAD: ServiceLoad = Object.freeze({ service: -1, rps: 0 });

const resolvedUses = new WeakMap<Site, { serviceIndex: ReadonlyMap<string, number>; uses: ServiceLoad[] }>();

/**
 * A site's `uses` as (service index, factor), in `uses` order, remembered per site: every
 * campaign on the site needs them, and walking the record's entries per target cost more than the
 * rest of the loads.
 */
function siteUses(site: Site, serviceIndex: ReadonlyMap<string, number>): readonly ServiceLoad[] {
  const known = resolvedUses.get(site);
  if (known && known.serviceIndex === serviceIndex) return known.uses;
  const uses: ServiceLoad[] = [];
  for (const [name, factor] of Object.entries(site.uses)) {
    const service = serviceIndex.get(name);
    if (service !== undefined) uses.push({ service, rps: factor });
  }
  resolvedUses.set(site, { serviceIndex, uses });
  return uses;
}

/**
 * Per service (capacity-file order): Σ over sites of `uses[site][S]` × the site's baseline — over
 * the sites without a time-of-week profile only (baseline-profiles.ts adds the others step by step).
 */
export function baselineLoads(capacity: Capacity, serviceIndex: ReadonlyMap<string, number>): Float64Array {
  const loads = new Float64Array(capacity.services.length);
  for (const site of capacity.sites) {
    if (site.profile) continue;
    for (const [name, factor] of Object.entries(site.uses)) {
      const service = serviceIndex.get(name);
      if (service !== undefined) loads[service] = (loads[service] ?? 0) + factor * site.baseline_rps;
    }
  }
  return loads;
}

/** The campaign's peak as a log-normal factor of its planning value (DESIGN 2, "Risk of overload"). */
export function riskFactor(campaign: Campaign, defaults: CapacityDefaults): LogNormal {
  return planningFactor(campaign.forecast.expected, planningValue(campaign, defaults));
}
