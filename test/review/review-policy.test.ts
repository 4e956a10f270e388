import { describe, expect, it } from "vitest";
import type { ReviewPolicy } from "../../src/core/model.js";
import { evaluateReview } from "../../src/core/review/evaluate.js";
import { requiredGroups } from "../../src/core/review/groups.js";
import { matchReviewers } from "../../src/core/review/matching.js";
import { latestDecisions, type Review } from "../../src/core/review/reviews.js";
import type { PullState } from "../../src/core/review/state.js";

const HEAD = "h".repeat(40);
const OLD = "o".repeat(40);

function policy(overrides: Partial<ReviewPolicy> = {}): ReviewPolicy {
  return {
    groups: {
      marketing: { teams: ["marketing"], users: [] },
      it: { teams: ["web-ops"], users: ["Ops-Lead"] },
    },
    rules: [
      { name: "campaigns", paths: ["campaigns/**"], require: ["marketing", "it"] },
      { name: "limits", paths: ["infra/**", ".github/campaign-gate.yml"], require: ["it"] },
    ],
    distinct_reviewers: true,
    invalidate_on_push: true,
    request_reviewers: true,
    ...overrides,
  };
}

let nextId = 1;
function review(user: string, state: string, commit_id = HEAD, submitted_at?: string): Review {
  const id = nextId++;
  return {
    id,
    user,
    state,
    commit_id,
    submitted_at: submitted_at ?? `2026-11-23T10:${String(id).padStart(2, "0")}:00Z`,
  };
}

function state(overrides: Partial<PullState> & { policy?: ReviewPolicy | undefined } = {}): PullState {
  const { policy: given, ...rest } = overrides;
  const p = "policy" in overrides ? given : policy();
  return {
    pull: {
      owner: "acme",
      repo: "campaigns",
      number: 7,
      author: "Marketer",
      head_sha: HEAD,
      base_sha: "b".repeat(40),
      base_ref: "main",
      requested_users: [],
      requested_teams: [],
      draft: false,
    },
    config: {
      kind: "loaded",
      config: { campaigns: [], capacity: "infra/capacity.yaml", ...(p ? { review: p } : {}) },
    },
    files: { paths: ["campaigns/bf.yaml"], complete: true },
    reviews: [],
    team_members: { marketing: ["ann", "both"], "web-ops": ["bob", "both"] },
    changed_since: {},
    ...rest,
  };
}

describe("requiredGroups", () => {
  it("unions the groups of every matching rule, in rule order", () => {
    expect(requiredGroups(policy(), ["campaigns/a.yaml", "infra/capacity.yaml"])).toEqual([
      { group: "marketing", rules: ["campaigns"] },
      { group: "it", rules: ["campaigns", "limits"] },
    ]);
  });
  it("matches dot files and folders", () => {
    expect(requiredGroups(policy(), [".github/campaign-gate.yml"])).toEqual([
      { group: "it", rules: ["limits"] },
    ]);
  });
  it("requires nothing when no rule matches", () => {
    expect(requiredGroups(policy(), ["README.md", "campaigns.md"])).toEqual([]);
  });
});

describe("latestDecisions", () => {
  it("keeps the latest decisive review; comments do not withdraw, dismissals do", () => {
    const d = latestDecisions([
      review("ann", "APPROVED"),
      review("ann", "COMMENTED"),
      review("bob", "APPROVED"),
      review("bob", "CHANGES_REQUESTED"),
      review("cy", "CHANGES_REQUESTED"),
      review("cy", "DISMISSED"),
      review("dee", "PENDING"),
    ]);
    expect([...d.entries()].map(([k, v]) => [k, v.state])).toEqual([
      ["ann", "APPROVED"],
      ["bob", "CHANGES_REQUESTED"],
    ]);
  });
  it("orders by submission time, not list order, and keys logins case-insensitively", () => {
    const late = review("Ann", "CHANGES_REQUESTED", HEAD, "2026-11-23T12:00:00Z");
    const early = review("ann", "APPROVED", HEAD, "2026-11-23T09:00:00Z");
    expect(latestDecisions([late, early]).get("ann")?.state).toBe("CHANGES_REQUESTED");
  });
  it("ignores reviews of deleted accounts", () => {
    expect(latestDecisions([{ id: 1, user: undefined, state: "APPROVED", commit_id: HEAD }]).size).toBe(0);
  });
});

