/**
 * Issue 14 on open pull requests, end to end: two real app processes receive the same
 * `pull_request.opened` at the same moment, twice, against one fake GitHub checked against GitHub's
 * OpenAPI description. A pull request adding maintenance over a campaign whose owner is a
 * collaborator → a review request for that owner, no comment. One whose owners include a
 * non-collaborator → GitHub refuses the request (422) → one comment mentioning them all.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { Payload } from "../helpers/app-probot.js";
import { replicaSuite } from "./replica-suite.js";
import { BASE_SHA, CAPACITY, addPull, campaignYaml, newWorld, serveWorld } from "./world.js";

const SANDBOX = "campaign-gate-owner-attention";
type Definitions = { name: string; examples: Payload[] }[];
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Definitions;

const suite = replicaSuite(SANDBOX);

const maintenance = (day: string) => `${CAPACITY}maintenance:
  - name: Web host patching
    services: [web]
    start: ${day}T02:00:00Z
    end: ${day}T06:00:00Z
    capacity_factor: 0.5
`;

it("owners who are collaborators get a review request; when one is not, all are mentioned in one comment (two processes, delivered twice)", async () => {
  const world = newWorld();
  world.latency = () => Math.random() * 10;
  // On 1 May 2027: may-mail (@mona, a collaborator) and partner-mail (@lisa, an agency, not one).
  Object.assign(world.commits[BASE_SHA]!, {
    "campaigns/may-mail.yaml": campaignYaml("may-mail", 10, "2027-05-01"),
    "campaigns/partner-mail.yaml": campaignYaml("partner-mail", 10, "2027-05-01").replace(
      '"@mona"',
      '"@lisa"',
    ),
  });
  // Over spring-mail (@mona) only, and over the two May campaigns.
  addPull(
    world,
    { "infra/capacity.yaml": maintenance("2027-04-01") },
    { number: 7, head_sha: "1".repeat(40) },
  );
  addPull(
    world,
    { "infra/capacity.yaml": maintenance("2027-05-01") },
    { number: 8, head_sha: "2".repeat(40) },
  );
  const served = await serveWorld(world);
  // GitHub takes review requests for collaborators only, and refuses the whole request otherwise.
  const collaborators = new Set(["codertocat", "mona", "mike", "bob", "bea", "ivan", "olga", "carol"]);
  served.fake.on(
    "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    (request, { pull_number }) => {
      const pull = world.pulls.find((p) => p.number === Number(pull_number))!;
      const body = request.body as { reviewers?: string[]; team_reviewers?: string[] };
      if ((body.reviewers ?? []).some((login) => !collaborators.has(login.toLowerCase())))
        return {
          status: 422,
          body: {
            message:
              "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the Codertocat/Hello-World repository.",
          },
        };
      for (const login of body.reviewers ?? [])
        if (!pull.requested_reviewers.includes(login)) pull.requested_reviewers.push(login);
      for (const slug of body.team_reviewers ?? [])
        if (!pull.requested_teams.includes(slug)) pull.requested_teams.push(slug);
      return { status: 201, body: { number: pull.number } };
    },
  );
  await suite.start(served.fake.url);

  const opened = examples
    .find((d) => d.name === "pull_request")!
    .examples.find((p) => p.action === "opened")!;
  const open = async (number: number) => {
    const pull = world.pulls.find((p) => p.number === number)!;
    const payload = structuredClone(opened);
    Object.assign(payload, { installation: { id: 1, node_id: "MDIzOkluc3RhbGxhdGlvbjE=" } });
    Object.assign(payload.pull_request, { number, draft: false, state: "open", changed_files: 1 });
    payload.pull_request.head.sha = pull.head_sha;
    payload.pull_request.base.sha = BASE_SHA;
    const pattern = new RegExp(`^owner attention for .*#${number}: `);
    for (let delivery = 1; delivery <= 2; delivery++) {
      await suite.deliver("pull_request", payload);
      await suite.until(() => suite.logged(pattern).length >= 2 * delivery);
    }
    return suite.logged(pattern);
  };

  const first = await open(7);
  expect(first.some((line) => line.endsWith("requested @mona, mentioned nobody"))).toBe(true);
  expect(world.pulls.find((p) => p.number === 7)!.requested_reviewers).toContain("mona");
  expect(world.comments.filter((c) => c.issue_number === 7)).toEqual([]);

  const second = await open(8);
  expect(second.filter((line) => line.endsWith("requested nobody, mentioned @mona @lisa"))).toHaveLength(1);
  const comments = world.comments.filter((c) => c.issue_number === 8);
  expect(comments).toHaveLength(1);
  expect(comments[0]!.body).toBe(
    [
      "<!-- campaign-gate:owner-attention owners=%40lisa,%40mona -->",
      "",
      "This pull request changes IT's schedule around your campaigns:",
      "",
      '- Maintenance "Web host patching": web at 50% of capacity, Sat 1 May 2027 02:00 UTC to Sat 1 May 2027 06:00 UTC: may-mail (@mona), partner-mail (@lisa)',
      "",
      "@mona @lisa: for your attention, no approval needed. Where the campaign-gate Action runs, its comment on this pull request says what the change means for each campaign.",
    ].join("\n"),
  );
  expect(world.pulls.find((p) => p.number === 8)!.requested_reviewers).not.toContain("lisa");
  // docs/coordination.md shows this very comment.
  const doc = readFileSync(join(import.meta.dirname, "../../docs/coordination.md"), "utf8");
  const section = doc.slice(doc.indexOf("### Owners' attention on the pull request"));
  const shown = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
  expect(`<!-- campaign-gate:owner-attention owners=%40lisa,%40mona -->\n\n${shown}`).toBe(
    `${comments[0]!.body}\n`,
  );
  expect(world.repoLabels.size).toBe(0);
}, 180_000);
