/**
 * The chance of overload on a second thread (src/worker/risk-thread.ts) is an optimisation, never
 * a second opinion: the thread runs computeRisk on the same job, so its chances and the report are
 * byte for byte those of one thread; a light job stays on the main thread; a thread that fails
 * has its job computed on the main thread, with the same result. The worker module is tsc's
 * (lib/worker/risk-worker.js, built by `npm ci`), and the CLI bundle's in the end-to-end case.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: the bench's generator is plain JavaScript
import { syntheticRepository, writeRepository } from "../../bench/synthetic.js";
import { runCheck, type CheckInput } from "../../src/core/check.js";
import { loadConfig } from "../../src/core/load/index.js";
import type { SourceFile } from "../../src/core/model.js";
import { computeRisk, riskWork, THREAD_WORK, worthAThread, type RiskJob } from "../../src/core/risk/index.js";
import { renderJson } from "../../src/report/json.js";
import { runBundle } from "../action/run-bundle.js";
import { riskOnThread } from "../../src/worker/risk-thread.js";
import { DONE, FAILED, LIMIT, PROGRESS, READY, RUNNING, STATE } from "../../src/worker/risk-thread-state.js";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRY = pathToFileURL(path.join(REPO_ROOT, "lib/worker/risk-worker.js"));
const NOW = Date.UTC(2026, 10, 23, 9);
const dir = mkdtempSync(path.join(tmpdir(), "cg-risk-thread-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function input(profile: "stress" | "clean", campaigns: number, maxRisk?: number): CheckInput {
  const r = syntheticRepository({ campaigns, sites: 40, services: 12, now: NOW, profile }) as {
    capacity: string;
    campaigns: SourceFile[];
  };
  const capacity =
    maxRisk === undefined
      ? r.capacity
      : r.capacity.replace(/^defaults:\n/m, `defaults:\n  max_risk: ${maxRisk}\n`);
  expect(capacity).toContain(maxRisk === undefined ? "" : "max_risk");
  return {
    config: loadConfig(undefined).config,
    capacity: { path: "infra/capacity.yaml", text: capacity },
    campaigns: r.campaigns,
    now: NOW,
  };
}

/** The job a check hands its runner, and the report it writes when the job runs here. */
function jobOf(check: CheckInput): RiskJob {
  let job: RiskJob | undefined;
  renderJson(runCheck({ ...check, runRisk: (j) => ((job = j), () => computeRisk(j)) }));
  return job!;
}

const stress = input("stress", 400);

