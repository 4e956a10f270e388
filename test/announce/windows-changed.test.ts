// The cheap first question before the app reads every campaign: did the capacity file's change add
// or move a window that has not ended?
import { expect, it } from "vitest";
import { windowsChanged } from "../../src/core/announce/windows-changed.js";
import { defaultConfig } from "../../src/core/load/config.js";

const CAPACITY = `services:
  web: { per_instance_rps: 100, instances: 4, max_instances: 10 }
sites:
  shop: { baseline_rps: 200, uses: { web: 1 } }
`;
const FREEZE = `freezes:
  - { name: Year end, start: 2026-12-20T00:00:00Z, end: 2027-01-05T00:00:00Z }
`;
const file = (text: string) => ({ path: "infra/capacity.yaml", text });
const now = Date.parse("2026-12-01T00:00:00Z");
const changed = (before: string | undefined, after: string | undefined, at = now) =>
  windowsChanged({
    config: defaultConfig(),
    baseCapacity: before === undefined ? undefined : file(before),
    capacity: after === undefined ? undefined : file(after),
    now: at,
  });

it("is true for an added or moved window, false for an instance count, an ended window or a file that does not load", () => {
  expect(changed(CAPACITY, CAPACITY.replace("instances: 4", "instances: 6"))).toBe(false);
  expect(changed(CAPACITY, CAPACITY + FREEZE)).toBe(true);
  expect(changed(undefined, CAPACITY + FREEZE)).toBe(true);
  expect(changed(CAPACITY + FREEZE, CAPACITY + FREEZE.replace("12-20", "12-18"))).toBe(true);
  expect(changed(CAPACITY + FREEZE, (CAPACITY + FREEZE).replace("instances: 4", "instances: 6"))).toBe(false);
  // Removed: nothing to announce (closing its announcement is the scheduled run's job).
  expect(changed(CAPACITY + FREEZE, CAPACITY)).toBe(false);
  expect(changed(CAPACITY, CAPACITY + FREEZE, Date.parse("2027-01-05T00:00:00Z"))).toBe(false);
  expect(changed(CAPACITY, "services: [\n")).toBe(false);
  expect(changed(CAPACITY, undefined)).toBe(false);
});
