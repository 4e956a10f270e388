/**
 * Independent check of the capacity engine against DESIGN section 2, through the CLI.
 * Every expected number below was computed by hand from DESIGN, not from the engine;
 * the arithmetic is in the comment next to each scenario.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runCli } from "../cli/run-cli.js";

interface Finding {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  campaign?: string;
  service?: string;
  campaigns?: string[];
  counted: boolean;
}
interface ServiceRow {
  service: string;
  peak_rps: number;
  peak_at: string | null;
  capacity_rps: number;
  utilization: number;
  contributors: string[];
}
interface PlanRow {
  service: string;
  instances: number;
  by: string;
  campaigns: string[];
}
interface Report {
  verdict: string;
  now: string;
  findings: Finding[];
  services: ServiceRow[];
  plan: PlanRow[];
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

interface CampaignSpec {
  id: string;
  start: string;
  end: string;
  timezone?: string;
  /** `rps` or `users`, the expected value. */
  rps?: number;
  users?: number;
  high?: number;
  confidence?: "historical" | "model" | "guess";
  targets: [site: string, share?: number][];
}

/**
 * A campaign file with a fixed layout, so that lines are known:
 * forecast key on line 9, the expected value on line 10, `high` (if any) on line 11.
 */
function campaignYaml(c: CampaignSpec): string {
  const forecast = [
    c.rps !== undefined ? `  peak_requests_per_second: ${c.rps}` : `  peak_concurrent_users: ${c.users}`,
    ...(c.high !== undefined ? [`  high: ${c.high}`] : []),
    `  confidence: ${c.confidence ?? "historical"}`,
    `  basis: "hand-made test scenario"`,
  ];
  return [
    `id: ${c.id}`,
    `name: Scenario ${c.id}`,
    `owner: "@jane"`,
    `type: other`,
    `timezone: ${c.timezone ?? "UTC"}`,
    `window:`,
    `  start: "${c.start}"`,
    `  end: "${c.end}"`,
    `forecast:`,
    ...forecast,
    `targets:`,
    ...c.targets.map(([site, share]) => `  - site: ${site}\n    share: ${share ?? 1}`),
    "",
  ].join("\n");
}

const FORECAST_VALUE_LINE = 10;

/** Writes a scenario repository into a fresh temp dir and returns its root. */
function repo(capacityYaml: string, campaigns: CampaignSpec[], extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "cg-independent-"));
  roots.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("infra/capacity.yaml", capacityYaml);
  for (const c of campaigns) write(`campaigns/${c.id}.yaml`, campaignYaml(c));
  for (const [path, text] of Object.entries(extra)) write(path, text);
  return root;
}

async function check(
  root: string,
  now: string,
  changed: string[] = [],
): Promise<{ code: number; report: Report }> {
  const args = ["check", "--root", root, "--now", now, "--format", "json"];
  for (const file of changed) args.push("--changed", file);
  const { code, stdout, stderr } = await runCli(args);
  expect(stderr).toBe("");
  return { code, report: JSON.parse(stdout) as Report };
}

const rulesOf = (r: Report) =>
  r.findings.map((f) => `${f.rule}|${f.service ?? "-"}|${f.campaign ?? "-"}`).sort();
const service = (r: Report, name: string) => r.services.find((s) => s.service === name);
const sorted = (xs: string[] | undefined) => [...(xs ?? [])].sort();

