/**
 * End to end with TWO app processes: the compiled app started as `npm start` and the container
 * start it (`node lib/app/server.js`), GitHub replaced by a local HTTP server (GHE_HOST), webhooks
 * signed like GitHub's. The replicas share nothing but the fake GitHub, as in production.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  currentRun,
  defaultWorld,
  withWorldPull,
  worldReview,
  type RecordedRequest,
  type World,
} from "../helpers/app-github.js";
import { examplePayload, type Payload } from "../helpers/app-probot.js";
import {
  compileApp,
  removeApp,
  sign,
  startApp,
  startGitHub,
  type AppProcess,
  type FakeGitHubServer,
} from "../helpers/two-apps.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SANDBOX = "campaign-gate-app-e2e";
/**
 * Races: 50 by default and in `npm run bench` (bench/review-e2e.js); 20 in CI, where this file runs
 * beside the whole suite on 2 cores. CAMPAIGN_GATE_RACES overrides both.
 */
const RACES = Number(process.env.CAMPAIGN_GATE_RACES ?? (process.env.CI ? 20 : 50));

let world: World = defaultWorld();
let lib: string;
let github: FakeGitHubServer;
let slowGitHub: FakeGitHubServer;
let a: AppProcess;
let b: AppProcess;
let racerA: AppProcess;
let racerB: AppProcess;

beforeAll(async () => {
  lib = await compileApp(SANDBOX);
  github = await startGitHub(() => world);
  // The racing replicas see GitHub answer each request after 0–15 ms, at random.
  slowGitHub = await startGitHub(() => world, { latency: () => Math.random() * 15 });
  [a, b, racerA, racerB] = await Promise.all([
    startApp(lib, github),
    startApp(lib, github),
    startApp(lib, slowGitHub),
    startApp(lib, slowGitHub),
  ]);
  // Warm each process up with one evaluation, so no test meets a cold start (loading the schemas).
  for (const app of [a, b, racerA, racerB]) {
    world = defaultWorld();
    await deliver(app, "pull_request", pullEvent("synchronize"));
  }
}, 300_000);

afterAll(async () => {
  await Promise.all([a, b, racerA, racerB].map((app) => app?.stop("SIGKILL")));
  await github?.close();
  await slowGitHub?.close();
  removeApp(SANDBOX);
});

let sha = 0;
/** A fresh 40-hex commit sha. */
const nextSha = () => `${(++sha).toString(16).padStart(7, "0")}${"e".repeat(33)}`;

/** A new head for the world's pull request with `files` changed; compare from `from` lists `pushed`. */
function push(files: string[], from?: string, pushed?: string[]): string {
  const head = nextSha();
  if (from && pushed) world.compares[`${from}...${head}`] = { status: "ahead", files: pushed };
  world.pull.head_sha = head;
  world.files = files;
  return head;
}

function pullEvent(action: "opened" | "synchronize"): Payload {
  const payload = examplePayload("pull_request", action);
  return withWorldPull(payload, world);
}

function reviewEvent(review: { id: number; user: string; state: string; commit_id: string }): Payload {
  const payload = examplePayload("pull_request_review", "submitted");
  payload.review.id = review.id;
  payload.review.user.login = review.user;
  payload.review.state = review.state.toLowerCase();
  payload.review.commit_id = review.commit_id;
  return withWorldPull(payload, world);
}

function rerunEvent(): Payload {
  const payload = examplePayload("check_run", "rerequested");
  payload.check_run.name = "campaign-gate/review";
  payload.check_run.head_sha = world.pull.head_sha;
  payload.check_run.pull_requests = [{ number: world.pull.number }];
  return payload;
}

async function deliver(app: AppProcess, event: string, payload: unknown, id?: string): Promise<void> {
  const response = await app.deliver(event, payload, id);
  expect(response.status, `${event}: ${await response.text()}\n${app.output().slice(-2000)}`).toBeLessThan(
    300,
  );
}

const runsOn = (head: string) =>
  (world.checkRuns ?? []).filter((r) => r.head_sha === head && r.name === "campaign-gate/review");
const invalid = (log: RecordedRequest[]) => log.filter((r) => r.operationId === "INVALID");

