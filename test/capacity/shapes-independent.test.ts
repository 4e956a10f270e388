/**
 * Independent check of shapes, baseline profiles, shape-driven deadlines, failover and the risk of
 * overload (DESIGN 2, issue 12), through the CLI on YAML files. Every expected number was computed
 * by hand from DESIGN, not from the engine; the arithmetic is in the comment next to each scenario.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runCli } from "../cli/run-cli.js";

interface Report {
  verdict: string;
  findings: { rule: string; message: string; campaign?: string; service?: string; line: number }[];
  services: { service: string; peak_rps: number; peak_at: string | null; contributors: string[] }[];
  plan: { service: string; instances: number; by: string; campaigns: string[] }[];
  risk: {
    samples: number;
    services: { service: string; probability: number; at: string | null; campaigns: string[] }[];
    campaigns: { id: string; probability: number; service: string | null; at: string | null }[];
  };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A campaign file: `rps` expected = high (a certain forecast) unless `high` says otherwise. */
function campaign(o: {
  id: string;
  start: string;
  end: string;
  rps: number;
  high?: number;
  timezone?: string;
  site?: string;
  shape?: string[];
}): string {
  return [
    `id: ${o.id}`,
    `name: Scenario ${o.id}`,
    `owner: "@jane"`,
    `type: other`,
    `timezone: ${o.timezone ?? "UTC"}`,
    `window:`,
    `  start: "${o.start}"`,
    `  end: "${o.end}"`,
    `targets:`,
    `  - site: ${o.site ?? "s"}`,
    `forecast:`,
    `  peak_requests_per_second: ${o.rps}`,
    `  high: ${o.high ?? o.rps}`,
    `  confidence: model`,
    `  basis: "hand-made scenario"`,
    ...(o.shape ? [`  shape:`, ...o.shape.map((l) => `    ${l}`)] : []),
    "",
  ].join("\n");
}

function repo(capacity: string, campaigns: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "cg-shapes-"));
  roots.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("infra/capacity.yaml", capacity);
  campaigns.forEach((text, i) => write(`campaigns/c${i}.yaml`, text));
  return root;
}

async function check(root: string, now: string): Promise<{ code: number; report: Report; stdout: string }> {
  const { code, stdout, stderr } = await runCli(["check", "--root", root, "--now", now, "--format", "json"]);
  expect(stderr).toBe("");
  return { code, report: JSON.parse(stdout) as Report, stdout };
}

const rules = (r: Report) =>
  r.findings.map((f) => `${f.rule}|${f.service ?? "-"}|${f.campaign ?? "-"}`).sort();

/** Replaces every `shape:` block by nothing: the same campaigns as `constant`. */
const constant = (text: string) => text.replace(/\n {2}shape:\n( {4}.*\n)*/, "\n");

describe("daily: two promotions peaking at different hours do not add up their peaks", () => {
  // web: fixed, max_rps 1000, t = 1 → safe 1000. Site s: baseline 100, uses web 1.
  // lunch: 600 rps, peak 12:00-14:00 Berlin; evening: 600 rps, peak 19:00-22:00 Berlin; off_peak 0.2.
  // Berlin is UTC+1 in December. Constant model: 100 + 600 + 600 = 1300 > 1000 → capacity errors.
  // Shaped: 12:00-14:00 Berlin: 100 + 600 + 0.2 × 600 = 820; 19:00-22:00: 100 + 120 + 600 = 820;
  // otherwise 100 + 120 + 120 = 340. Peak 820, first at 1 Dec 12:00 Berlin = 11:00Z, both active.
  const capacity = `defaults: { target_utilization: 1 }
services:
  web: { max_rps: 1000 }
sites:
  s: { baseline_rps: 100, uses: { web: 1 } }
`;
  const files = [
    campaign({
      id: "lunch",
      start: "2026-12-01",
      end: "2026-12-03",
      rps: 600,
      timezone: "Europe/Berlin",
      shape: ["kind: daily", 'peak_hours: ["12:00-14:00"]', "off_peak: 0.2"],
    }),
    campaign({
      id: "evening",
      start: "2026-12-01",
      end: "2026-12-03",
      rps: 600,
      timezone: "Europe/Berlin",
      shape: ["kind: daily", 'peak_hours: ["19:00-22:00"]'],
    }),
  ];

  test("peak 820 at 11:00Z with both campaigns, no findings; constant: capacity errors at 1300", async () => {
    const { code, report } = await check(repo(capacity, files), "2026-11-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.services).toEqual([
      {
        service: "web",
        peak_rps: 820,
        peak_at: "2026-12-01T11:00:00.000Z",
        capacity_rps: 1000,
        utilization: 0.82,
        contributors: ["evening", "lunch"],
      },
    ]);
    const flat = await check(repo(capacity, files.map(constant)), "2026-11-01T00:00:00Z");
    expect(flat.code).toBe(1);
    expect(flat.report.services[0]!.peak_rps).toBe(1300);
    expect(rules(flat.report)).toEqual(["capacity|web|evening", "capacity|web|lunch"]);
  });
});