describe("1. tolerance: 2000 × 1.5 × 0.1 does not ask for an extra instance", () => {
  // web: p 3, t 0.7 → p×t = 2.1 (3*0.7 = 2.0999999999999996 in floats); max 100 → capacity 210.
  // Campaign: 2000 rps, model (×1.5, no high) → 3000, share 0.1 → 300 on site s; uses 0.7 → 210.
  // L = 210 = max × p × t exactly: no `capacity`. N_t = ceil(210 / 2.1) = 100 (not 101),
  // N = max(100, 0, 50) = 100 > 50 → plan 100, by the start (30 days ahead: no notice).
  const capacity = `
services:
  web: { per_instance_rps: 3, instances: 50, max_instances: 100 }
sites:
  s: { baseline_rps: 0, uses: { web: 0.7 } }
`;
  const root = repo(capacity, [
    {
      id: "tol",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 2000,
      confidence: "model",
      targets: [["s", 0.1]],
    },
  ]);

  test("plan 100 instances, utilization exactly 1, a scale-up warning only", async () => {
    const { code, report } = await check(root, "2026-11-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.verdict).toBe("warn");
    expect(report.services).toEqual([
      {
        service: "web",
        peak_rps: 210,
        peak_at: "2026-12-01T00:00:00.000Z",
        capacity_rps: 210,
        utilization: 1,
        contributors: ["tol"],
      },
    ]);
    expect(report.plan).toEqual([
      { service: "web", instances: 100, by: "2026-12-01T00:00:00.000Z", campaigns: ["tol"] },
    ]);
    expect(rulesOf(report)).toEqual(["scale-up|web|tol"]);
    expect(report.findings[0]).toMatchObject({
      severity: "warning",
      file: "campaigns/tol.yaml",
      line: FORECAST_VALUE_LINE,
      column: 3,
      campaign: "tol",
      campaigns: ["tol"],
      counted: true,
    });
    expect(report.findings[0]?.message).toContain("100");
  });
});

describe("2. zones: the zone rule decides (z=2, z=3) and redundancy beyond max_instances", () => {
  // Campaign: 400 rps expected, high 500 → planning 500 on site s; s uses all three services × 1.
  // p = 100, t 0.7 (70/instance), f 0.9 (90/instance), instances 2.
  // zone2 (z 2, max 20): N_t = ceil(500/70) = 8; N_z: floor(N/2)·90 >= 500 → floor(N/2) >= 6 → 12.
  // zone3 (z 3, max 20): N_t = 8; N_z: (N − ceil(N/3))·90 >= 500 → needs 6 survivors: N=8 → 5, N=9 → 6 → 9.
  // zone3b (z 3, max 20) uses 0.9 → L 450: N_t = ceil(6.43) = 7; N_z: 5 survivors (450/90) → N=7 → 4,
  //   N=8 → 8 − ceil(8/3) = 5 → 8 (not a multiple of z).
  // redund (z 2, max 10): L 500 <= 10·70 = 700 (no capacity); N = 12 > 10 → plan 10 + redundancy.
  const capacity = `
services:
  zone2: { per_instance_rps: 100, instances: 2, max_instances: 20, zones: 2 }
  zone3: { per_instance_rps: 100, instances: 2, max_instances: 20, zones: 3 }
  zone3b: { per_instance_rps: 100, instances: 2, max_instances: 20, zones: 3 }
  redund: { per_instance_rps: 100, instances: 2, max_instances: 10, zones: 2 }
sites:
  s: { baseline_rps: 0, uses: { zone2: 1, zone3: 1, zone3b: 0.9, redund: 1 } }
`;
  const root = repo(capacity, [
    {
      id: "zoned",
      start: "2026-12-10T00:00:00Z",
      end: "2026-12-11T00:00:00Z",
      rps: 400,
      high: 500,
      confidence: "guess",
      targets: [["s"]],
    },
  ]);

  test("plan 12 / 9 / 8 / 10 with a redundancy warning for the capped service", async () => {
    const { code, report } = await check(root, "2026-11-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.verdict).toBe("warn");
    const by = "2026-12-10T00:00:00.000Z";
    expect([...report.plan].sort((a, b) => a.service.localeCompare(b.service))).toEqual([
      { service: "redund", instances: 10, by, campaigns: ["zoned"] },
      { service: "zone2", instances: 12, by, campaigns: ["zoned"] },
      { service: "zone3", instances: 9, by, campaigns: ["zoned"] },
      { service: "zone3b", instances: 8, by, campaigns: ["zoned"] },
    ]);
    expect(service(report, "zone2")).toEqual({
      service: "zone2",
      peak_rps: 500,
      peak_at: by,
      capacity_rps: 1400,
      utilization: 0.357143,
      contributors: ["zoned"],
    });
    expect(service(report, "redund")).toMatchObject({ capacity_rps: 700, utilization: 0.714286 });
    // `guess` with a `high` estimate: no forecast warning. No capacity error anywhere.
    expect(rulesOf(report)).toEqual([
      "redundancy|redund|zoned",
      "scale-up|redund|zoned",
      "scale-up|zone2|zoned",
      "scale-up|zone3b|zoned",
      "scale-up|zone3|zoned",
    ]);
    const redundancy = report.findings.find((f) => f.rule === "redundancy");
    expect(redundancy).toMatchObject({
      severity: "warning",
      file: "campaigns/zoned.yaml",
      // DESIGN: "on the campaign's forecast line". I first expected the `high` line (it sets the
      // planning value); the engine uses the expected-value line, an equally fair reading.
      line: FORECAST_VALUE_LINE,
      column: 3,
      campaigns: ["zoned"],
    });
  });
});

describe("3. a fixed database shared by 4 sites; windows touching at the same instant", () => {
  // db: max_rps 1000, t 0.7 → capacity 700.
  // Baselines on db: a 100×0.5 = 50; b 1000 users×0.2 = 200 rps ×0.25 = 50; c 4000×0.1 = 400 ×0.1 = 40;
  // d 80×1 = 80 → 220.
  // ca: 600 rps historical ×1.2 = 720 on a → db 360, [12-01, 12-03).
  // cb: 2000 users, high 3000 → 3000; b share 0.5 → 3000×0.2×0.5 = 300 → ×0.25 = 75;
  //     c share 0.5 → 3000×0.1×0.5 = 150 → ×0.1 = 15; db 90, [12-02, 12-04).
  // cc: 380 rps, high 380 on d → db 380, [12-03, 12-05) — starts the instant ca ends.
  // Segments: [12-01,12-02) 580; [12-02,12-03) 670; [12-03,12-04) 220+90+380 = 690; [12-04,12-05) 600.
  // If ca were still counted at 12-03 (starts before ends): 1050 > 700 → a capacity error.
  const capacity = `
services:
  db: { max_rps: 1000 }
sites:
  a: { baseline_rps: 100, uses: { db: 0.5 } }
  b: { rps_per_user: 0.2, baseline_users: 1000, uses: { db: 0.25 } }
  c: { rps_per_user: 0.1, baseline_users: 4000, uses: { db: 0.1 } }
  d: { baseline_rps: 80, uses: { db: 1 } }
`;
  const root = repo(capacity, [
    { id: "ca", start: "2026-12-01T00:00:00Z", end: "2026-12-03T00:00:00Z", rps: 600, targets: [["a"]] },
    {
      id: "cb",
      start: "2026-12-02T00:00:00Z",
      end: "2026-12-04T00:00:00Z",
      users: 2000,
      high: 3000,
      confidence: "model",
      targets: [
        ["b", 0.5],
        ["c", 0.5],
      ],
    },
    {
      id: "cc",
      start: "2026-12-03T00:00:00Z",
      end: "2026-12-05T00:00:00Z",
      rps: 380,
      high: 380,
      targets: [["d"]],
    },
  ]);

  test("peak 690 at the touching instant, contributors cb and cc, pass", async () => {
    const { code, report } = await check(root, "2026-11-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.verdict).toBe("pass");
    expect(report.findings).toEqual([]);
    expect(report.plan).toEqual([]);
    expect(report.services).toHaveLength(1);
    expect(report.services[0]).toMatchObject({
      service: "db",
      peak_rps: 690,
      peak_at: "2026-12-03T00:00:00.000Z",
      capacity_rps: 700,
      utilization: 0.985714,
    });
    expect(sorted(report.services[0]?.contributors)).toEqual(["cb", "cc"]);
  });
});

describe("4. a date-only end in America/New_York with the DST change inside the window", () => {
  // A: start 2026-10-31T12:00 local (EDT, −4) = 16:00Z; end "2026-11-01" (date) → next local midnight
  //    2026-11-02T00:00 EST (−5; DST ended 11-01 02:00) = 2026-11-02T05:00Z. 100 rps on x and y.
  // B: [2026-11-02T04:30Z, 11-03) 100 on x; C: [2026-11-02T05:00Z, 11-03) 50 on x.
  // x: [A start, 04:30Z) 100; [04:30Z, 05:00Z) 200 (A+B); [05:00Z, 11-03) 150 (B+C).
  // (A ending at 04:00Z — offset −4 kept — would give peak 150 at 05:00Z instead.)
  // y: only A → 100 at 2026-10-31T16:00Z.
  const capacity = `
services:
  svcx: { max_rps: 1000 }
  svcy: { max_rps: 1000 }
sites:
  x: { baseline_rps: 0, uses: { svcx: 1 } }
  y: { baseline_rps: 0, uses: { svcy: 1 } }
`;
  const root = repo(capacity, [
    {
      id: "dst-a",
      start: "2026-10-31T12:00:00",
      end: "2026-11-01",
      timezone: "America/New_York",
      rps: 100,
      high: 100,
      targets: [["x"], ["y"]],
    },
    {
      id: "dst-b",
      start: "2026-11-02T04:30:00Z",
      end: "2026-11-03T00:00:00Z",
      rps: 100,
      high: 100,
      targets: [["x"]],
    },
    {
      id: "dst-c",
      start: "2026-11-02T05:00:00Z",
      end: "2026-11-03T00:00:00Z",
      rps: 50,
      high: 50,
      targets: [["x"]],
    },
  ]);

  test("A ends at 2026-11-02T05:00Z: overlaps B, not C", async () => {
    const { code, report } = await check(root, "2026-10-01T00:00:00Z");
    expect(code).toBe(0);
    expect(report.verdict).toBe("pass");
    expect(report.findings).toEqual([]);
    expect(service(report, "svcx")).toMatchObject({
      peak_rps: 200,
      peak_at: "2026-11-02T04:30:00.000Z",
      capacity_rps: 700,
      utilization: 0.285714,
    });
    expect(sorted(service(report, "svcx")?.contributors)).toEqual(["dst-a", "dst-b"]);
    expect(service(report, "svcy")).toEqual({
      service: "svcy",
      peak_rps: 100,
      peak_at: "2026-10-31T16:00:00.000Z",
      capacity_rps: 700,
      utilization: 0.142857,
      contributors: ["dst-a"],
    });
  });
});

describe("5. maintenance: factor 0.5 holds, factor 0 is an error, no campaign → no finding", () => {
  // db: max 1000, t 0.7 → 700; site s baseline 100, uses db 1.
  // half [12-01T00Z, 12-01T06Z) factor 0.5 → reduced 1000×0.5×0.7 = 350; ok-cmp 200 → L 300 <= 350.
  // down [12-10T00Z, 12-10T02Z) factor 0 (default); bad-cmp 25 rps guess ×2 = 50 → L 150 > 0 → error.
  // idle [12-20, 12-21) factor 0 with only the baseline in it → no finding (IT's own business).
  // Peak 300 over [11-30, 12-02) (maintenance ignored), utilization 300/700.
  const capacity = `
services:
  db: { max_rps: 1000 }
sites:
  s: { baseline_rps: 100, uses: { db: 1 } }
maintenance:
  - name: half
    services: [db]
    start: 2026-12-01T00:00:00Z
    end: 2026-12-01T06:00:00Z
    capacity_factor: 0.5
  - name: down
    services: [db]
    start: 2026-12-10T00:00:00Z
    end: 2026-12-10T02:00:00Z
  - name: idle
    services: [db]
    start: 2026-12-20T00:00:00Z
    end: 2026-12-21T00:00:00Z
`;
  const root = repo(capacity, [
    {
      id: "ok-cmp",
      start: "2026-11-30T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 200,
      high: 200,
      targets: [["s"]],
    },
    {
      id: "bad-cmp",
      start: "2026-12-09T00:00:00Z",
      end: "2026-12-11T00:00:00Z",
      rps: 25,
      confidence: "guess",
      targets: [["s"]],
    },
  ]);

  test("one maintenance error on bad-cmp, one forecast warning, fail", async () => {
    const { code, report } = await check(root, "2026-11-01T00:00:00Z");
    expect(code).toBe(1);
    expect(report.verdict).toBe("fail");
    expect(rulesOf(report)).toEqual(["forecast|-|bad-cmp", "maintenance|db|bad-cmp"]);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: "maintenance",
          severity: "error",
          file: "campaigns/bad-cmp.yaml",
          line: FORECAST_VALUE_LINE,
          column: 3,
          campaign: "bad-cmp",
          campaigns: ["bad-cmp"],
        }),
        expect.objectContaining({ rule: "forecast", severity: "warning", file: "campaigns/bad-cmp.yaml" }),
      ]),
    );
    expect(report.services).toEqual([
      {
        service: "db",
        peak_rps: 300,
        peak_at: "2026-11-30T00:00:00.000Z",
        capacity_rps: 700,
        utilization: 0.428571,
        contributors: ["ok-cmp"],
      },
    ]);
    expect(report.plan).toEqual([]);
  });
});

