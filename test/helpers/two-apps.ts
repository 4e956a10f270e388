/**
 * Real app processes against a local GitHub stand-in: the one harness for end-to-end tests of
 * replicas (issue 9). Everything listens on 127.0.0.1; the processes share nothing but the fake
 * GitHub, as replicas share nothing but GitHub in production.
 *
 * - `compileApp` transpiles src/ per file with esbuild (no bundling: the same files, folders and
 *   imports as `tsc` emits into lib/) into a private folder, because a full `tsc` build takes
 *   10-40 s on a busy 2-core machine and lib/ may be stale while developing.
 * - `startApp` runs one process: by default `node lib/app/server.js`, exactly what `npm start` and
 *   the container run (throttling plugin on); its `deliver` posts a signed webhook and waits for
 *   the answer (Probot answers after the handlers finished, or 202 after 9 s while they go on).
 * - `startReplicas` starts several processes with Probot's `run(app, { Octokit })` where Octokit is
 *   ProbotOctokit with the throttling plugin OFF (retries on): the plugin spaces a process's writes
 *   1 s apart (3 s for issues and comments) on the client side; that only delays writes, decides
 *   nothing, and would make 20 rounds take over a minute. Its `deliver` posts one delivery to all.
 * - `startGitHub` serves a test/helpers/app-github.ts world (every request checked against
 *   GitHub's OpenAPI description), with ETags and 304s as GitHub answers them, and optional random
 *   latency per answer; test/app-coordination/world.ts serves its own world.
 * - `runNode` runs a compiled script such as the SLA sweep (`node lib/app/sla-run.js`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { answer, type RecordedRequest, type World } from "./app-github.js";
import { PRIVATE_KEY } from "./app-probot.js";

const ROOT = join(import.meta.dirname, "..", "..");
export const WEBHOOK_SECRET = "two-apps-webhook-secret";

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

export interface FakeGitHubServer {
  url: string;
  host: string;
  log: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Serves `world` (or the world `world()` returns at each request, so tests can swap it);
 * `latency()` (ms) delays each answer, to shuffle what racing processes see.
 */
export async function startGitHub(
  world: World | (() => World),
  options: { latency?: () => number } = {},
): Promise<FakeGitHubServer> {
  const current = typeof world === "function" ? world : () => world;
  const log: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      // The world is read and changed when the request arrives; only the answer is late.
      let status: number;
      let body: unknown;
      let headers: Record<string, string> = {};
      try {
        const a = answer(
          current(),
          log,
          req.method ?? "GET",
          req.url ?? "/",
          raw ? JSON.parse(raw) : undefined,
        );
        ({ status, body } = a);
        headers = a.headers ?? {};
      } catch (error) {
        // A request GitHub would reject: answer 422 and let the test see it in the log.
        log.push({
          method: req.method ?? "",
          path: req.url ?? "",
          query: new URLSearchParams(),
          operationId: "INVALID",
          body: String(error),
        });
        status = 422;
        body = { message: String(error) };
      }
      // As GitHub: every GET answer carries an ETag, and a request naming it gets 304 when unchanged.
      let text = JSON.stringify(body);
      if ((req.method ?? "GET") === "GET" && status === 200) {
        headers.etag = `W/"${createHash("sha1").update(text).digest("hex")}"`;
        if (req.headers["if-none-match"] === headers.etag) {
          status = 304;
          text = "";
        }
      }
      const recorded = log[log.length - 1];
      if (recorded) recorded.status = status;
      setTimeout(
        () => res.writeHead(status, { "content-type": "application/json", ...headers }).end(text),
        options.latency?.() ?? 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface AppProcess {
  port: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Posts a signed webhook and waits for the app's answer. */
  deliver(event: string, payload: unknown, delivery?: string): Promise<Response>;
  /** Sends `signal` and waits for the exit; resolves to the exit code (null: killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** GitHub's signature header for `body`. */
export function sign(body: string): string {
  return `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`;
}

let deliveries = 0;

/**
 * Starts `command` (default: node <lib>/app/server.js, i.e. `npm start`) in the compiled folder
 * with the app's environment pointed at `github`, and waits until Probot's /ping answers.
 */
export async function startApp(
  lib: string,
  github: { host: string },
  options: { command?: string[]; env?: Record<string, string>; inheritEnv?: boolean } = {},
): Promise<AppProcess> {
  const port = await freePort();
  const [file, ...args] = options.command ?? [process.execPath, join(lib, "app/server.js")];
  const child: ChildProcess = spawn(file!, args, {
    cwd: join(lib, ".."),
    env: {
      ...(options.inheritEnv ? process.env : { PATH: process.env.PATH ?? "" }),
      APP_ID: "1",
      PRIVATE_KEY,
      WEBHOOK_SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: "http",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`the app did not start; it said:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    output: () => output,
    deliver(event, payload, delivery) {
      const body = JSON.stringify(payload);
      return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": delivery ?? `two-apps-${process.pid}-${++deliveries}`,
          "x-hub-signature-256": sign(body),
        },
        body,
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export interface Replicas {
  /** Everything each process printed so far (for failure messages). */
  output: string[];
  /**
   * Posts one signed delivery (same delivery id, same body) to every replica at the same moment.
   * Resolves with their HTTP statuses once all have answered.
   */
  deliver(event: string, payload: object): Promise<number[]>;
  stop(): Promise<void>;
}

/** Starts `count` app processes from `lib` (see `compileApp`; throttling off) against the GitHub stand-in at `githubUrl`. */
export async function startReplicas(lib: string, githubUrl: string, count = 2): Promise<Replicas> {
  const host = new URL(githubUrl).host;
  const started = await Promise.allSettled(
    Array.from({ length: count }, () =>
      startApp(
        lib,
        { host },
        {
          command: [process.execPath, join(lib, "..", "run-app.js")],
          inheritEnv: true,
          env: { LOG_FORMAT: "json", NODE_ENV: "test" },
        },
      ),
    ),
  );
  const apps = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(apps.map((app) => app.stop()));
    throw failed.reason;
  }
  return {
    get output() {
      return apps.map((app) => app.output());
    },
    async deliver(event, payload) {
      const delivery = `two-apps-${process.pid}-${++deliveries}`;
      const answers = await Promise.all(apps.map((app) => app.deliver(event, payload, delivery)));
      return Promise.all(answers.map(async (answer) => (await answer.text(), answer.status)));
    },
    async stop() {
      await Promise.all(apps.map((app) => app.stop()));
    },
  };
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
