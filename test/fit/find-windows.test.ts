// `fit` against hand-computed answers on the small world of world.ts (today's safe load 100
// requests/s, max scale 500, baselines 20 (shop) + 10 (api), the sale adds 60 on [1 Dec, 4 Dec)).
import { describe, expect, it } from "vitest";
import { findWindows, FitError, siteHeadroom } from "../../src/core/fit/index.js";
import { at, DAY, model, NOW } from "./world.js";

const shop = (size: number, days: number, from?: string) => ({
  site: "shop",
  size,
  unit: "users" as const,
  duration: days * DAY,
  ...(from ? { from: at(from) } : {}),
});

describe("findWindows", () => {
  it("a window that fits: 50 users for 2 days fit now, must end by the sale, and fit again after it", () => {
    // 30 + 50 = 80 <= 100 outside the sale; 30 + 60 + 50 = 140 > 100 during it.
    const answer = findWindows(model(), shop(50, 2));
    expect(answer.added).toEqual([{ service: "web", rps: 50 }]);
    expect(answer.free).toEqual([
      { earliest: NOW, latest: at("2026-11-29T00:00:00Z") }, // ends exactly when the sale starts
      { earliest: at("2026-12-04T00:00:00Z") }, // from the sale's end on, forever
    ]);
    // Overlapping the sale needs IT work with its deadline on 1 Dec: 8 days' notice, short of 14.
    expect(answer.work).toEqual([]);
  });

  it("one blocked by a freeze: the deadline moves to the freeze's start, inside the notice period", () => {
    // 150 users: 180 > 100 always needs IT work (4 instances); without a freeze, any start from
    // now + 14 days (7 Dec) gives IT enough notice. A freeze on [1 Dec, 15 Dec) moves every
    // deadline inside it to 1 Dec, 8 days away: the earliest start becomes the freeze's end.
    const answer = findWindows(
      model({ start: "2026-12-01T00:00:00Z", end: "2026-12-15T00:00:00Z" }),
      shop(150, 2),
    );
    expect(answer.free).toEqual([]);
    expect(answer.work).toEqual([
      {
        earliest: at("2026-12-15T00:00:00Z"),
        deadline: at("2026-12-15T00:00:00Z"),
        scale: [{ service: "web", instances: 4, today: 2 }],
        redundancy: [],
      },
    ]);
  });

  it("one that needs IT work within notice: the earliest start is now + notice_days", () => {
    const answer = findWindows(model(), shop(150, 2));
    expect(answer.free).toEqual([]);
    expect(answer.work).toEqual([
      {
        earliest: NOW + 14 * DAY,
        deadline: NOW + 14 * DAY,
        scale: [{ service: "web", instances: 4, today: 2 }],
        redundancy: [],
      },
    ]);
    // Overlapping the sale from 7 Dec would not matter: it ended on 4 Dec. From 3 Dec on, the
    // window would overlap the sale's last day: 240 requests/s, 5 instances, still too soon.
    const during = findWindows(model(), shop(150, 2, "2026-12-02T00:00:00Z"));
    expect(during.work[0]!.earliest).toBe(NOW + 14 * DAY);
  });

  it("one that never fits before max scale: 600 users is over the 500 requests/s of max scale", () => {
    const answer = findWindows(model(), shop(600, 1));
    expect(answer.free).toEqual([]);
    expect(answer.work).toEqual([]);
    expect(answer.largest).toBe(470); // 500 − the 30 of the baselines
  });

  it("starts no earlier than --from and never before now", () => {
    expect(findWindows(model(), shop(50, 2, "2026-12-02T00:00:00Z")).free[0]).toEqual({
      earliest: at("2026-12-04T00:00:00Z"),
    });
    expect(findWindows(model(), shop(50, 2, "2020-01-01")).from).toBe(NOW);
  });

  it("rejects what the model cannot take, in plain words", () => {
    expect(() => findWindows(model(), { ...shop(1, 1), site: "shopp" })).toThrow(/no site 'shopp'.*shop/);
    expect(() => findWindows(model(), { ...shop(1, 1), site: "api" })).toThrow(FitError);
    expect(() => findWindows(model(), { ...shop(1, 1), site: "api" })).toThrow(/requests per second/);
  });
});

describe("siteHeadroom", () => {
  it("is the largest whole-week campaign needing no IT work", () => {
    const h = siteHeadroom(model(), 3);
    expect(h.starts).toEqual([NOW, NOW + 7 * DAY, NOW + 14 * DAY]);
    // Week 1 holds the sale (90 of 100), the others only the baselines (30 of 100).
    expect(h.sites).toEqual([
      { site: "shop", unit: "users", values: [70, 10, 70] },
      { site: "api", unit: "rps", values: [70, 10, 70] },
    ]);
    // The headroom itself fits; one more user does not.
    const week2 = { site: "shop", unit: "users" as const, duration: 7 * DAY, from: NOW + 7 * DAY, limit: 1 };
    expect(findWindows(model(), { ...week2, size: 10 }).free[0]!.earliest).toBe(NOW + 7 * DAY);
    expect(findWindows(model(), { ...week2, size: 11 }).free[0]!.earliest).toBeGreaterThan(NOW + 7 * DAY);
  });
});
