/** The rules the loader owns, beyond the one-problem corpus: windows, references, duplicates, ordering. */
import { describe, expect, it } from "vitest";
import { loadCampaigns, loadCapacity, loadRepository, defaultConfig } from "../../src/core/load/index.js";
import type { SourceFile } from "../../src/core/model.js";

const CAPACITY: SourceFile = {
  path: "infra/capacity.yaml",
  text: `services:
  web-shop: { per_instance_rps: 100, instances: 2, max_instances: 10 }
  shared-db: { max_rps: 1000 }
sites:
  shop: { rps_per_user: 0.2, baseline_users: 100, uses: { web-shop: 1, shared-db: 0.5 } }
  brand: { baseline_rps: 10, uses: { shared-db: 0.1 } }
maintenance:
  - { name: Patch, services: [shared-db], start: 2026-12-02T01:00:00+01:00, end: 2026-12-02 }
freezes:
  - { name: Freeze, start: 2026-12-15, end: 2027-01-04 }
`,
};
const capacity = loadCapacity(CAPACITY, CAPACITY.path).capacity!;

function campaign(window: string, extra = "", id = "sample", site = "shop"): string {
  return `id: ${id}
name: Sample
owner: "@jane"
type: tv_spot
window: ${window}
${extra}targets: [{ site: ${site} }]
forecast: { peak_concurrent_users: 100, confidence: model, basis: test }
`;
}

function window(start: string, end: string, timezone?: string) {
  const text = campaign(`{ start: ${start}, end: ${end} }`, timezone ? `timezone: ${timezone}\n` : "");
  return loadCampaigns([{ path: "campaigns/a.yaml", text }], capacity);
}

const iso = (ms: number) => new Date(ms).toISOString();

describe("window", () => {
  it("rejects a local time inside the spring-forward gap (America/New_York 2026-03-08T02:30)", () => {
    const r = window("2026-03-08T02:30", "2026-03-08T06:00", "America/New_York");
    expect(r.campaigns).toEqual([]);
    expect(r.findings).toMatchObject([{ rule: "window", line: 5, column: 18 }]);
    expect(r.findings[0]!.message).toContain("does not exist");
  });

  it("takes the earlier instant for an ambiguous fall-back time (America/New_York 2026-11-01T01:30)", () => {
    const r = window("2026-11-01T01:30", "2026-11-01T03:00", "America/New_York");
    expect(r.findings).toEqual([]);
    expect(iso(r.campaigns[0]!.start)).toBe("2026-11-01T05:30:00.000Z"); // 01:30 EDT, not 01:30 EST (06:30Z)
    expect(iso(r.campaigns[0]!.end)).toBe("2026-11-01T08:00:00.000Z");
  });

  it("reads a date-only start as local midnight and a date-only end as the next local midnight, across DST", () => {
    const r = window("2026-03-08", "2026-03-08", "America/New_York");
    expect(r.findings).toEqual([]);
    expect(iso(r.campaigns[0]!.start)).toBe("2026-03-08T05:00:00.000Z");
    // The day of the change has 23 hours: the next midnight is EDT.
    expect(iso(r.campaigns[0]!.end)).toBe("2026-03-09T04:00:00.000Z");
  });

  it("accepts a date-only start on a day whose midnight does not exist (Havana springs forward at 00:00)", () => {
    // America/Havana springs forward at 00:00 on 2026-03-08: the day starts at 01:00 local.
    const r = window("2026-03-08", "2026-03-08", "America/Havana");
    expect(r.findings).toEqual([]);
    expect(iso(r.campaigns[0]!.start)).toBe("2026-03-08T05:00:00.000Z");
  });

  it("lets an explicit offset win and needs no timezone then", () => {
    const r = window("2026-12-01T10:00:00+01:00", "2026-12-01T11:00:00.5Z");
    expect(r.findings).toEqual([]);
    expect(iso(r.campaigns[0]!.start)).toBe("2026-12-01T09:00:00.000Z");
    expect(iso(r.campaigns[0]!.end)).toBe("2026-12-01T11:00:00.500Z");
    expect(r.campaigns[0]!.timezone).toBeUndefined();
  });

  it("needs a timezone for a date alone", () => {
    const r = window("2026-12-01", "2026-12-02");
    expect(r.findings).toMatchObject([{ rule: "window", line: 5, column: 18 }]);
    expect(r.findings[0]!.message).toContain("no `timezone`");
  });

  it("reports one finding when both ends lack an offset", () => {
    expect(window("2026-12-01T10:00", "2026-12-01T12:00").findings).toHaveLength(1);
  });

  it("keeps the canonical zone name", () => {
    const r = window("2026-12-01T10:00", "2026-12-01T12:00", "europe/berlin");
    expect(r.findings).toEqual([]);
    expect(r.campaigns[0]!.timezone).toBe("Europe/Berlin");
    expect(iso(r.campaigns[0]!.start)).toBe("2026-12-01T09:00:00.000Z");
  });

  it("rejects an end equal to the start after zone resolution", () => {
    // 01:00 EST on 2026-11-01 is 06:00Z; 02:00-04:00 is 06:00Z too.
    const r = window("2026-11-01T02:00", "2026-11-01T06:00:00Z", "America/New_York");
    expect(r.findings).toMatchObject([{ rule: "window", line: 5, column: 41 }]);
  });

  it("reports a DST-gap start and an end before every reading of it as two problems", () => {
    // 02:30 does not exist on 2026-03-08 in New York: it reads as 06:30Z or 07:30Z; 01:00 EST is 06:00Z.
    const r = window("2026-03-08T02:30", "2026-03-08T01:00", "America/New_York");
    expect(r.findings).toMatchObject([
      { rule: "window", line: 5, column: 18 },
      { rule: "window", line: 5, column: 41 },
    ]);
    expect(r.findings[0]!.message).toContain("does not exist");
    expect(r.findings[1]!.message).toContain("is not after `window.start`");
  });

  it("does not guess the order when only some readings of a DST-gap time put it after the end", () => {
    // 03:15 EDT (07:15Z) is after 02:30 read as 06:30Z but before 02:30 read as 07:30Z.
    const r = window("2026-03-08T02:30", "2026-03-08T03:15", "America/New_York");
    expect(r.findings).toMatchObject([{ rule: "window", line: 5, column: 18 }]);
  });

  it("reports an invalid start and an unknown zone together, and still orders ends with offsets", () => {
    const r = window("2026-02-30T10:00", "2026-01-01T00:00:00Z", "Europe/Berlinn");
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([["window", 6, 11]]);
    expect(r.findings[0]!.message).toContain("did you mean `Europe/Berlin`");
    const offsets = window("2026-02-30T10:00:00Z", "2026-01-01T00:00:00Z", "Europe/Berlin");
    expect(offsets.findings.map((f) => [f.rule, f.line, f.column])).toEqual([["window", 5, 18]]);
    expect(offsets.findings[0]!.message).toContain("not a real date");
  });
});

