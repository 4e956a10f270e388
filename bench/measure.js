// Whole-process measurement for the bench scripts: a command as a child process, its wall time and
// peak RSS (from /usr/bin/time when the machine has it), and several commands measured alternately
// so that they share the machine's noise. Kept apart so every bench step measures the same way.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/**
 * Runs `node args` as a child process: wall ms and peak RSS in MiB (NaN without /usr/bin/time).
 * Its standard output goes to a file, as in `campaign-gate check --format json > report.json`,
 * and is read back after the clock stops: through a pipe into this process, the 370 MB report of
 * the 100k repository cost the measurement some 10 s of reading and decoding here (spawnSync of
 * `cat` on that file alone: 7.4 s), which no user of the command pays.
 */
export function run(args, env = {}) {
  const command = TIME ? [TIME, "-f", "%M", process.execPath, ...args] : [process.execPath, ...args];
  const dir = mkdtempSync(path.join(tmpdir(), "cg-measure-"));
  const file = path.join(dir, "stdout");
  const fd = openSync(file, "w");
  try {
    const t0 = performance.now();
    const r = spawnSync(command[0], command.slice(1), {
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: ["ignore", fd, "pipe"],
      maxBuffer: 1 << 30,
    });
    const ms = performance.now() - t0;
    closeSync(fd);
    const stdout = readFileSync(file, "utf8");
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`${args.join(" ")} exited with ${r.status}: ${r.stderr}${stdout}`);
    const rss = TIME ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) / 1024 : NaN;
    return { ms, rss, stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of a list of numbers (the upper one of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Measures several commands alternately, `rounds` times: the median wall time (and the fastest and
 * slowest round, which say how steady the machine was) and the highest peak RSS of each, and the
 * last standard output.
 */
export function alternate(commands, rounds) {
  const results = Object.fromEntries(Object.keys(commands).map((k) => [k, { ms: [], rss: [] }]));
  const outputs = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const r = run(args);
      results[name].ms.push(r.ms);
      results[name].rss.push(r.rss);
      outputs[name] = r.stdout;
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([k, v]) => [
      k,
      {
        ms: median(v.ms),
        min: Math.min(...v.ms),
        max: Math.max(...v.ms),
        rss: Math.max(...v.rss),
        out: outputs[k],
      },
    ]),
  );
}

/**
 * How busy the machine is: the best of `rounds` runs of `node -e 0` with only PATH in the
 * environment (as bench/action-cold-start.js starts it: NODE_EXTRA_CA_CERTS, say, makes every node
 * process read a certificate bundle at start). Other work on a shared machine slows every process,
 * but not evenly: the baseline runs on one thread, campaign-gate's check on two, so on a busy
 * machine the ratios can flatter campaign-gate.
 */
export function nodeStartMs(rounds = 5) {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ["-e", "0"], { env: { PATH: process.env.PATH ?? "" } });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
