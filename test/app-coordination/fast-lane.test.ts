import { afterEach, describe, expect, it } from "vitest";
import { fastLaneWaivers } from "../../src/app/coordination/fast-lane.js";
import { loadConfig } from "../../src/core/load/index.js";
import {
  CONFIG,
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

const config = loadConfig({ path: ".github/campaign-gate.yml", text: CONFIG }).config;
const NOW = Date.parse("2026-11-23T09:00:00Z");
let served: Served | undefined;
afterEach(closeWorld);

async function waivers(changes: Record<string, string | null>, fail?: (call: string) => number | undefined) {
  const world = newWorld();
  const pull = addPull(world, changes);
  if (fail) world.fail = fail;
  served = await serveWorld(world);
  return fastLaneWaivers(
    served.client,
    { owner: OWNER, repo: REPO, headSha: HEAD_SHA, changedFiles: pull.files },
    config,
    NOW,
  );
}

describe("fastLaneWaivers", () => {
  it("waives IT for a campaign at 32% of safe capacity", async () => {
    const decision = await waivers({ "campaigns/summer-mail.yaml": campaignYaml("summer-mail", 120) });
    expect(decision).toEqual({ waived: ["it"], peak: 0.32, reason: "low impact (peak 32%)" });
    expect(served!.fake.calls().some((c) => c.includes(`/git/trees/${HEAD_SHA}`))).toBe(true);
  });

  it("still needs IT for a campaign at 60%", async () => {
    const decision = await waivers({ "campaigns/summer-sale.yaml": campaignYaml("summer-sale", 400) });
    expect(decision.waived).toEqual([]);
    expect(decision.peak).toBeCloseTo(0.6);
    expect(decision.reason).toBe(
      "not waived: summer-sale peaks at 60% of safe capacity (fast lane up to 50%)",
    );
  });

  it("never waives a change to the capacity file, and reads nothing for it", async () => {
    const decision = await waivers({
      "campaigns/summer-mail.yaml": campaignYaml("summer-mail", 120),
      "infra/capacity.yaml": "services: {}\n",
    });
    expect(decision.waived).toEqual([]);
    expect(decision.reason).toContain("infra/capacity.yaml, which always needs a full review");
    expect(served!.fake.requests).toHaveLength(0);
  });

  it("fails closed when GitHub cannot give the files", async () => {
    const decision = await waivers(
      { "campaigns/summer-mail.yaml": campaignYaml("summer-mail", 120) },
      (call) => (call.includes("/git/trees/") ? 502 : undefined),
    );
    expect(decision.waived).toEqual([]);
    expect(decision.reason).toMatch(
      /^not waived: the campaign files could not be read \(GitHub answered 502/,
    );
  });
});
