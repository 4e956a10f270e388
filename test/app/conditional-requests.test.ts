/**
 * The app's conditional requests (src/app/conditional-requests.ts) against the e2e fake GitHub,
 * which answers ETags and 304s as GitHub does: an unchanged answer costs a 304 and comes back as
 * it was; a changed one is read in full; writes are never conditional; installations never share.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conditionalRequests } from "../../src/app/conditional-requests.js";
import { defaultWorld, worldReview, type World } from "../helpers/app-github.js";
import { startGitHub, type FakeGitHubServer } from "../helpers/two-apps.js";
import { ProbotOctokit } from "probot";

let world: World = defaultWorld();
let github: FakeGitHubServer;
beforeAll(async () => {
  github = await startGitHub(() => world);
});
afterAll(() => github?.close());

const Octokit = ProbotOctokit.plugin(
  conditionalRequests as unknown as Parameters<typeof ProbotOctokit.plugin>[0],
);
const client = (installationId: number) =>
  new Octokit({
    baseUrl: github.url,
    auth: { installationId },
    authStrategy: () => ({
      hook: (request: never, options: never) => (request as (o: never) => unknown)(options),
      auth: () => ({}),
    }),
    retry: { enabled: false },
    throttle: { enabled: false },
  });

const reviews = { owner: "Codertocat", repo: "Hello-World", pull_number: 2 };
const statuses = () => github.log.map((r) => r.status);

describe("conditional requests", () => {
  it("re-reads an unchanged list with a 304 and returns the remembered answer; a change is read in full", async () => {
    world = defaultWorld();
    worldReview(world, "ann", "APPROVED");
    const octokit = client(1);
    const route = "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews";
    const first = await octokit.request(route, reviews);
    const again = await octokit.request(route, reviews);
    expect(again.data).toEqual(first.data);
    worldReview(world, "bob", "APPROVED");
    const changed = await octokit.request(route, reviews);
    expect(changed.data.map((r) => r.user?.login)).toEqual(["ann", "bob"]);
    expect(statuses().slice(-3)).toEqual([200, 304, 200]);
  });

  it("never shares an answer between installations, and never makes a write conditional", async () => {
    world = defaultWorld();
    const route = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs";
    const ref = { owner: "Codertocat", repo: "Hello-World", ref: world.pull.head_sha };
    await client(2).request(route, ref);
    await client(3).request(route, ref);
    const body = {
      name: "campaign-gate/review",
      head_sha: world.pull.head_sha,
      status: "in_progress" as const,
    };
    await client(2).request("POST /repos/{owner}/{repo}/check-runs", { ...ref, ...body });
    await client(2).request("POST /repos/{owner}/{repo}/check-runs", { ...ref, ...body });
    const runs = await client(2).request(route, ref);
    expect(runs.data.total_count).toBe(2);
    expect(statuses().slice(-5)).toEqual([200, 200, 201, 201, 200]);
  });
});
