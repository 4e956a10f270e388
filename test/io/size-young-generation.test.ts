/**
 * The CLI and the Action size V8's young generation (src/io/size-young-generation.ts): each
 * process entry, run as users run it, is given a preload that, once the run is over, keeps a
 * million small objects alive (enough to make V8 grow its young generation to the maximum) and
 * prints the young generation's size. Without the setting the same allocation grows it to 32 MB
 * (the control); after a run of the CLI or the Action it stays at 2 MB, or 4 MB where it grew once
 * before the campaign files were listed; after the sizing for a repository of more than
 * LARGE_REPOSITORY_FILES campaign files it grows as V8 would by default.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LARGE_REPOSITORY_FILES } from "../../src/io/size-young-generation.js";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "cg-young-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const preload = path.join(dir, "grow.cjs");
writeFileSync(
  preload,
  `process.on("exit", () => {
  const keep = [];
  for (let i = 0; i < 1e6; i++) keep.push({ a: i, b: [i] });
  const young = require("node:v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  process.stderr.write("young generation " + young.space_size + "\\n");
});
`,
);

/** The young generation's size after the preload's allocation, in MB, for `node -r preload ...args`. */
function youngGenerationAfter(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(process.execPath, ["-r", preload, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, GITHUB_REPOSITORY: "", GITHUB_ACTIONS: "", ...env },
  });
  const bytes = /young generation (\d+)/.exec(r.stderr)?.[1];
  expect(bytes, r.stderr).toBeDefined();
  return Number(bytes) / 2 ** 20;
}

/** `node -e` importing the built module: small as an entry makes it, then sized for `files` campaign files. */
const sizedFor = (files: number): string[] => [
  "--input-type=module",
  "-e",
  `import { sizeYoungGeneration } from "./lib/io/size-young-generation.js"; sizeYoungGeneration(); sizeYoungGeneration(${files});`,
];

describe("the young generation of a run", () => {
  it("grows to its maximum without the setting (the control: the allocation is big enough)", () => {
    expect(youngGenerationAfter(["-e", "0"])).toBeGreaterThanOrEqual(16);
  });

  it("stays small in a CLI check (bin/campaign-gate.js)", () => {
    const args = [
      "bin/campaign-gate.js",
      "check",
      "--root",
      "examples/acme",
      "--now",
      "2026-11-23T09:00:00Z",
    ];
    expect(youngGenerationAfter(args)).toBeLessThanOrEqual(4);
  });

  it("stays small in the Action bundle (action/dist/index.js)", () => {
    const summary = path.join(dir, "summary.md");
    writeFileSync(summary, "");
    const env = {
      GITHUB_REPOSITORY: "acme/campaigns",
      GITHUB_EVENT_NAME: "push",
      GITHUB_WORKSPACE: path.join(REPO_ROOT, "examples", "acme"),
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: dir, // the report is written there, not into the example
      INPUT_DASHBOARD: "false",
    };
    expect(youngGenerationAfter(["action/dist/index.js"], env)).toBeLessThanOrEqual(4);
  });

  it("stays small from 1 to LARGE_REPOSITORY_FILES campaign files and grows as V8's default above", () => {
    // Without campaign files nothing is set (node:v8 is not even loaded: see the Action's start-up test).
    expect(youngGenerationAfter(sizedFor(0))).toBeGreaterThanOrEqual(16);
    expect(youngGenerationAfter(sizedFor(1))).toBeLessThanOrEqual(2);
    expect(youngGenerationAfter(sizedFor(LARGE_REPOSITORY_FILES))).toBeLessThanOrEqual(2);
    expect(youngGenerationAfter(sizedFor(LARGE_REPOSITORY_FILES + 1))).toBeGreaterThanOrEqual(16);
  });

  it("stays small after the risk thread ran, though starting a worker resets V8's flags", () => {
    // The control: any worker's start gives the flags their defaults, for the whole process.
    const bare = `import { Worker } from "node:worker_threads"; import { once } from "node:events";
      import { sizeYoungGeneration } from "./lib/io/size-young-generation.js"; sizeYoungGeneration();
      await once(new Worker("0", { eval: true }), "exit");`;
    expect(youngGenerationAfter(["--input-type=module", "-e", bare])).toBeGreaterThanOrEqual(16);
    // The risk thread (src/worker/risk-thread.ts) makes the setting again first thing.
    const risk = `import { sizeYoungGeneration } from "./lib/io/size-young-generation.js";
      import { riskOnThread } from "./lib/worker/risk-thread.js";
      import { riskWorkerEntry } from "./lib/worker/risk-worker-entry.js"; sizeYoungGeneration(); sizeYoungGeneration(1);
      const f = () => new Float64Array(0), i = () => new Int32Array(0);
      const job = { service: i(), instant: f(), base: f(), capacity: f(), pieceStart: new Int32Array(1), pieces: i(),
        loadStart: new Int32Array(1), loadService: i(), loadRps: f(), owner: i(), units: f(), ids: [], ends: f(),
        median: f(), sigma: f() };
      let place; riskOnThread({ minWork: 0, entry: riskWorkerEntry(), onPlace: (p) => (place = p) })(job)();
      if (place !== "thread") throw new Error(place);`;
    expect(youngGenerationAfter(["--input-type=module", "-e", risk])).toBeLessThanOrEqual(2);
  });

  it("is never made small by reading a repository: a process that did not choose keeps V8's default", () => {
    const args = [
      "--input-type=module",
      "-e",
      `import { readLocalRepository } from "./lib/io/local-repo.js"; await readLocalRepository("examples/acme");`,
    ];
    expect(youngGenerationAfter(args)).toBeGreaterThanOrEqual(16);
  });
});
