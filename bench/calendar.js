// The calendar feed with one huge text field, as a user runs it: `campaign-gate calendar` and, as
// the baseline, `campaign-gate check` on the same repository, each a child process reading from
// disk. Two sizes (0.5 and 1 MiB `forecast.basis`): linear growth is about 2x, quadratic 4x.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "bin", "campaign-gate.js");
const REPEAT = 3;

function repository(chars) {
  const root = mkdtempSync(path.join(tmpdir(), "cg-bench-cal-"));
  mkdirSync(path.join(root, "infra"));
  mkdirSync(path.join(root, "campaigns"));
  writeFileSync(
    path.join(root, "infra", "capacity.yaml"),
    "services:\n  db: { max_rps: 1000 }\nsites:\n  shop: { baseline_rps: 50, uses: { db: 1 } }\n",
  );
  // Multi-byte on purpose: umlauts (2 octets) and an emoji (4 octets) in every 14 characters.
  const basis = "Größe 🎉 ".repeat(Math.ceil(chars / 14)).slice(0, chars);
  writeFileSync(
    path.join(root, "campaigns", "big.yaml"),
    `id: big\nname: Big\nowner: "@o"\ntype: email\nwindow: { start: 2026-12-01T10:00:00Z, end: 2026-12-02T10:00:00Z }\n` +
      `targets:\n  - site: shop\nforecast:\n  peak_requests_per_second: 20\n  confidence: historical\n  basis: ${JSON.stringify(basis)}\n`,
  );
  return root;
}

/** Best of REPEAT runs of the CLI, in ms. */
function time(args) {
  let best = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    try {
      execFileSync(process.execPath, [cli, ...args], { stdio: "ignore" });
    } catch (error) {
      if (error.status !== 1) throw error; // 1: the check failed, which is fine here
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const rows = [512 * 1024, 1024 * 1024].map((chars) => {
  const root = repository(chars);
  const now = ["--now", "2026-11-23T09:00:00Z"];
  const calendar = time([
    "calendar",
    "--root",
    root,
    ...now,
    "--repo",
    "bench/calendar",
    "--out",
    path.join(root, "feed.ics"),
  ]);
  const check = time(["check", "--root", root, ...now]);
  rmSync(root, { recursive: true, force: true });
  return { chars, calendar, check };
});
console.log("\ncalendar with one huge text field (best of 3, child processes)");
console.log("   chars  calendar ms  check ms  calendar/check");
for (const r of rows)
  console.log(
    `${String(r.chars).padStart(8)} ${r.calendar.toFixed(0).padStart(12)} ${r.check.toFixed(0).padStart(9)} ${(r.calendar / r.check).toFixed(2).padStart(15)}`,
  );
const growth = rows[1].calendar / rows[0].calendar;
console.log(
  `calendar growth 0.5→1 MiB: ${growth.toFixed(2)}x (linear 2x, quadratic 4x): ${growth < 3 ? "met" : "MISSED"}`,
);
