/**
 * Issue 14, the scheduled run's part, end to end: the announcement issues are opened by the app's
 * merge code (`announceMerged`, against the fake GitHub of world.ts, checked against GitHub's
 * OpenAPI description), then two scheduled runs (`node lib/app/sla-run.js`, compiled) sweep at the
 * same moment, twice.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { announceMerged } from "../../src/app/coordination/announce.js";
import { checkMerged } from "../../src/app/coordination/merged-check.js";
import { sweepAnnouncements } from "../../src/app/coordination/announcement-sweep.js";
import { loadConfig } from "../../src/core/load/index.js";
import { compileApp, removeApp, runNode } from "../helpers/two-apps.js";
import {
  BASE_SHA,
  CAPACITY,
  CONFIG,
  OWNER,
  REPO,
  addPull,
  campaignYaml,
  closeWorld,
  newWorld,
  serveWorld,
  type Served,
  type World,
} from "./world.js";

const SANDBOX = "campaign-gate-announcement-sweep";
const MERGE_SHA = "e".repeat(40);
const MERGED_AT = Date.parse("2026-12-01T10:00:00Z");

let lib: string;
beforeAll(async () => {
  lib = await compileApp(SANDBOX);
}, 60_000);
afterEach(closeWorld);
afterAll(() => removeApp(SANDBOX));

/**
 * Merges a pull request with `changes` into the default branch and lets the app announce it. The
 * world's default branch: `world.commits[defaultBranch]` (trees) and BASE_SHA (contents at the
 * branch name), kept equal.
 */
async function merge(world: World, served: Served, number: number, changes: Record<string, string>) {
  const before = world.commits[world.defaultBranch]!;
  world.commits[BASE_SHA] = before;
  addPull(world, changes, { number, state: "closed", head_sha: MERGE_SHA });
  const { config } = loadConfig({
    path: ".github/campaign-gate.yml",
    text: before[".github/campaign-gate.yml"]!,
  });
  const pull = {
    owner: OWNER,
    repo: REPO,
    number,
    title: `PR ${number}`,
    url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
    author: "ivan",
    mergeSha: MERGE_SHA,
    changed_files: Object.keys(changes).length,
  };
  const merged = await checkMerged(served.client, pull, config, MERGED_AT);
  const outcome = await announceMerged(served.client, pull, merged, BASE_SHA, config, MERGED_AT);
  push(world, world.commits[MERGE_SHA]!);
  return outcome;
}

/** The default branch now has `files`. */
function push(world: World, files: Record<string, string>): void {
  world.commits[world.defaultBranch] = { ...files };
  world.commits[BASE_SHA] = world.commits[world.defaultBranch]!;
}

function sweep(served: Served, now: string) {
  return Promise.all(
    [1, 2].map(() =>
      runNode(join(lib, "app/sla-run.js"), {
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_TOKEN: "test",
        GITHUB_API_URL: served.fake.url,
        CAMPAIGN_GATE_NOW: now,
      }),
    ),
  );
}

// Easter sale: 300 requests/s on top of the shop's 200 on web (4 instances of 100 today) → 500,
// 5 instances needed on 29 March 2027; the freeze from 27 March moves that deadline to its start.
const EASTER = campaignYaml("easter-sale", 300, "2027-03-29").replace('"@mona"', '"@lisa"');
const REMINDER_CONFIG = "coordination:\n  freeze_reminder_days: 5\n";
const WITH_FREEZE = `${CAPACITY}freezes:
  - name: Easter freeze
    start: 2027-03-27T00:00:00Z
    end: 2027-04-03T00:00:00Z
`;