describe("spike: a TV spot's deadline is its first airing, and its load decays in quarter half-lives", () => {
  // web: p 100, instances 2, max 20, t 1. Baseline 100. tv: 1000 rps in a window 3 Dec 00:00Z-4 Dec
  // 00:00Z, airing 3 Dec 20:00Z, half-life 20 min → steps of 5 min: 1000, 1000 × 2^-0.25 = 840.896…
  // At 20:00: 1100 → N = 11 > 2 → plan 11 by 20:00Z (constant: by 00:00Z, the window's start).
  // Now 19 Nov 19:00Z: the airing is 14 days 1 hour away → no notice (constant: 13 days 5 hours → notice).
  // Now 19 Nov 21:00Z: 13 days 23 hours → notice.
  const capacity = `defaults: { target_utilization: 1 }
services:
  web: { per_instance_rps: 100, instances: 2, max_instances: 20 }
sites:
  s: { baseline_rps: 100, uses: { web: 1 } }
`;
  const tv = campaign({
    id: "tv",
    start: "2026-12-03T00:00:00Z",
    end: "2026-12-04T00:00:00Z",
    rps: 1000,
    shape: ["kind: spike", 'at: ["2026-12-03T20:00:00Z"]', "half_life_minutes: 20"],
  });

  test("plan 11 instances by the airing; scale-up only while 14 days ahead", async () => {
    const { code, report } = await check(repo(capacity, [tv]), "2026-11-19T19:00:00Z");
    expect(code).toBe(0);
    expect(report.plan).toEqual([
      { service: "web", instances: 11, by: "2026-12-03T20:00:00.000Z", campaigns: ["tv"] },
    ]);
    expect(report.services[0]).toMatchObject({ peak_rps: 1100, peak_at: "2026-12-03T20:00:00.000Z" });
    expect(rules(report)).toEqual(["scale-up|web|tv"]);
    const flat = await check(repo(capacity, [constant(tv)]), "2026-11-19T19:00:00Z");
    expect(flat.report.plan[0]!.by).toBe("2026-12-03T00:00:00.000Z");
    expect(rules(flat.report)).toEqual(["notice|web|tv", "scale-up|web|tv"]);
  });

  test("an hour later the airing is less than 14 days away: notice", async () => {
    const { code, report } = await check(repo(capacity, [tv]), "2026-11-19T21:00:00Z");
    expect(code).toBe(1);
    expect(rules(report)).toEqual(["notice|web|tv", "scale-up|web|tv"]);
  });

  test("the second step holds 1000 × 2^-0.25: a second spot then needs exactly that headroom", async () => {
    // A constant campaign of 159 rps from 20:05Z on: 100 + 840.896 + 159 = 1099.896 → N = 11;
    // with 160 rps: 1100.896 → N = 12. Only the step value 840.896 separates the two.
    const extra = (rps: number) =>
      campaign({ id: "other", start: "2026-12-03T20:05:00Z", end: "2026-12-03T20:10:00Z", rps });
    const a = await check(repo(capacity, [tv, extra(159)]), "2026-11-01T00:00:00Z");
    expect(a.report.plan[0]!.instances).toBe(11);
    const b = await check(repo(capacity, [tv, extra(160)]), "2026-11-01T00:00:00Z");
    expect(b.report.plan[0]!.instances).toBe(12);
  });
});

