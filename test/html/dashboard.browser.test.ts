// The dashboard in a real browser: Debian's chromium driven by playwright-core (never a downloaded
// browser). The page is written by the CLI as a child process from the Acme example and opened
// from file://. Every number checked here comes from `campaign-gate check --format json` or
// `campaign-gate fit` run the same way, not from this file. Screenshots of each view are saved
// under test/html/.screenshots/ (git-ignored) for people to look at.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInstant, formatNumber } from "../../src/core/format.js";
import type { Report } from "../../src/core/report.js";
import { cli } from "./cli-process.js";

const CHROMIUM = "/usr/bin/chromium";
const ACME = "examples/acme";
const NOW = "2026-11-23T09:00:00Z";
const SHOTS = path.resolve(import.meta.dirname, ".screenshots");
// CI installs chromium (.ci/run); elsewhere the suite says why it did not run.
const available = existsSync(CHROMIUM) || process.env.CI === "true";

let dir: string;
let profile: string;
let context: BrowserContext;
let page: Page;
let report: Report;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!available) return;
  dir = await mkdtemp(path.join(tmpdir(), "dashboard-"));
  profile = await mkdtemp(path.join(tmpdir(), "chromium-profile-"));
  const written = await cli(["report", "--html", dir, "--root", ACME, "--now", NOW]);
  expect(written.code, written.stderr).toBe(0);
  report = JSON.parse(
    (await cli(["check", "--root", ACME, "--now", NOW, "--format", "json"])).stdout,
  ) as Report;
  await mkdir(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1200, height: 900 },
  });
  context.on("request", (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`file://${dir}/index.html`);
});

