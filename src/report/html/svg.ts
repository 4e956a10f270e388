/**
 * The dashboard's pictures as plain SVG strings: a service's load against its capacities, and the
 * campaign timeline. Pure functions of DashboardData, run at build time for the page and again in
 * the browser (bundled) when the reader filters or pages the timeline: one drawing code.
 */
import { formatInstant, formatNumber } from "../../core/format.js";
import type { CampaignView, DashboardData, ServiceView } from "./dashboard-data.js";

export const WIDTH = 960;
const LEFT = 70;
const RIGHT = 110;
const TOP = 10;
const CHART_HEIGHT = 220;
const AXIS = 26;
export const ROW = 24;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Escapes text for HTML and SVG content and attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The x position of instant t on the shared time axis. */
export function xOf(t: number, range: { start: number; end: number }): number {
  const span = range.end - range.start;
  const x = LEFT + ((t - range.start) / span) * (WIDTH - LEFT - RIGHT);
  return Math.round(Math.min(Math.max(x, LEFT), WIDTH - RIGHT) * 10) / 10;
}

/** "23 Nov" (UTC). */
export function shortDate(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** Week ticks (Mondays 00:00 UTC) along the axis, thinned to at most 12 labels. */
function timeAxis(range: { start: number; end: number }, y: number, height: number): string {
  const week = 7 * 86_400_000;
  const first = new Date(range.start);
  const monday =
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()) +
    ((8 - first.getUTCDay()) % 7) * 86_400_000;
  const ticks: number[] = [];
  for (let t = monday; t < range.end; t += week) ticks.push(t);
  const every = Math.max(1, Math.ceil(ticks.length / 12));
  return ticks
    .map((t, i) => {
      const x = xOf(t, range);
      const label =
        i % every === 0
          ? `<text class="tick" x="${x}" y="${y + 16}" text-anchor="middle">${shortDate(t)}</text>`
          : "";
      return `<line class="grid" x1="${x}" x2="${x}" y1="${TOP}" y2="${TOP + height}"/>${label}`;
    })
    .join("");
}

/** Shaded maintenance windows (of this service) and freezes over the plot area. */
function shading(data: DashboardData, service: string | undefined, height: number): string {
  const out: string[] = [];
  for (const m of data.maintenance) {
    if (m.end <= data.range.start || (service !== undefined && !m.services.includes(service))) continue;
    const x0 = xOf(m.start, data.range);
    const w = Math.max(2, xOf(m.end, data.range) - x0);
    out.push(
      `<rect class="maint" x="${x0}" y="${TOP}" width="${w}" height="${height}"><title>Maintenance: ${esc(m.name)}, ${esc(
        formatInstant(m.start),
      )} to ${esc(formatInstant(m.end))}</title></rect>`,
    );
  }
  for (const f of data.freezes) {
    if (f.end <= data.range.start) continue;
    const x0 = xOf(f.start, data.range);
    const w = Math.max(2, xOf(f.end, data.range) - x0);
    out.push(
      `<rect class="freeze" x="${x0}" y="${TOP}" width="${w}" height="${height}"><title>Change freeze: ${esc(
        f.name,
      )}, ${esc(formatInstant(f.start))} to ${esc(formatInstant(f.end))}</title></rect>`,
    );
  }
  return out.join("");
}

/** The y scale top for a service: room above the highest of its load and capacities. */
export function yTop(s: ServiceView): number {
  return Math.max(s.max, s.peak, ...s.buckets.map((b) => b.peak)) * 1.12 || 1;
}