describe("matchReviewers", () => {
  it("moves a person to the other group along an augmenting path", () => {
    const m = matchReviewers(
      ["a", "b"],
      new Map([
        ["a", ["x", "y"]],
        ["b", ["x"]],
      ]),
    );
    expect(Object.fromEntries(m)).toEqual({ a: "y", b: "x" });
  });
  it("one person fills at most one group", () => {
    const m = matchReviewers(
      ["a", "b"],
      new Map([
        ["a", ["x"]],
        ["b", ["x"]],
      ]),
    );
    expect(m.size).toBe(1);
  });
  it("finds a perfect matching over a chain of three", () => {
    const m = matchReviewers(
      ["a", "b", "c"],
      new Map([
        ["a", ["p", "q"]],
        ["b", ["p"]],
        ["c", ["q", "r"]],
      ]),
    );
    expect(m.size).toBe(3);
    expect(new Set(m.values()).size).toBe(3);
  });
});

describe("evaluateReview", () => {
  it("succeeds with 'not configured' when the base has no review section", () => {
    expect(evaluateReview(state({ policy: undefined }))).toMatchObject({
      status: "success",
      outcome: "not-configured",
    });
  });
  it("fails when the configuration does not load", () => {
    const findings = [
      { rule: "schema", severity: "error", message: "x", file: "f", line: 1, column: 1, counted: true },
    ] as const;
    expect(evaluateReview(state({ config: { kind: "invalid", findings: [...findings] } }))).toMatchObject({
      status: "failure",
      outcome: "invalid-config",
    });
  });
  it("fails closed on an incomplete file list", () => {
    expect(evaluateReview(state({ files: { paths: ["README.md"], complete: false } }))).toMatchObject({
      status: "failure",
      outcome: "incomplete-files",
    });
  });
  it("succeeds with 'no review required' when no rule matches", () => {
    expect(evaluateReview(state({ files: { paths: ["docs/x.md"], complete: true } }))).toMatchObject({
      status: "success",
      outcome: "no-review-required",
    });
  });
  it("waits for every required group, naming requested reviewers", () => {
    const s = state({
      pull: { ...state().pull, requested_users: ["Ops-Lead", "random"], requested_teams: ["marketing"] },
    });
    const r = evaluateReview(s);
    expect(r.status).toBe("pending");
    expect(r.groups).toEqual([
      {
        group: "marketing",
        rules: ["campaigns"],
        state: "waiting",
        requested: ["@acme/marketing"],
        stale: [],
        taken: [],
      },
      { group: "it", rules: ["campaigns"], state: "waiting", requested: ["@Ops-Lead"], stale: [], taken: [] },
    ]);
  });
  it("ignores the author's approval even when the author is in the group", () => {
    const s = state({
      pull: { ...state().pull, author: "Ann" },
      reviews: [review("Ann", "APPROVED"), review("bob", "APPROVED")],
    });
    const r = evaluateReview(s);
    expect(r.groups.map((g) => g.state)).toEqual(["waiting", "approved"]);
  });
  it("one person in both teams fills one group; a second person fills the other", () => {
    const one = evaluateReview(state({ reviews: [review("both", "APPROVED")] }));
    expect(one.status).toBe("pending");
    expect(one.groups.filter((g) => g.state === "approved")).toHaveLength(1);
    const waiting = one.groups.find((g) => g.state === "waiting");
    expect(waiting).toMatchObject({ taken: ["both"] });

    const two = evaluateReview(state({ reviews: [review("both", "APPROVED"), review("ann", "APPROVED")] }));
    expect(two.status).toBe("success");
    expect(two.groups).toMatchObject([
      { group: "marketing", state: "approved", by: "ann" },
      { group: "it", state: "approved", by: "both" },
    ]);
  });
  it("without distinct_reviewers one person may fill both groups", () => {
    const r = evaluateReview(
      state({ policy: policy({ distinct_reviewers: false }), reviews: [review("both", "APPROVED")] }),
    );
    expect(r.status).toBe("success");
  });
  it("counts group users named directly, case-insensitively", () => {
    const r = evaluateReview(state({ reviews: [review("ops-lead", "APPROVED"), review("ann", "APPROVED")] }));
    expect(r.status).toBe("success");
  });
  it("does not count approvals of people outside the groups", () => {
    const r = evaluateReview(state({ reviews: [review("stranger", "APPROVED"), review("ann", "APPROVED")] }));
    expect(r.groups.map((g) => g.state)).toEqual(["approved", "waiting"]);
  });
  it("changes requested by a group member blocks until that person approves", () => {
    const blocked = evaluateReview(
      state({
        reviews: [review("ann", "APPROVED"), review("bob", "APPROVED"), review("both", "CHANGES_REQUESTED")],
      }),
    );
    expect(blocked.status).toBe("failure");
    expect(blocked.outcome).toBe("changes-requested");
    expect(blocked.groups.every((g) => g.state === "changes_requested")).toBe(true);
    const unblocked = evaluateReview(
      state({
        reviews: [
          review("ann", "APPROVED"),
          review("bob", "APPROVED"),
          review("both", "CHANGES_REQUESTED"),
          review("both", "APPROVED"),
        ],
      }),
    );
    expect(unblocked.status).toBe("success");
  });
  it("changes requested by someone outside the groups does not block", () => {
    const r = evaluateReview(
      state({
        reviews: [
          review("ann", "APPROVED"),
          review("bob", "APPROVED"),
          review("stranger", "CHANGES_REQUESTED"),
        ],
      }),
    );
    expect(r.status).toBe("success");
  });
  it("a dismissed changes request no longer blocks; a dismissed approval no longer counts", () => {
    const r = evaluateReview(
      state({ reviews: [review("ann", "APPROVED"), review("bob", "DISMISSED"), review("both", "APPROVED")] }),
    );
    expect(r.status).toBe("success");
    const d = evaluateReview(state({ reviews: [review("ann", "DISMISSED"), review("bob", "APPROVED")] }));
    expect(d.groups.map((g) => g.state)).toEqual(["waiting", "approved"]);
  });
  it("voids an approval whose reviewed files changed since; keeps one whose files did not", () => {
    const reviews = [review("ann", "APPROVED", OLD), review("bob", "APPROVED")];
    const touched = evaluateReview(state({ reviews, changed_since: { [OLD]: ["campaigns/bf.yaml"] } }));
    expect(touched.groups[0]).toMatchObject({
      state: "waiting",
      stale: [{ user: "ann", reviewed: OLD, head: HEAD, file: "campaigns/bf.yaml" }],
    });
    const other = evaluateReview(state({ reviews, changed_since: { [OLD]: ["README.md"] } }));
    expect(other.status).toBe("success");
  });
  it("voids an approval whose comparison is unknown (fail closed)", () => {
    const reviews = [review("ann", "APPROVED", OLD), review("bob", "APPROVED")];
    expect(evaluateReview(state({ reviews, changed_since: { [OLD]: null } })).status).toBe("pending");
    expect(evaluateReview(state({ reviews, changed_since: {} })).status).toBe("pending");
  });
  it("keeps old approvals when invalidate_on_push is off", () => {
    const reviews = [review("ann", "APPROVED", OLD), review("bob", "APPROVED")];
    expect(evaluateReview(state({ policy: policy({ invalidate_on_push: false }), reviews })).status).toBe(
      "success",
    );
  });
  it("shows waived groups and does not wait for them", () => {
    const r = evaluateReview(state({ reviews: [review("ann", "APPROVED")], waived: { it: "low impact" } }));
    expect(r.status).toBe("success");
    expect(r.groups[1]).toEqual({ group: "it", rules: ["campaigns"], state: "waived", reason: "low impact" });
  });
});
