/** The stories behind the capacity model, end to end through `checkCapacity`. */
import { describe, expect, test } from "vitest";
import { attribute, verdictOf } from "../../src/core/attribution.js";
import { checkCapacity } from "../../src/core/capacity/index.js";
import type { Finding } from "../../src/core/findings.js";
import type { Campaign, Capacity, Service, Site } from "../../src/core/model.js";
import { at, campaign, capacity, fixed, freeze, maintenance, scalable, site } from "./build.js";

const ACME_DEFAULTS = { target_utilization: 0.7, failover_utilization: 0.9, notice_days: 14 };

/** web-shop (300 rps × 20 max, t 0.6 → 3,600 safe), shared-db (5,000 × 0.7 → 3,500), shop baseline 750 rps. */
function acme(
  extra: { services?: Service[]; sites?: Site[]; zones?: number } & Partial<
    Parameters<typeof capacity>[0]
  > = {},
): Capacity {
  return capacity({
    services: extra.services ?? [
      scalable("web-shop", 300, 8, 20, { zones: extra.zones ?? 1, target_utilization: 0.6, line: 7 }),
      fixed("shared-db", 5000, { target_utilization: 0.7, line: 13 }),
    ],
    sites: extra.sites ?? [site("shop", 750, { "web-shop": 1, "shared-db": 0.4 }, 0.25)],
    maintenance: extra.maintenance ?? [],
    freezes: extra.freezes ?? [],
    defaults: ACME_DEFAULTS,
  });
}

function run(cap: Capacity, campaigns: Campaign[], now: string) {
  const result = checkCapacity({ campaigns, capacity: cap, now: at(now) });
  return {
    ...result,
    verdict: verdictOf(result.findings),
    rules: result.findings.map((f) => `${f.rule} ${f.service ?? "-"} ${f.campaign ?? "-"}`),
  };
}

const only = (findings: Finding[], rule: string): Finding => {
  const hits = findings.filter((f) => f.rule === rule);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};

describe("an unannounced Christmas rush beyond max scale", () => {
  const rush = campaign({
    id: "christmas-rush",
    start: "2026-11-26T06:00:00-05:00",
    end: "2026-11-28T00:00:00-05:00",
    timezone: "America/New_York",
    users: 20000, // 5,000 rps on the shop + 750 baseline = 5,750 on web-shop
  });
  const r = run(acme(), [rush], "2026-11-23T09:00:00Z");

  test("is a capacity error and a notice error, and the check fails", () => {
    expect(r.rules).toEqual(["capacity web-shop christmas-rush", "notice web-shop christmas-rush"]);
    expect(r.verdict).toBe("fail");
    expect(r.plan).toEqual([]);
  });

  test("the capacity message names the instant in the campaign's zone, load, capacity and campaigns", () => {
    const f = only(r.findings, "capacity");
    expect(f).toMatchObject({
      file: "campaigns/christmas-rush.yaml",
      line: 14,
      column: 3,
      campaigns: ["christmas-rush"],
    });
    expect(f.message).toContain("Thu 26 Nov 2026 06:00 EST");
    expect(f.message).toContain("5,750 requests/s");
    expect(f.message).toContain("3,600 requests/s");
    expect(f.message).toContain("christmas-rush");
  });

  test("the notice message says how many days IT needs and has", () => {
    const f = only(r.findings, "notice");
    expect(f.message).toContain("IT needs 14 days of notice, but has 3.1 days");
    expect(f.message).toContain("Thu 26 Nov 2026 06:00 EST");
  });

  test("service peaks name the instant and the contributors", () => {
    expect(r.services[0]).toEqual({
      service: "web-shop",
      peak_rps: 5750,
      peak_at: "2026-11-26T11:00:00.000Z",
      capacity_rps: 3600,
      utilization: 1.597222,
      contributors: ["christmas-rush"],
    });
    expect(r.campaigns[0]).toMatchObject({
      id: "christmas-rush",
      status: "error",
      impact: 1.597222,
      planning: 20000,
    });
  });
});