afterAll(async () => {
  await context?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe.skipIf(!available)("the dashboard in chromium", () => {
  it("loads from file:// with no network request and no console error", async () => {
    await page.waitForSelector("#tl-info");
    expect(requests).toEqual([`file://${dir}/index.html`]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "full-page.png"), fullPage: true });
  });

  it("draws a chart per service with the check's peaks and capacities", async () => {
    expect(await page.locator("svg.chart").count()).toBe(report.services.length);
    for (const s of report.services) {
      const heading = page.locator("section.service h3", { hasText: new RegExp(`^${s.service} `) });
      await expect.poll(() => heading.count()).toBe(1);
      const text = await heading.textContent();
      expect(text).toContain(
        `peak ${formatNumber(s.peak_rps)} requests/s, ${Math.round(s.utilization * 100)}% of max scale`,
      );
      expect(text).toContain(formatNumber(s.capacity_rps));
    }
    // The chart's read-out at its highest bucket names the check's peak and its contributors.
    const top = [...report.services].sort((a, b) => b.utilization - a.utilization)[0]!;
    const wrap = page.locator(".chart-wrap").first();
    await wrap.focus();
    const readout = await page.locator(".readout").first().textContent();
    expect(readout).toContain(`${formatNumber(top.peak_rps)} requests/s`);
    for (const id of top.contributors) expect(readout).toContain(id);
    await page.locator("#load").screenshot({ path: path.join(SHOTS, "load.png") });
  });

  it("shows the timeline, plan, headroom and findings with the check's numbers", async () => {
    const rows = report.campaigns;
    expect(await page.locator("#tl-chart rect.bar").count()).toBe(rows.length);
    expect(await page.locator("#tl-info").textContent()).toBe(`Campaigns 1–${rows.length} of ${rows.length}`);
    for (const c of rows) {
      const status = c.status === "past" ? "past" : c.status === "error" ? "blocked" : undefined;
      const bar = page.locator(`#tl-chart a[href="#c-${c.id}"] rect.bar`);
      if (status) expect(await bar.getAttribute("class")).toBe(`bar ${status}`);
      expect(await page.locator(`#c-${c.id} a[href$="${c.file}"]`).count()).toBe(1);
    }
    const planRows = page.locator("#plan tbody tr");
    expect(await planRows.count()).toBe(report.plan.length);
    for (const [i, p] of report.plan.entries()) {
      const text = await planRows.nth(i).textContent();
      expect(text).toContain(p.service);
      expect(text).toContain(String(p.instances));
      expect(text).toContain(formatInstant(p.by));
    }
    expect(await page.locator("#findings tbody tr").count()).toBe(report.findings.length);
    for (const [i, f] of report.findings.entries())
      expect(await page.locator("#findings tbody tr").nth(i).textContent()).toContain(f.message);
    expect(await page.locator("#headroom tbody tr").count()).toBe(4);
    // Filtering: only the campaigns that cannot be held.
    await page.selectOption("#tl-status", "blocked");
    const blocked = rows.filter((c) => c.status === "error").length;
    expect(await page.locator("#tl-chart rect.bar").count()).toBe(blocked);
    await page.locator("#timeline").screenshot({ path: path.join(SHOTS, "timeline-blocked.png") });
    await page.selectOption("#tl-status", "");
    for (const view of ["timeline", "plan", "headroom", "findings"])
      await page.locator(`#${view}`).screenshot({ path: path.join(SHOTS, `${view}.png`) });
  });

  it.each([
    { site: "shop", size: "20000", unit: "users", duration: "3", per: "days", from: "" },
    { site: "shop", size: "6000", unit: "users", duration: "36", per: "hours", from: "2026-12-01" },
    { site: "brand", size: "10000", unit: "users", duration: "2", per: "days", from: "" },
    { site: "kids", size: "900", unit: "rps", duration: "1", per: "weeks", from: "2027-01-10" },
    { site: "outlet", size: "900000", unit: "users", duration: "1", per: "days", from: "" },
  ])("the form answers as `campaign-gate fit` does: $size $unit on $site", async (q) => {
    await page.selectOption("#fit-site", q.site);
    await page.fill("#fit-size", q.size);
    await page.selectOption("#fit-unit", q.unit);
    await page.fill("#fit-duration", q.duration);
    await page.selectOption("#fit-duration-unit", { label: q.per });
    await page.fill("#fit-from", q.from || NOW.slice(0, 10));
    await page.click("#fit-go");
    const shown = await page.locator("#fit-answer").textContent();
    const letter = { days: "d", hours: "h", weeks: "w" }[q.per]!;
    const expected = await cli([
      "fit",
      "--root",
      ACME,
      "--now",
      NOW,
      "--site",
      q.site,
      `--${q.unit}`,
      q.size,
      "--duration",
      `${q.duration}${letter}`,
      ...(q.from ? ["--from", q.from] : []),
    ]);
    expect(expected.stderr).toBe("");
    expect(shown).toBe(expected.stdout.trimEnd());
    if (q.site === "shop" && q.size === "20000") {
      await page.locator("#fit").screenshot({ path: path.join(SHOTS, "fit.png") });
      // The README's picture: UPDATE_DASHBOARD_IMAGE=1 npx vitest run test/html rewrites it.
      await page.evaluate(() => window.scrollTo(0, 0));
      const clip = { x: 0, y: 0, width: 1200, height: 1450 };
      await page.screenshot({ path: path.join(SHOTS, "dashboard.png"), clip, fullPage: true });
      if (process.env.UPDATE_DASHBOARD_IMAGE)
        await page.screenshot({ path: path.resolve("docs/img/dashboard.png"), clip, fullPage: true });
    }
  });

  it("reaches every control with the keyboard", async () => {
    await page.goto(`file://${dir}/index.html`);
    const controls = await page.$$eval(
      "a[href], button:not([disabled]), input, select, [tabindex='0']",
      (els) => els.map((e, i) => (e.setAttribute("data-k", String(i)), `${i} ${e.outerHTML.slice(0, 60)}`)),
    );
    const reached = new Set<string>();
    for (let i = 0; i < controls.length * 2 && reached.size < controls.length; i++) {
      await page.keyboard.press("Tab");
      const k = await page.evaluate(() => {
        const e = document.activeElement;
        const key = e?.getAttribute("data-k");
        return key ? `${key} ${e!.outerHTML.slice(0, 60)}` : "";
      });
      if (k) reached.add(k);
    }
    expect([...reached].sort()).toEqual([...controls].sort());
    // The arrow keys walk a chart's peaks.
    await page.locator(".chart-wrap").first().focus();
    const first = await page.locator(".readout").first().textContent();
    await page.keyboard.press("Home");
    expect(await page.locator(".readout").first().textContent()).not.toBe(first);
  });

  it("has a dark scheme and prints without the form", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.screenshot({ path: path.join(SHOTS, "dark.png") });
    await page.emulateMedia({ colorScheme: "light" });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe(light);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#fit").isVisible()).toBe(false);
    expect(await page.locator("#plan").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });
});
