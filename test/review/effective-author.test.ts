import { describe, expect, it } from "vitest";
import { planCampaignPull } from "../../src/core/issue-form/plan-campaign-pull.js";
import { evaluateReview } from "../../src/core/review/evaluate.js";
import { effectiveAuthor } from "../../src/core/review/effective-author.js";
import type { PullState } from "../../src/core/review/state.js";

const APP = "campaign-gate[bot]";
const body = planCampaignPull({
  issue: 7,
  author: "jane",
  name: "Sale",
  path: "campaigns/sale.yaml",
  findings: [],
}).body;

describe("effectiveAuthor", () => {
  it("is the issue's author on a pull request the app opened for a campaign request", () => {
    expect(effectiveAuthor({ opener: APP, body }, APP)).toBe("jane");
  });

  it("ignores the marker on a pull request anyone else opened (anyone can type a marker)", () => {
    expect(effectiveAuthor({ opener: "mallory", body }, APP)).toBe("mallory");
    expect(effectiveAuthor({ opener: "other-app[bot]", body }, APP)).toBe("other-app[bot]");
  });

  it("ignores the marker when the app's login is unknown, and a malformed author", () => {
    expect(effectiveAuthor({ opener: APP, body }, undefined)).toBe(APP);
    const forged = body.replace("author=jane", "author=a[bot]");
    expect(effectiveAuthor({ opener: APP, body: forged }, APP)).toBe(APP);
    expect(effectiveAuthor({ opener: APP, body: null }, APP)).toBe(APP);
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
    const author = effectiveAuthor({ opener: APP, body }, APP);
    expect(evaluateReview(state(author, ["jane"])).status).not.toBe("success");
    expect(evaluateReview(state(author, ["jane", "mike"])).status).toBe("success");
    // Without the rule the app would be the author and jane's approval would pass the review.
    expect(evaluateReview(state(APP, ["jane"])).status).toBe("success");
  });
});