/** One service: bucketed load (a step line) against today's, the planned and max-scale safe capacity. */
export function serviceChart(s: ServiceView, data: DashboardData, index: number): string {
  const h = CHART_HEIGHT;
  const top = yTop(s);
  const y = (v: number): number => Math.round((TOP + h - (v / top) * h) * 10) / 10;
  let d = "";
  s.buckets.forEach((b, i) => {
    const x0 = xOf(b.start, data.range);
    const x1 = xOf(b.end, data.range);
    d += i === 0 ? `M${x0} ${y(b.peak)}H${x1}` : `V${y(b.peak)}H${x1}`;
  });
  const line = (cls: string, v: number, label: string): string =>
    `<line class="${cls}" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(v)}" y2="${y(v)}"/><text class="label ${cls}-label" x="${
      WIDTH - RIGHT + 4
    }" y="${y(v) + 4}">${esc(label)}</text>`;
  const lines = [
    line("cap-max", s.max, `max scale ${formatNumber(s.max)}`),
    s.kind === "scalable" && s.planned !== undefined
      ? line("cap-planned", s.planned, `planned ${formatNumber(s.planned)}`)
      : "",
    s.kind === "scalable" ? line("cap-today", s.today, `today ${formatNumber(s.today)}`) : "",
  ].join("");
  const yTicks = [0, top / 2, top]
    .map(
      (v) =>
        `<text class="tick" x="${LEFT - 6}" y="${y(v) + 4}" text-anchor="end">${formatNumber(Math.round(v))}</text>`,
    )
    .join("");
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${TOP + h + AXIS}" role="img" aria-labelledby="chart-title-${index}" data-service="${index}">` +
    `<title id="chart-title-${index}">Load on ${esc(s.name)} in requests per second, from ${esc(
      formatInstant(data.range.start),
    )}: peak ${formatNumber(s.peak)} against ${formatNumber(s.max)} at max scale. The table below lists the same numbers.</title>` +
    shading(data, s.name, h) +
    timeAxis(data.range, TOP + h, h) +
    `<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + h}" y2="${TOP + h}"/>` +
    yTicks +
    lines +
    `<path class="load" d="${d}"/>` +
    `<line class="cursor" x1="0" x2="0" y1="${TOP}" y2="${TOP + h}" visibility="hidden"/>` +
    `</svg>`
  );
}

export const STATUS_TEXT: Record<CampaignView["status"], string> = {
  fine: "fine",
  "it-work": "IT has work",
  blocked: "cannot be held",
  past: "past",
};

/** The campaign timeline for the given rows (one page of them): a bar per campaign, linking to its row. */
export function timelineSvg(rows: readonly CampaignView[], data: DashboardData): string {
  const height = Math.max(1, rows.length) * ROW;
  const bars = rows
    .map((c, i) => {
      const yy = TOP + i * ROW + 3;
      const x0 = xOf(Math.max(c.start, data.range.start), data.range);
      const x1 = xOf(Math.min(c.end, data.range.end), data.range);
      const past = c.status === "past";
      const w = past ? 0 : Math.max(3, x1 - x0);
      const label = `${c.name}: ${STATUS_TEXT[c.status]}, ${formatInstant(c.start)} to ${formatInstant(c.end)}`;
      const text = esc(c.name.length > 42 ? `${c.name.slice(0, 41)}…` : c.name);
      return (
        `<a href="#c-${esc(c.id)}" aria-label="${esc(label)}" class="bar-link">` +
        `<rect class="bar ${c.status}" x="${past ? LEFT : x0}" y="${yy}" width="${past ? 3 : w}" height="${ROW - 6}" rx="3"><title>${esc(label)}</title></rect>` +
        `<text class="bar-text" x="${past ? LEFT + 8 : Math.min(x0 + w + 4, WIDTH - RIGHT - 4)}" y="${yy + ROW - 11}"${
          !past && x0 + w + 4 > WIDTH - RIGHT - 160 ? ` text-anchor="end" dx="${-(w + 8)}"` : ""
        }>${text}${past ? " (past)" : ""}</text></a>`
      );
    })
    .join("");
  return (
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${TOP + height + AXIS}" role="group" aria-label="Campaign timeline">` +
    shading(data, undefined, height) +
    timeAxis(data.range, TOP + height, height) +
    bars +
    `</svg>`
  );
}
