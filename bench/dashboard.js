/* global document */
// `npm run bench:dashboard`: the dashboard of the 10,000-campaign synthetic repository, measured as
// a user gets it: the CLI (`report --html`, a child process reading files from disk) writes the
// page; Debian's chromium (playwright-core) opens it from file://. Prints the page size, the time
// to write it, the browser's time to a usable page, and the form's time to answer `fit`, beside
// the same figures for the Acme example in the same run.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { syntheticRepository } from "./synthetic.js";

const NOW = Date.UTC(2026, 10, 23, 9);
const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "dashboard-bench-"));

function writeRepo(n) {
  const dir = path.join(work, `repo-${n}`);
  const repo = syntheticRepository({ campaigns: n, sites: 200, services: 50, now: NOW });
  mkdirSync(path.join(dir, "infra"), { recursive: true });
  mkdirSync(path.join(dir, "campaigns"), { recursive: true });
  writeFileSync(path.join(dir, "infra/capacity.yaml"), repo.capacity);
  for (const f of repo.campaigns) writeFileSync(path.join(dir, f.path), f.text);
  return { dir, site: "site-0" };
}

async function measure(label, repoDir, site, browser) {
  const out = path.join(work, `out-${label}`);
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [
      "bin/campaign-gate.js",
      "report",
      "--html",
      out,
      "--root",
      repoDir,
      "--now",
      new Date(NOW).toISOString(),
    ],
    { cwd: root, stdio: "ignore" },
  );
  const write = performance.now() - t0;
  // The baseline, side by side: the same check without the page.
  const tc = performance.now();
  try {
    execFileSync(
      process.execPath,
      [
        "bin/campaign-gate.js",
        "check",
        "--format",
        "json",
        "--root",
        repoDir,
        "--now",
        new Date(NOW).toISOString(),
      ],
      { cwd: root, stdio: "ignore" },
    );
  } catch {
    // exit 1: the check fails, as the example is meant to
  }
  const check = performance.now() - tc;
  const bytes = statSync(path.join(out, "index.html")).size;
  const page = await browser.newPage();
  const t1 = performance.now();
  await page.goto(`file://${out}/index.html`, { waitUntil: "load" });
  await page.waitForFunction(() => document.getElementById("tl-info")?.textContent?.startsWith("Campaigns"));
  const load = performance.now() - t1;
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType("navigation")[0];
    return { domContentLoaded: e.domContentLoadedEventEnd, load: e.loadEventEnd };
  });
  await page.selectOption("#fit-site", site);
  await page.fill("#fit-size", "5000");
  const t2 = performance.now();
  await page.click("#fit-go");
  await page.waitForFunction(() =>
    document.getElementById("fit-answer")?.textContent?.startsWith("A campaign"),
  );
  const fit = performance.now() - t2;
  const t3 = performance.now();
  await page.fill("#tl-text", "1");
  await page.waitForFunction(() =>
    /of \d|No campaign/.test(document.getElementById("tl-info")?.textContent ?? ""),
  );
  const filter = performance.now() - t3;
  await page.close();
  return { label, bytes, write, check, load, nav, fit, filter };
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const rows = [await measure("acme", path.join(root, "examples/acme"), "shop", browser)];
  for (const n of [1_000, 10_000]) {
    const { dir, site } = writeRepo(n);
    rows.push(await measure(`${n} campaigns`, dir, site, browser));
  }
  console.log(
    "repository        page KB   report --html ms   check ms   browser load ms (DCL/load)   fit ms   filter ms",
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(16)} ${(r.bytes / 1024).toFixed(0).padStart(8)} ${r.write.toFixed(0).padStart(18)} ${r.check.toFixed(0).padStart(10)} ${r.load.toFixed(0).padStart(10)} (${r.nav.domContentLoaded.toFixed(0)}/${r.nav.load.toFixed(0)}) ${r.fit.toFixed(0).padStart(12)} ${r.filter.toFixed(0).padStart(10)}`,
    );
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
