/**
 * Campaign request issues through Probot, end to end in one process: real `issues` and
 * `pull_request_review` payloads from @octokit/webhooks-examples, GitHub replaced by the fake world
 * (every request checked against GitHub's OpenAPI description). The two-process races are in
 * issue-form-replicas.test.ts.
 */
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import app from "../../src/app/index.js";
import { appProbot, examplePayload, type Payload } from "../helpers/app-probot.js";
import { issuePayload, requestBody, requestWorld } from "./campaign-requests.js";
import {
  APP_LOGIN,
  BASE_SHA,
  OWNER,
  REPO,
  closeWorld,
  serveWorld,
  type Served,
  type World,
} from "./world.js";

const BRANCH = "campaign-gate/issue-1";
let served: Served;
let delivery = 0;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-23T09:00:00Z"));
});
afterEach(async () => {
  vi.useRealTimers();
  await closeWorld();
});

async function probotFor(world: World): Promise<Probot> {
  served = await serveWorld(world);
  return appProbot(app, served.fake.url);
}

function receive(probot: Probot, name: string, payload: Payload): Promise<void> {
  return probot.receive({ id: `issue-form-${++delivery}`, name, payload } as never);
}

/** The file on the pull request's branch. */
function fileOnBranch(world: World, path: string): string | undefined {
  return world.commits[world.branches?.[BRANCH] ?? ""]?.[path];
}

/** Writes other than the claim label's create and delete. */
function sideEffects(): string[] {
  return served
    .writes()
    .filter(
      (call) => !/\/labels(\/campaign-gate-claim-[0-9a-f-]+)?$/.test(call) || call.includes("/issues/"),
    );
}