describe("6. notice / freeze deadlines and `past`", () => {
  // now 2026-11-23T00:00Z, notice 14 days. Each campaign has its own service (p 100, t 0.7,
  // instances 2, max 20): 500 rps → N_t = ceil(500/70) = 8 > 2 → needs IT work at its start.
  // exact  (web1): start 12-07T00Z → deadline − now = 14 days, not < 14 → scale-up only.
  // close  (web2): start 12-06T00Z → 13 days → notice (error) + scale-up.
  // frozen (web3): start 12-04T00Z, inside freeze [12-03, 12-05) → deadline moved to 12-03 → 10 days
  //                → freeze (not notice) + scale-up; plan `by` = the moved deadline.
  // old    (web1): [11-22, 11-23) ends == now → past (notice); 5000 rps would break web1 if counted.
  const capacity = `
services:
  web1: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web2: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web3: { per_instance_rps: 100, instances: 2, max_instances: 20 }
sites:
  s1: { baseline_rps: 0, uses: { web1: 1 } }
  s2: { baseline_rps: 0, uses: { web2: 1 } }
  s3: { baseline_rps: 0, uses: { web3: 1 } }
freezes:
  - name: Short freeze
    start: 2026-12-03T00:00:00Z
    end: 2026-12-05T00:00:00Z
`;
  const day = (d: string) => ({ start: `${d}T00:00:00Z`, end: "2026-12-20T00:00:00Z" });
  const root = repo(capacity, [
    { id: "exact", ...day("2026-12-07"), rps: 500, high: 500, targets: [["s1"]] },
    { id: "close", ...day("2026-12-06"), rps: 500, high: 500, targets: [["s2"]] },
    { id: "frozen", ...day("2026-12-04"), rps: 500, high: 500, targets: [["s3"]] },
    {
      id: "old",
      start: "2026-11-22T00:00:00Z",
      end: "2026-11-23T00:00:00Z",
      rps: 5000,
      high: 5000,
      targets: [["s1"]],
    },
  ]);

  test("notice is strict, freeze replaces notice, past is left out", async () => {
    const { code, report } = await check(root, "2026-11-23T00:00:00Z");
    expect(code).toBe(1);
    expect(report.verdict).toBe("fail");
    expect(rulesOf(report)).toEqual([
      "freeze|web3|frozen",
      "notice|web2|close",
      "past|-|old",
      "scale-up|web1|exact",
      "scale-up|web2|close",
      "scale-up|web3|frozen",
    ]);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "notice", severity: "error", campaigns: ["close"] }),
        expect.objectContaining({ rule: "freeze", severity: "error", campaigns: ["frozen"] }),
        expect.objectContaining({ rule: "past", severity: "notice", file: "campaigns/old.yaml" }),
      ]),
    );
    expect([...report.plan].sort((a, b) => a.service.localeCompare(b.service))).toEqual([
      { service: "web1", instances: 8, by: "2026-12-07T00:00:00.000Z", campaigns: ["exact"] },
      { service: "web2", instances: 8, by: "2026-12-06T00:00:00.000Z", campaigns: ["close"] },
      { service: "web3", instances: 8, by: "2026-12-03T00:00:00.000Z", campaigns: ["frozen"] },
    ]);
    expect(service(report, "web1")).toMatchObject({
      peak_rps: 500,
      peak_at: "2026-12-07T00:00:00.000Z",
      capacity_rps: 1400,
      utilization: 0.357143,
      contributors: ["exact"],
    });
  });
});

