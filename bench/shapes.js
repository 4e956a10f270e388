// `npm run bench`, shapes section (issue 12): the 10k synthetic repository with traffic shapes on a
// third of the campaigns (daily, spike, front_loaded in turn) and a time-of-week baseline profile on
// every site, beside the same repository without them, in one run: the engine and the whole check in
// process (best of 3), and the CLI as a child process reading the files from disk (one run each).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { runCheck } from "../lib/core/check.js";
import { loadConfig, loadRepository } from "../lib/core/load/index.js";
import { checkCapacity } from "../lib/core/capacity/index.js";
import { syntheticRepository } from "./synthetic.js";

const NOW = Date.UTC(2026, 10, 23, 9);
const REPEAT = 3;
const BIN = join(dirname(fileURLToPath(import.meta.url)), "../bin/campaign-gate.js");
const HOURS = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.6, 0.7, 0.7, 0.75, 0.8, 0.75, 0.7, 0.7, 0.75, 0.8, 0.9, 1, 1,
  0.9, 0.7, 0.5,
];
const SHAPES = [
  () => `  shape:\n    kind: daily\n    peak_hours: ["12:00-14:00", "19:00-22:00"]\n`,
  (start) => `  shape:\n    kind: spike\n    at: ["${start}"]\n    half_life_minutes: 15\n`,
  () => `  shape:\n    kind: front_loaded\n    half_life_hours: 6\n`,
];

function best(fn, repeat = REPEAT) {
  let ms = Infinity;
  let result;
  for (let i = 0; i < repeat; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

/** The synthetic repository with shapes on every third campaign and a profile on every site. */
function shaped(repo) {
  const capacity = repo.capacity.replace(
    /( {4}uses: \{[^\n]*\}\n)/g,
    `$1    profile: { timezone: Europe/Berlin, hours: [${HOURS.join(", ")}], weekdays: [1, 1, 1, 1, 1, 0.8, 0.7] }\n`,
  );
  const campaigns = repo.campaigns.map((f, i) => {
    if (i % 3 !== 0) return f;
    const start = /\n {2}start: (\S+)\n/.exec(f.text)[1];
    return {
      ...f,
      text: f.text.replace('\nnotes: "generated"', `\n${SHAPES[(i / 3) % 3](start)}notes: "generated"`),
    };
  });
  return { ...repo, capacity, campaigns };
}

function measure(repo) {
  const { config } = loadConfig(undefined);
  const capacity = { path: config.capacity, text: repo.capacity };
  const loaded = loadRepository({ config, capacity, campaigns: repo.campaigns });
  if (loaded.findings.length > 0)
    throw new Error(`bench repository has findings: ${loaded.findings[0].message}`);
  const engine = best(() =>
    checkCapacity({ campaigns: loaded.campaigns, capacity: loaded.capacity, now: NOW }),
  );
  const whole = best(() => runCheck({ config, capacity, campaigns: repo.campaigns, now: NOW }));
  const root = mkdtempSync(join(tmpdir(), "cg-bench-shapes-"));
  try {
    mkdirSync(join(root, "infra"));
    mkdirSync(join(root, "campaigns"));
    writeFileSync(join(root, "infra/capacity.yaml"), repo.capacity);
    for (const f of repo.campaigns) writeFileSync(join(root, f.path), f.text);
    // BENCH_SHAPES_NO_CLI=1 leaves out the child process (on a busy machine).
    const cli = process.env.BENCH_SHAPES_NO_CLI
      ? { ms: NaN }
      : best(() => {
          const r = spawnSync(
            process.execPath,
            [BIN, "check", "--root", root, "--now", new Date(NOW).toISOString(), "--format", "json"],
            { maxBuffer: 1 << 30 },
          );
          if (r.status !== 0 && r.status !== 1) throw new Error(`CLI exited ${r.status}: ${r.stderr}`);
          return r;
        }, 1);
    const steps = engine.result.services.length;
    return { engine: engine.ms, whole: whole.ms, cli: cli.ms, findings: whole.result.findings.length, steps };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// The stress repository puts a schema mistake (`forcast:`) in 2% of the files; this section measures
// the engine on every campaign, so those are corrected.
const stress = syntheticRepository({ campaigns: 10_000, sites: 200, services: 50, now: NOW });
const base = {
  ...stress,
  campaigns: stress.campaigns.map((f) => ({ ...f, text: f.text.replace("\nforcast:", "\nforecast:") })),
};
const plain = measure(base);
const withShapes = measure(shaped(base));
const fmt = (x) => x.toFixed(1).padStart(9);
console.log("");
console.log(
  "shapes (10k campaigns; a third shaped, every site profiled)   engine ms   whole ms   CLI ms   findings",
);
console.log(
  `  without shapes or profiles                                 ${fmt(plain.engine)} ${fmt(plain.whole)} ${fmt(plain.cli)}   ${plain.findings}`,
);
console.log(
  `  with shapes and profiles                                   ${fmt(withShapes.engine)} ${fmt(withShapes.whole)} ${fmt(withShapes.cli)}   ${withShapes.findings}`,
);
console.log(
  `  ratio shaped/plain: engine ${(withShapes.engine / plain.engine).toFixed(2)}x, whole ${(withShapes.whole / plain.whole).toFixed(2)}x, CLI ${(withShapes.cli / plain.cli).toFixed(2)}x`,
);
