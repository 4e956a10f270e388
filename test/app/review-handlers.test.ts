import nock from "nock";
import type { Probot } from "probot";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  apiRequests,
  checkRuns,
  currentRun,
  defaultWorld,
  withWorldPull,
  worldReview,
  type RecordedRequest,
  type World,
} from "../helpers/app-github.js";
import { appProbot, examplePayload, interceptGitHub, type Payload } from "../helpers/app-probot.js";

const OLD = "1111111111111111111111111111111111111111";
let probot: Probot;
let world: World;
let log: RecordedRequest[];
let delivery = 0;

beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  probot = await appProbot();
  world = defaultWorld();
  log = interceptGitHub(world);
});
afterEach(() => {
  nock.cleanAll();
});

async function receive(name: string, payload: Record<string, unknown>): Promise<void> {
  await probot.receive({ id: `delivery-${++delivery}`, name, payload } as never);
}

/** pull_request.<action> from the examples, pointing at the world's pull request. */
function pullEvent(action: "opened" | "synchronize" | "edited"): Payload {
  const payload = examplePayload("pull_request", action === "edited" ? "opened" : action);
  payload.action = action;
  return withWorldPull(payload, world);
}

/** pull_request_review.<action> from the examples for `review` by `user`. */
function reviewEvent(action: "submitted" | "dismissed", user: string, state: string): Payload {
  const payload = examplePayload("pull_request_review", action);
  payload.review.user.login = user;
  payload.review.state = state.toLowerCase();
  return withWorldPull(payload, world);
}

/** The review check run in force on the head, as it stands after the app's writes. */
function lastCheck() {
  const run = currentRun(world);
  expect(run).toBeDefined();
  return run!;
}