describe("7. --changed attribution and the verdict", () => {
  // db: max 1000 → 700; s baseline 100. big1 [12-01, 12-03) 400; big2 [12-02, 12-04) 300;
  // lone [12-10, 12-11) 100 guess ×2 = 200 (forecast warning).
  // [12-02, 12-03): 100 + 400 + 300 = 800 > 700 → capacity on big1 and big2, campaigns [big1, big2].
  const capacity = `
services:
  db: { max_rps: 1000 }
sites:
  s: { baseline_rps: 100, uses: { db: 1 } }
`;
  const root = repo(capacity, [
    {
      id: "big1",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-03T00:00:00Z",
      rps: 400,
      high: 400,
      targets: [["s"]],
    },
    {
      id: "big2",
      start: "2026-12-02T00:00:00Z",
      end: "2026-12-04T00:00:00Z",
      rps: 300,
      high: 300,
      targets: [["s"]],
    },
    {
      id: "lone",
      start: "2026-12-10T00:00:00Z",
      end: "2026-12-11T00:00:00Z",
      rps: 100,
      confidence: "guess",
      targets: [["s"]],
    },
  ]);
  const NOW = "2026-11-01T00:00:00Z";
  const counted = (r: Report) => r.findings.map((f) => `${f.rule}|${f.campaign ?? "-"}|${f.counted}`).sort();

  test("without --changed everything counts: fail, peak 800", async () => {
    const { code, report } = await check(root, NOW);
    expect(code).toBe(1);
    expect(counted(report)).toEqual(["capacity|big1|true", "capacity|big2|true", "forecast|lone|true"]);
    for (const id of ["big1", "big2"]) {
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          rule: "capacity",
          severity: "error",
          file: `campaigns/${id}.yaml`,
          line: FORECAST_VALUE_LINE,
          column: 3,
          campaign: id,
          service: "db",
          campaigns: expect.arrayContaining(["big1", "big2"]) as unknown,
        }),
      );
    }
    expect(report.services).toHaveLength(1);
    expect(report.services[0]).toMatchObject({
      peak_rps: 800,
      peak_at: "2026-12-02T00:00:00.000Z",
      capacity_rps: 700,
      utilization: 1.142857,
    });
    expect(sorted(report.services[0]?.contributors)).toEqual(["big1", "big2"]);
    expect(report.plan).toEqual([]);
  });

  test("a changed contributor counts the capacity error on the other contributor too", async () => {
    const { code, report } = await check(root, NOW, ["campaigns/big2.yaml"]);
    expect(code).toBe(1);
    expect(report.verdict).toBe("fail");
    expect(counted(report)).toEqual(["capacity|big1|true", "capacity|big2|true", "forecast|lone|false"]);
  });

  test("changing only the lone campaign: capacity errors are already on the base branch → warn", async () => {
    const { code, report } = await check(root, NOW, ["campaigns/lone.yaml"]);
    expect(code).toBe(0);
    expect(report.verdict).toBe("warn");
    expect(counted(report)).toEqual(["capacity|big1|false", "capacity|big2|false", "forecast|lone|true"]);
  });

  test("a changed capacity file counts everything; an unrelated file counts nothing", async () => {
    const all = await check(root, NOW, ["infra/capacity.yaml"]);
    expect(all.code).toBe(1);
    expect(counted(all.report)).toEqual(["capacity|big1|true", "capacity|big2|true", "forecast|lone|true"]);
    const none = await check(root, NOW, ["README.md"]);
    expect(none.code).toBe(0);
    expect(none.report.verdict).toBe("pass");
    expect(none.report.findings.every((f) => !f.counted)).toBe(true);
  });
});

