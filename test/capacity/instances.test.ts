import { describe, expect, test } from "vitest";
import {
  capacityRps,
  ceilTolerant,
  exceeds,
  instancesForTarget,
  instancesForZones,
  instancesNeeded,
  lte,
} from "../../src/core/capacity/index.js";
import { fixed, scalable } from "./build.js";

describe("tolerance", () => {
  test("2000 × 1.5 × 0.1 does not ask for an extra instance", () => {
    const load = 2000 * (1.5 * 0.1); // 300.00000000000006 in floating point
    expect(load).toBeGreaterThan(300);
    expect(instancesForTarget(load, 100, 1)).toBe(3);
    expect(instancesForTarget(load, 300, 1)).toBe(1);
    expect(lte(load, 300)).toBe(true);
    expect(exceeds(load, 300)).toBe(false);
  });
  test("a real excess beyond 1e-9 relative still counts", () => {
    expect(exceeds(300 * (1 + 1e-8), 300)).toBe(true);
    expect(ceilTolerant(3 + 1e-8)).toBe(4);
    expect(ceilTolerant(3 + 1e-12)).toBe(3);
  });
  test("against a zero capacity any load exceeds, no load does not", () => {
    expect(exceeds(0.001, 0)).toBe(true);
    expect(exceeds(0, 0)).toBe(false);
  });
});

describe("N_t = ceil(L / (p × t))", () => {
  test.each([
    [0, 300, 0.6, 0],
    [180, 300, 0.6, 1],
    [181, 300, 0.6, 2],
    [2520, 300, 0.6, 14],
    [2521, 300, 0.6, 15],
  ])("L=%d p=%d t=%d → %d", (load, p, t, n) => {
    expect(instancesForTarget(load, p, t)).toBe(n);
  });
});

describe("N_z: smallest N with (N − ceil(N/z)) × p × f >= L", () => {
  const brute = (load: number, p: number, f: number, z: number): number => {
    for (let n = 0; ; n++) if (lte(load, (n - Math.ceil(n / z)) * p * f)) return n;
  };
  test("z = 1 never asks for extra instances", () => {
    expect(instancesForZones(10_000, 100, 0.9, 1)).toBe(0);
  });
  test("z = 2: losing a zone halves the fleet", () => {
    // 5 survivors of 100 rps at f = 1 carry 500 → 10 instances (odd counts lose the bigger half).
    expect(instancesForZones(500, 100, 1, 2)).toBe(10);
    expect(instancesForZones(501, 100, 1, 2)).toBe(12);
    expect(instancesForZones(400, 100, 1, 2)).toBe(8);
  });
  test("z = 3: losing the largest zone of ceil(N/3)", () => {
    // N=8: zones 3,3,2 → 5 survive. N=7: 3,2,2 → 4 survive.
    expect(instancesForZones(500, 100, 1, 3)).toBe(8);
    expect(instancesForZones(400, 100, 1, 3)).toBe(6);
    expect(instancesForZones(401, 100, 1, 3)).toBe(8);
  });
  test("agrees with the definition for many loads and zone counts", () => {
    for (const z of [2, 3, 4, 5]) {
      for (let load = 0; load <= 3000; load += 37.5) {
        expect(instancesForZones(load, 120, 0.9, z), `L=${load} z=${z}`).toBe(
          load <= 0 ? 0 : brute(load, 120, 0.9, z),
        );
      }
    }
  });
  test("exact fits at the tolerance do not round up", () => {
    expect(instancesForZones(0.1 * 3 * 3000, 100, 1, 2)).toBe(18); // 900.0000000000001 → 9 survivors
  });
});

describe("N = max(N_t, N_z, instances) and capacity_rps", () => {
  test("never below the instances running today", () => {
    expect(instancesNeeded(0, scalable("w", 300, 8, 20), 0.9)).toBe(8);
  });
  test("the zone rule can dominate the target rule", () => {
    const s = scalable("w", 300, 8, 20, { zones: 2, target_utilization: 0.6 });
    // N_t = ceil(2520 / 180) = 14; N_z: ceil(2520 / 270) = 10 survivors → 20.
    expect(instancesNeeded(2520, s, 0.9)).toBe(20);
  });
  test("capacity at max scale: scalable max × p × t, fixed max_rps × t", () => {
    expect(capacityRps(scalable("w", 300, 8, 20, { target_utilization: 0.6 }))).toBeCloseTo(3600);
    expect(capacityRps(fixed("db", 5000, { target_utilization: 0.7 }))).toBeCloseTo(3500);
  });
});