describe("a TV spot announced in time that fits after scaling", () => {
  const tv = campaign({
    id: "tv-spot",
    start: "2026-11-27T06:00:00-05:00",
    end: "2026-11-27T12:00:00-05:00",
    timezone: "America/New_York",
    users: 5000,
    high: 7000, // 1,750 rps + 750 = 2,500 on web-shop: ceil(2500 / 180) = 14 instances
  });
  const r = run(acme(), [tv], "2026-11-01T00:00:00Z");

  test("is a scale-up warning with a plan entry, and the check warns", () => {
    expect(r.rules).toEqual(["scale-up web-shop tv-spot"]);
    expect(r.verdict).toBe("warn");
    expect(r.plan).toEqual([
      { service: "web-shop", instances: 14, by: "2026-11-27T11:00:00.000Z", campaigns: ["tv-spot"] },
    ]);
  });

  test("the message quotes the plan entry in the campaign's zone", () => {
    expect(only(r.findings, "scale-up").message).toContain(
      "web-shop must be scaled to 14 instances (8 today) before Fri 27 Nov 2026 06:00 EST",
    );
  });

  test("the planning value uses high, and the campaign impact is its highest utilization", () => {
    expect(r.campaigns[0]).toMatchObject({
      planning: 7000,
      unit: "users",
      impact: 0.694444,
      status: "warning",
    });
  });
});

describe("four sites overlapping on one shared database", () => {
  const sites = ["de", "fr", "it", "es"].map((s) => site(s, 200, { "shared-db": 1 }));
  const cap = acme({ services: [fixed("shared-db", 5000, { target_utilization: 0.7, line: 13 })], sites });
  // Each adds 800 rps; only between 12:00 and 13:00 do all four run: 800 baseline + 3,200 = 4,000 > 3,500.
  const campaigns = ["de", "fr", "it", "es"].map((s, i) =>
    campaign({
      id: `sale-${s}`,
      sites: [s],
      rps: 800,
      start: `2026-12-10T${String(9 + i).padStart(2, "0")}:00:00Z`,
      end: "2026-12-10T13:00:00Z",
    }),
  );
  const r = run(cap, campaigns, "2026-11-01T00:00:00Z");

  test("every contributing campaign gets a capacity error naming all four", () => {
    expect(r.rules).toEqual(["de", "es", "fr", "it"].map((s) => `capacity shared-db sale-${s}`));
    for (const f of r.findings) {
      expect(f.campaigns).toEqual(["sale-de", "sale-es", "sale-fr", "sale-it"]);
      expect(f.message).toContain("4,000 requests/s");
      expect(f.message).toContain("Thu 10 Dec 2026 12:00 UTC");
    }
  });

  test("the peak is where all four overlap", () => {
    expect(r.services[0]).toMatchObject({
      peak_rps: 4000,
      peak_at: "2026-12-10T12:00:00.000Z",
      capacity_rps: 3500,
    });
    expect(r.services[0]!.contributors).toHaveLength(4);
  });

  test("three of them fit", () => {
    expect(run(cap, campaigns.slice(0, 3), "2026-11-01T00:00:00Z").findings).toEqual([]);
  });
});

describe("windows that touch but do not overlap", () => {
  const cap = acme();
  // 3,000 rps each on the shop: 3,000 × 0.4 + 300 = 1,500 on the db; both at once would be 2,700 + ... on web-shop over 3,600.
  const first = campaign({
    id: "first",
    rps: 2000,
    start: "2026-12-10T10:00:00Z",
    end: "2026-12-10T12:00:00Z",
  });
  const second = campaign({
    id: "second",
    rps: 2000,
    start: "2026-12-10T12:00:00Z",
    end: "2026-12-10T14:00:00Z",
  });
  const r = run(cap, [second, first], "2026-11-01T00:00:00Z");

  test("ends come before starts at the same instant: the loads never add up", () => {
    expect(r.services[0]).toMatchObject({
      peak_rps: 2750,
      peak_at: "2026-12-10T10:00:00.000Z",
      contributors: ["first"],
    });
    expect(r.rules).toEqual(["scale-up web-shop first", "scale-up web-shop second"]);
    expect(r.plan[0]).toMatchObject({
      instances: 16,
      by: "2026-12-10T10:00:00.000Z",
      campaigns: ["first", "second"],
    });
  });

  test("one millisecond of overlap is a breach", () => {
    const overlapping = campaign({
      id: "second",
      rps: 2000,
      start: at("2026-12-10T12:00:00Z") - 1,
      end: "2026-12-10T14:00:00Z",
    });
    const o = run(cap, [first, overlapping], "2026-11-01T00:00:00Z");
    expect(o.rules).toEqual(["capacity web-shop first", "capacity web-shop second"]);
    expect(o.services[0]).toMatchObject({ peak_rps: 4750, peak_at: "2026-12-10T11:59:59.999Z" });
  });
});

