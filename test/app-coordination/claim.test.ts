/**
 * The claim on GitHub (labels through the fake GitHub, requests checked against the OpenAPI
 * description): answers that are errors although the write happened, claims held or abandoned by
 * another process, and the clean-up that keeps the oldest of two issues.
 */
import { afterEach, describe, expect, it } from "vitest";
import { underClaim } from "../../src/app/coordination/claim.js";
import { createIssueOnce } from "../../src/app/coordination/create-issue-once.js";
import { raiseDirectPushAlarm, type PushPayload } from "../../src/app/coordination/direct-push.js";
import { CLAIM_TTL_MS, claimDescription, claimLabel } from "../../src/core/coordination/claim.js";
import { loadConfig } from "../../src/core/load/index.js";
import { CONFIG, OWNER, REPO, closeWorld, newWorld, serveWorld } from "./world.js";

const repo = { owner: OWNER, repo: REPO };
const KEY = "Codertocat/Hello-World <!-- campaign-gate:it-prep pr=7 -->";
const NOW = Date.parse("2026-11-25T15:00:00Z");
const draft = {
  title: "IT prep",
  body: "plan\n<!-- campaign-gate:it-prep pr=7 -->",
  labels: ["it-prep"],
  marker: "<!-- campaign-gate:it-prep pr=7 -->",
};
afterEach(closeWorld);

describe("underClaim", () => {
  it("of three processes that check and then write at the same moment, one writes (random API delays)", async () => {
    const world = newWorld();
    world.latency = () => Math.random() * 10;
    const { client } = await serveWorld(world);
    for (let round = 0; round < 10; round++) {
      // Check, then write a moment later: without the claim, all three would find nothing and write.
      let written = 0;
      const checkThenWrite = async () => {
        if (written > 0) return false;
        await new Promise((resolve) => setTimeout(resolve, 5));
        written++;
        return true;
      };
      const results = await Promise.all(
        [1, 2, 3].map(() => underClaim(client, repo, `${KEY} ${round}`, checkThenWrite)),
      );
      expect(written).toBe(1);
      expect(results.filter((result) => result.won && result.value)).toHaveLength(1);
      expect(world.repoLabels.size).toBe(0);
    }
  });

  it("recognises its own claim when the create answered 502 although it happened", async () => {
    const world = newWorld();
    let failed = false;
    world.failAfter = (call) => (call.endsWith("/labels") && !failed ? ((failed = true), 502) : undefined);
    const served = await serveWorld(world);
    expect(await underClaim(served.client, repo, KEY, () => Promise.resolve("done"))).toEqual({
      won: true,
      value: "done",
    });
    expect(served.fake.calls().slice(0, 2)).toEqual([
      `POST /repos/${OWNER}/${REPO}/labels`,
      `GET /repos/${OWNER}/${REPO}/labels/${encodeURIComponent(claimLabel(KEY, 1))}`,
    ]);
    expect(world.repoLabels.size).toBe(0);
  });

  it("leaves a claim another process holds alone", async () => {
    const world = newWorld();
    const name = claimLabel(KEY, 1);
    world.repoLabels.set(name, { name, description: claimDescription("other", NOW - 60_000) });
    const { client } = await serveWorld(world);
    let ran = false;
    const result = await underClaim(
      client,
      repo,
      KEY,
      () => Promise.resolve((ran = true)),
      () => NOW,
    );
    expect(result).toEqual({ won: false });
    expect(ran).toBe(false);
    expect([...world.repoLabels.keys()]).toEqual([name]);
  });

  it("takes over a claim abandoned longer than the TTL through the next generation, then removes both", async () => {
    const world = newWorld();
    const name = claimLabel(KEY, 1);
    world.repoLabels.set(name, { name, description: claimDescription("crashed", NOW - CLAIM_TTL_MS) });
    const served = await serveWorld(world);
    const result = await underClaim(
      served.client,
      repo,
      KEY,
      () => Promise.resolve("done"),
      () => NOW,
    );
    expect(result).toEqual({ won: true, value: "done" });
    expect(served.writes()).toEqual([
      `POST /repos/${OWNER}/${REPO}/labels`,
      `POST /repos/${OWNER}/${REPO}/labels`,
      `DELETE /repos/${OWNER}/${REPO}/labels/${encodeURIComponent(claimLabel(KEY, 2))}`,
      `DELETE /repos/${OWNER}/${REPO}/labels/${encodeURIComponent(name)}`,
    ]);
    expect(world.repoLabels.size).toBe(0);
  });
});

