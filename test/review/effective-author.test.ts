import { describe, expect, it } from "vitest";
import { evaluateReview } from "../../src/core/review/evaluate.js";
import { effectiveAuthor } from "../../src/core/review/effective-author.js";
import type { PullState } from "../../src/core/review/state.js";

const APP = "campaign-gate[bot]";
const BRANCH = "campaign-gate/issue-7";

describe("effectiveAuthor", () => {
  it("asks for the author of the issue the app's branch names, then makes them the author", () => {
    expect(effectiveAuthor({ opener: APP, head_ref: BRANCH }, APP)).toEqual({ read: 7 });
    expect(effectiveAuthor({ opener: APP, head_ref: BRANCH }, APP, { 7: "jane" })).toEqual({
      author: "jane",
    });
    expect(effectiveAuthor({ opener: "Campaign-Gate[bot]", head_ref: BRANCH }, APP, { 7: "jane" })).toEqual({
      author: "jane",
    });
  });

  it("keeps the opener on a pull request anyone else opened, whatever its branch (anyone can name a branch)", () => {
    expect(effectiveAuthor({ opener: "mallory", head_ref: BRANCH }, APP, { 7: "jane" })).toEqual({
      author: "mallory",
    });
    expect(effectiveAuthor({ opener: "other-app[bot]", head_ref: BRANCH }, APP)).toEqual({
      author: "other-app[bot]",
    });
  });

  it("keeps the opener when the app's login is unknown or the app's branch is not a campaign request's", () => {
    expect(effectiveAuthor({ opener: APP, head_ref: BRANCH }, undefined)).toEqual({ author: APP });
    for (const head_ref of [
      "feature",
      "campaign-gate/issue-",
      "campaign-gate/issue-07",
      "x/campaign-gate/issue-7",
      undefined,
    ])
      expect(effectiveAuthor({ opener: APP, head_ref }, APP)).toEqual({ author: APP });
  });
});

describe("the review of a campaign request's pull request", () => {
  const state = (author: string, approvers: string[]): PullState => ({
    pull: {
      owner: "acme",
      repo: "campaigns",
      number: 8,
      author,
      head_sha: "h".repeat(40),
      base_sha: "b".repeat(40),
      base_ref: "main",
      draft: false,
      requested_users: [],
      requested_teams: [],
    },
    config: {
      kind: "loaded",
      config: {
        capacity: "infra/capacity.yaml",
        campaigns: ["campaigns/**/*.yaml"],
        review: {
          groups: { marketing: { teams: [], users: ["jane", "mike"] } },
          rules: [{ name: "campaigns", paths: ["campaigns/**"], require: ["marketing"] }],
        },
      } as never,
    },
    files: { paths: ["campaigns/sale.yaml"], complete: true },
    reviews: approvers.map((user, i) => ({
      id: i + 1,
      user,
      state: "APPROVED",
      commit_id: "h".repeat(40),
      submitted_at: "2026-11-25T10:00:00Z",
    })),
    team_members: {},
    changed_since: {},
  });

  it("does not count the issue author's own approval, and counts a colleague's", () => {
    const verdict = effectiveAuthor({ opener: APP, head_ref: BRANCH }, APP, { 7: "jane" });
    const author = "author" in verdict ? verdict.author : APP;
    expect(evaluateReview(state(author, ["jane"])).status).not.toBe("success");
    expect(evaluateReview(state(author, ["jane", "mike"])).status).toBe("success");
    // Without the rule the app would be the author and jane's approval would pass the review.
    expect(evaluateReview(state(APP, ["jane"])).status).toBe("success");
  });
});