describe("the chance of overload on a second thread", () => {
  it("gives the very chances of the main thread, and the same report byte for byte", () => {
    const job = jobOf(stress);
    const places: string[] = [];
    const chances = riskOnThread({ minWork: 0, entry: ENTRY, onPlace: (p) => places.push(p) })(job)();
    expect(places).toEqual(["thread"]);
    expect(chances).toEqual(computeRisk(job));
    expect(
      [...chances].some((p) => p > 0 && p < 1),
      "some chances strictly between 0 and 1",
    ).toBe(true);

    const onThread = renderJson(runCheck({ ...stress, runRisk: riskOnThread({ minWork: 0, entry: ENTRY }) }));
    expect(onThread === renderJson(runCheck(stress)), "reports differ").toBe(true);
  });

  it("splits into runs in time order that give the same chances, whichever thread computes which", () => {
    // The waiting thread takes the later points when the chances are wanted before the thread is done.
    const job = jobOf(stress);
    const full = computeRisk(job);
    const count = job.instant.length;
    for (const split of [0, 1, Math.floor(count / 3), count - 1, count]) {
      const into = new Float64Array(count).fill(-1);
      computeRisk(job, { into, go: (done) => done < split });
      computeRisk(job, { into, from: split });
      expect(into, `split at ${split} of ${count}`).toEqual(full);
    }
  });

  it("takes the later half itself when the thread is far from done, and the halves make the whole", () => {
    const job = jobOf(stress);
    const count = job.instant.length;
    // A thread that says it is a third of the way, then waits for the waiting thread to lower its
    // limit (giving up, as failed, if that never happens) and computes only the points below it.
    const risk = pathToFileURL(path.join(REPO_ROOT, "lib/core/risk/index.js")).href;
    const holding = path.join(dir, "holding.mjs");
    writeFileSync(
      holding,
      `import { parentPort, workerData } from "node:worker_threads";
import { computeRisk } from ${JSON.stringify(risk)};
const control = new Int32Array(workerData.control);
Atomics.store(control, ${STATE}, ${READY});
parentPort.once("message", ({ job, result }) => {
  Atomics.store(control, ${PROGRESS}, ${Math.floor(count / 3)});
  Atomics.store(control, ${STATE}, ${RUNNING});
  const until = Date.now() + 10000;
  while (Atomics.load(control, ${LIMIT}) >= job.instant.length && Date.now() < until);
  const limit = Atomics.load(control, ${LIMIT});
  if (limit >= job.instant.length) Atomics.store(control, ${STATE}, ${FAILED});
  else {
    computeRisk(job, { into: new Float64Array(result), go: (done) => done < limit });
    Atomics.store(control, ${STATE}, ${DONE});
  }
  Atomics.notify(control, ${STATE});
});
`,
    );
    const places: string[] = [];
    const chances = riskOnThread({
      minWork: 0,
      entry: pathToFileURL(holding),
      onPlace: (p) => places.push(p),
    })(job)();
    // "thread": the limit was lowered, so this side computed the rest; the halves give the whole.
    expect(places).toEqual(["thread"]);
    expect(chances).toEqual(computeRisk(job));
  });

  it("waits for the thread at once when max_risk turns chances into findings", () => {
    const withLimit = input("stress", 400, 0.05);
    const places: string[] = [];
    const report = runCheck({
      ...withLimit,
      runRisk: riskOnThread({ minWork: 0, entry: ENTRY, onPlace: (p) => places.push(p) }),
    });
    // Asked for before any finding was written: the risk findings are among them.
    expect(places).toEqual(["thread"]);
    expect(report.findings.some((f) => f.rule === "risk")).toBe(true);
    expect(renderJson(report) === renderJson(runCheck(withLimit)), "reports differ").toBe(true);
  });

  it("keeps a light job on the main thread", () => {
    const job = jobOf(input("clean", 200));
    expect(riskWork(job)).toBeLessThan(THREAD_WORK);
    expect(worthAThread(job)).toBe(false);
    expect(worthAThread(job, riskWork(job))).toBe(true);
    const places: string[] = [];
    const chances = riskOnThread({ entry: ENTRY, onPlace: (p) => places.push(p) })(job)();
    expect(places).toEqual(["here"]);
    expect(chances).toEqual(computeRisk(job));
  });

  it("computes the job on the main thread when the thread fails to start, fails, stalls, or its module is missing", () => {
    const job = jobOf(stress);
    const broken = path.join(dir, "broken-worker.js");
    writeFileSync(broken, 'throw new Error("a worker that cannot start");\n');
    // Workers that take the job and then say they failed, or start computing and never progress.
    const worker = (name: string, onJob: string) => {
      const file = path.join(dir, name);
      writeFileSync(
        file,
        `import { parentPort, workerData } from "node:worker_threads";
const control = new Int32Array(workerData.control);
Atomics.store(control, ${STATE}, ${READY});
parentPort.once("message", () => { ${onJob} });
`,
      );
      return pathToFileURL(file);
    };
    const failing = worker(
      "failing.mjs",
      `Atomics.store(control, ${STATE}, ${FAILED}); Atomics.notify(control, ${STATE});`,
    );
    const stalling = worker(
      "stalling.mjs",
      `Atomics.store(control, ${STATE}, ${RUNNING}); setInterval(() => {}, 1000);`,
    );
    // [module, stallMs, at most how long it may take]: a thread that says it failed, or a missing
    // module, is given up at once, well before its stallMs; the others after it.
    const cases: [URL, number, number][] = [
      [pathToFileURL(broken), 300, 20_000],
      [failing, 30_000, 10_000],
      [stalling, 300, 20_000],
      [pathToFileURL(path.join(dir, "missing.js")), 30_000, 10_000],
    ];
    for (const [entry, stallMs, within] of cases) {
      const places: string[] = [];
      const started = Date.now();
      const chances = riskOnThread({ minWork: 0, entry, stallMs, onPlace: (p) => places.push(p) })(job)();
      expect(places).toEqual(["fallback"]);
      expect(chances).toEqual(computeRisk(job));
      expect(Date.now() - started, entry.href).toBeLessThan(within);
    }
  });

  it("counts as work only the terms of points their samples' range does not decide", () => {
    const job = jobOf(stress);
    const work = riskWork(job);
    const terms = job.pieceStart[job.pieceStart.length - 1]!;
    expect(work).toBeGreaterThan(0);
    expect(work).toBeLessThan(terms);
    // With room for anything at every point, nothing is left to sample.
    expect(riskWork({ ...job, capacity: job.capacity.map(() => Number.MAX_VALUE) })).toBe(0);
    // Counting stops once the work is enough for the decision, and decides the same.
    const enough = Math.ceil(work / 3);
    const counted = riskWork(job, enough);
    expect(counted).toBeGreaterThanOrEqual(enough);
    expect(counted).toBeLessThan(work);
    expect(worthAThread(job, enough)).toBe(true);
    expect(worthAThread(job, work + 1)).toBe(false);
  });
});

