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
});
