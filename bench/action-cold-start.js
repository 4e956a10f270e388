// Cold start of the Action's committed bundle on a repository without campaigns, as a runner
// starts it (`node action/dist/index.js`), against `node -e 0`: the ratio is what the bundle adds
// to every workflow run. Best of several runs each, interleaved, since the machine is shared.
//
// Run alone, it can also put other builds of the bundle beside the committed one, in the same
// interleaved rounds: `COLD_ROUNDS=30 node bench/action-cold-start.js /tmp/before/action/dist/index.js`
// (a build of an earlier commit, say) prints each one's best time and ratio.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROUNDS = 7;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, "action", "dist", "index.js");

/**
 * Best-of-`rounds` wall ms of the committed bundle (`action`), of `node -e 0` (`node`) and of any
 * `others` bundles (`other`, in their order), interleaved.
 */
export function measureColdStart(others = [], rounds = ROUNDS) {
  const dir = mkdtempSync(path.join(tmpdir(), "cg-cold-"));
  try {
    const ws = path.join(dir, "ws");
    mkdirSync(path.join(ws, "infra"), { recursive: true });
    writeFileSync(
      path.join(ws, "infra", "capacity.yaml"),
      "services:\n  web:\n    max_rps: 100\nsites:\n  shop:\n    baseline_rps: 10\n    uses: { web: 1 }\n",
    );
    writeFileSync(path.join(dir, "event.json"), "{}");
    const env = {
      PATH: process.env.PATH ?? "",
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: path.join(dir, "event.json"),
      GITHUB_REPOSITORY: "acme/campaigns",
      GITHUB_SHA: "0".repeat(40),
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: path.join(dir, "output.txt"),
      GITHUB_STEP_SUMMARY: path.join(dir, "summary.md"),
      RUNNER_TEMP: path.join(dir, "temp"),
      INPUT_TOKEN: "unused",
      INPUT_COMMENT: "true",
      "INPUT_FAIL-ON": "error",
    };

    const time = (args) => {
      writeFileSync(env.GITHUB_OUTPUT, "");
      writeFileSync(env.GITHUB_STEP_SUMMARY, "");
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { env, cwd: ws, encoding: "utf8" });
      const ms = performance.now() - t0;
      if (r.status !== 0)
        throw new Error(`${args.join(" ")} exited with ${r.status}: ${r.stdout}${r.stderr}`);
      return ms;
    };

    let action = Infinity;
    let baseline = Infinity;
    const other = others.map(() => Infinity);
    for (let i = 0; i < rounds; i++) {
      baseline = Math.min(baseline, time(["-e", "0"]));
      action = Math.min(action, time([bundle]));
      others.forEach((b, k) => (other[k] = Math.min(other[k], time([path.resolve(b)]))));
    }
    return { action, node: baseline, other };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const others = process.argv.slice(2);
  const rounds = Number(process.env.COLD_ROUNDS ?? ROUNDS);
  const { action, node, other } = measureColdStart(others, rounds);
  console.log(
    `action cold start (no campaigns): ${action.toFixed(0)} ms vs node -e 0: ${node.toFixed(0)} ms — ratio ${(action / node).toFixed(2)}x (best of ${rounds})`,
  );
  others.forEach((b, k) =>
    console.log(`  beside it, ${b}: ${other[k].toFixed(0)} ms — ratio ${(other[k] / node).toFixed(2)}x`),
  );
}
