/**
 * Everything the dashboard shows, as plain JSON-safe data computed from one check: the report
 * (findings, peaks, plan, campaign rows), each service's load steps from the engine (bucketed for
 * drawing, with the campaigns running at each bucket's peak), maintenance and freezes, the weekly
 * headroom and the fit model the page's form runs `findWindows` on. No decision is made here that
 * the core has not made; this only arranges its answers for drawing.
 */
import type { FitModel, Headroom } from "../../core/fit/index.js";
import { siteHeadroom } from "../../core/fit/index.js";
import type { Finding } from "../../core/findings.js";
import type { Campaign, Capacity } from "../../core/model.js";
import type { Report } from "../../core/report.js";

const DAY = 86_400_000;
/** Buckets per chart: about one per 6 px of a 960 px wide chart, whatever the number of campaigns. */
export const BUCKETS = 160;
/** Campaign ids listed per peak; the rest are counted. */
const PEAK_IDS = 5;
/**
 * Services drawn as charts: the most utilized ones. The others are one table row each, so a
 * repository with 50 services stays a page a person can read (and a few megabytes at most).
 */
export const CHARTED = 12;
/** Campaign ids kept per plan entry (the page names 10 and counts the rest). */
const PLAN_IDS = 11;

/** The timeline's colours, in words (DESIGN's statuses folded into what a reader asks). */
export type BarStatus = "fine" | "it-work" | "blocked" | "past";

export interface Bucket {
  /** [start, end) of the bucket, epoch ms. */
  start: number;
  end: number;
  /** Highest load in the bucket (requests/s) and the earliest instant it holds. */
  peak: number;
  at: number;
  /** Campaign ids running with load on the service at `at` (at most PEAK_IDS), and how many in all. */
  ids: string[];
  count: number;
}

export interface ServiceView {
  name: string;
  kind: "scalable" | "fixed";
  /** Safe capacity of today's instances, of the planned instances (when IT has a plan), at max scale. */
  today: number;
  planned?: number;
  plannedInstances?: number;
  instances: number;
  max: number;
  peak: number;
  utilization: number;
  /** Empty for services not drawn (beyond the CHARTED most utilized). */
  buckets: Bucket[];
}

export interface CampaignView {
  id: string;
  name: string;
  file: string;
  start: number;
  end: number;
  sites: string[];
  planning: number;
  unit: "users" | "rps";
  impact: number;
  status: BarStatus;
  findings: number;
}

export interface DashboardData {
  version: 1;
  now: number;
  verdict: Report["verdict"];
  /** The time axis of every chart: [now, end). */
  range: { start: number; end: number };
  services: ServiceView[];
  maintenance: { name: string; services: string[]; start: number; end: number; factor: number }[];
  freezes: { name: string; start: number; end: number }[];
  campaigns: CampaignView[];
  /** The plan, each entry's campaign list cut to its first ids (see planCounts). */
  plan: Report["plan"];
  /** How many campaigns each plan entry has in all. */
  planCounts: number[];
  findings: Finding[];
  /** How many findings there are in all (the page lists the first ones). */
  findingCount: number;
  headroom: Headroom;
  fit: FitModel;
  /** Prefix of links to campaign files (relative path or repository URL), ending in "/" or empty. */
  fileBase: string;
  /** Where the published dashboard lives, when configured. */
  pagesUrl?: string;
}

export interface DashboardInput {
  report: Report;
  campaigns: Campaign[];
  capacity: Capacity;
  model: FitModel;
  fileBase?: string;
  /** Findings listed on the page (the rest are counted). Default 200. */
  maxFindings?: number;
}

/** The timeline status of a campaign: past, cannot be held (an error), IT has work (in a plan or warned), fine. */
export function barStatus(
  row: Report["campaigns"][number],
  findings: readonly Finding[],
  planned: boolean,
): BarStatus {
  if (row.status === "past") return "past";
  if (row.status === "error") return "blocked";
  if (planned || findings.some((f) => f.rule === "scale-up" || f.rule === "redundancy")) return "it-work";
  return "fine";
}

