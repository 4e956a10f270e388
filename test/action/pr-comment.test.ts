import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/report.js";
import {
  buildCommentBody,
  commentHeadSha,
  COMMENT_MAX_CHARS,
  decideComment,
  findStickyComment,
  REPORT_MARKER,
  type ExistingComment,
} from "../../src/report/pr-comment.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const OLD = "1111111111111111111111111111111111111111";

function report(findings = 0): Report {
  return {
    version: 1,
    verdict: findings > 0 ? "warn" : "pass",
    now: "2026-11-23T09:00:00.000Z",
    findings: Array.from({ length: findings }, (_, i) => ({
      rule: "forecast" as const,
      severity: "warning" as const,
      message: `Campaign ${i} guesses its forecast without a high estimate. `.repeat(5),
      file: `campaigns/c${i}.yaml`,
      line: 12,
      column: 3,
      campaign: `c${i}`,
      counted: true,
    })),
    services: [],
    plan: [],
    campaigns: [],
  };
}

function comment(
  id: number,
  body: string,
  author = "github-actions[bot]",
  authorType = "Bot",
): ExistingComment {
  return { id, body, author, authorType };
}

describe("comment body", () => {
  it("starts with the hidden markers and records the head commit", () => {
    const body = buildCommentBody(report(), {
      headSha: SHA,
      runUrl: "https://github.com/o/r/actions/runs/1",
    });
    expect(body.startsWith(`${REPORT_MARKER}\n<!-- campaign-gate:head sha=${SHA} -->\n`)).toBe(true);
    expect(commentHeadSha(body)).toBe(SHA);
    expect(body).toContain("Checked commit ec26c3e · [workflow run](https://github.com/o/r/actions/runs/1)");
  });

  it("stays under GitHub's 65,536 characters with thousands of findings", () => {
    const body = buildCommentBody(report(3000), {
      headSha: SHA,
      fileUrl: (p, l) => `https://github.com/o/r/blob/${SHA}/${p}#L${l}`,
    });
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body).toContain(REPORT_MARKER);
    expect(body).toContain("Checked commit ec26c3e");
  });
});

describe("findStickyComment", () => {
  it("picks the bot's comment with the marker, never a person's copy", () => {
    const comments = [
      comment(1, `quoting ${REPORT_MARKER}`, "jane", "User"),
      comment(2, "unrelated bot comment"),
      comment(3, `${REPORT_MARKER}\nreport`),
      comment(4, `${REPORT_MARKER}\nduplicate`),
    ];
    expect(findStickyComment(comments)?.id).toBe(3);
    expect(findStickyComment(comments.slice(0, 2))).toBeUndefined();
  });
  it("prefers github-actions[bot] over another bot", () => {
    const comments = [comment(5, REPORT_MARKER, "other-app[bot]"), comment(6, REPORT_MARKER)];
    expect(findStickyComment(comments)?.id).toBe(6);
  });
});

describe("decideComment", () => {
  const body = buildCommentBody(report(), { headSha: SHA });
  it("creates the first comment", () => {
    expect(decideComment({ existing: undefined, body, runSha: SHA, currentHeadSha: SHA })).toEqual({
      action: "create",
    });
  });
  it("updates in place when the report changed", () => {
    const existing = comment(7, buildCommentBody(report(1), { headSha: OLD }));
    expect(decideComment({ existing, body, runSha: SHA, currentHeadSha: SHA })).toEqual({
      action: "update",
      commentId: 7,
    });
  });
  it("does not re-post an identical body (line endings and trailing space aside)", () => {
    const existing = comment(7, body.replace(/\n/g, "\r\n") + "\n\n");
    expect(decideComment({ existing, body, runSha: SHA, currentHeadSha: SHA })).toMatchObject({
      action: "skip",
      reason: "unchanged",
    });
  });
  it("never writes from a run for a commit that is no longer the head", () => {
    const newer = comment(7, buildCommentBody(report(), { headSha: SHA }));
    const stale = buildCommentBody(report(1), { headSha: OLD });
    expect(decideComment({ existing: newer, body: stale, runSha: OLD, currentHeadSha: SHA })).toMatchObject({
      action: "skip",
      reason: "stale",
    });
    expect(
      decideComment({ existing: undefined, body: stale, runSha: OLD, currentHeadSha: SHA }),
    ).toMatchObject({
      action: "skip",
      reason: "stale",
    });
  });
});
