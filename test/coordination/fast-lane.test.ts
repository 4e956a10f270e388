import { describe, expect, it } from "vitest";
import type { FastLaneInput } from "../../src/core/coordination/fast-lane.js";
import { fastLaneDecision } from "../../src/core/coordination/fast-lane.js";
import { campaign, report } from "./fixtures.js";

const isCampaignFile = (path: string) => path.startsWith("campaigns/") && path.endsWith(".yaml");
const head = report([campaign("newsletter", 0.32), campaign("summer-sale", 0.6), campaign("tv-spot", 0.9)]);

function input(changedFiles: string[], overrides: Partial<FastLaneInput> = {}): FastLaneInput {
  return {
    policy: { max_utilization: 0.5, waive: ["it"] },
    changedFiles,
    isCampaignFile,
    report: head,
    ...overrides,
  };
}

describe("fastLaneDecision", () => {
  it("waives IT for a 32% campaign and shows the peak", () => {
    expect(fastLaneDecision(input(["campaigns/newsletter.yaml"]))).toEqual({
      waived: ["it"],
      peak: 0.32,
      reason: "low impact (peak 32%)",
    });
  });

  it("keeps IT for a 60% campaign and says why in plain language", () => {
    expect(fastLaneDecision(input(["campaigns/summer-sale.yaml"]))).toEqual({
      waived: [],
      peak: 0.6,
      reason: "not waived: summer-sale peaks at 60% of safe capacity (fast lane up to 50%)",
    });
  });

  it("leaves the 32% PR needing one marketing approval while the 60% PR still needs IT", () => {
    const required = ["marketing", "it"];
    const stillRequired = (files: string[]) => {
      const { waived } = fastLaneDecision(input(files));
      return required.filter((group) => !waived.includes(group));
    };
    expect(stillRequired(["campaigns/newsletter.yaml"])).toEqual(["marketing"]);
    expect(stillRequired(["campaigns/summer-sale.yaml"])).toEqual(["marketing", "it"]);
  });

  it("is not taken when any changed campaign is over the threshold, naming the biggest first", () => {
    const decision = fastLaneDecision(
      input(["campaigns/newsletter.yaml", "campaigns/summer-sale.yaml", "campaigns/tv-spot.yaml"]),
    );
    expect(decision.waived).toEqual([]);
    expect(decision.peak).toBe(0.9);
    expect(decision.reason).toBe(
      "not waived: tv-spot peaks at 90%, summer-sale peaks at 60% of safe capacity (fast lane up to 50%)",
    );
  });

  it("ignores campaigns the PR does not change (they are on the base already)", () => {
    expect(fastLaneDecision(input(["campaigns/newsletter.yaml"])).peak).toBe(0.32);
  });

  it("accepts a campaign exactly at the threshold, within the 1e-9 tolerance", () => {
    const atLimit = report([campaign("edge", 0.5 * (1 + 1e-12))]);
    expect(fastLaneDecision(input(["campaigns/edge.yaml"], { report: atLimit })).waived).toEqual(["it"]);
    const over = report([campaign("edge", 0.5001)]);
    expect(fastLaneDecision(input(["campaigns/edge.yaml"], { report: over })).waived).toEqual([]);
  });

  it("is never taken when the PR also changes the capacity file or the configuration", () => {
    const decision = fastLaneDecision(input(["campaigns/newsletter.yaml", "infra/capacity.yaml"]));
    expect(decision.waived).toEqual([]);
    expect(decision.reason).toBe(
      "not waived: the pull request also changes infra/capacity.yaml, which always needs a full review",
    );
    const many = fastLaneDecision(input(["a.md", "b.md", "c.md", "campaigns/newsletter.yaml"]));
    expect(many.reason).toContain("a.md, b.md and 1 more files");
  });

  it("is not taken when the capacity check fails", () => {
    const failing = report([campaign("newsletter", 0.32)], [], { verdict: "fail" });
    const decision = fastLaneDecision(input(["campaigns/newsletter.yaml"], { report: failing }));
    expect(decision).toEqual({ waived: [], peak: 0.32, reason: "not waived: the capacity check fails" });
  });

  it("is taken with a warning-only check", () => {
    const warning = report([campaign("newsletter", 0.32)], [], { verdict: "warn" });
    expect(fastLaneDecision(input(["campaigns/newsletter.yaml"], { report: warning })).waived).toEqual([
      "it",
    ]);
  });

  it("waives a PR that only deletes campaigns (it lowers the load)", () => {
    expect(fastLaneDecision(input(["campaigns/old-promo.yaml"]))).toEqual({
      waived: ["it"],
      peak: 0,
      reason: "low impact (peak 0%)",
    });
  });

  it("is not taken without a fast lane policy or without files", () => {
    expect(fastLaneDecision(input(["campaigns/newsletter.yaml"], { policy: undefined })).reason).toBe(
      "not waived: this repository has no fast lane",
    );
    expect(fastLaneDecision(input([])).reason).toBe("not waived: the pull request changes no files");
  });

  it("waives exactly the configured groups", () => {
    const policy = { max_utilization: 0.5, waive: ["it", "legal"] };
    expect(fastLaneDecision(input(["campaigns/newsletter.yaml"], { policy })).waived).toEqual([
      "it",
      "legal",
    ]);
  });
});