describe("a campaign during half-capacity maintenance", () => {
  const cap = acme({
    maintenance: [maintenance(["shared-db"], "2026-12-02T01:00:00Z", "2026-12-02T05:00:00Z", 0.5)],
  });
  // shared-db at half capacity holds 1,750 rps; the baseline puts 300 on it.
  const big = campaign({
    id: "night-sale",
    rps: 4000,
    start: "2026-12-02T03:00:00Z",
    end: "2026-12-02T08:00:00Z",
  }); // +1,600 → 1,900
  const small = campaign({
    id: "newsletter",
    rps: 2000,
    start: "2026-12-02T00:00:00Z",
    end: "2026-12-02T02:00:00Z",
  }); // +800 → 1,100

  test("the reduced capacity that cannot hold the load is a maintenance error", () => {
    const r = run(cap, [big], "2026-11-01T00:00:00Z");
    const f = only(r.findings, "maintenance");
    expect(f).toMatchObject({ service: "shared-db", campaign: "night-sale", campaigns: ["night-sale"] });
    expect(f.message).toContain('maintenance "upgrade"');
    expect(f.message).toContain("50% of its capacity left (1,750 requests/s)");
    expect(f.message).toContain("1,900 requests/s");
    expect(f.message).toContain("Wed 2 Dec 2026 03:00 UTC");
  });

  test("a campaign the reduced capacity holds gives nothing", () => {
    expect(
      run(cap, [small], "2026-11-01T00:00:00Z").findings.filter((f) => f.rule === "maintenance"),
    ).toEqual([]);
  });

  test("maintenance with no campaign in it is IT's own business", () => {
    const closed = acme({
      maintenance: [maintenance(["shared-db"], "2026-12-02T01:00:00Z", "2026-12-02T05:00:00Z")],
    });
    expect(run(closed, [], "2026-11-01T00:00:00Z").findings).toEqual([]);
    // The default factor 0 makes any overlapping campaign an error.
    expect(run(closed, [small], "2026-11-01T00:00:00Z").rules).toContain("maintenance shared-db newsletter");
  });

  test("capacity_rps and utilization ignore maintenance", () => {
    const r = run(cap, [big], "2026-11-01T00:00:00Z");
    expect(r.services[1]).toMatchObject({ peak_rps: 1900, capacity_rps: 3500, utilization: 0.542857 });
  });
});

describe("a scale-up that must land before a freeze", () => {
  const cap = acme({ freezes: [freeze("2026-12-15T00:00:00Z", "2027-01-05T00:00:00Z")] });
  const holiday = campaign({
    id: "holiday-sale",
    users: 7000,
    start: "2026-12-20T00:00:00Z",
    end: "2026-12-24T00:00:00Z",
  });

  test("the deadline moves to the freeze start, and a short notice is a freeze error", () => {
    const r = run(cap, [holiday], "2026-12-05T00:00:00Z");
    expect(r.rules).toEqual(["freeze web-shop holiday-sale", "scale-up web-shop holiday-sale"]);
    expect(r.plan).toEqual([
      { service: "web-shop", instances: 14, by: "2026-12-15T00:00:00.000Z", campaigns: ["holiday-sale"] },
    ]);
    const f = only(r.findings, "freeze");
    expect(f.message).toContain('change freeze "Holiday freeze"');
    expect(f.message).toContain("Tue 15 Dec 2026 00:00 UTC, 10 days from now");
    expect(r.findings.some((x) => x.rule === "notice")).toBe(false);
  });

  test("announced well before the freeze, it is only a scale-up due at the freeze start", () => {
    const r = run(cap, [holiday], "2026-11-20T00:00:00Z");
    expect(r.rules).toEqual(["scale-up web-shop holiday-sale"]);
    expect(only(r.findings, "scale-up").message).toContain("before Tue 15 Dec 2026 00:00 UTC");
  });

  test("a deadline outside the freeze is not moved, and a short notice is a notice error", () => {
    const early = campaign({
      id: "early",
      users: 7000,
      start: "2026-12-10T00:00:00Z",
      end: "2026-12-12T00:00:00Z",
    });
    expect(run(cap, [early], "2026-12-05T00:00:00Z").rules).toEqual([
      "notice web-shop early",
      "scale-up web-shop early",
    ]);
  });
});