describe("8. baseline alone, capacity on a fixed service within notice, an already started campaign", () => {
  // now 2026-11-23T00:00Z; t 0.7 everywhere; p 100 for the scalable services.
  // bdb (line 3): baseline 80 > 100×0.7 = 70 → one capacity error on the service node, no campaign.
  // soon [11-26, 11-27) 800 on s2: fdb 800 > 700 → capacity; web4 0.1×800 = 80 → N_t = 2 > 1 → plan 2.
  //   Needs IT work (capacity breach on a service it reaches) 3 days ahead → notice.
  // running [11-22, 11-28) 300 on s1, already started: web1 N_t = ceil(300/70) = 5 > 2 → notice.
  // p1 [12-10, 12-20) 200 and p2 [12-15, 12-18) 300 on sp: web2 worst 500 → N = 8, by p1's 12-10.
  // big [12-10, 12-11) 400 on s3: web3 max 5 → 350 < 400 → capacity only, no plan, no scale-up.
  const capacity = `
services:
  bdb: { max_rps: 100 }
  fdb: { max_rps: 1000 }
  web1: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web2: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web3: { per_instance_rps: 100, instances: 2, max_instances: 5 }
  web4: { per_instance_rps: 100, instances: 1, max_instances: 20 }
sites:
  base: { baseline_rps: 80, uses: { bdb: 1 } }
  s2: { baseline_rps: 0, uses: { fdb: 1, web4: 0.1 } }
  s1: { baseline_rps: 0, uses: { web1: 1 } }
  sp: { baseline_rps: 0, uses: { web2: 1 } }
  s3: { baseline_rps: 0, uses: { web3: 1 } }
`;
  const flat = (id: string, start: string, end: string, rps: number, site: string): CampaignSpec => ({
    id,
    start: `${start}T00:00:00Z`,
    end: `${end}T00:00:00Z`,
    rps,
    high: rps,
    targets: [[site]],
  });
  const root = repo(capacity, [
    flat("soon", "2026-11-26", "2026-11-27", 800, "s2"),
    flat("running", "2026-11-22", "2026-11-28", 300, "s1"),
    flat("p1", "2026-12-10", "2026-12-20", 200, "sp"),
    flat("p2", "2026-12-15", "2026-12-18", 300, "sp"),
    flat("big", "2026-12-10", "2026-12-11", 400, "s3"),
  ]);
  const NOW = "2026-11-23T00:00:00.000Z";

  test("findings, plan and the baseline row", async () => {
    const { code, report } = await check(root, NOW);
    expect(code).toBe(1);
    expect(report.verdict).toBe("fail");
    // Documented reading: notice/freeze is one finding per campaign (soon needs IT work on fdb
    // and web4 at the same instant; the notice names the first in capacity-file order, fdb).
    expect(rulesOf(report)).toEqual([
      "capacity|bdb|-",
      "capacity|fdb|soon",
      "capacity|web3|big",
      "notice|fdb|soon",
      "notice|web1|running",
      "scale-up|web1|running",
      "scale-up|web2|p1",
      "scale-up|web2|p2",
      "scale-up|web4|soon",
    ]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: "capacity",
        severity: "error",
        file: "infra/capacity.yaml",
        line: 3,
        column: 3,
        service: "bdb",
      }),
    );
    expect(report.findings.find((f) => f.service === "bdb")?.campaign).toBeUndefined();
    expect([...report.plan].sort((a, b) => a.service.localeCompare(b.service))).toEqual([
      { service: "web1", instances: 5, by: NOW, campaigns: ["running"] },
      { service: "web2", instances: 8, by: "2026-12-10T00:00:00.000Z", campaigns: ["p1", "p2"] },
      { service: "web4", instances: 2, by: "2026-11-26T00:00:00.000Z", campaigns: ["soon"] },
    ]);
    expect(service(report, "bdb")).toEqual({
      service: "bdb",
      peak_rps: 80,
      peak_at: NOW,
      capacity_rps: 70,
      utilization: 1.142857,
      contributors: [],
    });
    expect(service(report, "web1")).toMatchObject({ peak_rps: 300, peak_at: NOW, contributors: ["running"] });
    expect(service(report, "web2")).toMatchObject({
      peak_rps: 500,
      peak_at: "2026-12-15T00:00:00.000Z",
      capacity_rps: 1400,
      utilization: 0.357143,
      contributors: ["p1", "p2"],
    });
    expect(service(report, "web3")).toMatchObject({
      peak_rps: 400,
      capacity_rps: 350,
      utilization: 1.142857,
    });
    expect(service(report, "web4")).toMatchObject({
      peak_rps: 80,
      capacity_rps: 1400,
      utilization: 0.057143,
    });
  });
});

