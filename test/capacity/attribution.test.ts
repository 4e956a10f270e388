import { describe, expect, test } from "vitest";
import { attribute, verdictOf } from "../../src/core/attribution.js";
import { finding } from "../../src/core/findings.js";

const pos = { line: 3, column: 1 };
const campaignFiles = new Map([
  ["a", "campaigns/a.yaml"],
  ["b", "campaigns/b.yaml"],
]);
const opts = { capacityFile: "infra/capacity.yaml", configFile: ".github/campaign-gate.yml", campaignFiles };

// b's capacity error, caused together with a; a schema error in c; a forecast warning in a.
const findings = [
  finding("capacity", "campaigns/b.yaml", pos, "over", {
    campaign: "b",
    campaigns: ["a", "b"],
    service: "db",
  }),
  finding("schema", "campaigns/c.yaml", pos, "bad"),
  finding("forecast", "campaigns/a.yaml", pos, "guess", { campaign: "a" }),
];
const counted = (changed: string[] | undefined) => attribute(findings, changed, opts).map((f) => f.counted);

describe("attribute", () => {
  test("without changed files every finding counts", () => {
    expect(counted(undefined)).toEqual([true, true, true]);
  });
  test("a finding in a changed file counts", () => {
    expect(counted(["campaigns/c.yaml"])).toEqual([false, true, false]);
  });
  test("a load-based finding counts when a changed campaign contributes to it", () => {
    expect(counted(["campaigns/a.yaml"])).toEqual([true, false, true]);
  });
  test("a changed capacity file or configuration makes everything count", () => {
    expect(counted(["infra/capacity.yaml"])).toEqual([true, true, true]);
    expect(counted([".github/campaign-gate.yml"])).toEqual([true, true, true]);
  });
  test("unrelated changes count nothing, and the input is not modified", () => {
    expect(counted(["README.md"])).toEqual([false, false, false]);
    expect(counted([])).toEqual([false, false, false]);
    expect(findings.every((f) => f.counted)).toBe(true);
  });
  test("a non-load finding is not counted through `campaigns`", () => {
    const f = [{ ...finding("past", "campaigns/x.yaml", pos, "old"), campaigns: ["a"] }];
    expect(attribute(f, ["campaigns/a.yaml"], opts)[0]!.counted).toBe(false);
  });
});

describe("verdictOf", () => {
  const mark = (fs: typeof findings, flags: boolean[]) => fs.map((f, i) => ({ ...f, counted: flags[i]! }));
  test("fail on a counted error, warn on a counted warning, else pass", () => {
    expect(verdictOf(mark(findings, [true, false, false]))).toBe("fail");
    expect(verdictOf(mark(findings, [false, false, true]))).toBe("warn");
    expect(verdictOf(mark(findings, [false, false, false]))).toBe("pass");
    expect(verdictOf([])).toBe("pass");
    expect(verdictOf([finding("past", "c.yaml", pos, "old")])).toBe("pass");
  });
});