/** A repository heavy enough for the thread (riskWork about 27,000) on disk, and its single-thread report. */
function heavy(): { root: string; single: string } {
  const root = path.join(dir, "heavy");
  const repo = syntheticRepository({
    campaigns: 5000,
    sites: 200,
    services: 50,
    now: NOW,
    profile: "stress",
  });
  writeRepository(root, repo);
  const single = renderJson(
    runCheck({
      config: loadConfig(undefined).config,
      capacity: { path: "infra/capacity.yaml", text: repo.capacity },
      campaigns: repo.campaigns,
      now: NOW,
    }),
  );
  return { root, single };
}

describe("the CLI and Action bundles on a heavy repository", () => {
  let repo: { root: string; single: string } | undefined;
  const heavyRepo = () => (repo ??= heavy());

  it("the CLI computes the chances on its second thread, with the single-thread report", async () => {
    const { root, single } = heavyRepo();
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        path.join(REPO_ROOT, "bin/campaign-gate.js"),
        "check",
        "--format",
        "json",
        "--root",
        root,
        "--now",
        new Date(NOW).toISOString(),
      ],
      { env: { ...process.env, CAMPAIGN_GATE_DEBUG: "1" }, maxBuffer: 1 << 30 },
    ).catch((e: { stdout: string; stderr: string }) => e);
    expect(stderr).toContain("risk of overload computed on a second thread");
    expect(stdout === single, "the CLI's report differs from the single-thread one").toBe(true);
  }, 60_000);

  it("the Action computes them on its second thread (action/dist/risk-worker.js), with the same report", async () => {
    const { root, single } = heavyRepo();
    const event = {
      ref: "refs/heads/main",
      after: "0".repeat(40),
      repository: { full_name: "acme/campaigns" },
    };
    // A push: no pull request, so no request to GitHub at all (the API address is never used).
    const run = await runBundle({
      eventName: "push",
      event,
      workspace: root,
      apiUrl: "http://127.0.0.1:9",
      inputs: { dashboard: "false" },
      // The runner's step debug logging on: where the chance was computed is logged then.
      env: { CAMPAIGN_GATE_NOW: new Date(NOW).toISOString(), RUNNER_DEBUG: "1" },
    });
    const debug = run.commands.filter((c) => c.command === "debug").map((c) => c.message);
    expect(debug).toContain("risk of overload computed on a second thread");
    expect(readFileSync(run.outputs.report!, "utf8") === single, "the Action's report differs").toBe(true);
  }, 60_000);
});

describe("the Action bundle's start-up", () => {
  it("loads no worker module nor node:v8, and logs nothing of the risk thread, on a repository without campaigns", async () => {
    const ws = path.join(dir, "no-campaigns");
    writeRepository(ws, syntheticRepository({ campaigns: 0, sites: 40, services: 12, now: NOW }));
    const preload = path.join(dir, "modules.cjs");
    writeFileSync(
      preload,
      'process.on("exit", () => process.stderr.write("modules: " + process.moduleLoadList.join(",") + "\\n"));\n',
    );
    const run = await runBundle({
      eventName: "push",
      event: { ref: "refs/heads/main", after: "0".repeat(40), repository: { full_name: "acme/campaigns" } },
      workspace: ws,
      apiUrl: "http://127.0.0.1:9",
      inputs: { dashboard: "false" },
      env: { NODE_OPTIONS: `--require ${preload}` },
    });
    const modules = /modules: (.*)/.exec(run.stderr)?.[1]?.split(",");
    expect(modules, run.stderr).toBeDefined();
    expect(modules).toContain("NativeModule fs");
    expect(modules).not.toContain("NativeModule worker_threads");
    // The young generation is sized once there are campaign files (src/io/size-young-generation.ts).
    expect(modules).not.toContain("NativeModule v8");
    expect(run.commands.filter((c) => c.command === "debug")).toEqual([]);
  });
});
