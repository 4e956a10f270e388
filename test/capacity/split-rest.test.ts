/**
 * Where the waiting thread takes over part of a risk job (splitRest, src/core/risk/risk-work.ts):
 * the later half of what is left, and nothing when little is.
 */
import { describe, expect, it } from "vitest";
import { SHARE_FROM, splitRest } from "../../src/core/risk/index.js";

describe("splitRest", () => {
  it("takes the later half of what is left, rounding the thread's half down", () => {
    expect(splitRest(1000, 0)).toBe(500);
    expect(splitRest(1000, 200)).toBe(600);
    expect(splitRest(1001, 0)).toBe(501);
    expect(splitRest(4, 1)).toBe(3);
  });

  it("leaves the rest to the thread when less than SHARE_FROM of the points is left", () => {
    const count = 1000;
    const last = count - Math.ceil(count * SHARE_FROM);
    expect(splitRest(count, last)).toBe(last + Math.ceil((count - last) / 2));
    expect(splitRest(count, last + 1)).toBeUndefined();
    expect(splitRest(count, count)).toBeUndefined();
    expect(splitRest(0, 0)).toBeUndefined();
  });
});