describe("several problems in one file", () => {
  it("reports schema errors and the checks on the well-formed parts, sorted by position", () => {
    const text = campaign(
      "{ start: 2026-12-02T00:00:00Z, end: 2026-12-01T00:00:00Z }",
      "colour: red\n",
      "Bad_Id",
      "shopp",
    );
    const r = loadRepository({
      config: defaultConfig(),
      capacity: CAPACITY,
      campaigns: [{ path: "campaigns/a.yaml", text }],
    });
    expect(r.campaigns).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["schema", 1, 5],
      ["window", 5, 45],
      ["schema", 6, 1],
      ["unknown-site", 7, 19],
    ]);
  });

  it("does not check a part that has a schema error of its own (no cascade)", () => {
    // `targets` is not a list and `window` lacks `end`: neither gets a second finding.
    const text = campaign("{ start: 2026-12-02T00:00:00Z }").replace(
      "targets: [{ site: shop }]",
      "targets: shopp",
    );
    const r = loadCampaigns([{ path: "campaigns/a.yaml", text }], capacity);
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["schema", 5, 1],
      ["schema", 6, 10],
    ]);
  });
});

describe("capacity instants", () => {
  it("requires offsets and reads dates as UTC midnights (start) and next UTC midnights (end)", () => {
    expect(capacity.maintenance[0]).toMatchObject({
      start: Date.parse("2026-12-02T00:00:00Z"),
      end: Date.parse("2026-12-03T00:00:00Z"),
      capacity_factor: 0,
      at: { line: 8, column: 5 },
    });
    expect(capacity.freezes[0]).toMatchObject({
      start: Date.parse("2026-12-15T00:00:00Z"),
      end: Date.parse("2027-01-05T00:00:00Z"),
    });
  });

  it("computes baselines and applies defaults", () => {
    expect(capacity.sites.map((s) => [s.name, s.baseline_rps, s.rps_per_user])).toEqual([
      ["shop", 20, 0.2],
      ["brand", 10, undefined],
    ]);
    expect(capacity.defaults).toEqual({
      target_utilization: 0.7,
      failover_utilization: 0.9,
      notice_days: 14,
      uncertainty: { historical: 1.2, model: 1.5, guess: 2 },
    });
    expect(capacity.services).toMatchObject([
      { name: "web-shop", kind: "scalable", zones: 1, target_utilization: 0.7, at: { line: 2, column: 3 } },
      { name: "shared-db", kind: "fixed", max_rps: 1000 },
    ]);
  });

  it("looks up `uses` without inherited names", () => {
    expect(capacity.sites[0]!.uses.constructor).toBeUndefined();
    expect(capacity.sites[0]!.uses["shared-db"]).toBe(0.5);
  });

  it("reports a missing capacity file at line 1 of the expected path", () => {
    expect(loadCapacity(undefined, "infra/limits.yaml").findings).toMatchObject([
      {
        rule: "syntax",
        file: "infra/limits.yaml",
        line: 1,
        column: 1,
        message: expect.stringContaining("capacity file not found"),
      },
    ]);
  });
});