describe("campaigns across DST changes", () => {
  // New York leaves daylight saving time on Sun 1 Nov 2026 at 02:00 local.
  const before = campaign({
    id: "before",
    users: 7000,
    timezone: "America/New_York",
    start: "2026-10-31T12:00:00-04:00",
    end: "2026-10-31T18:00:00-04:00",
  });
  const after = campaign({
    id: "after",
    users: 7000,
    timezone: "America/New_York",
    start: "2026-11-02T12:00:00-05:00",
    end: "2026-11-02T18:00:00-05:00",
  });
  const berlin = campaign({
    id: "berlin",
    users: 7000,
    timezone: "Europe/Berlin",
    start: "2026-11-04T12:00:00+01:00",
    end: "2026-11-04T18:00:00+01:00",
  });
  const r = run(acme(), [after, before, berlin], "2026-10-01T00:00:00Z");

  test("each message shows the instant in its own zone and offset", () => {
    const msg = (id: string) => r.findings.find((f) => f.campaign === id && f.rule === "scale-up")!.message;
    expect(msg("before")).toContain("Sat 31 Oct 2026 12:00 EDT");
    expect(msg("after")).toContain("Mon 2 Nov 2026 12:00 EST");
    expect(msg("berlin")).toContain("Wed 4 Nov 2026 12:00 CET");
  });

  test("the JSON plan stays in UTC, due by the earliest campaign", () => {
    expect(r.plan).toEqual([
      {
        service: "web-shop",
        instances: 14,
        by: "2026-10-31T16:00:00.000Z",
        campaigns: ["after", "before", "berlin"],
      },
    ]);
  });
});

describe("redundancy", () => {
  const cap = acme({ zones: 2 });
  // 3,000 rps: N_t = 17 fits, but losing one of 2 zones needs ceil(3000 / 270) = 12 survivors → 24 > 20.
  const promo = campaign({
    id: "promo",
    rps: 2250,
    start: "2026-12-10T00:00:00Z",
    end: "2026-12-11T00:00:00Z",
  });
  const r = run(cap, [promo], "2026-11-01T00:00:00Z");

  test("the zone rule beyond max_instances is a redundancy warning, and the plan takes max_instances", () => {
    expect(r.rules).toEqual(["redundancy web-shop promo", "scale-up web-shop promo"]);
    expect(r.plan).toEqual([
      { service: "web-shop", instances: 20, by: "2026-12-10T00:00:00.000Z", campaigns: ["promo"] },
    ]);
    const f = only(r.findings, "redundancy");
    expect(f.message).toContain("losing one of its 2 zones");
    expect(f.message).toContain("need 24 instances, but max_instances is 20");
    expect(r.verdict).toBe("warn");
  });
});

describe("baseline alone over capacity", () => {
  const cap = acme({ sites: [site("shop", 750, { "web-shop": 1, "shared-db": 5 }, 0.25)] }); // 3,750 on the db
  const c = campaign({ id: "any", rps: 100, start: "2026-12-10T00:00:00Z", end: "2026-12-11T00:00:00Z" });
  const r = run(cap, [c], "2026-11-01T00:00:00Z");

  test("one finding on the capacity file's service node, no campaign", () => {
    const f = only(r.findings, "capacity");
    expect(f).toMatchObject({ file: "infra/capacity.yaml", line: 13, column: 3, service: "shared-db" });
    expect(f.campaign).toBeUndefined();
    expect(f.message).toContain("ordinary traffic alone (3,750 requests/s");
    expect(r.rules).toEqual(["capacity shared-db -"]);
  });

  test("counted only when the capacity file changes", () => {
    const opts = { capacityFile: cap.file, campaignFiles: new Map([["any", "campaigns/any.yaml"]]) };
    expect(verdictOf(attribute(r.findings, ["campaigns/any.yaml"], opts))).toBe("pass");
    expect(verdictOf(attribute(r.findings, ["infra/capacity.yaml"], opts))).toBe("fail");
  });

  test("a baseline that alone needs more instances asks IT to scale now", () => {
    const busy = acme({ sites: [site("shop", 2000, { "web-shop": 1 }, 0.25)] }); // ceil(2000/180) = 12
    const b = run(busy, [], "2026-11-01T00:00:00Z");
    expect(b.rules).toEqual(["scale-up web-shop -"]);
    expect(b.plan).toEqual([
      { service: "web-shop", instances: 12, by: "2026-11-01T00:00:00.000Z", campaigns: [] },
    ]);
  });
});

