/**
 * Issue 14 in the app, end to end: two real app processes receive the same merged pull request
 * (which adds a maintenance window over a campaign) at the same moment, twice, against one fake
 * GitHub checked against GitHub's OpenAPI description; then two scheduled runs
 * (`node lib/app/sla-run.js`) at once, before and after the window.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { Payload } from "../helpers/app-probot.js";
import { runNode } from "../helpers/two-apps.js";
import { replicaSuite } from "./replica-suite.js";
import { BASE_SHA, CAPACITY, OWNER, REPO, addPull, newWorld, serveWorld } from "./world.js";

const SANDBOX = "campaign-gate-announce";
const MERGE_SHA = "e".repeat(40);
const PR = 7;
// Over spring-mail (1 April 2027, shop, which uses web): web at half capacity for four hours.
const WITH_MAINTENANCE = `${CAPACITY}maintenance:
  - name: Web host patching
    services: [web]
    start: 2027-04-01T02:00:00Z
    end: 2027-04-01T06:00:00Z
    capacity_factor: 0.5
`;
const MARKER =
  "<!-- campaign-gate:announcement key=maintenance%3AWeb%20host%20patching start=2027-04-01T02:00:00.000Z end=2027-04-01T06:00:00.000Z -->";

type Definitions = { name: string; examples: Payload[] }[];
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Definitions;

const suite = replicaSuite(SANDBOX);

it("merge → one announcement issue (two processes, delivered twice); after the window → one 'completed' comment and closed", async () => {
  const world = newWorld();
  world.latency = () => Math.random() * 10;
  addPull(world, { "infra/capacity.yaml": WITH_MAINTENANCE }, { number: PR, state: "closed" });
  world.commits[MERGE_SHA] = { ...world.commits["c".repeat(40)] };
  const served = await serveWorld(world);
  await suite.start(served.fake.url);

  const payload = structuredClone(
    examples.find((d) => d.name === "pull_request")!.examples.find((p) => p.action === "closed")!,
  );
  Object.assign(payload, { installation: { id: 1, node_id: "MDIzOkluc3RhbGxhdGlvbjE=" } });
  Object.assign(payload.pull_request, {
    number: PR,
    title: "Patch the web hosts",
    merged: true,
    merge_commit_sha: MERGE_SHA,
    changed_files: 1,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}`,
  });
  payload.pull_request.base.sha = BASE_SHA;

  for (let delivery = 1; delivery <= 2; delivery++) {
    await suite.deliver("pull_request", payload);
    await suite.until(() => suite.logged(/^announcements for .*#7: /).length >= 2 * delivery);
  }
  const outcomes = suite.logged(/^announcements for .*#7: /);
  expect(outcomes.filter((line) => line.endsWith("maintenance:Web host patching created"))).toHaveLength(1);

  const announcements = world.issues.filter((i) => i.body.includes(MARKER));
  expect(announcements).toHaveLength(1);
  const issue = announcements[0]!;
  expect(world.issues).toHaveLength(1);
  expect(issue.state).toBe("open");
  expect(issue.labels).toEqual(["campaign-gate: maintenance"]);
  expect(issue.title).toBe(
    'Maintenance "Web host patching": web at 50% of capacity, Thu 1 Apr 2027 02:00 UTC to Thu 1 Apr 2027 06:00 UTC',
  );
  expect(issue.body).toContain(
    `Merged in #7 ([Patch the web hosts](https://github.com/${OWNER}/${REPO}/pull/7)).`,
  );
  expect(issue.body).toContain("- Services: web\n- Sites using them: shop");
  expect(issue.body).toContain("### spring-mail (`campaigns/spring-mail.yaml`), owner @mona");
  // web can scale to 10 instances × 100 requests/s × target 1 = 1,000 safe; half of it during the window.
  expect(issue.body).toContain(
    "web keeps 50% of its capacity from Thu 1 Apr 2027 02:00 UTC to Thu 1 Apr 2027 06:00 UTC: 500 requests/s instead of 1,000 requests/s; this campaign adds up to 20 requests/s on top of 200 requests/s ordinary traffic.",
  );
  expect(issue.body).toContain("@mona: for your attention, no approval needed.");
  expect(world.repoLabels.size).toBe(0);
  // docs/coordination.md shows this very issue.
  const doc = readFileSync(join(import.meta.dirname, "../../docs/coordination.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Maintenance and freeze announcements"));
  const shown = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
  expect(`${MARKER}\n\n${shown}`).toBe(issue.body);
  expect(section.replace(/\s+/g, " ")).toContain(`(issue title: \`${issue.title}\`)`);

  // The merge is on the default branch now (the scheduled run compares the announcement with it).
  world.commits[BASE_SHA] = world.commits[MERGE_SHA];
  const script = join(suite.lib, "app/sla-run.js");
  const sweep = (now: string) =>
    Promise.all(
      [1, 2].map(() =>
        runNode(script, {
          GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
          GITHUB_TOKEN: "test",
          GITHUB_API_URL: served.fake.url,
          CAMPAIGN_GATE_NOW: now,
        }),
      ),
    );
  // During the window: nothing happens.
  for (const run of await sweep("2027-04-01T05:59:00Z")) expect(run.status, run.stderr).toBe(0);
  expect(issue.state).toBe("open");
  expect(world.comments).toHaveLength(0);

  // After it, twice at once and then again: one comment, closed as completed.
  for (let round = 1; round <= 2; round++) {
    const runs = await sweep("2027-04-01T06:00:00Z");
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const said = runs.map((run) => run.stdout).join("\n");
    expect(said.split(`announcement #${issue.number} completed and closed`)).toHaveLength(
      round === 1 ? 2 : 1,
    );
  }
  const comments = world.comments.filter((c) => c.issue_number === issue.number);
  expect(comments).toHaveLength(1);
  expect(comments[0]!.body).toContain(
    `<!-- campaign-gate:announcement-completed issue=${issue.number} -->\n\n**Completed.** The maintenance "Web host patching" is completed: its services are back to full capacity.`,
  );
  expect(issue.state).toBe("closed");
  expect(issue.state_reason).toBe("completed");
  expect(world.repoLabels.size).toBe(0);
}, 120_000);