describe("9. time edge cases: fall-back ambiguity, date-only start, spring-forward gap, bad site, started, touching maintenance", () => {
  // now 2026-10-01T00:00Z. One fixed service (max 1000 → 700) per question, baselines 0.
  // amb: start 2026-11-01T01:30 New York is ambiguous → the earlier instant (EDT) = 05:30Z.
  // dates: start "2026-11-01" → local midnight EDT = 04:00Z; end "2026-11-02" → 11-03 00:00 EST = 05:00Z;
  //   edge [2026-11-03T04:59Z, 11-04) overlaps it for one minute → svc2 peak 200 at 04:59Z.
  // gap: start 2027-03-14T02:30 New York does not exist → window error, left out (svc3 stays 0);
  // unk: targets x3 and an unknown site → unknown-site, left out entirely.
  // pre: [2026-09-01, 2026-10-15) started before now → svc4 peak_at = now.
  // touch1/touch2 end/start exactly at the factor-0 maintenance [10-20, 10-21) on svc5 → no finding.
  const capacity = `
services:
  svc1: { max_rps: 1000 }
  svc2: { max_rps: 1000 }
  svc3: { max_rps: 1000 }
  svc4: { max_rps: 1000 }
  svc5: { max_rps: 1000 }
sites:
  x1: { baseline_rps: 0, uses: { svc1: 1 } }
  x2: { baseline_rps: 0, uses: { svc2: 1 } }
  x3: { baseline_rps: 0, uses: { svc3: 1 } }
  x4: { baseline_rps: 0, uses: { svc4: 1 } }
  x5: { baseline_rps: 0, uses: { svc5: 1 } }
maintenance:
  - name: svc5 swap
    services: [svc5]
    start: 2026-10-20T00:00:00Z
    end: 2026-10-21T00:00:00Z
`;
  const ny = "America/New_York";
  const c = (id: string, start: string, end: string, site: string, extra: Partial<CampaignSpec> = {}) => ({
    id,
    start,
    end,
    rps: 100,
    high: 100,
    targets: [[site]] as [string][],
    ...extra,
  });
  const root = repo(capacity, [
    c("amb", "2026-11-01T01:30:00", "2026-11-01T12:00:00", "x1", { timezone: ny }),
    c("dates", "2026-11-01", "2026-11-02", "x2", { timezone: ny }),
    c("edge", "2026-11-03T04:59:00Z", "2026-11-04T00:00:00Z", "x2"),
    c("gap", "2027-03-14T02:30:00", "2027-03-15", "x3", { timezone: ny }),
    c("unk", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "x3", { targets: [["x3"], ["nowhere"]] }),
    c("pre", "2026-09-01T00:00:00Z", "2026-10-15T00:00:00Z", "x4"),
    c("touch1", "2026-10-19T00:00:00Z", "2026-10-20T00:00:00Z", "x5"),
    c("touch2", "2026-10-21T00:00:00Z", "2026-10-22T00:00:00Z", "x5"),
  ]);
  const NOW = "2026-10-01T00:00:00.000Z";

  test("instants resolved per DESIGN 1.1, campaigns with errors left out", async () => {
    const { code, report } = await check(root, NOW);
    expect(code).toBe(1);
    expect(rulesOf(report)).toEqual(["unknown-site|-|unk", "window|-|gap"]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: "window", severity: "error", file: "campaigns/gap.yaml", line: 7 }),
    );
    expect(report.findings.find((f) => f.rule === "window")?.message).toMatch(/left out of the load/);
    expect(report.findings.find((f) => f.rule === "unknown-site")?.message).toMatch(/left out of the load/);
    expect(service(report, "svc1")).toMatchObject({ peak_rps: 100, peak_at: "2026-11-01T05:30:00.000Z" });
    expect(service(report, "svc2")).toMatchObject({ peak_rps: 200, peak_at: "2026-11-03T04:59:00.000Z" });
    expect(sorted(service(report, "svc2")?.contributors)).toEqual(["dates", "edge"]);
    expect(service(report, "svc3")).toMatchObject({ peak_rps: 0, contributors: [] });
    expect(service(report, "svc4")).toMatchObject({ peak_rps: 100, peak_at: NOW, contributors: ["pre"] });
    // Equal peaks on 10-19 and 10-21: the earliest instant, with the campaigns active then.
    expect(service(report, "svc5")).toMatchObject({
      peak_rps: 100,
      peak_at: "2026-10-19T00:00:00.000Z",
      contributors: ["touch1"],
    });
  });
});

