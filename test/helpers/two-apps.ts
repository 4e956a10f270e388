/**
 * Replicas for end-to-end tests: several real app processes (Probot's `run`, which `probot run`
 * calls for `npm start`, on the compiled app) sharing one local GitHub stand-in through
 * GHE_HOST/GHE_PROTOCOL, and the SLA sweep as the command the scheduled workflow runs
 * (`node lib/app/sla-run.js`).
 *
 * One difference from `npm start`: Octokit's throttling plugin is off, as in the in-process tests.
 * It spaces a process's writes 1 s apart (3 s for issues and comments) on the client side: that
 * only delays writes, it decides nothing, and it would make 20 rounds take over a minute. Retries
 * stay on, as in production.
 *
 * The app is compiled with esbuild's per-file transform (no bundling: the same files, folders and
 * imports as `tsc` emits into lib/) into a private folder, because a full `tsc` build takes 10-40 s
 * on a busy 2-core machine and lib/ may be stale while developing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { PRIVATE_KEY } from "./app-probot.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SECRET = "two-apps-webhook-secret";

/** Compiles src/ into node_modules/.cache/<name>/lib (next to a link to schemas/, which the loader imports). Returns lib's path. */
export async function compileApp(name: string): Promise<string> {
  const sandbox = join(ROOT, "node_modules", ".cache", name);
  rmSync(sandbox, { recursive: true, force: true });
  mkdirSync(sandbox, { recursive: true });
  symlinkSync(join(ROOT, "schemas"), join(sandbox, "schemas"));
  const src = join(ROOT, "src");
  const entryPoints = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => join(src, file));
  await build({
    entryPoints,
    outdir: join(sandbox, "lib"),
    outbase: src,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node}`,
    logLevel: "silent",
  });
  // `probot run <app>` is `run(process.argv)`; this is `run(app)` with the throttling plugin off.
  writeFileSync(
    join(sandbox, "run-app.js"),
    [
      `import { ProbotOctokit, run } from "probot";`,
      `import app from "./lib/app/index.js";`,
      `const Octokit = ProbotOctokit.defaults((options) => ({ ...options, throttle: { enabled: false } }));`,
      `await run(app, { Octokit });`,
    ].join("\n"),
  );
  return join(sandbox, "lib");
}

/** Removes what `compileApp(name)` made. */
export function removeApp(name: string): void {
  rmSync(join(ROOT, "node_modules", ".cache", name), { recursive: true, force: true });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Replicas {
  /** Everything each process printed so far (for failure messages). */
  output: string[];
  /**
   * Posts one signed delivery (same delivery id, same body) to every replica at the same moment.
   * Resolves with their HTTP statuses once all have answered: Probot answers when the handlers
   * finished (or 202 after 9 s while they go on).
   */
  deliver(event: string, payload: object): Promise<number[]>;
  stop(): Promise<void>;
}

let deliveries = 0;

/** Starts `count` app processes from `lib` (see `compileApp`) against the GitHub stand-in at `githubUrl`. */
export async function startReplicas(lib: string, githubUrl: string, count = 2): Promise<Replicas> {
  const host = new URL(githubUrl).host;
  const processes: { child: ChildProcess; port: number }[] = [];
  const output: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [join(lib, "..", "run-app.js")], {
      cwd: ROOT,
      env: {
        ...process.env,
        APP_ID: "1",
        PRIVATE_KEY,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: host,
        GHE_PROTOCOL: "http",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    output.push("");
    child.stdout.on("data", (chunk: Buffer) => (output[i] += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output[i] += chunk.toString()));
    processes.push({ child, port });
  }
  const replicas: Replicas = {
    output,
    async deliver(event, payload) {
      const body = JSON.stringify(payload);
      const headers = {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": `two-apps-${process.pid}-${++deliveries}`,
        "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
      };
      const answers = await Promise.all(
        processes.map(({ port }) =>
          fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", headers, body }),
        ),
      );
      return Promise.all(answers.map(async (answer) => (await answer.text(), answer.status)));
    },
    async stop() {
      await Promise.all(
        processes.map(
          ({ child }) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve(undefined);
              child.once("exit", resolve);
              child.kill();
            }),
        ),
      );
    },
  };
  // Ready when every process answers Probot's health check.
  const deadline = Date.now() + 30_000;
  for (const { port, child } of processes) {
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/ping`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (child.exitCode !== null || Date.now() > deadline) {
        await replicas.stop();
        throw new Error(`an app process did not start:\n${output.join("\n---\n")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return replicas;
}

/** Runs `node <script>` with `env` added; resolves with its exit status and output. */
export function runNode(
  script: string,
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
