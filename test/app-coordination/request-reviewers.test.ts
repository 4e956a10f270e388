import { afterEach, describe, expect, it } from "vitest";
import { requestReviewers } from "../../src/app/coordination/request-reviewers.js";
import { evaluateReview } from "../../src/core/review/evaluate.js";
import { gatherPullState } from "../../src/github/review-state.js";
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

/** One review evaluation followed by the reviewer requests, as the review handler runs them. */
async function evaluateAndRequest(draft = false) {
  const gathered = await gatherPullState(served!.client, { owner: OWNER, repo: REPO, number: 2 });
  if (!gathered.open) throw new Error("the pull request should be open");
  return requestReviewers(served!.client, gathered.state, evaluateReview(gathered.state), { draft });
}

describe("requestReviewers", () => {
  it("requests each missing group once, and nothing on a redelivery", async () => {
    const world = newWorld();
    const pull = addPull(world, { "campaigns/summer-sale.yaml": campaignYaml("summer-sale", 400) });
    served = await serveWorld(world);

    expect(await evaluateAndRequest()).toEqual({ reviewers: [], team_reviewers: ["marketing", "web-ops"] });
    const posts = served.fake.requests.filter((r) => r.operationId === "pulls/request-reviewers");
    expect(posts.map((r) => r.body)).toEqual([{ team_reviewers: ["marketing", "web-ops"] }]);
    expect(pull.requested_teams).toEqual(["marketing", "web-ops"]);

    const before = served.fake.requests.length;
    expect(await evaluateAndRequest()).toEqual({ reviewers: [], team_reviewers: [] });
    const again = served.fake.requests.slice(before);
    expect(again.filter((r) => r.method !== "GET")).toEqual([]);
    // Both groups are asked through their teams already: no member list is even read.
    expect(again.filter((r) => r.path.includes("/teams/"))).toEqual([]);
  });

  it("counts a member who already reviewed as asked, and asks only the other group", async () => {
    const world = newWorld();
    const pull = addPull(world, { "campaigns/summer-sale.yaml": campaignYaml("summer-sale", 400) });
    pull.reviews.push({
      id: 1,
      user: "bob",
      state: "COMMENTED",
      commit_id: HEAD_SHA,
      submitted_at: "2026-11-23T08:00:00Z",
    });
    served = await serveWorld(world);
    expect(await evaluateAndRequest()).toEqual({ reviewers: [], team_reviewers: ["marketing"] });
  });

  it("requests nobody on a draft", async () => {
    const world = newWorld();
    addPull(world, { "campaigns/summer-sale.yaml": campaignYaml("summer-sale", 400) }, { draft: true });
    served = await serveWorld(world);
    expect(await evaluateAndRequest(true)).toEqual({ reviewers: [], team_reviewers: [] });
    expect(served.writes()).toEqual([]);
  });
});
