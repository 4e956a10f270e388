import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report.js";
import { formatInstant, formatPercent, formatWindowEnd } from "../../src/core/format.js";
import { renderText } from "../../src/report/text.js";

const base: Report = {
  version: 1,
  verdict: "warn",
  now: "2026-11-23T09:00:00.000Z",
  findings: [
    {
      rule: "scale-up",
      severity: "warning",
      message: "scale web-shop",
      file: "campaigns/tv.yaml",
      line: 12,
      column: 3,
      counted: true,
    },
    {
      rule: "forecast",
      severity: "warning",
      message: "a guess",
      file: "campaigns/old.yaml",
      line: 9,
      column: 3,
      counted: false,
    },
  ],
  services: [],
  plan: [{ service: "web-shop", instances: 14, by: "2026-11-27T11:00:00.000Z", campaigns: ["tv"] }],
  campaigns: [],
};

describe("renderText", () => {
  it("groups by file and marks findings already on the base branch", () => {
    const text = renderText(base, { color: false, command: "check" });
    expect(text).toContain("campaigns/tv.yaml\n  campaigns/tv.yaml:12:3  warning scale-up");
    expect(text).toContain("a guess (already on the base branch)");
    expect(text).toContain("scale web-shop to 14 instances before Fri 27 Nov 2026 11:00 UTC (for tv)");
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "WARN campaign-gate check at Mon 23 Nov 2026 09:00 UTC: 0 errors, 1 warning, 0 notices, 1 already on the base branch",
    );
  });
});

describe("format", () => {
  it("shows instants in the campaign's zone, DST included", () => {
    expect(formatInstant("2026-11-27T11:00:00.000Z", "America/New_York")).toBe("Fri 27 Nov 2026 06:00 EST");
    expect(formatInstant("2026-07-01T10:00:00.000Z", "America/New_York")).toBe("Wed 1 Jul 2026 06:00 EDT");
  });
  it("keeps a decimal for small percentages", () => {
    expect(formatPercent(0.032)).toBe("3.2%");
    expect(formatPercent(1.6)).toBe("160%");
  });
});

describe("formatWindowEnd", () => {
  it("shows an end at local midnight as the end of the day before", () => {
    expect(formatWindowEnd("2026-12-01T05:00:00.000Z", "America/New_York")).toBe("end of Mon 30 Nov 2026");
    expect(formatWindowEnd("2026-12-01T05:30:00.000Z", "America/New_York")).toBe("Tue 1 Dec 2026 00:30 EST");
  });
});
