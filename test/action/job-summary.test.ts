import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report.js";
import { failsStep } from "../../src/action/run.js";
import { buildJobSummary, describeScope } from "../../src/report/job-summary.js";
import { parseReportFile, peakUtilization } from "../../src/report/report-file.js";

const report: Report = {
  version: 1,
  verdict: "warn",
  now: "2026-11-23T09:00:00.000Z",
  findings: [],
  services: [
    { service: "web", peak_rps: 10, peak_at: null, capacity_rps: 100, utilization: 0.1, contributors: [] },
    { service: "db", peak_rps: 82, peak_at: null, capacity_rps: 100, utilization: 0.82, contributors: [] },
  ],
  plan: [],
  campaigns: [],
};

describe("fail-on", () => {
  it.each([
    ["fail", "error", true],
    ["warn", "error", false],
    ["warn", "warning", true],
    ["pass", "warning", false],
    ["fail", "never", false],
  ] as const)("verdict %s with fail-on %s fails the step: %s", (verdict, failOn, fails) => {
    expect(failsStep(verdict, failOn)).toBe(fails);
  });
});

describe("describeScope", () => {
  it("says what a run checked, in plain words", () => {
    expect(describeScope({ kind: "pull", number: 7, changed: 1 })).toBe(
      'Pull request #7 changes 1 file; findings it did not cause are listed as "already on the base branch" and do not fail the check.',
    );
    expect(describeScope({ kind: "pull-incomplete", number: 7, listed: 3000, total: 3512 })).toBe(
      "GitHub lists only 3,000 of the 3,512 files this pull request changes, so every finding in the repository counts for pull request #7.",
    );
    expect(describeScope({ kind: "everything", eventName: "schedule" })).toBe(
      "Checked the whole repository (event: schedule); every finding counts.",
    );
  });
});

describe("buildJobSummary", () => {
  it("puts the verdict first and the notes about the run last", () => {
    const md = buildJobSummary(report, {
      scope: { kind: "everything", eventName: "push" },
      annotationsNote: "3 more warnings are not marked on the lines",
      reportPath: "/tmp/r.json",
    });
    expect(md.startsWith("## ⚠️ campaign-gate")).toBe(true);
    expect(md.trimEnd().split("\n").slice(-3)).toEqual([
      "- Checked the whole repository (event: push); every finding counts.",
      "- 3 more warnings are not marked on the lines",
      "- The JSON report is in `/tmp/r.json` (output `report`).",
    ]);
  });
});

describe("report.json", () => {
  it("round-trips a report and gives its peak utilization", () => {
    const parsed = parseReportFile(JSON.stringify(report), "report.json");
    expect(parsed).toEqual(report);
    expect(peakUtilization(parsed)).toBe(0.82);
  });
  it("rejects other JSON, and findings with an unknown rule", () => {
    expect(() => parseReportFile("{", "r.json")).toThrow(
      "r.json is not a JSON report of campaign-gate (it is not valid JSON).",
    );
    const forged = {
      ...report,
      findings: [
        { rule: "`x`", severity: "error", message: "m", file: "f", line: 1, column: 1, counted: true },
      ],
    };
    expect(() => parseReportFile(JSON.stringify(forged), "r.json")).toThrow(
      /not a JSON report of campaign-gate version 1/,
    );
  });
});