describe("the app as `npm start` runs it, two replicas", () => {
  it("a signed webhook leads to the check run; a forged one gets 400 and no API call", async () => {
    world = defaultWorld();
    worldReview(world, "ann", "APPROVED");
    worldReview(world, "both", "APPROVED");
    const body = JSON.stringify(pullEvent("opened"));
    const before = github.log.length;
    const forged = await fetch(`http://127.0.0.1:${a.port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": "forged-1",
        "x-hub-signature-256": sign(body + " "),
      },
      body,
    });
    expect(forged.status).toBe(400);
    expect(github.log.length).toBe(before);

    await deliver(a, "pull_request", JSON.parse(body));
    expect(currentRun(world), a.output().slice(-3000)).toMatchObject({
      status: "completed",
      conclusion: "success",
    });
    expect(invalid(github.log)).toEqual([]);
  });

  it("a README-only push keeps both approvals; infra/** voids IT's only; a new campaign file voids both", async () => {
    world = defaultWorld();
    const reviewed = push(["campaigns/black-friday.yaml"]);
    worldReview(world, "ann", "APPROVED", reviewed);
    worldReview(world, "bob", "APPROVED", reviewed);
    await deliver(a, "pull_request", pullEvent("synchronize"));
    expect(currentRun(world)).toMatchObject({ conclusion: "success" });

    push(["campaigns/black-friday.yaml", "README.md"], reviewed, ["README.md"]);
    await deliver(b, "pull_request", pullEvent("synchronize"));
    expect(currentRun(world)).toMatchObject({ conclusion: "success" });

    const infra = push(["campaigns/black-friday.yaml", "infra/capacity.yaml"], reviewed, [
      "infra/capacity.yaml",
    ]);
    await deliver(a, "pull_request", pullEvent("synchronize"));
    expect(currentRun(world)).toMatchObject({
      status: "in_progress",
      output: { title: "Waiting for review: it" },
    });
    expect(currentRun(world)!.output.summary).toContain(
      `| it | ⏳ waiting (no reviewer requested yet; approval by @bob on ${reviewed.slice(0, 7)} invalidated by push of ${infra.slice(0, 7)}: \`infra/capacity.yaml\` changed) |`,
    );
    expect(currentRun(world)!.output.summary).toContain("| marketing | ✅ approved by @ann |");

    push(["campaigns/black-friday.yaml", "campaigns/new.yaml"], reviewed, ["campaigns/new.yaml"]);
    await deliver(b, "pull_request", pullEvent("synchronize"));
    expect(currentRun(world)).toMatchObject({ output: { title: "Waiting for review: marketing, it" } });
    expect(invalid(github.log)).toEqual([]);
  });

  it("redelivery to both replicas at once, Re-run, and a 502 after the write each leave exactly one run", async () => {
    world = defaultWorld();
    const head = push(["campaigns/black-friday.yaml"]);
    worldReview(world, "ann", "APPROVED");
    const review = worldReview(world, "bob", "APPROVED");
    await deliver(a, "pull_request", pullEvent("synchronize"));
    expect(runsOn(head)).toHaveLength(1);
    // The same delivery (same id) reaching both replicas, and a redelivery after.
    const payload = reviewEvent(review);
    await Promise.all([
      deliver(a, "pull_request_review", payload, "same-delivery"),
      deliver(b, "pull_request_review", payload, "same-delivery"),
    ]);
    await deliver(b, "pull_request_review", payload, "same-delivery");
    await deliver(a, "check_run", rerunEvent());
    expect(runsOn(head)).toHaveLength(1);
    expect(currentRun(world)).toMatchObject({ conclusion: "success" });

    // GitHub creates the run, then answers 502; Octokit must not retry the POST blindly.
    const fresh = push(["campaigns/black-friday.yaml"]);
    worldReview(world, "ann", "APPROVED");
    worldReview(world, "bob", "APPROVED");
    let failed = 0;
    world.after = (operationId, answered) =>
      operationId === "checks/create" && failed++ === 0
        ? { status: 502, body: { message: "Bad Gateway" } }
        : answered;
    await deliver(b, "pull_request", pullEvent("synchronize"));
    world.after = undefined;
    expect(failed).toBe(1);
    expect(runsOn(fresh)).toHaveLength(1);
    expect(currentRun(world)).toMatchObject({ conclusion: "success" });
  });

  it("a secondary rate limit (403 + retry-after) is waited out: the right check, never a failing one", async () => {
    world = defaultWorld();
    const head = push(["campaigns/black-friday.yaml"]);
    worldReview(world, "ann", "APPROVED");
    worldReview(world, "bob", "APPROVED");
    let limited = 0;
    world.fail = (operationId) =>
      operationId === "pulls/list-files" && limited++ === 0
        ? {
            status: 403,
            headers: { "retry-after": "1" },
            body: {
              message:
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            },
          }
        : undefined;
    const started = Date.now();
    await deliver(a, "pull_request", pullEvent("synchronize"));
    world.fail = undefined;
    expect(limited).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(runsOn(head)).toHaveLength(1);
    expect(currentRun(world)).toMatchObject({ conclusion: "success" });
  });

  it(`${RACES} randomized races between the replicas end with the correct check every time`, async () => {
    const outcomes: string[] = [];
    let duplicates = 0;
    const raceStart = Date.now();
    for (let race = 0; race < RACES; race++) {
      world = defaultWorld();
      const head = push(["campaigns/black-friday.yaml"]);
      const kind = (["approve", "changes", "dismiss"] as const)[race % 3]!;
      const ann = worldReview(world, "ann", "APPROVED");
      if (kind === "dismiss") worldReview(world, "bob", "APPROVED");
      // Half the races start with the run already there (an earlier event), half without.
      if (race % 2 === 0) await deliver(racerA, "pull_request", pullEvent("synchronize"));
      const [first, second] = Math.random() < 0.5 ? [racerA, racerB] : [racerB, racerA];
      const stale = pullEvent("synchronize");
      const change = async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
        if (kind === "dismiss") ann.state = "DISMISSED";
        const review =
          kind === "dismiss"
            ? ann
            : worldReview(world, "bob", kind === "approve" ? "APPROVED" : "CHANGES_REQUESTED");
        await deliver(second, "pull_request_review", reviewEvent(review));
      };
      await Promise.all([deliver(first, "pull_request", stale), change()]);
      const expected = {
        approve: {
          status: "completed",
          conclusion: "success",
          title: "Approved: marketing by @ann, it by @bob",
        },
        changes: { status: "completed", conclusion: "failure", title: "Changes requested by @bob" },
        dismiss: { status: "in_progress", conclusion: null, title: "Waiting for review: marketing" },
      }[kind];
      const run = currentRun(world, head)!;
      outcomes.push(`${kind}: ${run.status}/${run.conclusion ?? "-"} ${run.output.title}`);
      expect(
        { status: run.status, conclusion: run.conclusion ?? null, title: run.output.title },
        `race ${race}`,
      ).toEqual(expected);
      // Every older run of the app on this head agrees when the result is final.
      if (expected.status === "completed")
        for (const older of runsOn(head)) expect(older.conclusion, `race ${race}`).toBe(expected.conclusion);
      if (runsOn(head).length > (kind === "dismiss" ? 2 : 1)) duplicates++;
    }
    expect(outcomes).toHaveLength(RACES);
    expect(invalid(slowGitHub.log)).toEqual([]);
    const report = process.env.CAMPAIGN_GATE_E2E_REPORT;
    const summary = {
      races: RACES,
      correct: outcomes.length,
      duplicates,
      msPerRace: (Date.now() - raceStart) / RACES,
    };
    if (report) writeFileSync(`${report}.races.json`, JSON.stringify(summary, null, 2));
    console.log(
      `races: ${RACES}, correct: ${RACES}, heads with a concurrently created second run: ${duplicates}, ${((Date.now() - raceStart) / RACES).toFixed(0)} ms per race`,
    );
  }, 300_000);
});

