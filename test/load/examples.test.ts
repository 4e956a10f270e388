import { describe, expect, it } from "vitest";
import { loadCampaigns, loadCapacity, loadConfig, loadRepository } from "../../src/core/load/index.js";
import { ACME, source, yamlFiles } from "./helpers.js";

describe("examples/acme", () => {
  const { config, findings: configFindings } = loadConfig(source(ACME, ".github/campaign-gate.yml"));
  const capacityFile = source(ACME, config.capacity);
  const campaignFiles = yamlFiles(ACME, "campaigns");

  it("loads the configuration without findings and with the review policy filled in", () => {
    expect(configFindings).toEqual([]);
    expect(config.file).toBe(".github/campaign-gate.yml");
    expect(config.review?.groups.it).toEqual({ teams: ["web-ops"], users: [] });
    expect(config.review?.rules.map((r) => r.require)).toEqual([["marketing", "it"], ["it"]]);
    expect(config.review?.sla).toEqual({
      hours: 24,
      timezone: "America/New_York",
      days: [1, 2, 3, 4, 5],
      day_start: "09:00",
      day_end: "17:00",
      escalate: { teams: ["it-oncall"], users: [] },
      label: "review-overdue",
    });
  });

  it("loads the capacity file without findings", () => {
    const { capacity, findings } = loadCapacity(capacityFile, config.capacity);
    expect(findings).toEqual([]);
    expect(capacity?.services.map((s) => `${s.name}:${s.kind}`)).toEqual([
      "web-shop:scalable",
      "web-cms:scalable",
      "web-outlet:scalable",
      "shared-db:fixed",
      "wms:fixed",
    ]);
    expect(capacity?.sites.map((s) => [s.name, s.baseline_rps])).toEqual([
      ["shop", 750],
      ["brand", 200],
      ["kids", 100],
      ["outlet", 200],
    ]);
    expect(capacity?.maintenance[0]).toMatchObject({
      start: Date.parse("2026-12-02T01:00:00Z"),
      end: Date.parse("2026-12-02T03:00:00Z"),
      capacity_factor: 0,
    });
    expect(capacity?.freezes[0]).toMatchObject({
      start: Date.parse("2026-12-15T00:00:00Z"),
      end: Date.parse("2027-01-05T00:00:00Z"),
    });
    expect(capacity?.services[0]).toMatchObject({
      target_utilization: 0.7,
      zones: 2,
      at: { line: 10, column: 3 },
    });
  });

  it("loads every campaign without findings, with instants resolved in the campaign's zone", () => {
    const result = loadRepository({ config, capacity: capacityFile, campaigns: campaignFiles });
    expect(result.findings).toEqual([]);
    expect(result.campaigns).toHaveLength(campaignFiles.length);
    const bf = result.campaigns.find((c) => c.id === "black-friday-2026")!;
    expect(new Date(bf.start).toISOString()).toBe("2026-11-27T11:00:00.000Z");
    // Date-only end: the next local midnight.
    expect(new Date(bf.end).toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect(bf.timezone).toBe("America/New_York");
    expect(bf.at).toEqual({
      id: { line: 2, column: 5 },
      window: { line: 6, column: 1 },
      forecast: { line: 14, column: 3 },
      high: { line: 15, column: 3 },
    });
    expect(bf.targets).toEqual([{ site: "shop", share: 1, at: { line: 11, column: 5 } }]);
    const christmas = result.campaigns.find((c) => c.id === "christmas-2026")!;
    expect(new Date(christmas.start).toISOString()).toBe("2026-12-03T05:00:00.000Z");
    expect(new Date(christmas.end).toISOString()).toBe("2026-12-25T05:00:00.000Z");
    const press = result.campaigns.find((c) => c.id === "spring-collection-press-launch")!;
    expect(press.timezone).toBeUndefined();
    expect(press.forecast).toMatchObject({ unit: "users", expected: 3000, high: 3500 });
    const mail = result.campaigns.find((c) => c.id === "outlet-winter-clearance-email")!;
    expect(mail.forecast).toEqual({
      unit: "rps",
      expected: 200,
      confidence: "historical",
      basis: expect.any(String),
    });
  });

  it("gives the same result through loadCampaigns", () => {
    const capacity = loadCapacity(capacityFile, config.capacity).capacity;
    expect(loadCampaigns(campaignFiles, capacity).findings).toEqual([]);
  });
});
