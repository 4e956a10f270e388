/**
 * The report of a check: the JSON contract of DESIGN section 4, which the text, markdown,
 * annotations and PR comment renderers all read from.
 */
import type { Finding, Verdict } from "./findings.js";

export interface ServicePeak {
  service: string;
  peak_rps: number;
  /** Earliest instant >= now at the peak (UTC ISO), or null when the service carries no load from now on. */
  peak_at: string | null;
  capacity_rps: number;
  utilization: number;
  /** Campaign ids active at `peak_at`. */
  contributors: string[];
}

export interface PlanEntry {
  service: string;
  instances: number;
  /** UTC ISO deadline. */
  by: string;
  campaigns: string[];
}

/** One row per loaded campaign, for the per-campaign tables and the app's fast lane. */
export interface CampaignSummary {
  id: string;
  name: string;
  file: string;
  /** UTC ISO. */
  start: string;
  end: string;
  timezone?: string;
  sites: string[];
  /** Planning value (high, or expected × uncertainty) in the forecast's unit. */
  planning: number;
  unit: "users" | "rps";
  /** Highest utilization (load / capacity_rps) the campaign causes on a service it reaches during its window. */
  impact: number;
  /** Worst severity of the findings on this campaign, "past" when left out as past. */
  status: "ok" | "notice" | "warning" | "error" | "past";
}

/**
 * How many campaign files the check saw: `found` files match the campaign globs; `checked` of them
 * were checked in full (validate: validated; check: loaded and checked against capacity). A gap
 * between the two is always explained by findings.
 */
export interface CampaignFileCounts {
  found: number;
  checked: number;
}

/** The chance that a service's load exceeds what its planned instances carry safely (DESIGN 2). */
export interface ServiceRisk {
  service: string;
  /** 0..1, at the service's riskiest instant. */
  probability: number;
  /** UTC ISO of that instant, null when no risk was found anywhere. */
  at: string | null;
  /** The safe capacity of the instances IT plans to run, then. */
  capacity_rps: number;
  /** Campaign ids active on the service then. */
  campaigns: string[];
}

/** A campaign's riskiest moment: the highest chance of overload on a service it loads, in its window. */
export interface CampaignRisk {
  id: string;
  probability: number;
  service: string | null;
  at: string | null;
}

export interface RiskReport {
  /** Monte Carlo samples per estimate, and the seed: the same files always give the same numbers. */
  samples: number;
  seed: number;
  services: ServiceRisk[];
  campaigns: CampaignRisk[];
}

export interface Report {
  version: 1;
  verdict: Verdict;
  /** UTC ISO. */
  now: string;
  /** Always set by runValidate and runCheck; absent only in reports read back from older versions. */
  campaign_files?: CampaignFileCounts;
  findings: Finding[];
  services: ServicePeak[];
  plan: PlanEntry[];
  campaigns: CampaignSummary[];
  /** Risk of overload; absent from `validate` and when the capacity file does not load. */
  risk?: RiskReport;
}