describe("references and duplicates", () => {
  it("reports a duplicate id on every file that uses it and leaves all of them out", () => {
    const a = {
      path: "campaigns/a.yaml",
      text: campaign("{ start: 2026-12-01T10:00Z, end: 2026-12-01T11:00Z }", "", "same"),
    };
    const b = {
      path: "campaigns/b.yaml",
      text: campaign("{ start: 2026-12-01T10:00Z, end: 2026-12-01T11:00Z }", "", "same"),
    };
    const c = {
      path: "campaigns/c.yaml",
      text: campaign("{ start: 2026-12-01T10:00Z, end: 2026-12-01T11:00Z }", "", "other"),
    };
    const r = loadCampaigns([a, b, c], capacity);
    expect(r.campaigns.map((x) => x.id)).toEqual(["other"]);
    expect(r.findings).toMatchObject([
      { rule: "duplicate-id", file: "campaigns/a.yaml", line: 1, column: 5, campaign: "same" },
      { rule: "duplicate-id", file: "campaigns/b.yaml", line: 1, column: 5, campaign: "same" },
    ]);
    expect(r.findings[0]!.message).toContain("campaigns/b.yaml");
    expect(r.findings[1]!.message).toContain("campaigns/a.yaml");
    expect(r.findings.every((f) => f.message.includes("left out of the load"))).toBe(true);
  });

  it("reports every file of an id used three times, next to another shared id, in file order", () => {
    const window = "{ start: 2026-12-01T10:00Z, end: 2026-12-01T11:00Z }";
    const files = ["x", "y", "x", "z", "y", "x"].map((id, i) => ({
      path: `campaigns/${i}.yaml`,
      text: campaign(window, "", id),
    }));
    const r = loadCampaigns(files, capacity);
    expect(r.campaigns.map((x) => x.id)).toEqual(["z"]);
    expect(r.findings.map((f) => [f.file, f.campaign])).toEqual([
      ["campaigns/0.yaml", "x"],
      ["campaigns/1.yaml", "y"],
      ["campaigns/2.yaml", "x"],
      ["campaigns/4.yaml", "y"],
      ["campaigns/5.yaml", "x"],
    ]);
    expect(r.findings[0]!.message).toContain("also used by campaigns/2.yaml, campaigns/5.yaml;");
    expect(r.findings[4]!.message).toContain("also used by campaigns/0.yaml, campaigns/2.yaml;");
  });

  it("suggests the closest site and checks sites only when the capacity file loaded", () => {
    const text = campaign("{ start: 2026-12-01T10:00Z, end: 2026-12-01T11:00Z }", "", "x", "brnd");
    const r = loadCampaigns([{ path: "c.yaml", text }], capacity);
    expect(r.findings).toMatchObject([{ rule: "unknown-site", campaign: "x", line: 6, column: 19 }]);
    expect(r.findings[0]!.message).toContain("(did you mean `brand`?)");
    expect(loadCampaigns([{ path: "c.yaml", text }], undefined).findings).toEqual([]);
  });

  it("accepts `high` equal to the expected value and records its position", () => {
    const text = campaign("{ start: 2026-12-01T10:00Z, end: 2026-12-01T11:00Z }").replace(
      "confidence: model",
      "high: 100, confidence: model",
    );
    const r = loadCampaigns([{ path: "c.yaml", text }], capacity);
    expect(r.findings).toEqual([]);
    expect(r.campaigns[0]!.forecast.high).toBe(100);
    expect(r.campaigns[0]!.at.high).toEqual({ line: 7, column: 41 });
    expect(r.campaigns[0]!.at.forecast).toEqual({ line: 7, column: 13 });
  });

  it("sorts repository findings by file, line and column", () => {
    const bad = (path: string, text: string) => ({ path, text });
    const r = loadRepository({
      config: defaultConfig(),
      capacity: CAPACITY,
      campaigns: [
        bad("campaigns/z.yaml", "id: [\n"),
        bad(
          "campaigns/b.yaml",
          campaign("{ start: 2026-12-01T10:00Z, end: 2026-12-01T09:00Z }", "", "b", "nope"),
        ),
        bad("campaigns/a.yaml", "name: x\n"),
      ],
    });
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.rule}`)).toEqual([
      "campaigns/a.yaml:1:1:schema",
      "campaigns/b.yaml:5:42:window",
      "campaigns/b.yaml:6:19:unknown-site",
      "campaigns/z.yaml:2:1:syntax",
    ]);
    expect(r.findings[0]!.message).toBe(
      "The file is missing the required keys `id`, `owner`, `type`, `window`, `targets` and `forecast`. This campaign is left out of the load until this is fixed.",
    );
    expect(r.capacity?.file).toBe("infra/capacity.yaml");
  });
});