describe("a campaign request issue", () => {
  it("becomes one pull request with the checked file and Closes #1, linked in one comment; a redelivery changes nothing", async () => {
    const { world, issue } = requestWorld();
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));

    expect(sideEffects()).toEqual([
      `POST /repos/${OWNER}/${REPO}/git/refs`,
      `PUT /repos/${OWNER}/${REPO}/contents/campaigns%2Feaster-mail.yaml`,
      `POST /repos/${OWNER}/${REPO}/pulls`,
      `POST /repos/${OWNER}/${REPO}/issues/1/comments`,
    ]);
    expect(world.pulls).toHaveLength(1);
    const [pull] = world.pulls;
    expect(pull).toMatchObject({
      head_ref: BRANCH,
      title: "Campaign: Easter mail",
      author: APP_LOGIN,
      state: "open",
    });
    expect(pull!.files).toEqual(["campaigns/easter-mail.yaml"]);
    expect(pull!.body).toContain("Closes #1");
    expect(pull!.body).toContain(
      "<!-- campaign-gate:issue-pull issue=1 author=mona path=campaigns/easter-mail.yaml -->",
    );
    expect(pull!.body).toContain(
      "**Capacity check:** passes. At its busiest it takes a service to **32%** of its safe capacity.",
    );
    expect(parse(fileOnBranch(world, "campaigns/easter-mail.yaml")!)).toEqual({
      id: "easter-mail",
      name: "Easter mail",
      owner: "@mona",
      type: "email",
      window: { start: "2027-03-01", end: "2027-03-01" },
      timezone: "UTC",
      targets: [{ site: "shop" }],
      forecast: {
        peak_requests_per_second: 100,
        confidence: "historical",
        basis: "Last Easter's mailing peaked at 80 requests/s.",
      },
    });
    expect(world.comments).toHaveLength(1);
    expect(world.comments[0]!.body).toContain(
      `Pull request #${pull!.number} adds \`campaigns/easter-mail.yaml\``,
    );
    // Nothing left behind: the claim label is gone.
    expect([...world.repoLabels.keys()]).toEqual([]);

    const before = sideEffects().length;
    await receive(probot, "issues", issuePayload("opened", issue));
    await receive(probot, "issues", issuePayload("labeled", issue));
    expect(sideEffects().slice(before)).toEqual([]);
    expect(world.pulls).toHaveLength(1);
    expect(world.comments).toHaveLength(1);
  });

  it("with problems gets one plain-language comment and a label; fixed by an edit, the same comment links the pull request", async () => {
    const { world, issue } = requestWorld(requestBody({ "Expected peak": "lots", Sites: "- [ ] shop" }));
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));

    expect(world.pulls).toEqual([]);
    expect(world.branches ?? {}).toEqual({});
    expect(world.comments).toHaveLength(1);
    const comment = world.comments[0]!;
    expect(comment.body).toContain(
      "**This campaign request needs a few changes before it can be reviewed.**",
    );
    expect(comment.body).toContain(
      '- **Expected peak** must be a number above 0, such as 40000: found "lots".',
    );
    expect(comment.body).toContain("- **Sites**: tick at least one site.");
    expect(issue.labels).toEqual(["campaign-request", "campaign-request-needs-changes"]);

    // Our own label's `labeled` event starts nothing.
    const before = sideEffects().length;
    const ours = issuePayload("labeled", issue);
    ours.label = { ...ours.label, name: "campaign-request-needs-changes" };
    await receive(probot, "issues", ours);
    expect(served.fake.calls().slice(-1)).not.toContain(`GET /repos/${OWNER}/${REPO}/issues/1`);
    expect(sideEffects().length).toBe(before);

    issue.body = requestBody();
    await receive(probot, "issues", issuePayload("edited", issue));
    expect(world.pulls).toHaveLength(1);
    expect(world.comments).toHaveLength(1);
    expect(world.comments[0]!.id).toBe(comment.id);
    expect(world.comments[0]!.body).toContain(`Pull request #${world.pulls[0]!.number} adds`);
    expect(issue.labels).toEqual(["campaign-request"]);
  });

  it("with a traffic shape and a share: the pull request's file has them; a bad detail is named in the comment first", async () => {
    const shaped = {
      "Share per site": "shop: 60%",
      "Traffic shape": "front-loaded: an e-mail that is busiest right after the send",
      "Airing or send times (spike, front-loaded)": "2027-03-01 08:00",
      "How fast it fades (spike, front-loaded)": "soon",
    };
    const { world, issue } = requestWorld(requestBody(shaped));
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));
    expect(world.pulls).toEqual([]);
    expect(world.comments).toHaveLength(1);
    expect(world.comments[0]!.body).toContain(
      '- **How fast it fades (spike, front-loaded)** must be a time with its unit, such as 10 minutes or 6 hours; found "soon".',
    );

    issue.body = requestBody({ ...shaped, "How fast it fades (spike, front-loaded)": "4 hours" });
    await receive(probot, "issues", issuePayload("edited", issue));
    expect(world.pulls).toHaveLength(1);
    const file = parse(fileOnBranch(world, "campaigns/easter-mail.yaml") ?? "") as {
      targets: unknown;
      forecast: { shape: unknown };
    };
    expect(file.targets).toEqual([{ site: "shop", share: 0.6 }]);
    expect(file.forecast.shape).toEqual({ kind: "front_loaded", at: "2027-03-01T08:00", half_life_hours: 4 });
    expect(issue.labels).toEqual(["campaign-request"]);
  });

  it("edited after its pull request updates the same branch and pull request (a new name moves the file)", async () => {
    const { world, issue } = requestWorld();
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));
    const number = world.pulls[0]!.number;

    issue.body = requestBody({ "Expected peak": "150" });
    await receive(probot, "issues", issuePayload("edited", issue));
    expect(world.pulls).toHaveLength(1);
    expect(parse(fileOnBranch(world, "campaigns/easter-mail.yaml")!).forecast.peak_requests_per_second).toBe(
      150,
    );
    expect(world.pulls[0]!.body).toContain("**38%**");

    issue.body = requestBody({ "Expected peak": "150", "Campaign name": "Easter mail (Europe)" });
    await receive(probot, "issues", issuePayload("edited", issue));
    expect(world.pulls.map((p) => p.number)).toEqual([number]);
    expect(world.pulls[0]!.title).toBe("Campaign: Easter mail (Europe)");
    expect(world.pulls[0]!.files).toEqual(["campaigns/easter-mail-europe.yaml"]);
    expect(fileOnBranch(world, "campaigns/easter-mail.yaml")).toBeUndefined();
    expect(world.comments).toHaveLength(1);
    expect(world.comments[0]!.body).toContain("`campaigns/easter-mail-europe.yaml`");
    // The file was replaced with its sha, as GitHub requires (the world answers 409/422 otherwise).
    expect(served.fake.violations).toEqual([]);
  });

  it("closed closes its pull request and deletes nothing; reopened reopens it", async () => {
    const { world, issue } = requestWorld();
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));
    issue.state = "closed";
    await receive(probot, "issues", issuePayload("closed", issue));
    expect(world.pulls[0]!.state).toBe("closed");
    expect(world.branches?.[BRANCH]).toBeDefined();
    expect(world.comments).toHaveLength(1);

    issue.state = "open";
    await receive(probot, "issues", issuePayload("reopened", issue));
    expect(world.pulls).toHaveLength(1);
    expect(world.pulls[0]!.state).toBe("open");
  });

  it("without contents: write answers with the ready file and GitHub's create-file link, in the one comment", async () => {
    const { world, issue } = requestWorld();
    world.fail = (call) => (call === `POST /repos/${OWNER}/${REPO}/git/refs` ? 403 : undefined);
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));
    await receive(probot, "issues", issuePayload("opened", issue));

    expect(world.pulls).toEqual([]);
    expect(world.comments).toHaveLength(1);
    const body = world.comments[0]!.body;
    expect(body).toContain("**This campaign request passes the check.**");
    expect(body).toContain(
      "```yaml\n# From a campaign request issue; edit the issue to change it.\nid: easter-mail\n",
    );
    const link = new URL(/\]\((https:[^)]+)\)/.exec(body)![1]!);
    expect(link.pathname).toBe(`/${OWNER}/${REPO}/new/master`);
    expect(link.searchParams.get("filename")).toBe("campaigns/easter-mail.yaml");
  });

  it("whose body no longer follows the form gets one comment saying so, and no pull request", async () => {
    const { world, issue } = requestWorld("We need a big sale in March, about 3k people, shop site. Thanks!");
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));
    expect(world.pulls).toEqual([]);
    expect(world.comments).toHaveLength(1);
    expect(world.comments[0]!.body).toContain("This issue no longer follows the campaign form");
    expect(issue.labels).toContain("campaign-request-needs-changes");
  });

  it("from another issue (no form label) costs no API call", async () => {
    const { world, issue } = requestWorld();
    const probot = await probotFor(world);
    const payload = issuePayload("opened", issue);
    payload.issue.labels = [];
    await receive(probot, "issues", payload);
    expect(served.fake.requests).toEqual([]);
  });
});

