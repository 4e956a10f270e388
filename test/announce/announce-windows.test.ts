// announceWindows on small, hand-computed repositories. Safe capacity is max × target utilization
// (0.7): db 1000 → 700 requests/s; web 10 × 100 → 700. Baselines: db 0.5 × 50 = 25, web 50.
// A campaign of 20 requests/s (historical, × 1.2) plans 24 requests/s on the shop: 24 on web,
// 0.5 × 24 = 12 on db.
import { describe, expect, it } from "vitest";
import { announceChanges } from "../../src/core/announce/announce-changes.js";
import { announceWindows } from "../../src/core/announce/announce-windows.js";
import { runCheck } from "../../src/core/check.js";
import { defaultConfig, loadCapacity, loadRepository } from "../../src/core/load/index.js";
import { campaignYaml, CAPACITY_HEAD } from "../calendar/helpers.js";

const NOW = Date.parse("2026-11-23T09:00:00Z");
const config = defaultConfig();

const campaigns = {
  sale: campaignYaml({
    id: "sale",
    name: "Winter sale",
    window: "window: { start: 2026-12-01T20:00:00Z, end: 2026-12-02T02:00:00Z }",
  }),
  letter: campaignYaml({
    id: "letter",
    site: "news",
    window: "window: { start: 2026-12-01T20:00:00Z, end: 2026-12-02T02:00:00Z }",
  }),
  later: campaignYaml({
    id: "later",
    window: "window: { start: 2026-12-05T10:00:00Z, end: 2026-12-06T10:00:00Z }",
  }),
};

function announce(
  beforeExtra: string | undefined,
  afterExtra: string,
  files: Record<string, string> = campaigns,
) {
  const capacity = { path: config.capacity, text: CAPACITY_HEAD + afterExtra };
  const sources = Object.entries(files).map(([id, text]) => ({ path: `campaigns/${id}.yaml`, text }));
  const report = runCheck({ config, capacity, campaigns: sources, now: NOW });
  const baseCapacity =
    beforeExtra === undefined ? undefined : { path: config.capacity, text: CAPACITY_HEAD + beforeExtra };
  return {
    announcements: announceChanges({ config, baseCapacity, capacity, campaigns: sources, report, now: NOW }),
    report,
  };
}

const dbUpgrade = (factor: number, start = "2026-12-02T01:00:00Z") => `maintenance:
  - name: DB upgrade
    services: [db]
    start: ${start}
    end: 2026-12-02T03:00:00Z
    capacity_factor: ${factor}
`;

