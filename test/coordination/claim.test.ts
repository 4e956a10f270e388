import { describe, expect, it } from "vitest";
import { CLAIM_TTL_MS, claimDescription, claimLabel, judgeClaim } from "../../src/core/coordination/claim.js";
import { markerKind, youngerDuplicates } from "../../src/core/coordination/duplicates.js";
import { ASSOCIATION_SETTLE_MS, recheckDelay } from "../../src/core/coordination/direct-push.js";

const NOW = Date.parse("2026-11-25T15:00:00Z");

describe("claimLabel", () => {
  it("names one label per side effect and generation, within GitHub's 50 characters", () => {
    const key = `acme/campaigns <!-- campaign-gate:direct-push sha=${"f".repeat(40)} -->`;
    expect(claimLabel(key, 1)).toMatch(/^campaign-gate-claim-[0-9a-f]{16}$/);
    expect(claimLabel(key, 1)).toBe(claimLabel(key, 1));
    expect(claimLabel(key, 2)).toBe(`${claimLabel(key, 1)}-2`);
    expect(claimLabel(`${key} `, 1)).not.toBe(claimLabel(key, 1));
    expect(claimLabel(key, 3).length).toBeLessThanOrEqual(50);
  });

  it("describes the holder and the time within GitHub's 100 characters", () => {
    expect(claimDescription("0123456789ab", NOW)).toBe(
      "campaign-gate claim, removed after use. holder=0123456789ab at=2026-11-25T15:00:00.000Z",
    );
    expect(claimDescription("0123456789ab", NOW).length).toBeLessThanOrEqual(100);
  });
});

describe("judgeClaim", () => {
  const label = (holder: string, at: number) => ({ description: claimDescription(holder, at) });

  it("is free without a label", () => {
    expect(judgeClaim(undefined, "me", NOW)).toBe("free");
  });

  it("recognises our own claim (a create that answered an error but happened)", () => {
    expect(judgeClaim(label("me", NOW - 5_000), "me", NOW)).toBe("ours");
    expect(judgeClaim(label("me2", NOW), "me", NOW)).toBe("held");
  });

  it("leaves a fresh claim of another process alone and takes over one older than the TTL", () => {
    expect(judgeClaim(label("other", NOW - CLAIM_TTL_MS + 1), "me", NOW)).toBe("held");
    expect(judgeClaim(label("other", NOW - CLAIM_TTL_MS), "me", NOW)).toBe("stale");
    expect(judgeClaim({ description: "someone's label" }, "me", NOW)).toBe("stale");
  });
});

describe("youngerDuplicates", () => {
  const item = (id: number, createdAt: string, marker: string) => ({
    id,
    createdAt,
    author: "campaign-gate[bot]",
    body: `text\n${marker}`,
  });

  it("keeps the oldest per marker, ties broken by the lower id", () => {
    const a = "<!-- campaign-gate:it-prep pr=2 -->";
    const b = "<!-- campaign-gate:it-prep pr=3 -->";
    const items = [
      item(103, "2026-11-25T15:00:01Z", a),
      item(102, "2026-11-25T15:00:01Z", a),
      item(101, "2026-11-25T15:00:02Z", a),
      item(104, "2026-11-25T15:00:00Z", b),
    ];
    expect(youngerDuplicates(items, "it-prep")).toEqual([103, 101]);
    expect(youngerDuplicates(items, "direct-push")).toEqual([]);
    expect(markerKind(a)).toBe("it-prep");
  });
});

describe("recheckDelay", () => {
  it("waits until the push is settled, not longer, and not at all for an old push", () => {
    const pushedAt = NOW / 1000 - 3; // epoch seconds, as in push events
    expect(recheckDelay(pushedAt, NOW)).toBe(ASSOCIATION_SETTLE_MS - 3_000);
    expect(recheckDelay(pushedAt - 60, NOW)).toBe(0);
    expect(recheckDelay(pushedAt + 3600, NOW)).toBe(ASSOCIATION_SETTLE_MS);
    expect(recheckDelay(new Date(NOW - 1_000).toISOString(), NOW)).toBe(ASSOCIATION_SETTLE_MS - 1_000);
    expect(recheckDelay(undefined, NOW)).toBe(ASSOCIATION_SETTLE_MS);
  });
});
