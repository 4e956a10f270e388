import { afterEach, describe, expect, it } from "vitest";
import { escalateOverdue } from "../../src/app/coordination/escalate.js";
import { waitingSince } from "../../src/core/coordination/waiting-since.js";
import { loadConfig } from "../../src/core/load/index.js";
import {
  APP_LOGIN,
  CONFIG,
  HEAD_SHA,
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

const config = loadConfig({ path: ".github/campaign-gate.yml", text: CONFIG }).config;
const repo = { owner: OWNER, repo: REPO };
// Friday 20 Nov 2026 16:00 in Berlin (CET): 24 business hours (09-17, Mon-Fri) end Wed 25 Nov 16:00.
const REQUESTED = "2026-11-20T15:00:00Z";
const DUE = Date.parse("2026-11-25T15:00:00Z");
let served: Served | undefined;
afterEach(closeWorld);

/** A campaign PR requested from both teams on Friday 16:00 Berlin, marketing already approved. */
function overdueWorld(rps: number): World {
  const world = newWorld();
  const pull = addPull(world, { "campaigns/summer-sale.yaml": campaignYaml("summer-sale", rps) });
  pull.created_at = "2026-11-20T14:00:00Z";
  pull.requested_teams = ["web-ops"];
  pull.timeline = [
    { event: "review_requested", created_at: REQUESTED, requested_team: { slug: "web-ops" } },
    { event: "review_requested", created_at: REQUESTED, requested_team: { slug: "marketing" } },
    { event: "reviewed", created_at: "2026-11-23T10:00:00Z" },
  ];
  pull.reviews.push({
    id: 1,
    user: "mona",
    state: "APPROVED",
    commit_id: HEAD_SHA,
    submitted_at: "2026-11-23T10:00:00Z",
  });
  return world;
}

describe("escalateOverdue", () => {
  it("counts business hours across the weekend: nothing before Wednesday 16:00, then one escalation", async () => {
    const world = overdueWorld(400);
    served = await serveWorld(world);

    expect(await escalateOverdue(served.client, repo, config, DUE - 60_000)).toEqual([]);
    expect(served.writes()).toEqual([]);

    expect(await escalateOverdue(served.client, repo, config, DUE)).toEqual([
      { number: 2, escalated: ["it"], labelled: true, deleted: [] },
    ]);
    expect(served.writes()).toEqual([
      `POST /repos/${OWNER}/${REPO}/labels`,
      `POST /repos/${OWNER}/${REPO}/issues/2/comments`,
      expect.stringMatching(/^DELETE \/repos\/Codertocat\/Hello-World\/labels\/campaign-gate-claim-/),
      `POST /repos/${OWNER}/${REPO}/issues/2/labels`,
    ]);
    expect(world.repoLabels.size).toBe(0);
    const [comment] = world.comments;
    expect(comment!.body).toContain("⏰ **Review overdue: it**");
    expect(comment!.body).toContain("requested on Fri 20 Nov 2026 16:00");
    expect(comment!.body).toContain("@Codertocat/it-oncall @carol");
    expect(comment!.body).toContain("<!-- campaign-gate:escalation group=it -->");
    expect(world.pulls[0]!.labels).toEqual(["review-overdue"]);
  });

  it("counts a campaign request's author as its author: their own approval does not spare marketing an escalation", async () => {
    const world = overdueWorld(400);
    // The app opened the pull request for issue 5, which mona (a marketing member) wrote; she approved.
    Object.assign(world.pulls[0]!, { author: APP_LOGIN, head_ref: "campaign-gate/issue-5" });
    world.issues.push({
      number: 5,
      title: "Campaign request: Summer sale",
      body: "",
      labels: ["campaign-request"],
      assignees: [],
      state: "open",
      user: "mona",
    });
    served = await serveWorld(world);
    const [outcome] = await escalateOverdue(served.client, repo, config, DUE);
    expect(outcome).toMatchObject({ number: 2, escalated: ["marketing", "it"] });
    expect(world.comments.map((c) => c.body.split("\n")[0])).toEqual([
      "⏰ **Review overdue: marketing**",
      "⏰ **Review overdue: it**",
    ]);
  });

  it("posts nothing on the next sweep", async () => {
    const world = overdueWorld(400);
    served = await serveWorld(world);
    await escalateOverdue(served.client, repo, config, DUE);
    const writes = served.writes().length;
    expect(await escalateOverdue(served.client, repo, config, DUE + 3_600_000)).toEqual([]);
    expect(served.writes()).toHaveLength(writes);
    expect(world.comments).toHaveLength(1);
  });

  it("deletes a younger copy of an escalation, should one exist (the clean-up behind the claim)", async () => {
    const world = overdueWorld(400);
    let raced = false;
    world.onComment = (comment) => {
      if (raced) return;
      raced = true;
      world.comments.push({ ...comment, id: comment.id + 1000, created_at: "2026-11-25T15:00:05Z" });
    };
    served = await serveWorld(world);
    const [outcome] = await escalateOverdue(served.client, repo, config, DUE);
    expect(outcome!.deleted).toHaveLength(1);
    expect(world.comments.map((c) => c.body.includes("group=it"))).toEqual([true]);
  });

  it("posts one comment when GitHub answered 502 to a post that happened", async () => {
    const world = overdueWorld(400);
    world.failAfter = (call) => (call === `POST /repos/${OWNER}/${REPO}/issues/2/comments` ? 502 : undefined);
    served = await serveWorld(world);
    expect(await escalateOverdue(served.client, repo, config, DUE)).toEqual([
      { number: 2, escalated: ["it"], labelled: true, deleted: [] },
    ]);
    expect(world.comments).toHaveLength(1);
    expect(served.writes().filter((call) => call.endsWith("/issues/2/comments"))).toHaveLength(1);
  });

  it("does not escalate a group the fast lane waives", async () => {
    const world = overdueWorld(120);
    served = await serveWorld(world);
    expect(await escalateOverdue(served.client, repo, config, DUE)).toEqual([]);
    expect(served.writes()).toEqual([]);
  });

  it("goes on with the other pull requests when one cannot be read", async () => {
    const world = overdueWorld(400);
    addPull(
      world,
      { "campaigns/other.yaml": campaignYaml("other", 50) },
      { number: 3, head_sha: "a".repeat(40) },
    );
    world.fail = (call) => (call.endsWith("/pulls/3/files") ? 502 : undefined);
    served = await serveWorld(world);
    expect(await escalateOverdue(served.client, repo, config, DUE)).toEqual([
      { number: 2, escalated: ["it"], labelled: true, deleted: [] },
      {
        number: 3,
        escalated: [],
        labelled: false,
        deleted: [],
        error: `GitHub answered 502 to GET /repos/${OWNER}/${REPO}/pulls/3/files.`,
      },
    ]);
  });

  it("skips drafts without reading them", async () => {
    const world = overdueWorld(400);
    world.pulls[0]!.draft = true;
    served = await serveWorld(world);
    expect(await escalateOverdue(served.client, repo, config, DUE)).toEqual([]);
    expect(served.fake.calls()).toEqual([`GET /repos/${OWNER}/${REPO}/pulls`]);
  });
});

describe("waitingSince", () => {
  const policy = config.review!;
  it("starts at the first request, not before the pull request became ready", () => {
    const timeline = [
      { event: "review_requested", created_at: "2026-11-02T10:00:00Z", requested_team: { slug: "web-ops" } },
      { event: "convert_to_draft", created_at: "2026-11-03T10:00:00Z" },
      { event: "ready_for_review", created_at: "2026-11-05T10:00:00Z" },
      {
        event: "review_requested",
        created_at: "2026-11-06T10:00:00Z",
        requested_reviewer: { login: "Mona" },
      },
    ];
    expect(
      waitingSince(["it", "marketing"], policy, { marketing: ["mona"] }, timeline, "2026-11-01T00:00:00Z"),
    ).toEqual([
      { group: "it", since: Date.parse("2026-11-05T10:00:00Z") },
      { group: "marketing", since: Date.parse("2026-11-06T10:00:00Z") },
    ]);
  });

  it("uses the creation time for a group never requested", () => {
    expect(waitingSince(["it"], policy, {}, [], "2026-11-01T00:00:00Z")).toEqual([
      { group: "it", since: Date.parse("2026-11-01T00:00:00Z") },
    ]);
  });
});