describe("10. deadline later in the window, a begun freeze, the freeze end, scalable maintenance", () => {
  // now 2026-11-23T00:00Z; p 100, t 0.7 → 70/instance.
  // web (2 inst): A [12-01, 12-10) 100 → N 2, no need alone; B [12-05, 12-06) 100 → 200 → N 3:
  //   A's first need is 12-05, not its start → deadline 12-05 (12 days) → notice for A and B; by 12-05.
  // web2: C [11-28, 12-02) 300 → N 5; deadline 11-28 in freeze [11-20, 11-30) → moved to 11-20,
  //   −3 days → freeze; by 2026-11-20.
  // web3: D starts 2027-01-05T00Z = freeze2 end (half-open: not moved) → 43 days, scale-up only.
  // web4: E starts 2027-01-04T23:00Z inside freeze2 → moved to 12-20 (27 days) → scale-up only.
  // web5 (10 of max 10 → 700): F 400 → no scale-up; in maintenance factor 0.5 → 350 < 400 → error.
  const capacity = `
services:
  web: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web2: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web3: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web4: { per_instance_rps: 100, instances: 2, max_instances: 20 }
  web5: { per_instance_rps: 100, instances: 10, max_instances: 10 }
sites:
  s: { baseline_rps: 0, uses: { web: 1 } }
  s2: { baseline_rps: 0, uses: { web2: 1 } }
  s3: { baseline_rps: 0, uses: { web3: 1 } }
  s4: { baseline_rps: 0, uses: { web4: 1 } }
  s5: { baseline_rps: 0, uses: { web5: 1 } }
maintenance:
  - name: rolling restart
    services: [web5]
    start: 2027-02-01T00:00:00Z
    end: 2027-02-01T06:00:00Z
    capacity_factor: 0.5
freezes:
  - name: Begun freeze
    start: 2026-11-20T00:00:00Z
    end: 2026-11-30T00:00:00Z
  - name: Holiday freeze
    start: 2026-12-20T00:00:00Z
    end: 2027-01-05T00:00:00Z
`;
  const c = (id: string, start: string, end: string, rps: number, site: string): CampaignSpec => ({
    id,
    start,
    end,
    rps,
    high: rps,
    targets: [[site]],
  });
  const root = repo(capacity, [
    c("a", "2026-12-01T00:00:00Z", "2026-12-10T00:00:00Z", 100, "s"),
    c("b", "2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z", 100, "s"),
    c("c", "2026-11-28T00:00:00Z", "2026-12-02T00:00:00Z", 300, "s2"),
    c("d", "2027-01-05T00:00:00Z", "2027-01-06T00:00:00Z", 300, "s3"),
    c("e", "2027-01-04T23:00:00Z", "2027-01-06T00:00:00Z", 300, "s4"),
    c("f", "2027-01-31T00:00:00Z", "2027-02-02T00:00:00Z", 400, "s5"),
  ]);

  test("deadlines, freeze moves and plan `by`", async () => {
    const { code, report } = await check(root, "2026-11-23T00:00:00Z");
    expect(code).toBe(1);
    expect(rulesOf(report)).toEqual([
      "freeze|web2|c",
      "maintenance|web5|f",
      "notice|web|a",
      "notice|web|b",
      "scale-up|web2|c",
      "scale-up|web3|d",
      "scale-up|web4|e",
      "scale-up|web|a",
      "scale-up|web|b",
    ]);
    expect([...report.plan].sort((x, y) => x.service.localeCompare(y.service))).toEqual([
      { service: "web", instances: 3, by: "2026-12-05T00:00:00.000Z", campaigns: ["a", "b"] },
      { service: "web2", instances: 5, by: "2026-11-20T00:00:00.000Z", campaigns: ["c"] },
      { service: "web3", instances: 5, by: "2027-01-05T00:00:00.000Z", campaigns: ["d"] },
      { service: "web4", instances: 5, by: "2026-12-20T00:00:00.000Z", campaigns: ["e"] },
    ]);
    expect(service(report, "web5")).toMatchObject({
      peak_rps: 400,
      capacity_rps: 700,
      utilization: 0.571429,
    });
  });
});

describe("11. worst instant per campaign, custom defaults, tolerance in N_z, zone rule at max", () => {
  // now 2026-11-01. defaults: failover 0.7, uncertainty.model 2.
  // tiny (p 1, 1 inst, max 20, z 2): t1 2.1 rps → N_t = ceil(2.1/0.7) = 3; N_z: floor(N/2)×0.7 >= 2.1
  //   → 3 survivors → 6 (3 × 0.7 = 2.0999999999999996 in floats: tolerance) → plan 6; util 2.1/14.
  // full (p 100, 4 of max 4, z 2, t 0.5 → 200): f1 75 model ×2 = 150 → N_t 3; N_z: floor(N/2)×70
  //   >= 150 → 6 > max → redundancy; planned min(6, 4) = 4 = instances → no plan, no scale-up.
  // db (700): baseline sd 200 users × 0.5 = 100, sr 10 → 110. x 1000 users (high) × 0.5 = 500
  //   [12-10, 12-15); y 200 [12-11, 12-12); z 300 [12-13, 12-14); u (users on a site without
  //   rps_per_user) is a schema error, left out.
  //   Segments 610, 810, 610, 910, 610 → x's worst is 910 at 12-13 with [x, z]; y's 810 at 12-11.
  const capacity = `
defaults:
  failover_utilization: 0.7
  uncertainty: { model: 2 }
services:
  tiny: { per_instance_rps: 1, instances: 1, max_instances: 20, zones: 2 }
  full: { per_instance_rps: 100, instances: 4, max_instances: 4, zones: 2, target_utilization: 0.5 }
  db: { max_rps: 1000 }
sites:
  st: { baseline_rps: 0, uses: { tiny: 1 } }
  sf: { baseline_rps: 0, uses: { full: 1 } }
  sd: { rps_per_user: 0.5, baseline_users: 200, uses: { db: 1 } }
  sr: { baseline_rps: 10, uses: { db: 1 } }
`;
  const day = (d: number) => `2026-12-${String(d).padStart(2, "0")}T00:00:00Z`;
  const root = repo(capacity, [
    { id: "t1", start: day(1), end: day(2), rps: 2.1, high: 2.1, targets: [["st"]] },
    { id: "f1", start: day(1), end: day(2), rps: 75, confidence: "model", targets: [["sf"]] },
    { id: "x", start: day(10), end: day(15), users: 800, high: 1000, targets: [["sd"]] },
    { id: "y", start: day(11), end: day(12), rps: 200, high: 200, targets: [["sd"]] },
    { id: "z", start: day(13), end: day(14), rps: 300, high: 300, targets: [["sd"]] },
    { id: "u", start: day(11), end: day(12), users: 5000, high: 5000, targets: [["sr"]] },
  ]);

  test("each capacity finding sits at its campaign's worst instant", async () => {
    const { code, report } = await check(root, "2026-11-01T00:00:00Z");
    expect(code).toBe(1);
    expect(rulesOf(report)).toEqual([
      "capacity|db|x",
      "capacity|db|y",
      "capacity|db|z",
      "redundancy|full|f1",
      "scale-up|tiny|t1",
      "schema|-|u",
    ]);
    const cap = (id: string) => report.findings.find((f) => f.rule === "capacity" && f.campaign === id);
    expect(sorted(cap("x")?.campaigns)).toEqual(["x", "z"]);
    expect(cap("x")?.message).toContain("910");
    expect(sorted(cap("y")?.campaigns)).toEqual(["x", "y"]);
    expect(cap("y")?.message).toContain("810");
    expect(sorted(cap("z")?.campaigns)).toEqual(["x", "z"]);
    expect(report.plan).toEqual([
      { service: "tiny", instances: 6, by: "2026-12-01T00:00:00.000Z", campaigns: ["t1"] },
    ]);
    expect(service(report, "tiny")).toMatchObject({ peak_rps: 2.1, capacity_rps: 14, utilization: 0.15 });
    expect(service(report, "full")).toMatchObject({ peak_rps: 150, capacity_rps: 200, utilization: 0.75 });
    expect(service(report, "db")).toMatchObject({
      peak_rps: 910,
      peak_at: "2026-12-13T00:00:00.000Z",
      capacity_rps: 700,
      utilization: 1.3,
    });
    expect(sorted(service(report, "db")?.contributors)).toEqual(["x", "z"]);
  });
});