describe("campaign-gate/review check", () => {
  it("ignores the author's own approval", async () => {
    world.teams.marketing!.Codertocat = "active";
    worldReview(world, "Codertocat", "APPROVED");
    worldReview(world, "bob", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "Codertocat", "APPROVED"));
    const check = lastCheck();
    expect(check).toMatchObject({
      name: "campaign-gate/review",
      head_sha: world.pull.head_sha,
      status: "in_progress",
    });
    expect(check.output.title).toBe("Waiting for review: marketing");
    expect(check.output.summary).toContain("| it | ✅ approved by @bob |");
    // Memberships come from one GraphQL request for both teams, never one request per person.
    expect(log.filter((r) => r.path.includes("/memberships/"))).toEqual([]);
    expect(log.filter((r) => r.operationId === "graphql")).toHaveLength(1);
  });

  it("one person in both teams fills one group", async () => {
    worldReview(world, "both", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "both", "APPROVED"));
    const check = lastCheck();
    expect(check.status).toBe("in_progress");
    expect(check.output.summary).toContain("✅ approved by @both");
    expect(check.output.summary).toContain(
      "⏳ waiting (no reviewer requested yet; @both already fills another group)",
    );
  });

  it("two people fill both groups", async () => {
    worldReview(world, "both", "APPROVED");
    worldReview(world, "ann", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "ann", "APPROVED"));
    expect(lastCheck()).toMatchObject({
      status: "completed",
      conclusion: "success",
      output: { title: "Approved: marketing by @ann, it by @both" },
    });
  });

  it("changes requested blocks, then the same person's approval unblocks", async () => {
    worldReview(world, "ann", "APPROVED");
    worldReview(world, "bob", "APPROVED");
    worldReview(world, "both", "CHANGES_REQUESTED");
    await receive("pull_request_review", reviewEvent("submitted", "both", "CHANGES_REQUESTED"));
    expect(lastCheck()).toMatchObject({
      conclusion: "failure",
      output: { title: "Changes requested by @both" },
    });
    expect(lastCheck().output.summary).toContain("❌ changes requested by @both");

    worldReview(world, "both", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "both", "APPROVED"));
    expect(lastCheck()).toMatchObject({ conclusion: "success" });
  });

  it("a dismissed changes request stops blocking", async () => {
    worldReview(world, "ann", "APPROVED");
    worldReview(world, "bob", "APPROVED");
    const blocking = worldReview(world, "both", "CHANGES_REQUESTED");
    await receive("pull_request_review", reviewEvent("submitted", "both", "CHANGES_REQUESTED"));
    expect(lastCheck().conclusion).toBe("failure");

    blocking.state = "DISMISSED";
    await receive("pull_request_review", reviewEvent("dismissed", "both", "DISMISSED"));
    expect(lastCheck().conclusion).toBe("success");
  });

  it("an approval before a push touching its files is void", async () => {
    worldReview(world, "ann", "APPROVED", OLD);
    worldReview(world, "bob", "APPROVED");
    world.compares[`${OLD}...${world.pull.head_sha}`] = {
      status: "ahead",
      files: ["campaigns/black-friday.yaml"],
    };
    await receive("pull_request", pullEvent("synchronize"));
    const check = lastCheck();
    expect(check.status).toBe("in_progress");
    expect(check.output.summary).toContain(
      "approval by @ann on 1111111 invalidated by push of ec26c3e: `campaigns/black-friday.yaml` changed",
    );
  });

  it("an approval before a push touching other files survives", async () => {
    worldReview(world, "ann", "APPROVED", OLD);
    worldReview(world, "bob", "APPROVED");
    world.compares[`${OLD}...${world.pull.head_sha}`] = { status: "ahead", files: ["README.md"] };
    await receive("pull_request", pullEvent("synchronize"));
    expect(lastCheck().conclusion).toBe("success");
  });

  it("an approval on a commit the head no longer descends from (force push) is void", async () => {
    worldReview(world, "ann", "APPROVED", OLD);
    worldReview(world, "bob", "APPROVED");
    world.compares[`${OLD}...${world.pull.head_sha}`] = { status: "diverged", files: ["README.md"] };
    await receive("pull_request", pullEvent("synchronize"));
    expect(lastCheck().status).toBe("in_progress");
  });

  it("reads the configuration from the base even when the pull request edits it", async () => {
    world.files = [".github/campaign-gate.yml"];
    // The head's version would drop every rule; it must not be used.
    world.configs[world.pull.head_sha] = "review:\n  groups: {}\n  rules: []\n";
    await receive("pull_request", pullEvent("opened"));
    const reads = log.filter((r) => r.operationId === "repos/get-content");
    expect(reads.map((r) => r.query.get("ref"))).toEqual([world.pull.base_sha]);
    expect(lastCheck()).toMatchObject({ status: "in_progress", output: { title: "Waiting for review: it" } });
  });

  it("a pending team invitation does not count", async () => {
    world.teams["web-ops"]!.bob = "pending";
    worldReview(world, "bob", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "bob", "APPROVED"));
    expect(lastCheck().output.summary).toContain("| it | ⏳ waiting");

    // With several reviewers too: the member lists hold active members only.
    worldReview(world, "ann", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "ann", "APPROVED"));
    expect(log.some((r) => r.operationId === "graphql")).toBe(true);
    expect(lastCheck().output.title).toBe("Waiting for review: it");
  });

  it("the same webhook delivered twice leaves one check run, written once", async () => {
    worldReview(world, "both", "APPROVED");
    worldReview(world, "ann", "APPROVED");
    const payload = reviewEvent("submitted", "ann", "APPROVED");
    await receive("pull_request_review", payload);
    await receive("pull_request_review", structuredClone(payload));
    expect(world.checkRuns).toHaveLength(1);
    expect(log.filter((r) => r.operationId === "checks/update")).toHaveLength(0);
    // After the first delivery's re-read of the reviews, the redelivery looks up the run, reads,
    // writes nothing, and so re-reads nothing after.
    const second = log.slice(log.findLastIndex((r) => r.operationId === "checks/create") + 1);
    expect(
      second.map((r) => r.operationId).filter((op) => op !== "apps/create-installation-access-token"),
    ).toEqual(["pulls/list-reviews", "checks/list-for-ref", "pulls/list-reviews", "graphql"]);
    expect(lastCheck().conclusion).toBe("success");
  });

  it("an API error gives a failing check with the reason", async () => {
    worldReview(world, "ann", "APPROVED");
    world.fail = (operationId) => (operationId === "pulls/list-reviews" ? 500 : undefined);
    await receive("pull_request", pullEvent("synchronize"));
    expect(lastCheck()).toMatchObject({
      head_sha: world.pull.head_sha,
      conclusion: "failure",
      output: { title: "The review could not be checked" },
    });
    expect(lastCheck().output.summary).toContain(
      "GitHub answered 500 to GET /repos/Codertocat/Hello-World/pulls/2/reviews.",
    );
  });

  it("a failure to read the pull request itself (Re-run) is reported on the webhook's head", async () => {
    world.fail = (operationId) => (operationId === "pulls/get" ? 502 : undefined);
    const payload = examplePayload("check_run", "rerequested");
    payload.check_run.name = "campaign-gate/review";
    payload.check_run.head_sha = world.pull.head_sha;
    payload.check_run.pull_requests = [{ number: world.pull.number }];
    await receive("check_run", payload);
    expect(lastCheck()).toMatchObject({ head_sha: world.pull.head_sha, conclusion: "failure" });
  });

  it("a pull request of more than 3,000 files gives a failing check with the reason", async () => {
    world.files = Array.from({ length: 3000 }, (_, i) => `campaigns/c${i}.yaml`);
    world.pull.changed_files = 3200;
    await receive("pull_request", pullEvent("opened"));
    expect(lastCheck()).toMatchObject({
      conclusion: "failure",
      output: { title: "Too many files to check the review" },
    });
    expect(log.some((r) => r.operationId === "pulls/list-reviews")).toBe(false);
  });

  it("a configuration that does not load gives a failing check", async () => {
    world.configs[world.pull.base_sha] =
      "review:\n  groups: {}\n  rules: [{ name: x, paths: ['**'], require: [nobody] }]\n";
    await receive("pull_request", pullEvent("opened"));
    expect(lastCheck()).toMatchObject({
      conclusion: "failure",
      output: { title: "The review configuration does not load" },
    });
    expect(lastCheck().output.summary).toContain(
      "`.github/campaign-gate.yml` line 3: The review rule `x` names the group `nobody`",
    );
  });

  it("no configuration on the base: success, 'not configured'", async () => {
    world.configs = {};
    await receive("pull_request", pullEvent("opened"));
    expect(lastCheck()).toMatchObject({
      conclusion: "success",
      output: { title: "campaign-gate review is not configured" },
    });
    // The pull request comes with the webhook; no review is read when none is configured.
    expect(apiRequests(log).map((r) => r.operationId)).toEqual([
      "repos/get-content",
      "checks/list-for-ref",
      "checks/create",
    ]);
  });

  it("no matching rule: success, 'no review required'", async () => {
    world.files = ["README.md"];
    await receive("pull_request", pullEvent("opened"));
    expect(lastCheck()).toMatchObject({ conclusion: "success", output: { title: "No review required" } });
  });

  it("a retargeted base re-evaluates under the new base's rules; a title edit does nothing", async () => {
    const title = pullEvent("edited");
    title.changes = { title: { from: "old title" } };
    await receive("pull_request", title);
    expect(log).toHaveLength(0);

    await receive("pull_request", pullEvent("opened"));
    expect(lastCheck().status).toBe("in_progress");
    world.pull.base_sha = "2222222222222222222222222222222222222222";
    world.pull.base_ref = "release";
    const retarget = pullEvent("edited");
    retarget.changes = {
      base: { ref: { from: "master" }, sha: { from: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e" } },
    };
    await receive("pull_request", retarget);
    expect(
      log
        .filter((r) => r.operationId === "repos/get-content")
        .pop()
        ?.query.get("ref"),
    ).toBe(world.pull.base_sha);
    expect(lastCheck()).toMatchObject({
      conclusion: "success",
      output: { title: "campaign-gate review is not configured" },
    });
  });

  it("a team membership change re-evaluates the open pull requests of the installation", async () => {
    worldReview(world, "both", "APPROVED");
    worldReview(world, "ann", "APPROVED");
    const payload = examplePayload("membership", "removed");
    await receive("membership", payload);
    expect(log.map((r) => r.operationId)).toContain("apps/list-repos-accessible-to-installation");
    expect(lastCheck()).toMatchObject({ head_sha: world.pull.head_sha, conclusion: "success" });
  });

  it("a closed pull request gets no check", async () => {
    world.pull.state = "closed";
    await receive("pull_request", pullEvent("opened"));
    expect(checkRuns(log)).toHaveLength(0);
  });

  it("counts the GitHub requests of one full evaluation", async () => {
    worldReview(world, "ann", "APPROVED", OLD);
    worldReview(world, "both", "APPROVED");
    world.compares[`${OLD}...${world.pull.head_sha}`] = { status: "ahead", files: ["README.md"] };
    await receive("pull_request", pullEvent("synchronize"));
    const ops = apiRequests(log).map((r) => r.operationId);
    // The pull request comes with the webhook. Config, files, reviews, both teams' members (one
    // GraphQL request), 1 compare; a new head: find the run just before writing (none yet),
    // create it, re-read the reviews.
    expect(ops).toEqual([
      "repos/get-content",
      "pulls/list-files",
      "pulls/list-reviews",
      "graphql",
      "repos/compare-commits-with-basehead",
      "checks/list-for-ref",
      "checks/create",
      "pulls/list-reviews",
    ]);
    expect(lastCheck().conclusion).toBe("success");
  });

  it("another replica reads the file list and the compares from the run, not from GitHub again", async () => {
    process.env.APP_ID = "1";
    try {
      probot = await appProbot(); // a fresh process: nothing remembered by sha
      worldReview(world, "ann", "APPROVED", OLD);
      world.compares[`${OLD}...${world.pull.head_sha}`] = { status: "ahead", files: ["README.md"] };
      await receive("pull_request", pullEvent("synchronize"));
      expect(lastCheck().output).toMatchObject({ title: "Waiting for review: it" });
      probot = await appProbot(); // the other replica
      worldReview(world, "bob", "APPROVED");
      const from = log.length;
      await receive("pull_request_review", reviewEvent("submitted", "bob", "APPROVED"));
      const ops = apiRequests(log.slice(from)).map((r) => r.operationId);
      expect(ops).not.toContain("pulls/list-files");
      expect(ops).not.toContain("repos/compare-commits-with-basehead");
      expect(lastCheck()).toMatchObject({ conclusion: "success" });
      // A run of another app (or an unknown app id) is never trusted for them.
      delete process.env.APP_ID;
      probot = await appProbot();
      const again = log.length;
      await receive("pull_request_review", reviewEvent("submitted", "bob", "APPROVED"));
      expect(apiRequests(log.slice(again)).map((r) => r.operationId)).toContain("pulls/list-files");
    } finally {
      delete process.env.APP_ID;
    }
  });

  it("requests the missing groups' teams once, and not again on redelivery", async () => {
    const payload = pullEvent("synchronize");
    await receive("pull_request", payload);
    await receive("pull_request", structuredClone(payload));
    const requests = log.filter((r) => r.operationId === "pulls/request-reviewers");
    expect(requests.map((r) => r.body)).toEqual([{ team_reviewers: ["marketing", "web-ops"] }]);
    expect(lastCheck().output.summary).toMatch(/⏳ waiting/);
  });

  it("the check's Re-run button re-evaluates its pull requests; other apps' checks are ignored", async () => {
    const payload = examplePayload("check_run", "rerequested");
    payload.repository.owner.login = world.owner;
    payload.repository.name = world.repo;
    payload.check_run.head_sha = world.pull.head_sha;
    payload.check_run.pull_requests = [{ number: world.pull.number }];
    await receive("check_run", { ...payload, check_run: { ...payload.check_run, name: "someone-else" } });
    expect(checkRuns(log)).toHaveLength(0);
    payload.check_run.name = "campaign-gate/review";
    await receive("check_run", payload);
    expect(lastCheck()).toMatchObject({ name: "campaign-gate/review", head_sha: world.pull.head_sha });
  });
});

