/**
 * The JSON-facing rows of the report: per-service peaks and per-campaign summaries (DESIGN section 4).
 */
import type { Campaign } from "../model.js";
import type { Finding } from "../findings.js";
import type { CampaignSummary, ServicePeak } from "../report.js";
import { round6 } from "../format.js";
import type { ServiceState } from "./service-state.js";

/** The highest utilization a report states: far beyond any real load, and finite. */
const MAX_UTILIZATION = 1e9;

/** The step holding each service's peak: the highest load, earliest on ties; -1 without load. */
export function peakStep(state: ServiceState): number {
  const i = state.peak.argmax(0, state.steps.times.length - 1);
  return i >= 0 && state.steps.loads[i]! > 0 ? i : -1;
}

/** One row per service in capacity-file order; `contributors(s, t)` gives the campaign ids active then. */
export function servicePeaks(
  states: readonly ServiceState[],
  contributors: (service: number, instant: number) => string[],
): ServicePeak[] {
  return states.map((state) => {
    const i = peakStep(state);
    const peak = i >= 0 ? state.steps.loads[i]! : 0;
    const at = i >= 0 ? state.steps.times[i]! : undefined;
    return {
      service: state.service.name,
      peak_rps: round6(peak),
      peak_at: at === undefined ? null : new Date(at).toISOString(),
      capacity_rps: round6(state.capacityRps),
      // A capacity near zero (a fuzzed 5e-324) would overflow to Infinity, which JSON cannot hold.
      utilization: state.capacityRps > 0 ? round6(Math.min(peak / state.capacityRps, MAX_UTILIZATION)) : 0,
      contributors: at === undefined ? [] : contributors(state.index, at),
    };
  });
}

const STATUS_RANK = { ok: 0, notice: 1, warning: 2, error: 3 } as const;

/** One row per campaign, past ones included, ordered by start then id. */
export function campaignSummaries(
  campaigns: readonly Campaign[],
  planning: (c: Campaign) => number,
  impact: ReadonlyMap<string, number>,
  past: ReadonlySet<string>,
  findings: readonly Finding[],
): CampaignSummary[] {
  const worst = new Map<string, keyof typeof STATUS_RANK>();
  for (const f of findings) {
    if (f.campaign === undefined) continue;
    const previous = worst.get(f.campaign) ?? "ok";
    if (STATUS_RANK[f.severity] > STATUS_RANK[previous]) worst.set(f.campaign, f.severity);
  }
  // Compared, not subtracted: a difference of two instants is rarely a small integer, and V8
  // boxes every such number a comparator returns.
  const sorted = [...campaigns].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const rows = new Array<CampaignSummary>(sorted.length);
  for (let k = 0; k < sorted.length; k++) {
    const c = sorted[k]!;
    const start = new Date(c.start).toISOString();
    const end = new Date(c.end).toISOString();
    const sites = c.targets.map((t) => t.site);
    const plan = round6(planning(c));
    const status = past.has(c.id) ? "past" : (worst.get(c.id) ?? "ok");
    const used = round6(impact.get(c.id) ?? 0);
    // Two literals rather than a spread of an optional part: the same keys in the same order,
    // without a temporary object and a generic copy per campaign.
    rows[k] =
      c.timezone !== undefined
        ? {
            id: c.id,
            name: c.name,
            file: c.file,
            start,
            end,
            timezone: c.timezone,
            sites,
            planning: plan,
            unit: c.forecast.unit,
            impact: used,
            status,
          }
        : {
            id: c.id,
            name: c.name,
            file: c.file,
            start,
            end,
            sites,
            planning: plan,
            unit: c.forecast.unit,
            impact: used,
            status,
          };
  }
  return rows;
}