describe("past campaigns", () => {
  const past = campaign({
    id: "summer",
    rps: 99999,
    start: "2026-07-01T00:00:00Z",
    end: "2026-08-01T00:00:00Z",
  });
  const endsNow = campaign({
    id: "ends-now",
    rps: 99999,
    start: "2026-10-01T00:00:00Z",
    end: "2026-11-01T00:00:00Z",
  });
  const running = campaign({
    id: "running",
    users: 7000,
    start: "2026-10-20T00:00:00Z",
    end: "2026-11-10T00:00:00Z",
  });
  const r = run(acme(), [past, endsNow, running], "2026-11-01T00:00:00Z");

  test("are a notice on the window line and left out of the load", () => {
    const f = r.findings.filter((x) => x.rule === "past");
    expect(f.map((x) => x.campaign)).toEqual(["ends-now", "summer"]);
    expect(f[1]).toMatchObject({ severity: "notice", line: 5, column: 1 });
    expect(f[1]!.message).toContain("ended on Sat 1 Aug 2026 00:00 UTC — ignored");
    expect(r.services[0]!.peak_rps).toBe(2500);
    expect(r.campaigns.find((c) => c.id === "summer")).toMatchObject({ status: "past", impact: 0 });
  });

  test("a campaign already running counts from now on, with negative notice", () => {
    expect(r.services[0]!.peak_at).toBe("2026-11-01T00:00:00.000Z");
    expect(only(r.findings, "notice").message).toContain("but has 0 days");
  });
});

describe("forecast", () => {
  test("a guess without high is a warning on the forecast line, planned with the guess multiplier", () => {
    const g = campaign({
      id: "guess",
      users: 1000,
      confidence: "guess",
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-02T00:00:00Z",
    });
    const r = run(acme(), [g], "2026-11-01T00:00:00Z");
    const f = only(r.findings, "forecast");
    expect(f).toMatchObject({ severity: "warning", line: 14, column: 3, campaign: "guess" });
    expect(f.message).toContain("1,000 × 2 = 2,000 concurrent users");
    expect(r.campaigns[0]!.planning).toBe(2000);
  });
});

describe("the worst instant", () => {
  test("is the highest load inside the campaign's window, the earliest on ties", () => {
    const base = campaign({
      id: "long",
      rps: 4000,
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-05T00:00:00Z",
    });
    const bump = campaign({
      id: "bump",
      rps: 500,
      start: "2026-12-03T00:00:00Z",
      end: "2026-12-03T06:00:00Z",
    });
    const r = run(acme(), [base, bump], "2026-11-01T00:00:00Z");
    const long = r.findings.find((f) => f.campaign === "long" && f.rule === "capacity")!;
    expect(long.message).toContain("Thu 3 Dec 2026 00:00 UTC");
    expect(long.campaigns).toEqual(["bump", "long"]);
    // The short campaign's worst instant is its own start, inside its window.
    expect(r.findings.find((f) => f.campaign === "bump" && f.rule === "capacity")!.message).toContain(
      "Thu 3 Dec 2026 00:00 UTC",
    );
  });

  test("starts at the campaign's own start when the peak began before it", () => {
    const base = campaign({
      id: "long",
      rps: 4000,
      start: "2026-12-01T00:00:00Z",
      end: "2026-12-05T00:00:00Z",
    });
    const late = campaign({ id: "late", rps: 1, start: "2026-12-02T05:00:00Z", end: "2026-12-02T06:00:00Z" });
    const r = run(acme(), [base, late], "2026-11-01T00:00:00Z");
    const f = r.findings.find((x) => x.campaign === "late" && x.rule === "capacity")!;
    expect(f.message).toContain("Wed 2 Dec 2026 05:00 UTC");
    expect(f.campaigns).toEqual(["late", "long"]);
  });
});
