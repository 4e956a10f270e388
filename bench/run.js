// `npm run bench`: the capacity check on synthetic repositories, each phase timed in one run, with
// the ratio of the whole check to parsing the same YAML alone (the floor), growth from 1,000 to
// 10,000 campaigns against n log n, and peak memory. Ratios, not absolute times: machines are noisy.
import { performance } from "node:perf_hooks";
import { parseDocument, LineCounter } from "yaml";
import { runCheck } from "../lib/core/check.js";
import { loadConfig, loadRepository } from "../lib/core/load/index.js";
import { checkCapacity } from "../lib/core/capacity/index.js";
import { syntheticRepository } from "./synthetic.js";

const NOW = Date.UTC(2026, 10, 23, 9);
const REPEAT = 3;

/** Best of REPEAT runs: the least disturbed by the rest of the machine. */
function time(fn) {
  let best = Infinity;
  let result;
  for (let i = 0; i < REPEAT; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

function bench(n) {
  const repo = syntheticRepository({ campaigns: n, sites: 200, services: 50, now: NOW });
  const { config } = loadConfig(undefined);
  const capacity = { path: config.capacity, text: repo.capacity };
  const files = repo.campaigns;
  const parse = time(() => {
    for (const f of [capacity, ...files]) parseDocument(f.text, { lineCounter: new LineCounter() });
  });
  const load = time(() => loadRepository({ config, capacity, campaigns: files }));
  const loaded = load.result;
  const engine = time(() =>
    checkCapacity({ campaigns: loaded.campaigns, capacity: loaded.capacity, now: NOW }),
  );
  const whole = time(() => runCheck({ config, capacity, campaigns: files, now: NOW }));
  const report = whole.result;
  return {
    n,
    parse: parse.ms,
    load: load.ms,
    engine: engine.ms,
    whole: whole.ms,
    ratio: whole.ms / parse.ms,
    findings: report.findings.length,
    loaderFindings: loaded.findings.length,
    verdict: report.verdict,
  };
}

const rows = [bench(1_000), bench(10_000)];
const rssPeak = process.resourceUsage().maxRSS / 1024;
const fmt = (x) => x.toFixed(1).padStart(8);
console.log("campaigns   parse ms    load ms  engine ms   whole ms  whole/parse  findings");
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(9)} ${fmt(r.parse)} ${fmt(r.load)} ${fmt(r.engine)} ${fmt(r.whole)} ${r.ratio.toFixed(2).padStart(12)}  ${r.findings} (${r.verdict})`,
  );
}
const [small, large] = rows;
const growth = large.whole / small.whole;
const nlogn = (10_000 * Math.log(10_000)) / (1_000 * Math.log(1_000));
console.log(`growth 1k→10k: ${growth.toFixed(2)}x (n log n would be ${nlogn.toFixed(2)}x, linear 10x)`);
console.log(`peak RSS: ${rssPeak.toFixed(0)} MiB`);
console.log(
  `targets: 10k whole/parse < 2: ${large.ratio < 2 ? "met" : "MISSED"}; growth <= n log n: ${growth <= nlogn ? "met" : "MISSED"}`,
);
if (large.loaderFindings > 0)
  console.log(`note: ${large.loaderFindings} loader findings in the synthetic repository`);

// Shapes and baseline profiles beside the plain figures (issue 12).
await import("./shapes.js");

// The Action's cold start, when its bench script is present.
try {
  await import("./action-cold-start.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
}