describe("announceWindows", () => {
  it("a new maintenance: the campaign whose site uses the service, by time and service, with what is left", () => {
    const { announcements, report } = announce("", dbUpgrade(0.5));
    expect(report.findings.filter((f) => f.rule === "maintenance")).toEqual([]);
    expect(announcements).toEqual([
      {
        kind: "maintenance",
        change: "added",
        key: "maintenance:DB upgrade",
        window: {
          name: "DB upgrade",
          start: "2026-12-02T01:00:00.000Z",
          end: "2026-12-02T03:00:00.000Z",
          services: ["db"],
          capacity_factor: 0.5,
        },
        sites: ["shop"],
        // `letter` runs meanwhile on the news site, which does not use db; `later` does not overlap.
        campaigns: [
          {
            id: "sale",
            name: "Winter sale",
            owner: "@owner-sale",
            file: "campaigns/sale.yaml",
            start: "2026-12-01T20:00:00.000Z",
            end: "2026-12-02T02:00:00.000Z",
            sites: ["shop"],
            services: ["db"],
            during: true,
            effects: [
              "db keeps 50% of its capacity from Wed 2 Dec 2026 01:00 UTC to Wed 2 Dec 2026 02:00 UTC: 350 requests/s instead of 700 requests/s; this campaign adds up to 12 requests/s on top of 25 requests/s ordinary traffic.",
            ],
            problems: [],
          },
        ],
        title:
          'Maintenance "DB upgrade": db at 50% of capacity, Wed 2 Dec 2026 01:00 UTC to Wed 2 Dec 2026 03:00 UTC',
        summary:
          'IT maintenance "DB upgrade" takes db to 50% of capacity from Wed 2 Dec 2026 01:00 UTC to Wed 2 Dec 2026 03:00 UTC.',
      },
    ]);
  });

  it("a service taken down: the check's maintenance finding is listed as the campaign's problem", () => {
    const { announcements, report } = announce(undefined, dbUpgrade(0));
    const finding = report.findings.find((f) => f.rule === "maintenance");
    expect(finding?.message).toBeDefined();
    const [a] = announcements;
    expect(a!.title).toBe(
      'Maintenance "DB upgrade": db down, Wed 2 Dec 2026 01:00 UTC to Wed 2 Dec 2026 03:00 UTC',
    );
    expect(a!.campaigns.map((c) => [c.id, c.effects, c.problems])).toEqual([
      [
        "sale",
        [
          "db is down from Wed 2 Dec 2026 01:00 UTC to Wed 2 Dec 2026 02:00 UTC: the sites shop cannot use it then (this campaign adds up to 12 requests/s on top of 25 requests/s ordinary traffic).",
        ],
        [finding!.message],
      ],
    ]);
  });

  it("a moved window is `changed` with the previous one; an unchanged, a removed or an ended one is not announced", () => {
    const moved = announce(dbUpgrade(0.5, "2026-12-02T00:00:00Z"), dbUpgrade(0.5));
    expect(moved.announcements.map((a) => [a.change, a.previous?.start])).toEqual([
      ["changed", "2026-12-02T00:00:00.000Z"],
    ]);
    expect(announce(dbUpgrade(0.5), dbUpgrade(0.5)).announcements).toEqual([]);
    expect(announce(dbUpgrade(0.5), "").announcements).toEqual([]);
    const ended = `maintenance:\n  - { name: Old, services: [db], start: 2026-11-01T00:00:00Z, end: 2026-11-02T00:00:00Z }\n`;
    expect(announce("", ended).announcements).toEqual([]);
  });

  it("a freeze: campaigns running in it, and those whose scale-up the freeze moves before its start", () => {
    // `big` plans 200 × 1.2 = 240 requests/s on web: with 50 baseline, 290 > 2 × 100 × 0.7 = 140, so
    // web must grow to ceil(290 / 70) = 5 instances by the campaign's start, which lies in the
    // freeze: the deadline moves to the freeze's start, 15 Dec 00:00 UTC.
    const big = campaignYaml({
      id: "big",
      window: "timezone: Europe/Berlin\nwindow: { start: 2026-12-20T10:00, end: 2026-12-21T10:00 }",
    }).replace("peak_requests_per_second: 20", "peak_requests_per_second: 200");
    const freeze = "freezes:\n  - { name: Holiday freeze, start: 2026-12-15, end: 2027-01-04 }\n";
    const { announcements, report } = announce("", freeze, { ...campaigns, big });
    expect(report.plan).toEqual([
      { service: "web", instances: 5, by: "2026-12-15T00:00:00.000Z", campaigns: ["big"] },
    ]);
    expect(announcements).toHaveLength(1);
    const [a] = announcements;
    expect([a!.kind, a!.title]).toEqual([
      "freeze",
      'Change freeze "Holiday freeze": Tue 15 Dec 2026 00:00 UTC to end of Mon 4 Jan 2027',
    ]);
    expect(a!.campaigns.map((c) => [c.id, c.owner, c.during, c.services, c.effects])).toEqual([
      [
        "big",
        "@owner-big",
        true,
        ["web"],
        [
          "IT must scale web to 5 instances before the freeze starts on Tue 15 Dec 2026 01:00 CET.",
          "No infrastructure changes (no scaling) from Sun 20 Dec 2026 10:00 CET to Mon 21 Dec 2026 10:00 CET while the campaign runs: whatever capacity it needs must be in place before.",
        ],
      ],
    ]);
  });

  it("takes plain data: the models and the report, no files", () => {
    const capacity = loadCapacity(
      { path: config.capacity, text: CAPACITY_HEAD + dbUpgrade(0.5) },
      config.capacity,
    ).capacity!;
    const loaded = loadRepository({
      config,
      capacity: { path: config.capacity, text: CAPACITY_HEAD },
      campaigns: [{ path: "campaigns/sale.yaml", text: campaigns.sale }],
    });
    const result = announceWindows({
      before: undefined,
      after: capacity,
      campaigns: loaded.campaigns,
      report: { findings: [], plan: [] },
      now: NOW,
    });
    expect(result.map((a) => [a.key, a.campaigns.map((c) => c.id)])).toEqual([
      ["maintenance:DB upgrade", ["sale"]],
    ]);
  });
});