describe("createIssueOnce", () => {
  it("creates one issue when GitHub answered 502 to a create that happened", async () => {
    const world = newWorld();
    world.failAfter = (call) => (call === `POST /repos/${OWNER}/${REPO}/issues` ? 502 : undefined);
    const served = await serveWorld(world);
    expect(await createIssueOnce(served.client, repo, draft)).toBe("created");
    expect(world.issues).toHaveLength(1);
    expect(served.fake.calls().filter((call) => call === `POST /repos/${OWNER}/${REPO}/issues`)).toHaveLength(
      1,
    );
  });

  it("closes a younger copy as a duplicate and keeps the oldest", async () => {
    const world = newWorld();
    // A second writer's copy lands a moment after ours, but was created first.
    world.onIssue = (issue) => {
      world.onIssue = undefined;
      issue.created_at = "2026-11-25T15:00:05Z";
      world.issues.unshift({ ...issue, number: 99, created_at: "2026-11-25T15:00:04Z" });
    };
    const served = await serveWorld(world);
    expect(await createIssueOnce(served.client, repo, draft)).toBe("created");
    expect(world.issues.map((issue) => [issue.number, issue.state, issue.state_reason])).toEqual([
      [99, "open", undefined],
      [100, "closed", "duplicate"],
    ]);
  });
});

describe("the direct-push alarm's re-check", () => {
  const config = loadConfig({ path: ".github/campaign-gate.yml", text: CONFIG }).config;
  const SHA = "f".repeat(40);
  const payload = (pushedAt: number): PushPayload => ({
    ref: "refs/heads/master",
    commits: [
      {
        id: SHA,
        message: "Merge pull request #7",
        author: { name: "Jane", username: "jane" },
        added: ["campaigns/flash.yaml"],
      },
    ],
    repository: {
      default_branch: "master",
      html_url: "https://github.com/Codertocat/Hello-World",
      pushed_at: pushedAt,
    },
  });

  it("raises nothing when GitHub lists the merged pull request a moment after the push", async () => {
    const world = newWorld();
    world.commitPulls[SHA] = [{ number: 7, merged_at: null }];
    const served = await serveWorld(world);
    const waits: number[] = [];
    const clock = {
      now: () => NOW,
      sleep: (ms: number) => {
        waits.push(ms);
        world.commitPulls[SHA] = [{ number: 7, merged_at: "2026-11-25T14:59:58Z" }];
        return Promise.resolve();
      },
    };
    expect(await raiseDirectPushAlarm(served.client, repo, payload(NOW / 1000 - 2), config, clock)).toBe(
      "reviewed",
    );
    expect(waits).toEqual([8_000]);
    expect(served.fake.calls()).toEqual([
      `GET /repos/${OWNER}/${REPO}/commits/${SHA}/pulls`,
      `GET /repos/${OWNER}/${REPO}/commits/${SHA}/pulls`,
    ]);
  });

  it("still raises the alarm for a direct push, and does not wait for a push handled late", async () => {
    const world = newWorld();
    const served = await serveWorld(world);
    const waits: number[] = [];
    const clock = { now: () => NOW, sleep: (ms: number) => Promise.resolve(void waits.push(ms)) };
    expect(await raiseDirectPushAlarm(served.client, repo, payload(NOW / 1000 - 2), config, clock)).toBe(
      "created",
    );
    expect(waits).toEqual([8_000]);
    expect(
      await raiseDirectPushAlarm(
        served.client,
        repo,
        { ...payload(NOW / 1000 - 60), commits: [{ ...payload(0).commits[0]!, id: "a".repeat(40) }] },
        config,
        clock,
      ),
    ).toBe("created");
    expect(waits).toEqual([8_000]);
    expect(world.issues).toHaveLength(2);
  });
});
