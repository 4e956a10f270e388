import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/findings.js";
import { failedReview, type ReviewResult } from "../../src/core/review/evaluate.js";
import { renderReviewSummary, SUMMARY_LIMIT } from "../../src/report/review-summary.js";

describe("renderReviewSummary", () => {
  it("shows one row per group with who approved, who is waiting, who requested changes, what is waived", () => {
    const result: ReviewResult = {
      status: "failure",
      outcome: "changes-requested",
      groups: [
        { group: "marketing", rules: ["campaigns"], state: "approved", by: "ann" },
        { group: "it", rules: ["campaigns", "limits"], state: "changes_requested", by: ["bob", "cy"] },
        {
          group: "legal",
          rules: ["campaigns"],
          state: "waiting",
          requested: ["@dee", "@acme/legal"],
          stale: [{ user: "eve", reviewed: "1a2b3c4d5e", head: "9f8e7d6c5b", file: "legal/terms.md" }],
          taken: [],
        },
        { group: "ops", rules: ["campaigns"], state: "waived", reason: "low impact" },
      ],
    };
    const { title, summary } = renderReviewSummary(result);
    expect(title).toBe("Changes requested by @bob, @cy");
    expect(summary.split("\n")).toEqual([
      "| Group | Review | Rules |",
      "|---|---|---|",
      "| marketing | ✅ approved by @ann | campaigns |",
      "| it | ❌ changes requested by @bob, @cy | campaigns, limits |",
      "| legal | ⏳ waiting (requested: @dee, @acme/legal; approval by @eve on 1a2b3c4 invalidated by push of 9f8e7d6: `legal/terms.md` changed) | campaigns |",
      "| ops | waived: low impact | campaigns |",
    ]);
  });

  it("names approvers and waived groups in the success title", () => {
    const { title } = renderReviewSummary({
      status: "success",
      outcome: "approved",
      groups: [
        { group: "marketing", rules: ["campaigns"], state: "approved", by: "ann" },
        { group: "it", rules: ["campaigns"], state: "waived", reason: "low impact" },
      ],
    });
    expect(title).toBe("Approved: marketing by @ann, it waived");
  });

  it("states the reason of a failed evaluation in plain language", () => {
    const { title, summary } = renderReviewSummary(
      failedReview("GitHub answered 500 to GET /repos/a/b/pulls/1."),
    );
    expect(title).toBe("The review could not be checked");
    expect(summary).toContain("GitHub answered 500 to GET /repos/a/b/pulls/1.");
  });

  it("keeps the summary within GitHub's limit, saying how much was left out", () => {
    const finding: Finding = {
      rule: "schema",
      severity: "error",
      message: "x".repeat(500),
      file: "f.yml",
      line: 1,
      column: 1,
      counted: true,
    };
    const { summary } = renderReviewSummary({
      status: "failure",
      outcome: "invalid-config",
      groups: [],
      findings: Array.from({ length: 300 }, () => finding),
    });
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary).toMatch(/… \d+ more lines not shown\.$/);
  });
});
