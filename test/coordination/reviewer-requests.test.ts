import { describe, expect, it } from "vitest";
import type { ReviewerRequestInput } from "../../src/core/coordination/reviewer-requests.js";
import { planReviewerRequests } from "../../src/core/coordination/reviewer-requests.js";

function input(overrides: Partial<ReviewerRequestInput> = {}): ReviewerRequestInput {
  return {
    author: "jane",
    draft: false,
    missingGroups: ["marketing", "it"],
    groups: {
      marketing: { teams: ["marketing"], users: [] },
      it: { teams: ["web-ops"], users: [] },
    },
    teamMembers: { marketing: ["jane", "mark", "mona"], "web-ops": ["ivan", "ida"] },
    alreadyRequested: { users: [], teams: [] },
    reviewedBy: [],
    prNumber: 7,
    ...overrides,
  };
}

/** The pull request's requested reviewers after GitHub applied a plan. */
function applied(base: ReviewerRequestInput, plan: { reviewers: string[]; team_reviewers: string[] }) {
  return {
    users: [...base.alreadyRequested.users, ...plan.reviewers],
    teams: [...base.alreadyRequested.teams, ...plan.team_reviewers],
  };
}

describe("planReviewerRequests", () => {
  it("requests the team of each group still missing an approval", () => {
    expect(planReviewerRequests(input())).toEqual({
      reviewers: [],
      team_reviewers: ["marketing", "web-ops"],
    });
  });

  it("requests nothing on a draft", () => {
    expect(planReviewerRequests(input({ draft: true }))).toEqual({ reviewers: [], team_reviewers: [] });
  });

  it("requests only the groups that are missing", () => {
    expect(planReviewerRequests(input({ missingGroups: ["it"] })).team_reviewers).toEqual(["web-ops"]);
    expect(planReviewerRequests(input({ missingGroups: [] }))).toEqual({ reviewers: [], team_reviewers: [] });
  });

  it("requests nothing new on a redelivery (the first requests are on the PR now)", () => {
    const first = input({
      groups: { marketing: { teams: [], users: ["mark", "mona"] }, it: { teams: ["web-ops"], users: [] } },
    });
    const plan = planReviewerRequests(first);
    expect(plan.reviewers).toHaveLength(1);
    expect(plan.team_reviewers).toEqual(["web-ops"]);
    const again = planReviewerRequests({ ...first, alreadyRequested: applied(first, plan) });
    expect(again).toEqual({ reviewers: [], team_reviewers: [] });
  });

  it("does not request a group when one of its members is already requested or has reviewed", () => {
    expect(
      planReviewerRequests(input({ alreadyRequested: { users: ["Ida"], teams: [] } })).team_reviewers,
    ).toEqual(["marketing"]);
    // A member who already left a review (e.g. changes requested) is no longer in requested_reviewers.
    expect(planReviewerRequests(input({ reviewedBy: ["mona"] })).team_reviewers).toEqual(["web-ops"]);
  });

  it("never requests the author, whatever the case of the login", () => {
    const groups = { marketing: { teams: [], users: ["Jane", "mark"] }, it: { teams: [], users: ["ivan"] } };
    for (let pr = 1; pr <= 6; pr++) {
      const plan = planReviewerRequests(input({ groups, prNumber: pr }));
      expect(plan.reviewers).toEqual(["mark", "ivan"]);
    }
  });

  it("asks people when the group's team has nobody but the author", () => {
    const plan = planReviewerRequests(
      input({
        missingGroups: ["marketing"],
        groups: { marketing: { teams: ["marketing"], users: ["mona"] } },
        teamMembers: { marketing: ["jane"] },
      }),
    );
    expect(plan).toEqual({ reviewers: ["mona"], team_reviewers: [] });
  });

  it("requests nobody for a group with nobody eligible", () => {
    const plan = planReviewerRequests(
      input({ missingGroups: ["marketing"], groups: { marketing: { teams: [], users: ["jane"] } } }),
    );
    expect(plan).toEqual({ reviewers: [], team_reviewers: [] });
  });

  it("spreads requests over a group's members across pull requests, without state", () => {
    const groups = { it: { teams: [], users: ["ivan", "ida", "igor"] } };
    const picks = [10, 11, 12].map(
      (prNumber) => planReviewerRequests(input({ missingGroups: ["it"], groups, prNumber })).reviewers[0],
    );
    expect(new Set(picks).size).toBe(3);
    // Deterministic: the same PR always gets the same person.
    expect(planReviewerRequests(input({ missingGroups: ["it"], groups, prNumber: 11 })).reviewers[0]).toBe(
      picks[1],
    );
  });

  it("asks different people for different groups (distinct reviewers)", () => {
    // "both" is in both groups; the smaller group gets "both", the other group someone else.
    const groups = { marketing: { teams: [], users: ["both", "mark"] }, it: { teams: [], users: ["both"] } };
    for (let pr = 1; pr <= 4; pr++) {
      const plan = planReviewerRequests(input({ groups, prNumber: pr }));
      expect(plan.reviewers.sort()).toEqual(["both", "mark"]);
    }
  });

  it("lets one already-requested person stand for one group only", () => {
    const groups = {
      marketing: { teams: [], users: ["both", "mark"] },
      it: { teams: [], users: ["both", "ivan"] },
    };
    const plan = planReviewerRequests(input({ groups, alreadyRequested: { users: ["both"], teams: [] } }));
    expect(plan.reviewers).toHaveLength(1);
    expect(["mark", "ivan"]).toContain(plan.reviewers[0]);
  });

  it("requests a team shared by two groups once", () => {
    const groups = { marketing: { teams: ["leads"], users: [] }, it: { teams: ["leads"], users: [] } };
    expect(planReviewerRequests(input({ groups, teamMembers: {} })).team_reviewers).toEqual(["leads"]);
  });

  it("requests a team written as org/slug by its slug, and recognises it as requested", () => {
    const groups = { it: { teams: ["acme/web-ops"], users: [] } };
    const base = input({ missingGroups: ["it"], groups, teamMembers: { "acme/web-ops": ["ivan"] } });
    expect(planReviewerRequests(base).team_reviewers).toEqual(["web-ops"]);
    const again = { ...base, alreadyRequested: { users: [], teams: ["web-ops"] } };
    expect(planReviewerRequests(again)).toEqual({ reviewers: [], team_reviewers: [] });
  });

  it("ignores a missing group that is not configured", () => {
    expect(planReviewerRequests(input({ missingGroups: ["legal", "it"] })).team_reviewers).toEqual([
      "web-ops",
    ]);
  });
});
