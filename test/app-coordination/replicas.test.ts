/**
 * Side effects exactly once across replicas, end to end: two real app processes (`probot run` on
 * the compiled app) receive the same signed delivery at the same moment, against one fake GitHub
 * (requests checked against GitHub's OpenAPI description) that holds every request for a random
 * 0-10 ms before handling it and again before answering, so the two processes interleave
 * differently every round. Then two SLA sweeps (`node lib/app/sla-run.js`) run at the same moment.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Payload } from "../helpers/app-probot.js";
import { runNode, type Replicas } from "../helpers/two-apps.js";
import { replicaSuite } from "./replica-suite.js";
import {
  BASE_SHA,
  OWNER,
  REPO,
  addPull,
  campaignYaml,
  newWorld,
  serveWorld,
  type Served,
  type World,
} from "./world.js";

const SANDBOX = "campaign-gate-replicas";
const ROUNDS = 20;
// Far in the future, so the merged campaign still needs IT work whenever the test runs.
const DAY = "2036-03-02";

type Definitions = { name: string; examples: Payload[] }[];
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Definitions;
function example(event: string, pick: (payload: Payload) => boolean): Payload {
  const found = examples.find((d) => d.name === event)?.examples.find(pick);
  if (!found) throw new Error(`no matching ${event} example`);
  return { ...structuredClone(found), installation: { id: 1, node_id: "MDIzOkluc3RhbGxhdGlvbjE=" } };
}

const sha = (round: number, letter: string) => `${letter}${String(round).padStart(3, "0")}`.padEnd(40, "0");
const randomLatency = () => Math.random() * 10;

let world: World;
let served: Served;
const suite = replicaSuite(SANDBOX);

async function serveToReplicas(): Promise<Replicas> {
  served = await serveWorld(world);
  return suite.start(served.fake.url);
}

/**
 * Delivers to both replicas at once and waits until both logged their outcome (a line matching
 * `done`): Probot answers 202 and goes on when a handler takes over 9 s, as it can on a busy machine.
 */
async function deliverToBoth(event: string, payload: object, done: RegExp): Promise<string[]> {
  await suite.deliver(event, payload);
  await suite.until(() => suite.logged(done).length >= 2, `outcomes matching ${String(done)}`);
  return suite.logged(done);
}

describe("two app processes, one delivery at the same moment", () => {
  it(`open one IT prep issue, ${ROUNDS} rounds in a row`, async () => {
    world = newWorld();
    world.latency = randomLatency;
    const pr = example("pull_request", (p) => p.action === "closed");
    await serveToReplicas();
    for (let round = 1; round <= ROUNDS; round++) {
      const number = 100 + round;
      const pull = addPull(
        world,
        { [`campaigns/sale-${round}.yaml`]: campaignYaml(`sale-${round}`, 400, DAY) },
        { number, head_sha: sha(round, "c"), state: "closed" },
      );
      world.commits[sha(round, "e")] = { ...world.commits[pull.head_sha] };
      const payload = structuredClone(pr);
      Object.assign(payload.pull_request, {
        number,
        title: `Sale ${round}`,
        merged: true,
        merge_commit_sha: sha(round, "e"),
        changed_files: 1,
      });
      payload.pull_request.base.sha = BASE_SHA;
      const outcomes = await deliverToBoth(
        "pull_request",
        payload,
        new RegExp(`^IT preparation issue for .*#${number}: `),
      );
      expect(
        outcomes.filter((line) => line.endsWith(": created")),
        `round ${round}`,
      ).toHaveLength(1);

      const issues = world.issues.filter((issue) =>
        issue.body.includes(`<!-- campaign-gate:it-prep pr=${number} -->`),
      );
      expect(
        issues.map((issue) => `${issue.title} ${issue.state}`),
        `round ${round}`,
      ).toEqual([`IT prep: scale web by ${DAY} (PR #${number}) open`]);
      expect(world.repoLabels.size, `claim labels left after round ${round}`).toBe(0);
    }
    // Both processes handled every delivery: one created, the other found the claim or the issue.
    const outcomes = suite.logged(/^IT preparation issue for /);
    expect(outcomes).toHaveLength(2 * ROUNDS);
    expect(outcomes.filter((line) => line.endsWith(": created"))).toHaveLength(ROUNDS);
    expect(world.issues).toHaveLength(ROUNDS);
  }, 120_000);

  it(`raise one direct-push alarm, ${ROUNDS} rounds in a row`, async () => {
    world = newWorld();
    world.latency = randomLatency;
    const push = example("push", (p) => p.ref === "refs/heads/master" && p.commits.length === 1);
    await serveToReplicas();
    for (let round = 1; round <= ROUNDS; round++) {
      const after = sha(round, "f");
      world.commits[after] = {
        ...world.commits[BASE_SHA],
        [`campaigns/flash-${round}.yaml`]: campaignYaml("flash", 50),
      };
      world.commitPulls[after] = [];
      const payload = structuredClone(push);
      // A push a minute old: GitHub has settled its pull request links, so no re-check wait.
      Object.assign(payload, { before: BASE_SHA, after });
      payload.repository.pushed_at = Math.floor(Date.now() / 1000) - 60;
      Object.assign(payload.commits[0], {
        id: after,
        message: `Add flash sale ${round}`,
        added: [`campaigns/flash-${round}.yaml`],
        modified: [],
        removed: [],
      });
      payload.head_commit = payload.commits[0];
      const outcomes = await deliverToBoth("push", payload, new RegExp(`@${after.slice(0, 7)}: `));
      expect(
        outcomes.filter((line) => line.endsWith(": created")),
        `round ${round}`,
      ).toHaveLength(1);

      const alarms = world.issues.filter((issue) =>
        issue.body.includes(`<!-- campaign-gate:direct-push sha=${after} -->`),
      );
      expect(alarms, `round ${round}`).toHaveLength(1);
      expect(alarms[0]!.labels).toEqual(["unreviewed-campaign-change"]);
      expect(world.repoLabels.size, `claim labels left after round ${round}`).toBe(0);
    }
    expect(suite.logged(/^direct-push check of .*: created$/)).toHaveLength(ROUNDS);
    expect(world.issues).toHaveLength(ROUNDS);
  }, 120_000);
});