describe("API requests per delivered event", () => {
  it("are counted per event type (median over 5 pull requests)", async () => {
    // Per event: requests GitHub counts against the rate limit (a 304 Not Modified does not), and
    // all requests sent including the 304s.
    const types = ["opened", "synchronize", "review submitted", "membership"];
    const counts: Record<string, number[]> = Object.fromEntries(types.map((t) => [t, []]));
    const sent: Record<string, number[]> = Object.fromEntries(types.map((t) => [t, []]));
    const seen: Record<string, string[]> = {};
    const count = async (type: string, app: AppProcess, event: string, payload: unknown) => {
      const from = github.log.length;
      await deliver(app, event, payload);
      const requests = github.log
        .slice(from)
        .filter((r) => r.operationId !== "apps/create-installation-access-token");
      counts[type]!.push(requests.filter((r) => r.status !== 304).length);
      sent[type]!.push(requests.length);
      if (counts[type]!.length === 2)
        seen[type] = requests.map((r) => `${r.operationId}${r.status === 304 ? " (304)" : ""}`);
    };
    for (let i = 0; i < 5; i++) {
      world = defaultWorld();
      world.pull.number = 10 + i;
      const [one, two] = i % 2 === 0 ? [a, b] : [b, a];
      const opened = push(["campaigns/black-friday.yaml"]);
      await count("opened", one, "pull_request", pullEvent("opened"));
      await count(
        "review submitted",
        two,
        "pull_request_review",
        reviewEvent(worldReview(world, "ann", "APPROVED")),
      );
      await count(
        "review submitted",
        one,
        "pull_request_review",
        reviewEvent(worldReview(world, "bob", "APPROVED")),
      );
      expect(currentRun(world)).toMatchObject({ conclusion: "success" });
      push(["campaigns/black-friday.yaml", "README.md"], opened, ["README.md"]);
      await count("synchronize", two, "pull_request", pullEvent("synchronize"));
      expect(currentRun(world)).toMatchObject({ conclusion: "success" });
      delete world.teams["web-ops"]!.bob;
      const membership = examplePayload("membership", "removed");
      await count("membership", one, "membership", membership);
      expect(currentRun(world)).toMatchObject({
        status: "in_progress",
        output: { title: "Waiting for review: it" },
      });
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const figures = Object.fromEntries(
      types.map((type) => [
        type,
        { median: median(counts[type]!), all: counts[type]!, sent: median(sent[type]!) },
      ]),
    );
    const report = process.env.CAMPAIGN_GATE_E2E_REPORT;
    if (report) writeFileSync(`${report}.requests.json`, JSON.stringify(figures, null, 2));
    console.log(JSON.stringify(figures), JSON.stringify(seen, null, 1));
    expect(invalid(github.log)).toEqual([]);
    // The figures in docs/deploy.md's table and the README's line are these measurements.
    const deploy = readFileSync(join(ROOT, "docs/deploy.md"), "utf8");
    const rows: Record<string, string> = {
      opened: "`pull_request.opened`",
      synchronize: "`pull_request.synchronize`",
      "review submitted": "`pull_request_review` (2×)",
      membership: "`membership.removed`",
    };
    for (const [type, label] of Object.entries(rows)) {
      const row = deploy.split("\n").find((line) => line.startsWith(`| ${label}`));
      const cells = row?.split("|").map((cell) => cell.trim());
      expect(cells?.slice(2, 4), `docs/deploy.md row ${label}`).toEqual([
        String(figures[type]!.median),
        String(figures[type]!.sent),
      ]);
      expect(cells?.[5], `docs/deploy.md row ${label}`).toBe(figures[type]!.all.join(", "));
    }
    const readme = readFileSync(join(ROOT, "README.md"), "utf8").replace(/\s+/g, " ");
    expect(readme).toContain(
      `opened ${figures.opened!.median}, synchronize ${figures.synchronize!.median}, review submitted ${figures["review submitted"]!.median}, membership ${figures.membership!.median}`,
    );
    // Issue 9's target: at most 6 requests against the rate limit, median per event type.
    for (const [type, { median: m }] of Object.entries(figures)) expect(m, type).toBeLessThanOrEqual(6);
  }, 60_000);
});

describe("the container's commands (Dockerfile; no Docker engine needed)", () => {
  const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
  const execForm = (instruction: string) => {
    const line = dockerfile.split("\n").find((l) => l.startsWith(instruction));
    return JSON.parse(line!.slice(line!.indexOf("CMD") + 3).trim()) as string[];
  };

  it("the build stage copies every file its commands run (package scripts expanded)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const stage = dockerfile.split(/^FROM /m)[1]!;
    const copied = [...stage.matchAll(/^COPY (.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    const expand = (command: string): string =>
      command.replace(/npm run (?:-s )?([\w:-]+)/g, (_, name: string) => expand(pkg.scripts[name] ?? ""));
    const commands = [...stage.matchAll(/^RUN (.+)$/gm)].map((m) => expand(m[1]!)).join("\n");
    const needed = [...commands.matchAll(/(?:node |-p )([\w./-]+\.(?:json|js))/g)].map((m) => m[1]!);
    expect(needed).toContain("tsconfig.build.json");
    for (const file of needed)
      expect(
        copied.some((c) => file === c || file.startsWith(`${c.replace(/\/$/, "")}/`)),
        file,
      ).toBe(true);
  });

  it("runs as a non-root user and declares a health check on /ping", () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .* CMD \[/m);
  });

  it("CMD starts the app, the HEALTHCHECK passes while it serves, and SIGTERM exits 0", async () => {
    const cmd = execForm("CMD");
    expect(cmd.slice(0, 2)).toEqual(["node", "lib/app/server.js"]);
    const health = execForm("HEALTHCHECK");
    const app = await startApp(lib, github, { command: [process.execPath, ...cmd.slice(1)] });
    const probe = () =>
      spawnSync(process.execPath, health.slice(1), { env: { ...process.env, PORT: String(app.port) } })
        .status;
    expect(probe()).toBe(0);
    expect(await app.stop("SIGTERM")).toBe(0);
    expect(probe()).toBe(1);
  });
});
