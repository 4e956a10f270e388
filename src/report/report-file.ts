/**
 * Reads a report.json back (the Action's `comment-from` mode posts a report produced by an earlier,
 * untrusted run). Only the shape of DESIGN section 4 is accepted; anything else is a plain error.
 */
import { RULE_SEVERITY } from "../core/findings.js";
import type { Report } from "../core/report.js";

/** Parses and checks the shape of a JSON report; throws an Error with a plain message otherwise. */
export function parseReportFile(text: string, path: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not a JSON report of campaign-gate (it is not valid JSON).`);
  }
  const r = data as Partial<Report> | null;
  const ok =
    r !== null &&
    typeof r === "object" &&
    r.version === 1 &&
    (r.verdict === "pass" || r.verdict === "warn" || r.verdict === "fail") &&
    typeof r.now === "string" &&
    Array.isArray(r.findings) &&
    r.findings.every(isFinding) &&
    Array.isArray(r.services) &&
    Array.isArray(r.plan) &&
    (r.campaigns === undefined || Array.isArray(r.campaigns));
  if (!ok)
    throw new Error(
      `${path} is not a JSON report of campaign-gate version 1 (expected version, verdict, now, findings, services, plan).`,
    );
  return { ...(r as Report), campaigns: r.campaigns ?? [] };
}

function isFinding(f: unknown): boolean {
  const x = f as Record<string, unknown> | null;
  return (
    x !== null &&
    typeof x === "object" &&
    typeof x.rule === "string" &&
    Object.hasOwn(RULE_SEVERITY, x.rule) &&
    (x.severity === "error" || x.severity === "warning" || x.severity === "notice") &&
    typeof x.message === "string" &&
    typeof x.file === "string" &&
    typeof x.line === "number" &&
    typeof x.column === "number" &&
    typeof x.counted === "boolean"
  );
}

/** The highest utilization over all services, 0 when there are none (the `peak-utilization` output). */
export function peakUtilization(report: Report): number {
  return report.services.reduce((max, s) => Math.max(max, s.utilization), 0);
}