describe("front_loaded: an e-mail blast decays before a later flash sale peaks", () => {
  // db: fixed max_rps 1000, t 1. Site s: baseline 100, uses db 0.5 → 50 on db.
  // mail: 800 rps from 7 Dec 00:00Z, sent 08:00Z, half-life 4 h → steps of 1 h; on db: 400 × 2^(-k/4).
  // sale: 1200 rps from 10:00Z (constant) → 600 on db. At 10:00 (k = 2): 50 + 600 + 400 × 2^-0.5
  // = 650 + 282.842712… = 932.842712 ≤ 1000. Constant: 50 + 400 + 600 = 1050 > 1000 → capacity.
  const capacity = `defaults: { target_utilization: 1 }
services:
  db: { max_rps: 1000 }
sites:
  s: { baseline_rps: 100, uses: { db: 0.5 } }
`;
  const files = [
    campaign({
      id: "mail",
      start: "2026-12-07T00:00:00Z",
      end: "2026-12-09T00:00:00Z",
      rps: 800,
      shape: ["kind: front_loaded", 'at: "2026-12-07T08:00:00Z"', "half_life_hours: 4"],
    }),
    campaign({ id: "sale", start: "2026-12-07T10:00:00Z", end: "2026-12-08T00:00:00Z", rps: 1200 }),
  ];

  test("peak 932.842712 at 10:00Z; constant: capacity error at 1050", async () => {
    const { code, report } = await check(repo(capacity, files), "2026-11-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.services[0]).toMatchObject({
      peak_rps: 932.842712,
      peak_at: "2026-12-07T10:00:00.000Z",
      contributors: ["mail", "sale"],
    });
    const flat = await check(repo(capacity, files.map(constant)), "2026-11-01T00:00:00Z");
    expect(flat.report.services[0]!.peak_rps).toBe(1050);
    expect(rules(flat.report)).toEqual(["capacity|db|mail", "capacity|db|sale"]);
  });
});

