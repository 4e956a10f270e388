/**
 * End to end: the compiled app under the real `probot run` server, GitHub replaced by a local HTTP
 * server (GHE_HOST/GHE_PROTOCOL), webhooks signed with X-Hub-Signature-256 like GitHub's.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, checkRuns, defaultWorld, worldReview, type RecordedRequest } from "../helpers/app-github.js";
import { examplePayload, PRIVATE_KEY } from "../helpers/app-probot.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SANDBOX = join(ROOT, "node_modules", ".cache", "campaign-gate-app-e2e");
// Same depth as lib/ next to schemas/: the loader imports ../../../schemas/*.json relative to itself.
const OUT = join(SANDBOX, "lib");
const SECRET = "e2e-webhook-secret";
const world = defaultWorld();
const log: RecordedRequest[] = [];
let github: Server;
let probot: ChildProcess;
let probotPort: number;
let output = "";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; probot said:\n${output}`);
}

function post(event: string, body: string, signature: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${probotPort}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": `e2e-${Date.now()}-${Math.random()}`,
      "x-hub-signature-256": signature,
    },
    body,
  });
}

const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

beforeAll(async () => {
  // Compile src as `npm run build` does, into a private folder so other builds are not disturbed.
  // tsc still emits when someone else's in-progress file has a type error; the app file must exist.
  rmSync(SANDBOX, { recursive: true, force: true });
  mkdirSync(SANDBOX, { recursive: true });
  symlinkSync(join(ROOT, "schemas"), join(SANDBOX, "schemas"));
  spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/typescript/bin/tsc"),
      "-p",
      "tsconfig.build.json",
      "--outDir",
      OUT,
      "--declaration",
      "false",
      "--sourceMap",
      "false",
    ],
    { cwd: ROOT },
  );
  expect(existsSync(join(OUT, "app/index.js"))).toBe(true);

  github = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      try {
        const a = answer(world, log, req.method ?? "GET", req.url ?? "/", raw ? JSON.parse(raw) : undefined);
        res.writeHead(a.status, { "content-type": "application/json" }).end(JSON.stringify(a.body));
      } catch (error) {
        // A request GitHub would reject: answer 422 and let the test see it in the log.
        log.push({
          method: req.method ?? "",
          path: req.url ?? "",
          query: new URLSearchParams(),
          operationId: "INVALID",
          body: String(error),
        });
        res
          .writeHead(422, { "content-type": "application/json" })
          .end(JSON.stringify({ message: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => github.listen(0, "127.0.0.1", resolve));
  const githubPort = (github.address() as AddressInfo).port;
  probotPort = await freePort();
  probot = spawn(
    process.execPath,
    [join(ROOT, "node_modules/probot/bin/probot.js"), "run", join(OUT, "app/index.js")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        APP_ID: "1",
        PRIVATE_KEY,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: `127.0.0.1:${githubPort}`,
        GHE_PROTOCOL: "http",
        PORT: String(probotPort),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  probot.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  probot.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until(
    () =>
      fetch(`http://127.0.0.1:${probotPort}/`).then(
        () => true,
        () => undefined,
      ),
    "probot to listen",
  );
}, 120_000);

afterAll(async () => {
  probot?.kill();
  await new Promise((resolve) => (github ? github.close(resolve) : resolve(undefined)));
  rmSync(SANDBOX, { recursive: true, force: true });
});

describe("probot run (compiled app, local GitHub)", () => {
  it("a signed webhook leads to the check run; a forged one gets 400 and no API call", async () => {
    worldReview(world, "ann", "APPROVED");
    worldReview(world, "both", "APPROVED");
    const body = JSON.stringify(examplePayload("pull_request", "opened"));

    const forged = await post("pull_request", body, sign(body + " "));
    expect(forged.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log).toHaveLength(0);

    const signed = await post("pull_request", body, sign(body));
    expect(signed.status).toBeLessThan(300);
    const [check] = await until(
      () => (checkRuns(log).length > 0 ? checkRuns(log) : undefined),
      "the check run",
    );
    expect(check).toMatchObject({
      name: "campaign-gate/review",
      head_sha: world.pull.head_sha,
      status: "completed",
      conclusion: "success",
    });
    expect(log.filter((r) => r.operationId === "INVALID")).toEqual([]);
  });
});