describe("12. the baseline alone needs a scale-up; attribution of notices and configuration changes", () => {
  // now 2026-11-01. web (p 100, 2 inst, max 20): baseline 200 → N_t = ceil(200/70) = 3 > 2 →
  // one scale-up on the service node (capacity file line 3). k [12-01, 12-02) 100 → 300 → N 5:
  // k needs more than the baseline does → its own scale-up; plan 5 at the worst segment.
  // old ended before now → past (severity notice, never fails).
  const capacity = `
services:
  web: { per_instance_rps: 100, instances: 2, max_instances: 20 }
sites:
  s: { baseline_rps: 200, uses: { web: 1 } }
`;
  const campaigns: CampaignSpec[] = [
    {
      id: "k",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
      rps: 100,
      high: 100,
      targets: [["s"]],
    },
    {
      id: "old",
      start: "2026-10-01T00:00:00Z",
      end: "2026-10-02T00:00:00Z",
      rps: 100,
      high: 100,
      targets: [["s"]],
    },
  ];
  const CONFIG = ".github/campaign-gate.yml";
  // The configuration only restates the default capacity path: it changes no number.
  const root = repo(capacity, campaigns, { [CONFIG]: "capacity: infra/capacity.yaml\n" });
  // The same repository after a PR that deletes its configuration (back to the defaults).
  const rootWithoutConfig = repo(capacity, campaigns);
  const NOW = "2026-11-01T00:00:00.000Z";
  const counted = (r: Report) => r.findings.map((f) => `${f.rule}|${f.file}|${f.counted}`).sort();

  test("baseline finding on the service node, plan sized at the worst segment", async () => {
    const { code, report } = await check(root, NOW);
    expect(code).toBe(0);
    expect(report.verdict).toBe("warn");
    expect(rulesOf(report)).toEqual(["past|-|old", "scale-up|web|-", "scale-up|web|k"]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: "scale-up",
        file: "infra/capacity.yaml",
        line: 3,
        column: 3,
        service: "web",
      }),
    );
    expect(report.plan).toEqual([{ service: "web", instances: 5, by: NOW, campaigns: ["k"] }]);
    expect(report.services).toEqual([
      {
        service: "web",
        peak_rps: 300,
        peak_at: "2026-12-01T00:00:00.000Z",
        capacity_rps: 1400,
        utilization: 0.214286,
        contributors: ["k"],
      },
    ]);
  });

  test("a changed past campaign alone passes; the configuration counts everything", async () => {
    const pastOnly = await check(root, NOW, ["campaigns/old.yaml"]);
    expect(pastOnly.code).toBe(0);
    expect(pastOnly.report.verdict).toBe("pass");
    expect(counted(pastOnly.report)).toEqual([
      "past|campaigns/old.yaml|true",
      "scale-up|campaigns/k.yaml|false",
      "scale-up|infra/capacity.yaml|false",
    ]);
    const kOnly = await check(root, NOW, ["campaigns/k.yaml"]);
    expect(kOnly.report.verdict).toBe("warn");
    // The baseline finding has no contributing campaign: a changed campaign does not count it.
    expect(counted(kOnly.report)).toEqual([
      "past|campaigns/old.yaml|false",
      "scale-up|campaigns/k.yaml|true",
      "scale-up|infra/capacity.yaml|false",
    ]);
    const config = await check(root, NOW, [CONFIG]);
    expect(config.report.verdict).toBe("warn");
    expect(config.report.findings.every((f) => f.counted)).toBe(true);
  });

  test("deleting the configuration is a changed configuration too: everything counts", async () => {
    // DESIGN 3: "a changed capacity file or configuration makes every finding counted". A PR that
    // deletes .github/campaign-gate.yml lists it among its changed files; the defaults now apply.
    const deleted = await check(rootWithoutConfig, NOW, [CONFIG]);
    expect(deleted.report.verdict).toBe("warn");
    expect(deleted.report.findings.every((f) => f.counted)).toBe(true);
  });
});
