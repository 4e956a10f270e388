/**
 * The JSON report of DESIGN section 4: exactly one document, stable key order. Its size grows
 * with the number of findings, services and campaigns, never with their product: a list of
 * campaign ids inside a finding, a service or a plan entry keeps its first JSON_LIST_LIMIT ids and
 * says how many there are in all (`campaigns_total`, `contributors_total`).
 */
import type { Finding } from "../core/findings.js";
import type { PlanEntry, Report, ServicePeak } from "../core/report.js";
import { mapLazily, stringifyInParts } from "./json-chunks.js";

/** Ids kept per list: plenty for any reader, bounded when thousands of campaigns overlap. */
export const JSON_LIST_LIMIT = 20;

export function renderJson(report: Report): string {
  const all: string[] = [];
  for (const parts of renderJsonParts(report)) for (const part of parts) all.push(part);
  return all.join("");
}

/**
 * The same text in chunks of about 64 K characters, each as the list of its parts, built as they
 * are written: a report with tens of thousands of findings never sits in memory as one string.
 */
export function* renderJsonParts(report: Report): Generator<string[]> {
  // The report's own properties as they are (a spread would read a getter now: `risk` may still
  // be computed on another thread while the findings are written), three lists bounded lazily.
  const bounded = Object.defineProperties({}, Object.getOwnPropertyDescriptors(report)) as Report;
  Object.assign(bounded, {
    findings: mapLazily(report.findings, boundFinding),
    services: mapLazily(report.services, boundService),
    plan: mapLazily(report.plan, boundPlan),
  });
  // One chunk behind, so the closing line break goes with the last one.
  let last: string[] = [];
  for (const parts of stringifyInParts(bounded)) {
    if (last.length > 0) yield last;
    last = parts;
  }
  last.push("\n");
  yield last;
}

function boundFinding(f: Finding): Finding & { campaigns_total?: number } {
  if (!f.campaigns || f.campaigns.length <= JSON_LIST_LIMIT) return f;
  // The rest's own object, filled in: an object literal spreading it costs twice the time and,
  // in V8, leaves its garbage in the old generation (10 MB for the 10k stress repository).
  const { counted, ...rest } = f;
  const bounded: Omit<Finding, "counted"> & { campaigns_total?: number } = rest;
  bounded.campaigns = firstIds(f.campaigns);
  bounded.campaigns_total = f.campaigns.length;
  return Object.assign(bounded, { counted });
}

/**
 * A list's first JSON_LIST_LIMIT ids, made once per list: findings naming the same breach share
 * one contributor list (15,000 long lists on the 10k stress repository are a few thousand lists).
 */
const firstIdsOf = new WeakMap<readonly string[], string[]>();

function firstIds(list: readonly string[]): string[] {
  let first = firstIdsOf.get(list);
  if (!first) firstIdsOf.set(list, (first = list.slice(0, JSON_LIST_LIMIT)));
  return first;
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
