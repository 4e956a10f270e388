/**
 * The fast lane inside the review check (DESIGN section 5): a low-impact campaign passes with a
 * marketing approval alone, while a bigger one still needs IT. The check runs the shared engine
 * on the head's campaign files, read through the API.
 */
import { afterEach, describe, expect, it } from "vitest";
import { reviewPull } from "../../src/app/review-pull.js";
import {
  HEAD_SHA,
  OWNER,
  REPO,
  addPull,
  campaignYaml,
  newWorld,
  serveWorld,
  type Served,
  closeWorld,
} from "./world.js";

let served: Served | undefined;
afterEach(closeWorld);

const quiet = { info() {}, error() {} };
const marketingApproval = {
  id: 1,
  user: "mona",
  state: "APPROVED",
  commit_id: HEAD_SHA,
  submitted_at: "2026-11-20T16:00:00Z",
};

/** Reviews pull #2 and returns the check run it created. */
async function reviewAndCheck(rps: number) {
  const world = newWorld();
  addPull(
    world,
    { "campaigns/summer-sale.yaml": campaignYaml("summer-sale", rps) },
    { reviews: [marketingApproval] },
  );
  served = await serveWorld(world);
  const result = await reviewPull(
    served.client,
    { owner: OWNER, repo: REPO, number: 2, head_sha: HEAD_SHA },
    quiet,
  );
  const checks = served.fake.requests.filter((r) => r.operationId === "checks/create");
  expect(checks).toHaveLength(1);
  return {
    result,
    check: checks[0]!.body as {
      status: string;
      conclusion?: string;
      output: { title: string; summary: string };
    },
  };
}

describe("the fast lane in the review check", () => {
  it("waives IT for a campaign at 32% of safe capacity: one marketing approval passes", async () => {
    const { check } = await reviewAndCheck(120);
    expect(check).toMatchObject({ status: "completed", conclusion: "success" });
    expect(check.output.title).toBe("Approved: marketing by @mona, it waived");
    expect(check.output.summary).toContain("| it | waived: low impact (peak 32%) |");
    // Nobody from IT is asked to review a waived group.
    expect(served!.fake.requests.filter((r) => r.operationId === "pulls/request-reviewers")).toEqual([]);
  });

  it("still needs IT for a campaign at 60%, and asks web-ops", async () => {
    const { check } = await reviewAndCheck(400);
    expect(check.status).toBe("in_progress");
    expect(check.output.title).toBe("Waiting for review: it");
    // Reviewers are requested before the check is published, so it names who was asked.
    expect(check.output.summary).toContain(
      "| it | ⏳ waiting (requested: @Codertocat/web-ops) | campaigns |",
    );
    expect(check.output.summary).toContain(
      "**Fast lane:** not waived: summer-sale peaks at 60% of safe capacity (fast lane up to 50%).",
    );
    const requests = served!.fake.requests.filter((r) => r.operationId === "pulls/request-reviewers");
    expect(requests.map((r) => r.body)).toEqual([{ team_reviewers: ["web-ops"] }]);
  });
});