describe("one check run per head, updated in place", () => {
  it("a new review updates the same run; a completed run that must wait again gets a new one", async () => {
    worldReview(world, "ann", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "ann", "APPROVED"));
    expect(world.checkRuns).toHaveLength(1);
    expect(lastCheck().status).toBe("in_progress");

    worldReview(world, "bob", "APPROVED");
    await receive("pull_request_review", reviewEvent("submitted", "bob", "APPROVED"));
    expect(world.checkRuns).toHaveLength(1);
    expect(lastCheck()).toMatchObject({ status: "completed", conclusion: "success" });
    expect(lastCheck().external_id).toMatch(
      /^v1 head=ec26c3e\w+ base=f95f852\w+ reviews=2-\d+-[0-9a-f]{8} asked=/,
    );

    // GitHub cannot reopen a completed run: waiting again takes a new run, which is then in force.
    world.reviews.find((r) => r.user === "bob")!.state = "DISMISSED";
    await receive("pull_request_review", reviewEvent("dismissed", "bob", "DISMISSED"));
    expect(world.checkRuns).toHaveLength(2);
    expect(lastCheck()).toMatchObject({ status: "in_progress", output: { title: "Waiting for review: it" } });
  });

  it("the Re-run button updates the same run", async () => {
    worldReview(world, "ann", "APPROVED");
    await receive("pull_request", pullEvent("synchronize"));
    const payload = examplePayload("check_run", "rerequested");
    payload.check_run.name = "campaign-gate/review";
    payload.check_run.head_sha = world.pull.head_sha;
    payload.check_run.pull_requests = [{ number: world.pull.number }];
    worldReview(world, "bob", "APPROVED");
    await receive("check_run", payload);
    expect(world.checkRuns).toHaveLength(1);
    expect(lastCheck()).toMatchObject({ conclusion: "success" });
  });

  it("a create that GitHub executed but answered 502 is not created twice", async () => {
    let failed = 0;
    world.after = (operationId, answered) =>
      operationId === "checks/create" && failed++ === 0
        ? { status: 502, body: { message: "Bad Gateway" } }
        : answered;
    worldReview(world, "ann", "APPROVED");
    worldReview(world, "bob", "APPROVED");
    await receive("pull_request", pullEvent("synchronize"));
    expect(failed).toBe(1);
    expect(world.checkRuns).toHaveLength(1);
    expect(lastCheck()).toMatchObject({ conclusion: "success" });
  });

  it("a create that failed for real is tried once more after looking", async () => {
    let failed = 0;
    world.fail = (operationId) => (operationId === "checks/create" && failed++ === 0 ? 502 : undefined);
    await receive("pull_request", pullEvent("synchronize"));
    expect(world.checkRuns).toHaveLength(1);
    expect(log.map((r) => r.operationId).filter((op) => op.startsWith("checks/"))).toEqual([
      "checks/list-for-ref",
      "checks/create",
      "checks/list-for-ref",
      "checks/create",
    ]);
  });

  it("re-evaluates when a review arrived while it evaluated (the world moved)", async () => {
    worldReview(world, "ann", "APPROVED");
    // Bob approves right after the reviews were read, before the check is written.
    let reads = 0;
    world.after = (operationId, answered) => {
      if (operationId === "pulls/list-reviews" && reads++ === 0) worldReview(world, "bob", "APPROVED");
      return answered;
    };
    await receive("pull_request", pullEvent("synchronize"));
    expect(lastCheck()).toMatchObject({ conclusion: "success" });
    expect(world.checkRuns).toHaveLength(1);
  });
});