/** Arranges one check for the dashboard. */
export function dashboardData(input: DashboardInput): DashboardData {
  const { report, capacity, model } = input;
  const now = model.now;
  const byCampaign = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.campaign === undefined) continue;
    const list = byCampaign.get(f.campaign) ?? [];
    list.push(f);
    byCampaign.set(f.campaign, list);
  }
  const inPlan = new Set(report.plan.flatMap((p) => p.campaigns));
  const campaigns: CampaignView[] = report.campaigns.map((row) => ({
    id: row.id,
    name: row.name,
    file: row.file,
    start: Date.parse(row.start),
    end: Date.parse(row.end),
    sites: row.sites,
    planning: row.planning,
    unit: row.unit,
    impact: row.impact,
    status: barStatus(row, byCampaign.get(row.id) ?? [], inPlan.has(row.id)),
    findings: byCampaign.get(row.id)?.length ?? 0,
  }));
  // The timeline opens on what is ahead: past campaigns last (each part keeps the report's start order).
  campaigns.sort((a, b) => Number(a.status === "past") - Number(b.status === "past"));

  // The axis: from now to a little after the last thing that changes load, at least eight weeks.
  let last = now + 56 * DAY;
  for (const c of campaigns) if (c.status !== "past") last = Math.max(last, c.end);
  for (const m of capacity.maintenance) if (m.end > now) last = Math.max(last, m.end);
  for (const f of capacity.freezes) if (f.end > now) last = Math.max(last, f.end);
  const range = { start: now, end: last + 7 * DAY };

  const plan = new Map(report.plan.map((p) => [p.service, p]));
  const peaks = new Map(report.services.map((s) => [s.service, s]));
  const reach = campaignsByService(input.campaigns, capacity, now);
  const charted = new Set(
    [...report.services.keys()]
      .sort((a, b) => report.services[b]!.utilization - report.services[a]!.utilization || a - b)
      .slice(0, CHARTED)
      .map((i) => report.services[i]!.service),
  );
  const services: ServiceView[] = model.services.map((s) => {
    const entry = plan.get(s.name);
    const scalable = s.kind === "scalable";
    const perInstance = s.per_instance_rps * s.target_utilization;
    const peak = peaks.get(s.name);
    return {
      name: s.name,
      kind: s.kind,
      today: scalable ? s.instances * perInstance : s.capacity_rps,
      ...(entry ? { planned: entry.instances * perInstance, plannedInstances: entry.instances } : {}),
      instances: s.instances,
      max: s.capacity_rps,
      peak: peak?.peak_rps ?? 0,
      utilization: peak?.utilization ?? 0,
      buckets: charted.has(s.name) ? buckets(s.times, s.loads, range, reach.get(s.name) ?? []) : [],
    };
  });

  const maxFindings = input.maxFindings ?? 200;
  return {
    version: 1,
    now,
    verdict: report.verdict,
    range,
    services,
    maintenance: capacity.maintenance.map((m) => ({
      name: m.name,
      services: m.services,
      start: m.start,
      end: m.end,
      factor: m.capacity_factor,
    })),
    freezes: capacity.freezes.map((f) => ({ name: f.name, start: f.start, end: f.end })),
    campaigns,
    plan: report.plan.map((p) => ({ ...p, campaigns: p.campaigns.slice(0, PLAN_IDS) })),
    planCounts: report.plan.map((p) => p.campaigns.length),
    findings: report.findings.slice(0, maxFindings),
    findingCount: report.findings.length,
    headroom: siteHeadroom(model),
    fit: model,
    fileBase: input.fileBase ?? "",
  };
}

interface Reacher {
  id: string;
  start: number;
  end: number;
}

/** Per service: the live campaigns putting load on it (by start), to name the campaigns at a peak. */
function campaignsByService(campaigns: Campaign[], capacity: Capacity, now: number): Map<string, Reacher[]> {
  const sites = new Map(capacity.sites.map((s) => [s.name, s]));
  const out = new Map<string, Reacher[]>();
  for (const c of campaigns) {
    if (c.end <= now) continue;
    const services = new Set<string>();
    for (const t of c.targets)
      for (const name of Object.keys(sites.get(t.site)?.uses ?? {})) services.add(name);
    for (const name of services) {
      const list = out.get(name) ?? [];
      list.push({ id: c.id, start: c.start, end: c.end });
      out.set(name, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  return out;
}

/** The step function cut into BUCKETS equal buckets over the range: each bucket's highest load. */
function buckets(
  times: readonly number[],
  loads: readonly number[],
  range: { start: number; end: number },
  reach: readonly Reacher[],
): Bucket[] {
  const width = (range.end - range.start) / BUCKETS;
  const out: Bucket[] = [];
  let i = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const start = range.start + b * width;
    const end = b === BUCKETS - 1 ? range.end : range.start + (b + 1) * width;
    while (i + 1 < times.length && times[i + 1]! <= start) i++;
    let peak = loads[i] ?? 0;
    let at = start;
    for (let j = i + 1; j < times.length && times[j]! < end; j++) {
      if (loads[j]! > peak) {
        peak = loads[j]!;
        at = times[j]!;
      }
    }
    const running = reach.filter((c) => c.start <= at && at < c.end);
    out.push({
      start,
      end,
      peak,
      at,
      ids: running.slice(0, PEAK_IDS).map((c) => c.id),
      count: running.length,
    });
  }
  return out;
}
