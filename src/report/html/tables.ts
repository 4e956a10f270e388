/**
 * The tables behind the pictures (for screen readers, print and anyone who prefers numbers), as
 * HTML strings. Shared, like svg.ts, by the page build and the browser script.
 */
import { formatInstant, formatNumber, formatPercent } from "../../core/format.js";
import type { Bucket, CampaignView, DashboardData, ServiceView } from "./dashboard-data.js";
import { esc, STATUS_TEXT } from "./svg.js";

/** Campaigns per page of the timeline: a readable chart, whatever the size of the repository. */
export const TIMELINE_PAGE = 25;

/** "Mon 30 Nov 2026 09:00 UTC: 9,250 requests/s ...": what the chart says about one bucket. */
export function bucketText(s: ServiceView, b: Bucket): string {
  const shares = [`${formatPercent(b.peak / s.max)} of max scale`];
  if (s.kind === "scalable")
    shares.push(`${formatPercent(b.peak / s.today)} of today's ${s.instances} instances`);
  const running =
    b.count === 0
      ? "no campaign running"
      : `campaigns running: ${b.ids.join(", ")}${b.count > b.ids.length ? ` and ${b.count - b.ids.length} more` : ""}`;
  return `${formatInstant(b.at)}: ${formatNumber(b.peak)} requests/s (${shares.join(", ")}); ${running}`;
}

/** The chart's numbers: buckets merged while the campaigns at their peaks stay the same. */
export function bucketTable(s: ServiceView): string {
  const rows: { from: number; to: number; peak: number; ids: string[]; count: number }[] = [];
  for (const b of s.buckets) {
    const last = rows[rows.length - 1];
    if (last && last.count === b.count && last.ids.join() === b.ids.join()) {
      last.to = b.end;
      last.peak = Math.max(last.peak, b.peak);
    } else rows.push({ from: b.start, to: b.end, peak: b.peak, ids: b.ids, count: b.count });
  }
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(formatInstant(r.from))}</td><td>${esc(formatInstant(r.to))}</td><td class="num">${formatNumber(
          r.peak,
        )}</td><td class="num">${formatPercent(r.peak / s.max)}</td><td>${
          r.count === 0
            ? "—"
            : esc(r.ids.join(", ")) + (r.count > r.ids.length ? ` and ${r.count - r.ids.length} more` : "")
        }</td></tr>`,
    )
    .join("");
  return (
    `<table><caption>Load on ${esc(s.name)}: highest load per period and the campaigns running at that peak</caption>` +
    `<thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Peak requests/s</th><th scope="col">Of max scale (${formatNumber(
      s.max,
    )})</th><th scope="col">Campaigns at the peak</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/** The rows of the timeline's current page: status in words, file link, link to its findings. */
export function timelineTable(rows: readonly CampaignView[], data: DashboardData): string {
  const body = rows
    .map(
      (c) =>
        `<tr id="c-${esc(c.id)}"><th scope="row">${esc(c.name)}<br><span class="muted">${esc(c.id)}</span></th>` +
        `<td><span class="dot ${c.status}" aria-hidden="true"></span>${STATUS_TEXT[c.status]}</td>` +
        `<td>${esc(formatInstant(c.start))}</td><td>${esc(formatInstant(c.end))}</td>` +
        `<td>${esc(c.sites.join(", "))}</td><td class="num">${formatNumber(c.planning)} ${c.unit === "users" ? "users" : "req/s"}</td>` +
        `<td class="num">${formatPercent(c.impact)}</td>` +
        `<td><a href="${esc(data.fileBase + c.file)}">${esc(c.file)}</a></td>` +
        `<td>${c.findings === 0 ? "none" : `<a href="#f-${esc(c.id)}">${c.findings} finding${c.findings === 1 ? "" : "s"}</a>`}</td></tr>`,
    )
    .join("");
  return (
    `<table><caption>Campaigns on this page of the timeline</caption><thead><tr><th scope="col">Campaign</th><th scope="col">Status</th>` +
    `<th scope="col">Start</th><th scope="col">End</th><th scope="col">Sites</th><th scope="col">Planned peak</th>` +
    `<th scope="col">Impact</th><th scope="col">File</th><th scope="col">Findings</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/** Filters and pages the campaigns as the timeline's controls ask. */
export function timelinePage(
  campaigns: readonly CampaignView[],
  query: { status: string; site: string; text: string; page: number },
  pageSize: number,
): { rows: CampaignView[]; total: number; page: number; pages: number } {
  const text = query.text.trim().toLowerCase();
  const matching = campaigns.filter(
    (c) =>
      (query.status === "" || c.status === query.status) &&
      (query.site === "" || c.sites.includes(query.site)) &&
      (text === "" || c.id.toLowerCase().includes(text) || c.name.toLowerCase().includes(text)),
  );
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(0, query.page), pages - 1);
  return {
    rows: matching.slice(page * pageSize, (page + 1) * pageSize),
    total: matching.length,
    page,
    pages,
  };
}
