/**
 * The JSON report of DESIGN section 4: exactly one document, stable key order. Its size grows
 * with the number of findings, services and campaigns, never with their product: a list of
 * campaign ids inside a finding, a service or a plan entry keeps its first JSON_LIST_LIMIT ids and
 * says how many there are in all (`campaigns_total`, `contributors_total`).
 */
import type { Finding } from "../core/findings.js";
import type { PlanEntry, Report, ServicePeak } from "../core/report.js";
import { stringifyInChunks } from "./json-chunks.js";

/** Ids kept per list: plenty for any reader, bounded when thousands of campaigns overlap. */
export const JSON_LIST_LIMIT = 20;

export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join("");
}

/**
 * The same text in pieces of about CHUNK characters, built as they are written: a report with
 * tens of thousands of findings never sits in memory as one string.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const bounded = {
    ...report,
    findings: report.findings.map(boundFinding),
    services: report.services.map(boundService),
    plan: report.plan.map(boundPlan),
  };
  let buffered = "";
  for (const piece of stringifyInChunks(bounded)) {
    buffered += piece;
    if (buffered.length >= CHUNK) {
      yield buffered;
      buffered = "";
    }
  }
  yield `${buffered}\n`;
}

const CHUNK = 1 << 16;

function boundFinding(f: Finding): Finding & { campaigns_total?: number } {
  if (!f.campaigns || f.campaigns.length <= JSON_LIST_LIMIT) return f;
  const { counted, ...rest } = f;
  return {
    ...rest,
    campaigns: f.campaigns.slice(0, JSON_LIST_LIMIT),
    campaigns_total: f.campaigns.length,
    counted,
  };
}

function boundService(s: ServicePeak): ServicePeak & { contributors_total?: number } {
  if (s.contributors.length <= JSON_LIST_LIMIT) return s;
  return {
    ...s,
    contributors: s.contributors.slice(0, JSON_LIST_LIMIT),
    contributors_total: s.contributors.length,
  };
}

function boundPlan(p: PlanEntry): PlanEntry & { campaigns_total?: number } {
  if (p.campaigns.length <= JSON_LIST_LIMIT) return p;
  return { ...p, campaigns: p.campaigns.slice(0, JSON_LIST_LIMIT), campaigns_total: p.campaigns.length };
}
