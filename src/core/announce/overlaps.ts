/**
 * Which campaigns a maintenance window or a change freeze touches. Shared by the calendar (the
 * "campaigns affected" line of a maintenance event) and the announcements of a pull request, so
 * both always name the same campaigns.
 */
import type { Campaign, Capacity, Freeze, Maintenance } from "../model.js";

/** A campaign a window overlaps, and how. */
export interface CampaignOverlap {
  campaign: Campaign;
  /** The campaign's sites that use a service of the maintenance (all its sites for a freeze). */
  sites: string[];
  /** The maintenance's services those sites use (empty for a freeze). */
  services: string[];
  /** Epoch ms: the part of the campaign's window inside the maintenance or freeze, [from, to). */
  from: number;
  to: number;
}

/**
 * Campaigns overlapping `maintenance` in time whose sites use at least one of its services: a
 * campaign that runs meanwhile on sites not using those services is not affected. Sorted by start,
 * then id.
 */
export function maintenanceOverlaps(
  maintenance: Pick<Maintenance, "start" | "end" | "services">,
  capacity: Pick<Capacity, "sites">,
  campaigns: readonly Campaign[],
): CampaignOverlap[] {
  const sites = new Map(capacity.sites.map((s) => [s.name, s]));
  const result: CampaignOverlap[] = [];
  for (const campaign of sortedCampaigns(campaigns)) {
    const from = Math.max(campaign.start, maintenance.start);
    const to = Math.min(campaign.end, maintenance.end);
    if (from >= to) continue;
    const hitSites: string[] = [];
    const hitServices = new Set<string>();
    for (const target of campaign.targets) {
      const used = maintenance.services.filter((s) => Object.hasOwn(sites.get(target.site)?.uses ?? {}, s));
      if (used.length === 0) continue;
      if (!hitSites.includes(target.site)) hitSites.push(target.site);
      for (const s of used) hitServices.add(s);
    }
    if (hitSites.length === 0) continue;
    result.push({
      campaign,
      sites: hitSites,
      services: maintenance.services.filter((s) => hitServices.has(s)),
      from,
      to,
    });
  }
  return result;
}

/** Campaigns running during `freeze` (any site: a freeze stops every infrastructure change). */
export function freezeOverlaps(
  freeze: Pick<Freeze, "start" | "end">,
  campaigns: readonly Campaign[],
): CampaignOverlap[] {
  return sortedCampaigns(campaigns).flatMap((campaign) => {
    const from = Math.max(campaign.start, freeze.start);
    const to = Math.min(campaign.end, freeze.end);
    if (from >= to) return [];
    return [{ campaign, sites: [...new Set(campaign.targets.map((t) => t.site))], services: [], from, to }];
  });
}

/** Sites (capacity-file order) that use at least one of `services`. */
export function sitesUsing(capacity: Pick<Capacity, "sites">, services: readonly string[]): string[] {
  return capacity.sites
    .filter((s) => services.some((name) => Object.hasOwn(s.uses, name)))
    .map((s) => s.name);
}

function sortedCampaigns(campaigns: readonly Campaign[]): Campaign[] {
  return [...campaigns].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