it("a freeze's reminder: 5 configured days before its start, one comment to the owner whose campaign needs IT work before it (two runs at once, twice)", async () => {
  const world = newWorld();
  world.latency = () => Math.random() * 10;
  world.commits[BASE_SHA] = {
    ...world.commits[BASE_SHA],
    ".github/campaign-gate.yml": `${CONFIG}${REMINDER_CONFIG}`,
    "campaigns/easter-sale.yaml": EASTER,
  };
  push(world, world.commits[BASE_SHA]!);
  const served = await serveWorld(world);
  const outcome = await merge(world, served, 7, { "infra/capacity.yaml": WITH_FREEZE });
  expect(outcome).toEqual([{ key: "freeze:Easter freeze", outcome: "created" }]);
  const issue = world.issues[0]!;
  expect(issue.labels).toEqual(["campaign-gate: freeze"]);
  // spring-mail (@mona) runs during the freeze but needs no scale-up: 220 of 400 requests/s.
  expect(issue.body).toContain(
    "IT must scale web to 5 instances before the freeze starts on Sat 27 Mar 2027 00:00 UTC.",
  );

  // 5 days before 27 March 00:00 UTC is 22 March 00:00 UTC.
  for (const run of await sweep(served, "2027-03-21T23:59:00Z")) expect(run.status, run.stderr).toBe(0);
  expect(world.comments).toEqual([]);
  for (let round = 1; round <= 2; round++) {
    const runs = await sweep(served, "2027-03-22T00:00:00Z");
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const said = runs.map((run) => run.stdout).join("\n");
    expect(said.split(`freeze reminder on announcement #${issue.number} for @lisa`)).toHaveLength(
      round === 1 ? 2 : 1,
    );
  }
  expect(world.comments).toHaveLength(1);
  const [reminder] = world.comments;
  expect(reminder!.issue_number).toBe(issue.number);
  expect(reminder!.body).toBe(
    [
      `<!-- campaign-gate:freeze-reminder issue=${issue.number} -->`,
      "",
      '**Reminder:** the change freeze "Easter freeze" starts Sat 27 Mar 2027 00:00 UTC, in 5 days. From then to end of Fri 2 Apr 2027 IT makes no infrastructure changes (no scaling).',
      "",
      "IT work due before it:",
      "",
      "- web: scale to 5 instances by Sat 27 Mar 2027 00:00 UTC, for easter-sale (@lisa)",
      "",
      "@lisa: for your attention, no approval needed. If this work is not done yet, or your campaign changed, talk to IT before the freeze starts.",
    ].join("\n"),
  );
  expect(issue.state).toBe("open");
  expect(world.repoLabels.size).toBe(0);
  // docs/coordination.md shows this configuration and this very comment.
  const section = doc("### Freeze reminder");
  expect(/```yaml\n([\s\S]*?)```/.exec(section)![1]).toBe(REMINDER_CONFIG);
  const shown = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
  expect(`<!-- campaign-gate:freeze-reminder issue=${issue.number} -->\n\n${shown}`).toBe(
    `${reminder!.body}\n`,
  );
}, 120_000);

/** The docs/coordination.md section under `heading`, up to the next heading of its level or above. */
function doc(heading: string): string {
  const text = readFileSync(join(import.meta.dirname, "../../docs/coordination.md"), "utf8");
  const from = text.indexOf(`\n${heading}\n`);
  expect(from).toBeGreaterThan(0);
  const level = heading.split(" ")[0]!;
  const rest = text.slice(from + heading.length + 2);
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, "m"));
  return next < 0 ? rest : rest.slice(0, next);
}

const maintenance = (day: string) => `maintenance:
  - name: Web host patching
    services: [web]
    start: ${day}T02:00:00Z
    end: ${day}T06:00:00Z
    capacity_factor: 0.5
`;

