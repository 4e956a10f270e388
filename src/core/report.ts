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
}
