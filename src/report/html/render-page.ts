/**
 * The dashboard page: one HTML document with its styles, pictures, tables, data and script inline,
 * so it works from file:// and fetches nothing. The script (bundled at build time from
 * client/main.ts) adds the chart read-outs, the timeline's filter and pages, and the "when can I
 * run it?" form, which runs the core's `findWindows` on the embedded fit model.
 */
import { formatInstant, formatNumber, plural } from "../../core/format.js";
import type { DashboardData } from "./dashboard-data.js";
import { PAGE_STYLE } from "./style.js";
import { esc, serviceChart, STATUS_TEXT, timelineSvg } from "./svg.js";
import { bucketTable, TIMELINE_PAGE, timelinePage, timelineTable } from "./tables.js";

/** JSON inside <script>: no "</script>" or "<!--" can end or confuse the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const VERDICT_TEXT = { pass: "passes", warn: "passes with warnings", fail: "fails" } as const;

/** Renders the page; `script` is the bundled browser script (CLIENT_SCRIPT). */
export function renderPage(data: DashboardData, script: string): string {
  const live = data.campaigns.filter((c) => c.status !== "past").length;
  const services = [...data.services.keys()].sort(
    (a, b) => data.services[b]!.utilization - data.services[a]!.utilization || a - b,
  );
  const first = timelinePage(data.campaigns, { status: "", site: "", text: "", page: 0 }, TIMELINE_PAGE);
  const sites = data.fit.sites.map((s) => s.name);
  const statusOptions = (Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[])
    .map((k) => `<option value="${k}">${STATUS_TEXT[k]}</option>`)
    .join("");
  const siteOptions = sites.map((s) => `<option value="${esc(s)}">${esc(s)}</option>`).join("");

  const drawn = services.filter((i) => data.services[i]!.buckets.length > 0);
  const rest = services.filter((i) => data.services[i]!.buckets.length === 0);
  const others =
    rest.length === 0
      ? ""
      : `<table><caption>The other ${rest.length} services (less utilized; not drawn)</caption><thead><tr><th scope="col">Service</th><th scope="col">Peak requests/s</th><th scope="col">Of max scale</th><th scope="col">Safe today</th><th scope="col">Safe planned</th><th scope="col">Safe at max scale</th></tr></thead><tbody>${rest
          .map((i) => {
            const s = data.services[i]!;
            return `<tr><th scope="row">${esc(s.name)}</th><td class="num">${formatNumber(s.peak)}</td><td class="num">${Math.round(
              s.utilization * 100,
            )}%</td><td class="num">${formatNumber(s.today)}</td><td class="num">${
              s.planned === undefined ? "—" : formatNumber(s.planned)
            }</td><td class="num">${formatNumber(s.max)}</td></tr>`;
          })
          .join("")}</tbody></table>`;
  const serviceSections = drawn
    .map((i) => {
      const s = data.services[i]!;
      const caps =
        s.kind === "scalable"
          ? `today ${s.instances} instances = ${formatNumber(s.today)} requests/s safe${
              s.plannedInstances !== undefined
                ? `; planned ${s.plannedInstances} = ${formatNumber(s.planned!)}`
                : ""
            }; max scale ${formatNumber(s.max)}`
          : `fixed capacity: ${formatNumber(s.max)} requests/s safe`;
      return (
        `<section class="service" aria-labelledby="svc-${i}"><h3 id="svc-${i}">${esc(s.name)} <span class="muted">peak ${formatNumber(
          s.peak,
        )} requests/s, ${Math.round(s.utilization * 100)}% of max scale — ${caps}</span></h3>` +
        `<div class="chart-wrap" tabindex="0" role="group" data-service="${i}" aria-label="Load on ${esc(
          s.name,
        )}: use the left and right arrow keys to read the peaks" aria-describedby="readout-${i}">${serviceChart(s, data, i)}</div>` +
        `<p class="readout" id="readout-${i}" aria-live="polite"></p>` +
        `<details><summary>Numbers behind the chart of ${esc(s.name)}</summary>${bucketTable(s)}</details></section>`
      );
    })
    .join("");

  const plan =
    data.plan.length === 0
      ? "<p>IT has nothing to scale.</p>"
      : `<table><caption>Scale-ups IT must have in place</caption><thead><tr><th scope="col">Service</th><th scope="col">Instances</th><th scope="col">Ready by</th><th scope="col">For</th></tr></thead><tbody>${data.plan
          .map((p, k) => {
            const today = data.services.find((s) => s.name === p.service)?.instances;
            const all = data.planCounts[k] ?? p.campaigns.length;
            const ids = p.campaigns.slice(0, 10).join(", ") + (all > 10 ? ` and ${all - 10} more` : "");
            return `<tr><th scope="row">${esc(p.service)}</th><td class="num">${p.instances}${
              today !== undefined ? ` (${today} today)` : ""
            }</td><td>${esc(formatInstant(p.by))}</td><td>${esc(ids)}</td></tr>`;
          })
          .join("")}</tbody></table>`;

  const headroom = `<table><caption>Largest extra campaign needing no IT work, per site and week (a whole-week campaign, in the site's unit)</caption><thead><tr><th scope="col">Site</th>${data.headroom.starts
    .map((t) => `<th scope="col">week of ${esc(formatInstant(t).split(" ").slice(0, 4).join(" "))}</th>`)
    .join("")}</tr></thead><tbody>${data.headroom.sites
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.site)}</th>${s.values
          .map(
            (v) =>
              `<td class="num${v === 0 ? " none" : ""}">${formatNumber(v)} ${s.unit === "users" ? "users" : "req/s"}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("")}</tbody></table>`;

  const seen = new Set<string>();
  const findings =
    data.findings.length === 0
      ? "<p>No findings.</p>"
      : `<table><caption>Findings, errors first${
          data.findingCount > data.findings.length
            ? ` (the first ${data.findings.length} of ${data.findingCount}; run campaign-gate check for all)`
            : ""
        }</caption><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">Message</th></tr></thead><tbody>${data.findings
          .map((f) => {
            const anchor =
              f.campaign !== undefined && !seen.has(f.campaign) ? ` id="f-${esc(f.campaign)}"` : "";
            if (f.campaign !== undefined) seen.add(f.campaign);
            return `<tr${anchor} class="${f.severity}"><td>${f.severity}</td><td>${esc(f.rule)}</td><td><a href="${esc(
              data.fileBase + f.file,
            )}">${esc(f.file)}:${f.line}</a></td><td>${esc(f.message)}</td></tr>`;
          })
          .join("")}</tbody></table>`;

  const unitOptions = `<option value="users">users (peak concurrent)</option><option value="rps">requests per second</option>`;
  const today = new Date(data.now).toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="color-scheme" content="light dark">
<title>Campaign dashboard</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the dashboard</a>
<header>
<h1>Campaign dashboard</h1>
<p>As of ${esc(formatInstant(data.now))}: the check <strong class="verdict ${data.verdict}">${VERDICT_TEXT[data.verdict]}</strong>;
${plural(live, "campaign")} ahead or running, ${plural(data.plan.length, "scale-up")} for IT, ${plural(data.findingCount, "finding")}.</p>
<nav aria-label="Sections"><ul><li><a href="#fit">When can I run it?</a></li><li><a href="#load">Load per service</a></li><li><a href="#timeline">Timeline</a></li><li><a href="#plan">Plan for IT</a></li><li><a href="#headroom">Headroom</a></li><li><a href="#findings">Findings</a></li><li><a href="calendar.ics">Calendar feed (.ics)</a></li></ul></nav>
</header>
<main id="main">
<section id="fit" aria-labelledby="fit-h"><h2 id="fit-h">When can I run it?</h2>
<form id="fit-form" novalidate>
<label>Site <select name="site" id="fit-site">${siteOptions}</select></label>
<label>Peak size <input name="size" id="fit-size" type="number" min="1" step="any" required value="20000"></label>
<label>Unit <select name="unit" id="fit-unit">${unitOptions}</select></label>
<label>Duration <input name="duration" id="fit-duration" type="number" min="1" step="any" required value="3"></label>
<label>in <select name="durationUnit" id="fit-duration-unit"><option value="86400000">days</option><option value="3600000">hours</option><option value="604800000">weeks</option></select></label>
<label>Earliest start <input name="from" id="fit-from" type="date" value="${today}" min="${today}"></label>
<button type="submit" id="fit-go">Find windows</button>
</form>
<pre id="fit-answer" class="fit-answer" aria-live="polite">Fill in the form and press "Find windows" (this page needs JavaScript for it; the same answer comes from campaign-gate fit).</pre>
</section>
<section id="load" aria-labelledby="load-h"><h2 id="load-h">Load per service</h2>
<p class="legend"><span class="key load"></span> planned load (highest per period) <span class="key cap-today"></span> safe with today's instances <span class="key cap-planned"></span> safe with the planned instances <span class="key cap-max"></span> safe at max scale <span class="key maint"></span> maintenance <span class="key freeze"></span> change freeze</p>
${serviceSections}
${others}
</section>
<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
<form id="tl-form" class="controls" role="search" aria-label="Filter the timeline">
<label>Status <select id="tl-status"><option value="">all</option>${statusOptions}</select></label>
<label>Site <select id="tl-site"><option value="">all</option>${siteOptions}</select></label>
<label>Name or id <input id="tl-text" type="search"></label>
<button type="button" id="tl-prev">Previous page</button>
<button type="button" id="tl-next">Next page</button>
<span id="tl-info" aria-live="polite">Campaigns 1–${first.rows.length} of ${first.total}</span>
</form>
<p class="legend">${(Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[])
    .map((k) => `<span class="key bar ${k}"></span> ${STATUS_TEXT[k]}`)
    .join(" ")}</p>
<div id="tl-chart">${timelineSvg(first.rows, data)}</div>
<div id="tl-table">${timelineTable(first.rows, data)}</div>
</section>
<section id="plan" aria-labelledby="plan-h"><h2 id="plan-h">Plan for IT</h2>${plan}</section>
<section id="headroom" aria-labelledby="headroom-h"><h2 id="headroom-h">Headroom</h2>${headroom}</section>
<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>${findings}</section>
</main>
<footer><p>Generated by campaign-gate from the campaign files and infra limits. Times in UTC.</p></footer>
<script type="application/json" id="dashboard-data">${scriptJson(data)}</script>
<script>${script.replace(/<\/script/gi, "<\\/script")}</script>
</body>
</html>
`;
}