describe("baseline profile: a weekend afternoon campaign meets a quarter of the stated baseline", () => {
  // web: fixed max 2000, t 1. Site s: baseline 1000, profile in New York (UTC-5): every hour 0.5
  // except 20:00-21:00 (1); weekdays Mon-Fri 1, Sat-Sun 0.5.
  // Campaign: 1500 rps, Sat 5 Dec 15:00Z-19:00Z = 10:00-14:00 New York → baseline 1000 × 0.5 × 0.5
  // = 250 → 1750 ≤ 2000. Without the profile: 1000 + 1500 = 2500 > 2000 → capacity.
  // Outside the campaign the highest baseline (1000, a weekday at 20:00) counts: peak stays 1750.
  const hours = Array.from({ length: 24 }, (_, h) => (h === 20 ? 1 : 0.5));
  const profiled = `defaults: { target_utilization: 1 }
services:
  web: { max_rps: 2000 }
sites:
  s:
    baseline_rps: 1000
    uses: { web: 1 }
    profile:
      timezone: America/New_York
      hours: [${hours.join(", ")}]
      weekdays: [1, 1, 1, 1, 1, 0.5, 0.5]
`;
  const flat = profiled.replace(/ {4}profile:\n( {6}.*\n)*/, "");
  const files = [
    campaign({ id: "weekend", start: "2026-12-05T15:00:00Z", end: "2026-12-05T19:00:00Z", rps: 1500 }),
  ];

  test("1750 at the campaign's start; 2500 and a capacity error without the profile", async () => {
    const { code, report } = await check(repo(profiled, files), "2026-11-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.services[0]).toMatchObject({ peak_rps: 1750, peak_at: "2026-12-05T15:00:00.000Z" });
    const without = await check(repo(flat, files), "2026-11-01T00:00:00Z");
    expect(without.report.services[0]!.peak_rps).toBe(2500);
    expect(rules(without.report)).toEqual(["capacity|web|weekend"]);
  });

  test("the same campaign on a Friday evening meets the full baseline: 2500", async () => {
    // Fri 4 Dec 20:00-21:00 New York = Sat 5 Dec 01:00-02:00Z: share 1 × weekday 1 → 1000.
    const friday = [
      campaign({ id: "friday", start: "2026-12-05T01:00:00Z", end: "2026-12-05T02:00:00Z", rps: 1500 }),
    ];
    const { report } = await check(repo(profiled, friday), "2026-11-01T00:00:00Z");
    expect(report.services[0]).toMatchObject({ peak_rps: 2500, peak_at: "2026-12-05T01:00:00.000Z" });
    expect(rules(report)).toEqual(["capacity|web|friday"]);
  });
});

describe("failover: the standby environment carries less than the primary", () => {
  // web: p 100, instances 10, max 20, t 1; failover_utilization 0.8. Standby "second-cloud": 5
  // instances → 5 × 100 × 0.8 = 400. Baseline 300 + campaign 200 = 500 > 400 → `failover`;
  // N = 5 ≤ 10 → no scale-up. A 100 rps campaign: 400 ≤ 400 → nothing.
  const capacity = `defaults: { target_utilization: 1, failover_utilization: 0.8 }
services:
  web: { per_instance_rps: 100, instances: 10, max_instances: 20 }
sites:
  s: { baseline_rps: 300, uses: { web: 1 } }
failover:
  name: second-cloud
  services:
    web: { instances: 5 }
`;
  test("a failover warning with the numbers at 200 rps, none at 100", async () => {
    const big = campaign({ id: "big", start: "2026-12-01T00:00:00Z", end: "2026-12-02T00:00:00Z", rps: 200 });
    const { code, report } = await check(repo(capacity, [big]), "2026-11-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.verdict).toBe("warn");
    expect(rules(report)).toEqual(["failover|web|big"]);
    expect(report.findings[0]!.message).toContain("500 requests/s against 400 requests/s");
    expect(report.findings[0]!.message).toContain('"second-cloud"');
    const small = campaign({
      id: "small",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 100,
    });
    expect((await check(repo(capacity, [small]), "2026-11-01T00:00:00Z")).report.findings).toEqual([]);
  });
});

describe("risk: one campaign planned at its p90 against exactly that capacity has a 10% chance", () => {
  // db: fixed max 1000, t 1, no baseline. Campaign: expected 500, high 1000 → planned load 1000 =
  // capacity: no capacity error. Log-normal with median 500 and p90 1000: P(X > 1000) = 10% exactly
  // (the closed form, one campaign). max_risk 0.05 → a `risk` warning.
  const capacity = (maxRisk: string) => `defaults: { target_utilization: 1${maxRisk} }
services:
  db: { max_rps: 1000 }
sites:
  s: { baseline_rps: 0, uses: { db: 1 } }
`;
  const one = campaign({
    id: "one",
    start: "2026-12-01T00:00:00Z",
    end: "2026-12-02T00:00:00Z",
    rps: 500,
    high: 1000,
  });

  test("probability 0.1 per service and per campaign; a risk warning above max_risk", async () => {
    const { report } = await check(repo(capacity(""), [one]), "2026-11-01T00:00:00Z");
    expect(report.findings).toEqual([]);
    expect(report.risk.services[0]!.probability).toBeCloseTo(0.1, 5);
    expect(report.risk.services[0]!.at).toBe("2026-12-01T00:00:00.000Z");
    expect(report.risk.campaigns).toEqual([
      {
        id: "one",
        probability: report.risk.services[0]!.probability,
        service: "db",
        at: "2026-12-01T00:00:00.000Z",
      },
    ]);
    const warned = await check(repo(capacity(", max_risk: 0.05"), [one]), "2026-11-01T00:00:00Z");
    expect(rules(warned.report)).toEqual(["risk|db|one"]);
    expect(warned.report.findings[0]!.message).toMatch(/^10(\.0)?% chance that db overloads/);
  });

  test("the same files give a byte-identical report", async () => {
    // Two uncertain campaigns: the Monte Carlo path.
    const two = campaign({
      id: "two",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 250,
      high: 500,
    });
    const half = campaign({
      id: "half",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 250,
      high: 500,
    });
    const root = repo(capacity(""), [half, two]);
    const a = await check(root, "2026-11-01T00:00:00Z");
    const again = await check(root, "2026-11-01T00:00:00Z");
    expect(again.stdout).toBe(a.stdout);
    // Files read in another order (each campaign draws its own stream): the same risk.
    const b = await check(repo(capacity(""), [two, half]), "2026-11-01T00:00:00Z");
    expect(b.report.risk).toEqual(a.report.risk);
    // Two independent campaigns, each with a 10% chance above its planned half: together less than 10%.
    expect(a.report.risk.services[0]!.probability).toBeGreaterThan(0);
    expect(a.report.risk.services[0]!.probability).toBeLessThan(0.1);
  });
});

describe("the Acme example: the winter sale's three shaped campaigns (examples/acme/README.md)", () => {
  // web-shop: p 500, t 0.7 (350 per instance), 2 zones at 0.9 (450 per surviving instance), 16 today.
  // Shaped, busiest instant Mon 18 Jan 2027 12:00 New York (17:00Z): baseline 750 + sale 2000 +
  // e-mail 1750 × 2^(-5/4) (240 min after the send, step 5 of 45 min) = 3485.79 → N = 16: no IT work.
  // Constant: 750 + 2000 + 1750 = 4500 (Jan 18-20) and 750 + 2000 + 2250 = 5000 (TV window) → N = 24
  // → a scale-up on web-shop for each of the three.
  const ACME = join(import.meta.dirname, "../../examples/acme");
  const NOW = "2026-11-23T09:00:00Z";
  const winter = (r: Report) => rules(r).filter((x) => x.includes("winter-sale"));

  test("shaped: no finding on the winter campaigns; as constant: each needs web-shop scaled", async () => {
    const { report } = await check(ACME, NOW);
    expect(winter(report)).toEqual([]);
    // The README's risk sentence: Christmas, 26% on shared-db.
    const christmas = report.risk.campaigns.find((c) => c.id === "christmas-2026")!;
    expect([Math.round(christmas.probability * 100), christmas.service]).toEqual([26, "shared-db"]);
    const root = mkdtempSync(join(tmpdir(), "cg-acme-flat-"));
    roots.push(root);
    cpSync(ACME, root, { recursive: true });
    for (const file of readdirSync(join(root, "campaigns"))) {
      const path = join(root, "campaigns", file);
      writeFileSync(path, constant(readFileSync(path, "utf8")));
    }
    const flat = await check(root, NOW);
    expect(winter(flat.report)).toEqual([
      "scale-up|web-shop|winter-sale-2027",
      "scale-up|web-shop|winter-sale-email-2027",
      "scale-up|web-shop|winter-sale-tv-spot-2027",
    ]);
    const tv = flat.report.findings.find((f) => f.campaign === "winter-sale-tv-spot-2027")!;
    expect(tv.message).toContain("5,000 requests/s");
  });
});

describe("bad shapes are clear errors on their line", () => {
  const capacity = `services:
  web: { max_rps: 1000 }
sites:
  s: { baseline_rps: 0, uses: { web: 1 } }
`;
  test("an airing outside the window is a `window` error on the airing's line; a key of another kind a `schema` error", async () => {
    const outside = campaign({
      id: "late",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 100,
      shape: ["kind: spike", "at:", '  - "2026-12-03T20:00:00Z"', "half_life_minutes: 10"],
    });
    const mixed = campaign({
      id: "mixed",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 100,
      shape: ["kind: spike", 'at: ["2026-12-01T20:00:00Z"]', "half_life_hours: 2"],
    });
    const { code, report } = await check(repo(capacity, [outside, mixed]), "2026-11-01T00:00:00Z");
    expect(code).toBe(1);
    const late = report.findings.find((f) => f.campaign === "late")!;
    expect([late.rule, late.line]).toEqual(["window", 19]);
    expect(late.message).toContain("outside the campaign's window");
    const bad = report.findings.find((f) => f.campaign === "mixed")!;
    expect(bad.rule).toBe("schema");
    expect(report.findings.filter((f) => f.campaign === "mixed").map((f) => f.message)).toEqual([
      "`forecast.shape` is missing the required key `half_life_minutes`. This campaign is left out of the load until this is fixed.",
      "`forecast.shape.half_life_hours` does not go with the other keys here (it belongs to another kind); remove it. This campaign is left out of the load until this is fixed.",
    ]);
  });
});
