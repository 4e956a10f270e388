/**
 * Two (or more) real app processes against one local fake GitHub: the harness for end-to-end tests
 * of replicas. `compileApp` builds src/ as `npm run build` does into a private folder;
 * `startGitHub` serves a world (app-github.ts `answer`, every request checked against GitHub's
 * OpenAPI description) with optional randomized latency per request; `startApp` runs the compiled
 * `lib/app/server.js` — exactly what `npm start` and the container run — with the app's
 * environment pointed at the fake (GHE_HOST), and `deliver` posts a signed webhook and waits for
 * the app's answer (Probot answers after the handlers finished). Everything listens on 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { answer, type RecordedRequest, type World } from "./app-github.js";
import { PRIVATE_KEY } from "./app-probot.js";

const ROOT = join(import.meta.dirname, "..", "..");
export const WEBHOOK_SECRET = "e2e-webhook-secret";

/** Compiles src/ into `<sandbox>/lib` (next to a `schemas` link, as lib/ sits in the package); returns the sandbox. */
export function compileApp(name: string): string {
  const sandbox = join(ROOT, "node_modules", ".cache", name);
  rmSync(sandbox, { recursive: true, force: true });
  mkdirSync(sandbox, { recursive: true });
  symlinkSync(join(ROOT, "schemas"), join(sandbox, "schemas"));
  // tsc still emits when someone else's in-progress file has a type error; the app files must exist.
  spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/typescript/bin/tsc"),
      ...["-p", "tsconfig.build.json", "--outDir", join(sandbox, "lib")],
      ...["--declaration", "false", "--sourceMap", "false"],
    ],
    { cwd: ROOT },
  );
  if (!existsSync(join(sandbox, "lib/app/server.js"))) throw new Error("the app did not compile");
  return sandbox;
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
  /** Everything the process printed. */
  output(): string;
  /** Posts a signed webhook and waits for the app's answer. */
  deliver(event: string, payload: unknown, delivery?: string): Promise<Response>;
  /** Sends `signal` and waits for the exit; resolves to the exit code (null: killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function sign(body: string): string {
  return `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`;
}

/**
 * Starts `command` (default: node <sandbox>/lib/app/server.js, i.e. `npm start`) with the app's
 * environment, and waits until Probot's /ping answers.
 */
export async function startApp(
  sandbox: string,
  github: { host: string },
  options: { command?: string[]; env?: Record<string, string> } = {},
): Promise<AppProcess> {
  const port = await freePort();
  const [file, ...args] = options.command ?? [process.execPath, join(sandbox, "lib/app/server.js")];
  const child: ChildProcess = spawn(file!, args, {
    cwd: sandbox,
    env: {
      PATH: process.env.PATH ?? "",
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
  let deliveries = 0;
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
          "x-github-delivery": delivery ?? `e2e-${port}-${++deliveries}`,
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