describe("two SLA sweeps at the same moment", () => {
  const SWEEP_ROUNDS = 3;
  const PULLS = 3;

  it(`post one escalation per pull request (${PULLS} pull requests, ${SWEEP_ROUNDS} rounds)`, async () => {
    world = newWorld();
    world.latency = randomLatency;
    world.freshConnections = true;
    // Without the fast lane, the sweep does not read the campaigns: fewer requests, same race.
    const config = world.commits[BASE_SHA]![".github/campaign-gate.yml"]!;
    world.commits[BASE_SHA]![".github/campaign-gate.yml"] = config.replace(/^ {2}fast_lane: .*\n/m, "");
    for (let n = 1; n <= PULLS; n++) {
      const pull = addPull(
        world,
        { [`campaigns/sale-${n}.yaml`]: campaignYaml(`sale-${n}`, 400, DAY) },
        { number: 10 + n, head_sha: sha(n, "a") },
      );
      pull.timeline = [
        {
          event: "review_requested",
          created_at: "2026-11-20T15:00:00Z",
          requested_team: { slug: "web-ops" },
        },
      ];
      pull.reviews.push({
        id: n,
        user: "mona",
        state: "APPROVED",
        commit_id: pull.head_sha,
        submitted_at: "2026-11-23T10:00:00Z",
      });
    }
    served = await serveWorld(world);
    const script = join(suite.lib, "app/sla-run.js");
    const env = {
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_TOKEN: "test",
      GITHUB_API_URL: served.fake.url,
    };
    for (let round = 1; round <= SWEEP_ROUNDS; round++) {
      world.comments = [];
      for (const pull of world.pulls) pull.labels = [];
      const runs = await Promise.all([runNode(script, env), runNode(script, env)]);
      for (const run of runs) expect(run.status, run.stderr).toBe(0);

      for (const pull of world.pulls) {
        const escalations = world.comments.filter(
          (c) =>
            c.issue_number === pull.number && c.body.includes("<!-- campaign-gate:escalation group=it -->"),
        );
        expect(escalations, `round ${round}, #${pull.number}`).toHaveLength(1);
        expect(pull.labels, `round ${round}, #${pull.number}`).toContain("review-overdue");
      }
      // Each pull request was escalated by exactly one of the two sweeps.
      const said = runs.map((run) => run.stdout).join("\n");
      for (const pull of world.pulls) expect(said.split(`#${pull.number} escalated it`)).toHaveLength(2);
      expect(world.repoLabels.size).toBe(0);
    }
  }, 120_000);
});