describe("the review of the pull request the app opened", () => {
  it("does not count the issue author's own approval: marketing waits until someone else approves", async () => {
    const { world, issue } = requestWorld();
    const probot = await probotFor(world);
    await receive(probot, "issues", issuePayload("opened", issue));
    const pull = world.pulls[0]!;
    const review = (user: string, id: number) => ({
      id,
      user,
      state: "APPROVED",
      commit_id: pull.head_sha,
      submitted_at: "2026-11-23T10:00:00Z",
    });
    const payload = examplePayload("pull_request_review", "submitted");
    Object.assign(payload.pull_request, {
      number: pull.number,
      state: "open",
      draft: false,
      body: pull.body,
      user: { ...payload.pull_request.user, login: APP_LOGIN, type: "Bot" },
      requested_reviewers: [],
      requested_teams: [],
    });
    Object.assign(payload.pull_request.head, { sha: pull.head_sha, ref: BRANCH });
    Object.assign(payload.pull_request.base, { sha: BASE_SHA, ref: "master" });
    const checks = () =>
      served.fake.requests
        .filter((r) => r.operationId === "checks/create" || r.operationId === "checks/update")
        .map((r) => r.body as { conclusion?: string; output: { title: string } });

    // mona asked for the campaign; the app's own review (a bot) never counts either.
    pull.reviews.push(review("mona", 1), review(APP_LOGIN, 2));
    await receive(probot, "pull_request_review", payload);
    expect(checks().at(-1)!.output.title).toBe("Waiting for review: marketing");
    expect(checks().at(-1)!.conclusion).toBeUndefined();

    // Someone with write access edits the body's marker to name another person: nothing changes,
    // the author comes from the issue the app's branch names.
    payload.pull_request.body = pull.body!.replace("author=mona", "author=mike");
    await receive(probot, "pull_request_review", payload);
    expect(checks().at(-1)!.output.title).toBe("Waiting for review: marketing");
    expect(served.fake.calls()).toContain(`GET /repos/${OWNER}/${REPO}/issues/1`);

    pull.reviews.push(review("mike", 3));
    await receive(probot, "pull_request_review", payload);
    expect(checks().at(-1)!.conclusion).toBe("success");
    expect(checks().at(-1)!.output.title).toContain("marketing by @mike");
    // The app's login came from GET /app (with the app's JWT), read once.
    expect(served.fake.calls().filter((c) => c === "GET /app")).toHaveLength(1);
  });
});
