/**
 * The facts a run records for the next evaluation of its head (src/github/check-run.ts): they come
 * back exactly for that head, and anything malformed in a run's text is ignored, never trusted.
 */
import { describe, expect, it } from "vitest";
import { evidenceText, recordedEvidence, type ReviewCheckRun } from "../../src/github/check-run.js";

const HEAD = "b".repeat(40);
const run = (text: string): ReviewCheckRun => ({
  id: 1,
  name: "campaign-gate/review",
  status: "completed",
  output: { title: "t", summary: "s", text },
});

describe("evidence recorded in the run", () => {
  it("round-trips for the same head and is invisible markdown", () => {
    const evidence = {
      base: "a".repeat(40),
      head: HEAD,
      files: { paths: ["campaigns/x.yaml"], complete: true },
      changed_since: { ["c".repeat(40)]: ["README.md"] },
    };
    const text = evidenceText(evidence);
    expect(text).toMatch(/^<!-- campaign-gate-evidence \{.*\} -->$/);
    expect(recordedEvidence(run(text), HEAD)).toEqual(evidence);
    expect(recordedEvidence(run(text), "d".repeat(40))).toBeUndefined();
  });

  it("ignores malformed or oversized records", () => {
    expect(recordedEvidence(run("<!-- campaign-gate-evidence {not json} -->"), HEAD)).toBeUndefined();
    expect(
      recordedEvidence(
        run(
          `<!-- campaign-gate-evidence {"base":"x","head":"${HEAD}","files":{"paths":[1]},"changed_since":{"c":"no"}} -->`,
        ),
        HEAD,
      ),
    ).toEqual({ base: "x", head: HEAD, changed_since: {} });
    const huge = {
      base: "a",
      head: HEAD,
      files: { paths: Array(5000).fill("campaigns/long-name.yaml"), complete: true },
      changed_since: {},
    };
    expect(evidenceText(huge)).toBe("");
  });
});
