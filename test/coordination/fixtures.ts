/** Small builders of plain data shared by the coordination tests. */
import type { SlaPolicy } from "../../src/core/model.js";
import type { CampaignSummary, PlanEntry, Report } from "../../src/core/report.js";

/** 09:00-17:00 Monday to Friday, 24 business hours, in `timezone`. */
export function sla(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    hours: 24,
    timezone: "UTC",
    days: [1, 2, 3, 4, 5],
    day_start: "09:00",
    day_end: "17:00",
    escalate: { teams: ["it-oncall"], users: ["carol"] },
    label: "review-overdue",
    ...overrides,
  };
}

/** A campaign row with the fields the coordination code reads; the rest are plausible defaults. */
export function campaign(
  id: string,
  impact: number,
  overrides: Partial<CampaignSummary> = {},
): CampaignSummary {
  return {
    id,
    name: id,
    file: `campaigns/${id}.yaml`,
    start: "2026-11-27T11:00:00.000Z",
    end: "2026-11-30T05:00:00.000Z",
    sites: ["shop"],
    planning: 1000,
    unit: "users",
    impact,
    status: "ok",
    ...overrides,
  };
}

export function report(
  campaigns: CampaignSummary[],
  plan: PlanEntry[] = [],
  overrides: Partial<Report> = {},
): Report {
  return {
    version: 1,
    verdict: "pass",
    now: "2026-11-23T09:00:00.000Z",
    findings: [],
    services: [],
    plan,
    campaigns,
    ...overrides,
  };
}

/** Epoch ms of an ISO instant, for readable test data. */
export const at = (iso: string): number => Date.parse(iso);
