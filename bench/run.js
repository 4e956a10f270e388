// `npm run bench`: campaign-gate as users run it. The real CLI (`campaign-gate check --format json`)
// runs as a child process reading synthetic repositories from disk, side by side — alternating, in
// one run — with a baseline child process that does what a plain schema-only validator does
// (bench/baseline.js: read every campaign file, parse it with `yaml`, validate it with Ajv against
// the same schema). Ratios, not absolute times: the machine is shared and noisy.
//
// Figures: stress and clean repositories of 10,000 campaigns (ours / baseline wall time and peak
// RSS), `validate` vs `check`, PR mode (`--changed` one campaign) vs the full check, growth
// 1k → 10k → 100k against n log n, and the Action bundle's cold start against `node -e 0`.
// More steps plug in as files: every bench/step-*.js exporting `async bench(say)` runs at the end
// (say(line) prints a line of the report).
//
// BENCH_QUICK=1 skips the 100k repository (about half the run).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { alternate as measureAlternately, nodeStartMs } from "./measure.js";
import { syntheticRepository, writeRepository } from "./synthetic.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "..", "bin", "campaign-gate.js");
const baseline = path.join(here, "baseline.js");
const NOW = Date.UTC(2026, 10, 23, 9);
const NOW_ISO = new Date(NOW).toISOString();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const check = (root, extra = []) => ["check", "--format", "json", "--root", root, "--now", NOW_ISO, ...extra];

/** Measures several commands alternately (bench/measure.js), ROUNDS times unless told. */
const alternate = (commands, rounds = ROUNDS) => measureAlternately(commands, rounds);

const dir = mkdtempSync(path.join(tmpdir(), "cg-bench-"));
const repo = (name, n, profile) => {
  const root = path.join(dir, name);
  writeRepository(root, syntheticRepository({ campaigns: n, sites: 200, services: 50, now: NOW, profile }));
  return root;
};
const fmtMs = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** The fastest and slowest of a command's rounds: far apart, the machine was not steady. */
const fmtRounds = (r) => `${(r.min / 1000).toFixed(2)}–${(r.max / 1000).toFixed(2)} s`;

const fmtMiB = (x) => (Number.isNaN(x) ? "n/a" : `${x.toFixed(0)} MiB`);
const findingsOf = (out) => JSON.parse(out).findings.length;
const lines = [];
const say = (line) => {
  lines.push(line);
  console.log(line);
};

try {
  const t0 = performance.now();
  say(
    `campaign-gate bench — ${ROUNDS} alternating rounds, median wall time, peak RSS; node ${process.version}; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start, node -e 0 ${nodeStartMs().toFixed(0)} ms (best of 5)`,
  );
  const ratios = {};
  const growth = {};
  for (const profile of ["stress", "clean"]) {
    const root = repo(`${profile}-10k`, 10_000, profile);
    const r = alternate({
      baseline: [baseline, root],
      check: [cli, ...check(root)],
      validate: [cli, "validate", "--format", "json", "--root", root],
    });
    ratios[profile] = r.check.ms / r.baseline.ms;
    say(
      `${profile} 10k: check ${fmtMs(r.check.ms)} / baseline ${fmtMs(r.baseline.ms)} = ${ratios[profile].toFixed(2)}x (target ≤ 0.33) — ` +
        `peak RSS ${fmtMiB(r.check.rss)} vs ${fmtMiB(r.baseline.rss)} (${r.check.rss <= r.baseline.rss ? "met" : "MISSED"}) — ` +
        `validate ${fmtMs(r.validate.ms)} (${r.validate.ms <= r.check.ms ? "≤ check: met" : "> check: MISSED"}) — ${findingsOf(r.check.out)} findings — ` +
        `rounds: check ${fmtRounds(r.check)}, baseline ${fmtRounds(r.baseline)}`,
    );
    if (profile === "stress") {
      growth[10_000] = r.check;
      const one = "campaigns/c-00042.yaml";
      const pr = alternate({ full: [cli, ...check(root)], pr: [cli, ...check(root, ["--changed", one])] }, 2);
      say(
        `PR mode (--changed ${one}, the Action's path: same read and load, then attribution): ${fmtMs(pr.pr.ms)} vs full ${fmtMs(pr.full.ms)} = ${(pr.pr.ms / pr.full.ms).toFixed(2)}x (target ≤ 1: no more YAML work)`,
      );
    }
    rmSync(root, { recursive: true, force: true });
  }
  const sizes = process.env.BENCH_QUICK === "1" ? [1_000] : [1_000, 100_000];
  for (const n of sizes) {
    const root = repo(`stress-${n}`, n, "stress");
    growth[n] = alternate({ check: [cli, ...check(root)] }, n >= 100_000 ? 1 : ROUNDS).check;
    say(`stress ${n.toLocaleString("en")}: check ${fmtMs(growth[n].ms)}, peak RSS ${fmtMiB(growth[n].rss)}`);
    rmSync(root, { recursive: true, force: true });
  }
  const step = (a, b) => {
    if (!growth[a] || !growth[b]) return;
    const nlogn = (b * Math.log(b)) / (a * Math.log(a));
    const g = growth[b].ms / growth[a].ms;
    say(
      `growth ${a / 1000}k → ${b / 1000}k: ${g.toFixed(2)}x (n log n: ${nlogn.toFixed(2)}x — ${g <= nlogn ? "met" : "MISSED"})`,
    );
  };
  step(1_000, 10_000);
  step(10_000, 100_000);

  const cold = await import("./action-cold-start.js");
  const c = cold.measureColdStart();
  say(
    `Action cold start (no campaigns): ${c.action.toFixed(0)} ms vs node -e 0: ${c.node.toFixed(0)} ms = ${(c.action / c.node).toFixed(2)}x (target ≤ 2.5)`,
  );

  // More steps (e.g. the GitHub App's API requests per event): bench/step-*.js exporting `bench(say)`.
  for (const file of readdirSync(here)
    .filter((f) => /^step-.*\.js$/.test(f))
    .sort()) {
    await (await import(path.join(here, file))).bench(say);
  }
  say(
    `stress ratio ${ratios.stress.toFixed(2)}x, clean ratio ${ratios.clean.toFixed(2)}x; bench took ${fmtMs(performance.now() - t0)}, load average ${loadavg()[0].toFixed(1)} at the end, node -e 0 ${nodeStartMs().toFixed(0)} ms (best of 5)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The calendar feed with a 1 MiB text field (linear folding).
await import("./calendar.js");

// The review app end to end (two replicas): requests per event and the replica races.
await import("./review-e2e.js");

// Shapes and baseline profiles beside the plain figures (issue 12).
await import("./shapes.js");
