/**
 * The markdown report: what the Action posts as job summary and PR comment. Verdict first, then
 * what to fix, one table per topic (campaigns, service peaks, plan for IT) and a timeline chart.
 * Long reports fold details and shorten tables so the whole stays under `maxChars`, always saying
 * what was left out.
 */
import type { Finding, Severity } from "../core/findings.js";
import type { CampaignSummary, Report } from "../core/report.js";
import { riskLines } from "./risk-lines.js";
import {
  escapeMarkdown,
  formatInstant,
  formatNumber,
  formatPercent,
  formatWindowEnd,
  listIds,
  plural,
} from "../core/format.js";

export interface MarkdownOptions {
  /** Hard ceiling on the output length (GitHub comments allow 65,536). Default 60,000. */
  maxChars?: number;
  /** Link to a file (and line) in the repository, e.g. a blob URL at the head commit. */
  fileUrl?: (path: string, line?: number) => string;
  /** Heading level of the title (default 2). */
  headingLevel?: number;
}

const ICON: Record<Severity | "ok" | "past", string> = {
  error: "❌",
  warning: "⚠️",
  notice: "ℹ️",
  ok: "✅",
  past: "💤",
};

/** Most critical first, in tables and the chart. */
const STATUS_ORDER: Record<CampaignSummary["status"], number> = {
  error: 0,
  warning: 1,
  notice: 2,
  ok: 3,
  past: 4,
};

/** Row caps tried in turn until the report fits. */
const ROW_CAPS = [Infinity, 200, 100, 50, 25, 10, 5, 0];
/** Mermaid becomes unreadable (and slow to render) beyond this many bars. */
const GANTT_MAX_BARS = 30;

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? 60_000;
  for (const cap of ROW_CAPS) {
    const text = build(report, options, cap);
    if (text.length <= maxChars) return text;
  }
  // Even the shortest form is too long (only with absurd limits): cut and say so.
  const note = "\n\n_Report cut to fit; run `campaign-gate check` for everything._\n";
  return build(report, options, 0).slice(0, Math.max(0, maxChars - note.length)) + note;
}

