/**
 * The coordination webhooks through Probot, with real payloads from @octokit/webhooks-examples
 * and GitHub replaced by the fake world (every request checked against GitHub's OpenAPI).
 */
import { createRequire } from "node:module";
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerCoordination } from "../../src/app/coordination/index.js";
import { appProbot, type Payload } from "../helpers/app-probot.js";
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
  closeWorld,
} from "./world.js";

const MERGE_SHA = "e".repeat(40);
const PUSH_SHA = "f".repeat(40);
let served: Served | undefined;
let delivery = 0;
// The handlers take "now" from the clock: fix it, so the March 2027 campaigns stay in the future.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-23T09:00:00Z"));
});
afterEach(async () => {
  vi.useRealTimers();
  await closeWorld();
});

type Definitions = { name: string; examples: Payload[] }[];
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Definitions;

/** A deep copy of the first example of `event` matching `pick`, with an installation. */
function example(event: string, pick: (payload: Payload) => boolean): Payload {
  const found = examples.find((d) => d.name === event)?.examples.find(pick);
  if (!found) throw new Error(`no matching ${event} example`);
  return {
    installation: { id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" },
    ...structuredClone(found),
  };
}

async function probotFor(world: World): Promise<Probot> {
  served = await serveWorld(world);
  return appProbot(registerCoordination, served.fake.url);
}

function receive(probot: Probot, name: string, payload: Payload): Promise<void> {
  return probot.receive({ id: `delivery-${++delivery}`, name, payload } as never);
}

/** `write` under a claim: the claim label is created before and deleted after. */
function claimed(write: string): unknown[] {
  return [
    `POST /repos/${OWNER}/${REPO}/labels`,
    write,
    expect.stringMatching(
      new RegExp(`^DELETE /repos/${OWNER}/${REPO}/labels/campaign-gate-claim-[0-9a-f]{16}$`),
    ),
  ];
}

/** A merged pull request #2 that added `campaigns/summer-sale.yaml` at `rps` requests/s. */
function mergedWorld(rps: number): { world: World; payload: Payload } {
  const world = newWorld();
  const text = campaignYaml("summer-sale", rps);
  const pull = addPull(world, { "campaigns/summer-sale.yaml": text }, { state: "closed" });
  world.commits[MERGE_SHA] = { ...world.commits[pull.head_sha] };
  const payload = example("pull_request", (p) => p.action === "closed");
  Object.assign(payload.pull_request, {
    number: 2,
    title: "Summer sale",
    merged: true,
    merge_commit_sha: MERGE_SHA,
    changed_files: 1,
  });
  payload.pull_request.base.sha = BASE_SHA;
  return { world, payload };
}

describe("IT preparation issue on merge", () => {
  it("opens one issue with the plan, and none on a redelivery", async () => {
    const { world, payload } = mergedWorld(400);
    const probot = await probotFor(world);
    await receive(probot, "pull_request", payload);
    expect(served!.writes()).toEqual(claimed(`POST /repos/${OWNER}/${REPO}/issues`));
    expect(world.issues).toHaveLength(1);
    const [issue] = world.issues;
    expect(issue!.title).toBe("IT prep: scale web by 2027-03-01 (PR #2)");
    expect(issue!.labels).toEqual(["it-prep"]);
    expect(issue!.assignees).toEqual(["ivan"]);
    expect(issue!.body).toContain("| web | 6 | Mon 1 Mar 2027 00:00 UTC (in 97 days) | **summer-sale** |");
    expect(issue!.body).toContain("**summer-sale**");
    expect(issue!.body).toContain("@Codertocat/web-ops @ivan: please prepare the following.");
    expect(issue!.body).toContain("<!-- campaign-gate:it-prep pr=2 -->");

    await receive(probot, "pull_request", payload);
    expect(served!.writes()).toHaveLength(3);
  });

  it("does not open one again after IT closed it", async () => {
    const { world, payload } = mergedWorld(400);
    const probot = await probotFor(world);
    await receive(probot, "pull_request", payload);
    world.issues[0]!.state = "closed";
    await receive(probot, "pull_request", payload);
    expect(world.issues).toHaveLength(1);
  });

  it("opens none when the merged campaigns need no IT work", async () => {
    const { world, payload } = mergedWorld(120);
    const probot = await probotFor(world);
    await receive(probot, "pull_request", payload);
    expect(served!.writes()).toEqual([]);
  });

  it("ignores a pull request closed without merging", async () => {
    const { world, payload } = mergedWorld(400);
    payload.pull_request.merged = false;
    const probot = await probotFor(world);
    await receive(probot, "pull_request", payload);
    expect(served!.fake.requests).toEqual([]);
  });
});

/** A push of one commit adding a campaign to master. */
function pushWorld(associated: { number: number; merged_at: string | null }[]): {
  world: World;
  payload: Payload;
} {
  const world = newWorld();
  world.commits[PUSH_SHA] = { ...world.commits[BASE_SHA], "campaigns/flash.yaml": campaignYaml("flash", 50) };
  world.commitPulls[PUSH_SHA] = associated;
  const payload = example("push", (p) => p.ref === "refs/heads/master" && p.commits.length === 1);
  Object.assign(payload, { before: BASE_SHA, after: PUSH_SHA });
  Object.assign(payload.commits[0], {
    id: PUSH_SHA,
    message: "Add flash sale\n\nstraight to master",
    added: ["campaigns/flash.yaml"],
    modified: [],
    removed: [],
  });
  payload.head_commit = payload.commits[0];
  return { world, payload };
}

describe("direct-push alarm", () => {
  it("raises one alarm for a direct push, and none on a redelivery", async () => {
    const { world, payload } = pushWorld([]);
    const probot = await probotFor(world);
    await receive(probot, "push", payload);
    expect(served!.writes()).toEqual(claimed(`POST /repos/${OWNER}/${REPO}/issues`));
    const [issue] = world.issues;
    expect(issue!.title).toBe("Campaign files changed on master without review (fffffff by @Codertocat)");
    expect(issue!.labels).toEqual(["unreviewed-campaign-change"]);
    expect(issue!.body).toContain("| Add flash sale | `campaigns/flash.yaml` |");

    await receive(probot, "push", payload);
    expect(served!.writes()).toHaveLength(3);
  });

  it("raises none for the merge commit of a reviewed pull request", async () => {
    const { world, payload } = pushWorld([{ number: 2, merged_at: "2026-11-23T10:00:00Z" }]);
    const probot = await probotFor(world);
    await receive(probot, "push", payload);
    expect(served!.writes()).toEqual([]);
    expect(served!.fake.calls()).toContain(`GET /repos/${OWNER}/${REPO}/commits/${PUSH_SHA}/pulls`);
  });

  it("ignores pushes to other branches without asking GitHub anything", async () => {
    const { world, payload } = pushWorld([]);
    payload.ref = "refs/heads/feature";
    const probot = await probotFor(world);
    await receive(probot, "push", payload);
    expect(served!.fake.requests).toEqual([]);
  });
});
