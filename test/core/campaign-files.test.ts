import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { campaignMatcher } from "../../src/core/campaign-files.js";
import { loadConfig } from "../../src/core/load/index.js";

describe("campaignMatcher", () => {
  it("takes the campaign globs, never the capacity file or the configuration", () => {
    const { config } = loadConfig({
      path: "ops/gate.yml",
      text: 'campaigns: ["**/*.yaml", "ops/*.yml"]\ncapacity: infra/limits.yaml\n',
    });
    const isCampaign = campaignMatcher(config);
    expect(isCampaign("campaigns/black-friday.yaml")).toBe(true);
    expect(isCampaign("infra/limits.yaml")).toBe(false);
    expect(isCampaign("ops/gate.yml")).toBe(false);
    expect(isCampaign(".github/hidden.yaml")).toBe(false);
  });

  it("leaves out the default configuration path when there is no configuration file", () => {
    const { config } = loadConfig(undefined);
    const isCampaign = campaignMatcher({ ...config, campaigns: ["**/*.yml"] });
    expect(isCampaign(".github/campaign-gate.yml")).toBe(false);
    expect(isCampaign("campaigns/x.yml")).toBe(true);
  });

  it("decides as picomatch's own matcher does, on globs and paths of every kind", () => {
    const globs = [
      ["campaigns/**/*.yaml"],
      ["**/*.yaml", "ops/*.yml"],
      ["campaigns/*.{yaml,yml}"],
      ["campaigns/black-friday.yaml"],
      ["campaigns/[a-c]*.yaml", "!campaigns/b*.yaml"],
      ["campaigns/**", "**/.hidden/*.yaml"],
      ["campaigns/?.yml", "campaigns/+(x|y).yaml"],
    ];
    const paths = [
      "campaigns/black-friday.yaml",
      "campaigns/a.yml",
      "campaigns/x.yaml",
      "campaigns/2026/q4/sale.yaml",
      "campaigns/.draft.yaml",
      ".hidden/x.yaml",
      "ops/gate.yml",
      "ops/x.yml",
      "campaigns/b.yaml",
      "campaigns/c.yaml",
      "README.md",
      "campaigns",
      "",
    ];
    const { config } = loadConfig(undefined);
    for (const campaigns of globs) {
      const ours = campaignMatcher({ ...config, campaigns, capacity: "infra/capacity.yaml" });
      const theirs = picomatch(campaigns);
      for (const p of paths) expect(ours(p), `${campaigns.join(", ")} on "${p}"`).toBe(p !== "" && theirs(p));
    }
  });
});