function build(report: Report, options: MarkdownOptions, cap: number): string {
  const h = "#".repeat(options.headingLevel ?? 2);
  const link = (path: string, line?: number): string => {
    const label = escapeMarkdown(line === undefined ? path : `${path}:${line}`);
    return options.fileUrl ? `[${label}](${options.fileUrl(path, line)})` : `\`${label}\``;
  };
  const out: string[] = [];
  out.push(`${h} ${headline(report)}`, "", intro(report), "");

  const counted = report.findings.filter((f) => f.counted);
  const uncounted = report.findings.filter((f) => !f.counted);
  if (counted.length > 0) {
    out.push(`${h}# What to fix`, "");
    out.push(...findingTable(counted, cap, link));
    out.push("");
  }

  if (report.campaigns.length > 0) {
    out.push(`${h}# Campaigns`, "");
    out.push(...campaignTable(report, cap, link));
    out.push("");
  }
  if (report.services.length > 0) {
    out.push(`${h}# Peak load per service`, "");
    out.push(...serviceTable(report, cap));
    out.push("");
  }
  if (report.plan.length > 0) {
    out.push(`${h}# Plan for IT`, "");
    out.push("| Service | Scale to | Before | For |", "|---|--:|---|---|");
    for (const p of report.plan) {
      out.push(
        `| ${escapeMarkdown(p.service)} | ${p.instances} instances | ${formatInstant(p.by)} | ${escapeMarkdown(listIds(p.campaigns))} |`,
      );
    }
    out.push("");
  }
  const risk = riskLines(report);
  if (risk.services.length > 0) {
    out.push(`${h}# Risk of overload`, "");
    out.push(...risk.services.map((l) => `- ${escapeMarkdown(l)}`), "");
    if (risk.campaigns.length > 0)
      out.push(
        "Per campaign, at its riskiest moment:",
        "",
        ...risk.campaigns.map((l) => `- ${escapeMarkdown(l)}`),
        "",
      );
  }
  const chart = gantt(report);
  if (chart.length > 0 && cap > 0) {
    out.push(`<details><summary>Timeline of the campaigns</summary>`, "", ...chart, "", `</details>`, "");
  }
  if (uncounted.length > 0) {
    out.push(
      `<details><summary>${plural(uncounted.length, "finding")} already on the base branch (not caused by this change)</summary>`,
      "",
      ...findingTable(uncounted, cap, link),
      "",
      `</details>`,
      "",
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function headline(report: Report): string {
  const counted = report.findings.filter((f) => f.counted);
  const errors = counted.filter((f) => f.severity === "error").length;
  const warnings = counted.filter((f) => f.severity === "warning").length;
  if (report.verdict === "fail") {
    const capacity = counted.some(
      (f) => f.severity === "error" && ["capacity", "maintenance"].includes(f.rule),
    );
    return `${ICON.error} campaign-gate: ${plural(errors, "error")} — ${capacity ? "the infrastructure cannot hold this load" : "please fix before merging"}`;
  }
  if (report.verdict === "warn")
    return `${ICON.warning} campaign-gate: ${plural(warnings, "warning")} — IT has work to prepare`;
  return `${ICON.ok} campaign-gate: all clear`;
}

function intro(report: Report): string {
  const live = report.campaigns.filter((c) => c.status !== "past").length;
  const at = formatInstant(report.now);
  const files = report.campaign_files;
  const parts: string[] = [];
  if (files) {
    const gap = files.found - files.checked;
    const unchecked = gap > 0 ? ` (${formatNumber(gap)} not checked: see *What to fix*)` : "";
    parts.push(
      `Checked ${formatNumber(files.checked)} of ${plural(files.found, "campaign file")} at ${at}${unchecked}: ${plural(live, "upcoming campaign")}.`,
    );
  } else parts.push(`Checked ${plural(live, "upcoming campaign")} at ${at}.`);
  if (report.plan.length > 0)
    parts.push(`IT needs to scale ${plural(report.plan.length, "service")} (see *Plan for IT*).`);
  return parts.join(" ");
}

function findingTable(
  findings: Finding[],
  cap: number,
  link: (path: string, line?: number) => string,
): string[] {
  const ordered = [...findings].sort((a, b) => rank(a.severity) - rank(b.severity));
  const shown = ordered.slice(0, cap);
  const rows = ["| | Where | Rule | What to do |", "|---|---|---|---|"];
  for (const f of shown) {
    rows.push(
      `| ${ICON[f.severity]} | ${link(f.file, f.line)} | \`${f.rule}\` | ${escapeMarkdown(f.message)} |`,
    );
  }
  if (ordered.length > shown.length)
    rows.push("", `_…and ${ordered.length - shown.length} more; run \`campaign-gate check\` to see all._`);
  return rows;
}

function campaignTable(report: Report, cap: number, link: (path: string, line?: number) => string): string[] {
  const sorted = [...report.campaigns].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.start.localeCompare(b.start),
  );
  const shown = sorted.slice(0, cap);
  const rows = [
    "| | Campaign | Window | Sites | Planned peak | Highest utilization |",
    "|---|---|---|---|--:|--:|",
  ];
  for (const c of shown) {
    rows.push(
      `| ${ICON[c.status]} | ${escapeMarkdown(c.name)}<br>${link(c.file)} | ${formatInstant(c.start, c.timezone)} → ${formatWindowEnd(c.end, c.timezone)} | ${c.sites.map(escapeMarkdown).join(", ")} | ${formatNumber(c.planning)} ${c.unit === "users" ? "users" : "req/s"} | ${formatPercent(c.impact)} |`,
    );
  }
  if (sorted.length > shown.length)
    rows.push("", `_…and ${sorted.length - shown.length} more campaigns not shown._`);
  return rows;
}

function serviceTable(report: Report, cap: number): string[] {
  const sorted = [...report.services].sort((a, b) => b.utilization - a.utilization);
  const shown = sorted.slice(0, cap);
  const rows = [
    "| Service | Peak load | When | Safe capacity at max scale | Utilization | Campaigns at the peak |",
    "|---|--:|---|--:|--:|---|",
  ];
  for (const s of shown) {
    const icon = s.utilization > 1 + 1e-9 ? `${ICON.error} ` : "";
    rows.push(
      `| ${escapeMarkdown(s.service)} | ${formatNumber(s.peak_rps)} req/s | ${s.peak_at ? formatInstant(s.peak_at) : "–"} | ${formatNumber(s.capacity_rps)} req/s | ${icon}${formatPercent(s.utilization)} | ${escapeMarkdown(listIds(s.contributors)) || "baseline only"} |`,
    );
  }
  if (sorted.length > shown.length)
    rows.push(
      "",
      `_…and ${sorted.length - shown.length} more services below ${formatPercent(shown.at(-1)?.utilization ?? 0)}._`,
    );
  return rows;
}

/** A mermaid gantt of the upcoming campaign windows, the most critical first. */
function gantt(report: Report): string[] {
  const live = report.campaigns.filter((c) => c.status !== "past");
  if (live.length === 0) return [];
  const shown = [...live]
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.start.localeCompare(b.start))
    .slice(0, GANTT_MAX_BARS);
  const lines = [
    "```mermaid",
    "gantt",
    "  dateFormat YYYY-MM-DD HH:mm",
    "  axisFormat %d %b",
    "  todayMarker off",
  ];
  const sections: [string, CampaignSummary["status"][]][] = [
    ["Cannot be held", ["error"]],
    ["IT has work to do", ["warning"]],
    ["Fine", ["notice", "ok"]],
  ];
  for (const [title, statuses] of sections) {
    const items = shown
      .filter((c) => statuses.includes(c.status))
      .sort((a, b) => a.start.localeCompare(b.start));
    if (items.length === 0) continue;
    lines.push(`  section ${title}`);
    for (const c of items) {
      const tag = c.status === "error" ? "crit, " : c.status === "warning" ? "active, " : "";
      lines.push(
        `  ${mermaidLabel(c.id)} (${formatPercent(c.impact)}) :${tag}${mermaidDate(c.start)}, ${mermaidDate(c.end)}`,
      );
    }
  }
  lines.push("```");
  if (live.length > shown.length)
    lines.push("", `_Chart shows ${shown.length} of ${live.length} upcoming campaigns (the most critical)._`);
  lines.push("", "_Times in UTC; bars show campaign windows with the highest utilization each causes._");
  return lines;
}

/** "2026-12-03T05:00:00.000Z" → "2026-12-03 05:00" (the gantt's dateFormat, in UTC). */
function mermaidDate(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

/** Mermaid task names may not contain `:`, `#` or `;`. */
function mermaidLabel(text: string): string {
  return text.replace(/[:#;]/g, " ");
}

function rank(s: Severity): number {
  return s === "error" ? 0 : s === "warning" ? 1 : 2;
}
