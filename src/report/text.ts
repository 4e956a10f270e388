/**
 * The terminal report: findings grouped by file in the `file:line:column` form that editors and
 * terminals make clickable, then the service peaks and the plan. Colour only when asked (TTY).
 */
import type { Finding, Severity } from "../core/findings.js";
import type { Report } from "../core/report.js";
import { formatInstant, formatNumber, formatPercent, listIds, plural } from "../core/format.js";
import { riskLines } from "./risk-lines.js";

export interface TextOptions {
  color: boolean;
  /** "validate" leaves out the capacity sections. */
  command: "validate" | "check";
}

const CODES = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

export function renderText(report: Report, options: TextOptions): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
  const severityStyle: Record<Severity, Style> = { error: "red", warning: "yellow", notice: "cyan" };
  const lines: string[] = [];

  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    lines.push(paint("bold", file));
    for (const f of findings) {
      const where = `${f.file}:${f.line}:${f.column}`;
      const tag = paint(severityStyle[f.severity], f.severity.padEnd(7));
      const base = f.counted ? "" : paint("dim", " (already on the base branch)");
      lines.push(`  ${where}  ${tag} ${paint("dim", f.rule.padEnd(12))} ${f.message}${base}`);
    }
    lines.push("");
  }

  if (options.command === "check" && report.services.length > 0) {
    lines.push(paint("bold", "Peak load per service"));
    const rows = report.services.map((s) => [
      s.service,
      `${formatNumber(s.peak_rps)} req/s`,
      `of ${formatNumber(s.capacity_rps)} safe`,
      formatPercent(s.utilization),
      s.peak_at ? formatInstant(s.peak_at) : "-",
      listIds(s.contributors) || "baseline only",
    ]);
    lines.push(
      ...table(rows).map((row, i) => {
        const s = report.services[i];
        return `  ${s && s.utilization > 1 + 1e-9 ? paint("red", row) : row}`;
      }),
    );
    lines.push("");
  }
  if (options.command === "check" && report.plan.length > 0) {
    lines.push(paint("bold", "Plan for IT"));
    // The plan spans campaigns of several zones: its deadlines are in UTC, as in markdown.
    for (const p of report.plan) {
      lines.push(
        `  scale ${p.service} to ${p.instances} instances before ${formatInstant(p.by)} (for ${listIds(p.campaigns)})`,
      );
    }
    lines.push("");
  }

  const risk = riskLines(report);
  if (options.command === "check" && risk.services.length > 0) {
    lines.push(paint("bold", "Risk of overload (planned instances, forecasts as log-normal ranges)"));
    lines.push(...risk.services.map((l) => `  ${l}`), ...risk.campaigns.map((l) => `  ${l}`), "");
  }
  lines.push(summaryLine(report, options, paint));
  return `${lines.join("\n")}\n`;
}

function summaryLine(report: Report, options: TextOptions, paint: (s: Style, t: string) => string): string {
  const counted = report.findings.filter((f) => f.counted);
  const count = (s: Severity): number => counted.filter((f) => f.severity === s).length;
  const parts = [
    plural(count("error"), "error"),
    plural(count("warning"), "warning"),
    plural(count("notice"), "notice"),
  ];
  const uncounted = report.findings.length - counted.length;
  if (uncounted > 0) parts.push(`${uncounted} already on the base branch`);
  const verdict =
    report.verdict === "fail"
      ? paint("red", "FAIL")
      : report.verdict === "warn"
        ? paint("yellow", "WARN")
        : paint("green", "PASS");
  const what = options.command === "validate" ? "validate" : `check at ${formatInstant(report.now)}`;
  const files = report.campaign_files;
  const seen = files
    ? ` (${plural(files.found, "campaign file")} found, ${formatNumber(files.checked)} checked)`
    : "";
  return `${verdict} campaign-gate ${what}: ${parts.join(", ")}${seen}`;
}

/** Pads columns so rows line up. */
function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}
