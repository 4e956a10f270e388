// `npm run bench`, shapes section (issue 12): the performance issue's two 10k repositories (stress
// and clean) as users run them — the CLI as a child process reading from disk — each plain and with
// traffic shapes on a third of the campaigns (daily, spike, front_loaded in turn) and a time-of-week
// baseline profile on every site, alternating with the plain-validator baseline in one run. Prints
// wall time and peak RSS of each, the ratio shaped / plain and both against the baseline.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { alternate } from "./measure.js";
import { shapedRepository, syntheticRepository, writeRepository } from "./synthetic.js";

const NOW = Date.UTC(2026, 10, 23, 9);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, "../bin/campaign-gate.js");
const BASELINE = join(here, "baseline.js");
const dir = mkdtempSync(join(tmpdir(), "cg-bench-shapes-"));
const check = (root) => [
  BIN,
  "check",
  "--format",
  "json",
  "--root",
  root,
  "--now",
  new Date(NOW).toISOString(),
];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (x) => (Number.isNaN(x) ? "n/a" : `${x.toFixed(0)} MiB`);
try {
  console.log("");
  console.log(
    `shapes (10k campaigns; a third shaped, every site profiled) — CLI as a child process, ${ROUNDS} alternating rounds, median`,
  );
  for (const profile of ["stress", "clean"]) {
    const base = syntheticRepository({ campaigns: 10_000, sites: 200, services: 50, now: NOW, profile });
    const plainRoot = join(dir, `${profile}-plain`);
    const shapedRoot = join(dir, `${profile}-shaped`);
    writeRepository(plainRoot, base);
    writeRepository(shapedRoot, shapedRepository(base));
    const r = alternate(
      { baseline: [BASELINE, plainRoot], plain: check(plainRoot), shaped: check(shapedRoot) },
      ROUNDS,
    );
    const findings = (out) => JSON.parse(out).findings.length;
    console.log(
      `  ${profile} 10k: plain ${s(r.plain.ms)} (${mib(r.plain.rss)}, ${findings(r.plain.out)} findings), ` +
        `shaped ${s(r.shaped.ms)} (${mib(r.shaped.rss)}, ${findings(r.shaped.out)} findings), baseline ${s(r.baseline.ms)} (${mib(r.baseline.rss)}) — ` +
        `shaped/plain ${(r.shaped.ms / r.plain.ms).toFixed(2)}x, plain/baseline ${(r.plain.ms / r.baseline.ms).toFixed(2)}x, shaped/baseline ${(r.shaped.ms / r.baseline.ms).toFixed(2)}x`,
    );
    rmSync(plainRoot, { recursive: true, force: true });
    rmSync(shapedRoot, { recursive: true, force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