it("a window moved before it ends: its old announcement says 'moved, see #new' and closes; a removed one says 'cancelled' (two runs at once, twice)", async () => {
  const world = newWorld();
  world.latency = () => Math.random() * 10;
  push(world, world.commits[BASE_SHA]!);
  const served = await serveWorld(world);
  const first = await merge(world, served, 7, {
    "infra/capacity.yaml": `${CAPACITY}${maintenance("2027-04-01")}`,
  });
  const moved = await merge(world, served, 8, {
    "infra/capacity.yaml": `${CAPACITY}${maintenance("2027-04-08")}`,
  });
  const frozen = await merge(world, served, 9, {
    "infra/capacity.yaml": `${CAPACITY}${maintenance("2027-04-08")}${WITH_FREEZE.slice(CAPACITY.length)}`,
  });
  expect([first, moved, frozen]).toEqual([
    [{ key: "maintenance:Web host patching", outcome: "created" }],
    [{ key: "maintenance:Web host patching", outcome: "created" }],
    [{ key: "freeze:Easter freeze", outcome: "created" }],
  ]);
  const [old, current, freeze] = world.issues;
  // The freeze is dropped on the default branch without a pull request.
  push(world, {
    ...world.commits[world.defaultBranch]!,
    "infra/capacity.yaml": `${CAPACITY}${maintenance("2027-04-08")}`,
  });

  for (let round = 1; round <= 2; round++) {
    const runs = await sweep(served, "2027-03-01T00:00:00Z");
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const said = runs.map((run) => run.stdout).join("\n");
    expect(
      said.split(`announcement #${old!.number} moved (see #${current!.number}) and closed`),
    ).toHaveLength(round === 1 ? 2 : 1);
    expect(said.split(`announcement #${freeze!.number} cancelled and closed`)).toHaveLength(
      round === 1 ? 2 : 1,
    );
  }
  expect(world.comments.map((c) => c.issue_number).sort()).toEqual([old!.number, freeze!.number].sort());
  expect(world.comments.find((c) => c.issue_number === old!.number)!.body).toBe(
    `<!-- campaign-gate:announcement-superseded issue=${old!.number} -->\n\n` +
      `**Moved.** The maintenance "Web host patching", announced here for Thu 1 Apr 2027 02:00 UTC to Thu 1 Apr 2027 06:00 UTC, now runs from Thu 8 Apr 2027 02:00 UTC to Thu 8 Apr 2027 06:00 UTC: see #${current!.number}. This announcement is closed; the new times are the ones that count.`,
  );
  expect(world.comments.find((c) => c.issue_number === freeze!.number)!.body).toContain(
    '**Cancelled.** The change freeze "Easter freeze", announced here for Sat 27 Mar 2027 00:00 UTC to end of Fri 2 Apr 2027, is no longer in the capacity file on the default branch',
  );
  expect([old!.state, old!.state_reason, freeze!.state, freeze!.state_reason]).toEqual([
    "closed",
    "not_planned",
    "closed",
    "not_planned",
  ]);
  expect(current!.state).toBe("open");
  expect(world.repoLabels.size).toBe(0);
}, 120_000);

it("a capacity file that does not load on the default branch closes nothing; once it loads without the window, 'cancelled'", async () => {
  const world = newWorld();
  push(world, world.commits[BASE_SHA]!);
  const served = await serveWorld(world);
  await merge(world, served, 7, { "infra/capacity.yaml": `${CAPACITY}${maintenance("2027-04-01")}` });
  const [issue] = world.issues;
  const { config } = loadConfig({ path: ".github/campaign-gate.yml", text: CONFIG });
  const now = Date.parse("2027-03-01T00:00:00Z");
  push(world, { ...world.commits[world.defaultBranch]!, "infra/capacity.yaml": "services: [\n" });
  expect(
    await sweepAnnouncements(served.client, { owner: OWNER, repo: REPO }, config, "master", now),
  ).toEqual([]);
  expect(issue!.state).toBe("open");
  expect(world.comments).toEqual([]);
  push(world, { ...world.commits[world.defaultBranch]!, "infra/capacity.yaml": CAPACITY });
  expect(
    await sweepAnnouncements(served.client, { owner: OWNER, repo: REPO }, config, "master", now),
  ).toEqual([`campaign-gate: announcement #${issue!.number} cancelled and closed`]);
  expect(issue!.state).toBe("closed");
});
