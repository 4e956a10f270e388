/// <reference lib="dom" />
/**
 * The dashboard's browser script (bundled into the page at build time by scripts/bundle-dashboard.js):
 * chart read-outs on hover and with the arrow keys, the timeline's filter and pages, and the
 * "when can I run it?" form — which calls the core's own `findWindows` and prints the same lines
 * as `campaign-gate fit`.
 */
import { findWindows, FitError } from "../../../core/fit/index.js";
import { fitLines } from "../../fit-text.js";
import type { DashboardData } from "../dashboard-data.js";
import { timelineSvg, WIDTH } from "../svg.js";
import { bucketText, TIMELINE_PAGE, timelinePage, timelineTable } from "../tables.js";

const data = JSON.parse(document.getElementById("dashboard-data")!.textContent ?? "{}") as DashboardData;
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

// Charts: a cursor and a read-out of the bucket under the pointer or chosen with the arrow keys.
for (const wrap of document.querySelectorAll<HTMLElement>(".chart-wrap")) {
  const index = Number(wrap.dataset.service);
  const service = data.services[index]!;
  const svg = wrap.querySelector("svg")!;
  const cursor = svg.querySelector<SVGLineElement>(".cursor")!;
  const readout = $(`readout-${index}`);
  let current = service.buckets.reduce((best, b, i) => (b.peak > service.buckets[best]!.peak ? i : best), 0);
  const show = (i: number): void => {
    current = Math.min(Math.max(i, 0), service.buckets.length - 1);
    const b = service.buckets[current]!;
    const x = xAt(b.at);
    cursor.setAttribute("x1", String(x));
    cursor.setAttribute("x2", String(x));
    cursor.setAttribute("visibility", "visible");
    readout.textContent = bucketText(service, b);
  };
  const xAt = (t: number): number => {
    const path = svg.querySelector(".load")!.getAttribute("d")!;
    const first = /^M([\d.]+)/.exec(path);
    const left = first ? Number(first[1]) : 0;
    const right = Number(/H([\d.]+)$/.exec(path)?.[1] ?? WIDTH);
    return left + ((t - data.range.start) / (data.range.end - data.range.start)) * (right - left);
  };
  wrap.addEventListener("focus", () => show(current));
  wrap.addEventListener("keydown", (e) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10 }[e.key];
    if (step !== undefined) show(current + step);
    else if (e.key === "Home") show(0);
    else if (e.key === "End") show(service.buckets.length - 1);
    else return;
    e.preventDefault();
  });
  wrap.addEventListener("mousemove", (e) => {
    const box = svg.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * WIDTH;
    const t =
      data.range.start +
      ((x - xAt(data.range.start)) / (xAt(data.range.end) - xAt(data.range.start))) *
        (data.range.end - data.range.start);
    const i = service.buckets.findIndex((b) => t >= b.start && t < b.end);
    if (i >= 0) show(i);
  });
}

// Timeline: filter by status, site and text; pages of TIMELINE_PAGE campaigns.
const query = { status: "", site: "", text: "", page: 0 };
const renderTimeline = (): void => {
  const page = timelinePage(data.campaigns, query, TIMELINE_PAGE);
  query.page = page.page;
  $("tl-chart").innerHTML = timelineSvg(page.rows, data);
  $("tl-table").innerHTML = timelineTable(page.rows, data);
  const from = page.total === 0 ? 0 : page.page * TIMELINE_PAGE + 1;
  $("tl-info").textContent =
    page.total === 0
      ? "No campaign matches."
      : `Campaigns ${from}–${from + page.rows.length - 1} of ${page.total}`;
  $<HTMLButtonElement>("tl-prev").disabled = page.page === 0;
  $<HTMLButtonElement>("tl-next").disabled = page.page >= page.pages - 1;
};
$("tl-status").addEventListener(
  "change",
  (e) => ((query.status = (e.target as HTMLSelectElement).value), (query.page = 0), renderTimeline()),
);
$("tl-site").addEventListener(
  "change",
  (e) => ((query.site = (e.target as HTMLSelectElement).value), (query.page = 0), renderTimeline()),
);
$("tl-text").addEventListener(
  "input",
  (e) => ((query.text = (e.target as HTMLInputElement).value), (query.page = 0), renderTimeline()),
);
$("tl-prev").addEventListener("click", () => (query.page--, renderTimeline()));
$("tl-next").addEventListener("click", () => (query.page++, renderTimeline()));
renderTimeline();

// The form: the core's findWindows on the embedded model, worded by the CLI's own fitLines.
const siteSelect = $<HTMLSelectElement>("fit-site");
const unitSelect = $<HTMLSelectElement>("fit-unit");
const syncUnit = (): void => {
  const site = data.fit.sites.find((s) => s.name === siteSelect.value);
  const users = unitSelect.querySelector<HTMLOptionElement>('option[value="users"]')!;
  users.disabled = site?.rps_per_user === undefined;
  if (users.disabled) unitSelect.value = "rps";
};
siteSelect.addEventListener("change", syncUnit);
syncUnit();
$("fit-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const out = $("fit-answer");
  const from = $<HTMLInputElement>("fit-from").value;
  try {
    const answer = findWindows(data.fit, {
      site: siteSelect.value,
      size: Number($<HTMLInputElement>("fit-size").value),
      unit: unitSelect.value as "users" | "rps",
      duration:
        Number($<HTMLInputElement>("fit-duration").value) *
        Number($<HTMLSelectElement>("fit-duration-unit").value),
      ...(from ? { from: Date.parse(`${from}T00:00:00Z`) } : {}),
    });
    out.textContent = fitLines(answer).join("\n");
  } catch (error) {
    if (!(error instanceof FitError)) throw error;
    out.textContent = error.message;
  }
});
