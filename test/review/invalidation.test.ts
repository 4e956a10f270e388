/**
 * Invalidation by rule (issue 9): an approval filling group G goes stale only when a file matched
 * by a rule requiring G changed between the reviewed commit and the head; unknown changes void it.
 */
import { describe, expect, it } from "vitest";
import type { ReviewPolicy } from "../../src/core/model.js";
import { evaluateReview } from "../../src/core/review/evaluate.js";
import { nextReads, pullState, type Evidence } from "../../src/core/review/evidence.js";
import type { Review } from "../../src/core/review/reviews.js";
import { staleApproval } from "../../src/core/review/staleness.js";

const HEAD = "h".repeat(40);
const OLD = "o".repeat(40);
const OLDER = "p".repeat(40);

const policy: ReviewPolicy = {
  groups: { marketing: { teams: ["marketing"], users: [] }, it: { teams: ["web-ops"], users: [] } },
  rules: [
    { name: "campaigns", paths: ["campaigns/**"], require: ["marketing", "it"] },
    { name: "limits", paths: ["infra/**", ".github/campaign-gate.yml"], require: ["it"] },
  ],
  distinct_reviewers: true,
  invalidate_on_push: true,
  request_reviewers: true,
};

let id = 1;
const review = (user: string, state: string, commit_id: string | null = OLD): Review => ({
  id: id++,
  user,
  state,
  commit_id,
  submitted_at: `2026-11-23T10:${String(id).padStart(2, "0")}:00Z`,
});

function evidence(overrides: Partial<Evidence> = {}): Evidence {
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
    config: { kind: "loaded", config: { campaigns: [], capacity: "infra/capacity.yaml", review: policy } },
    team_members: {},
    looked_up: {},
    changed_since: {},
    ...overrides,
  };
}

/** Both approved on OLD; the push from OLD to HEAD changed `changed` (null: unknown). */
function afterPush(changed: string[] | null, files = ["campaigns/bf.yaml", "infra/capacity.yaml"]) {
  return evaluateReview(
    pullState(
      evidence({
        files: { paths: files, complete: true },
        reviews: [review("ann", "APPROVED"), review("bob", "APPROVED")],
        team_members: { marketing: ["ann"], "web-ops": ["bob"] },
        changed_since: { [OLD]: changed },
      }),
    ),
  );
}

describe("invalidation by rule", () => {
  it("a push touching only a path no rule matches keeps both approvals", () => {
    expect(afterPush(["README.md"]).status).toBe("success");
  });

  it("a push to infra/** voids IT's approval, not marketing's", () => {
    const r = afterPush(["infra/capacity.yaml"]);
    expect(r.groups.map((g) => [g.group, g.state])).toEqual([
      ["marketing", "approved"],
      ["it", "waiting"],
    ]);
    expect(r.groups[1]).toMatchObject({
      stale: [{ user: "bob", reviewed: OLD, head: HEAD, file: "infra/capacity.yaml" }],
    });
  });

  it("a new campaign file voids both", () => {
    const r = afterPush(["campaigns/new.yaml"]);
    expect(r.groups.map((g) => g.state)).toEqual(["waiting", "waiting"]);
  });

  it("a file deleted or renamed away counts by its old name (compare lists both names)", () => {
    // A rename from campaigns/ to archive/ lists both paths: the old one is a campaign file.
    const r = afterPush(["archive/bf.yaml", "campaigns/bf.yaml"], ["archive/bf.yaml", "campaigns/x.yaml"]);
    expect(r.groups.map((g) => g.state)).toEqual(["waiting", "waiting"]);
  });

  it("unknown changes (force push, failed or cut compare) void the approval for every group", () => {
    const r = afterPush(null);
    expect(r.groups.map((g) => g.state)).toEqual(["waiting", "waiting"]);
    expect(r.groups[0]).toMatchObject({ stale: [{ user: "ann", file: null }] });
  });

  it("one approval can stay current for one group and go stale for another", () => {
    const decision = { user: "both", state: "APPROVED" as const, review_id: 1, commit_id: OLD };
    const state = { pull: evidence().pull, changed_since: { [OLD]: ["infra/x.yaml"] } };
    expect(staleApproval(decision, "marketing", state, policy)).toBeUndefined();
    expect(staleApproval(decision, "it", state, policy)).toEqual({
      user: "both",
      reviewed: OLD,
      head: HEAD,
      file: "infra/x.yaml",
    });
    expect(staleApproval({ ...decision, commit_id: null }, "marketing", state, policy)?.file).toBeNull();
    expect(staleApproval({ ...decision, commit_id: HEAD }, "it", state, policy)).toBeUndefined();
  });
});

describe("nextReads: the core names the evidence it needs", () => {
  it("reads nothing without a review policy", () => {
    expect(
      nextReads(evidence({ config: { kind: "loaded", config: { campaigns: [], capacity: "x" } } })),
    ).toEqual([]);
    expect(nextReads(evidence({ config: { kind: "invalid", findings: [] } }))).toEqual([]);
  });

  it("files first; nothing more when they are incomplete or no rule matches", () => {
    expect(nextReads(evidence())).toEqual([{ read: "files" }]);
    expect(nextReads(evidence({ files: { paths: ["campaigns/a.yaml"], complete: false } }))).toEqual([]);
    expect(nextReads(evidence({ files: { paths: ["README.md"], complete: true } }))).toEqual([]);
  });

  it("then reviews, then memberships of the decisive reviewers (not the author) per required team", () => {
    const files = { paths: ["infra/capacity.yaml"], complete: true };
    expect(nextReads(evidence({ files }))).toEqual([{ read: "reviews" }]);
    const reviews = [
      review("Marketer", "APPROVED"),
      review("Bob", "APPROVED", HEAD),
      review("cy", "COMMENTED"),
      review("dee", "CHANGES_REQUESTED", HEAD),
    ];
    // Only infra changed: only IT's team is needed.
    expect(nextReads(evidence({ files, reviews }))).toEqual([
      { read: "members", team: "web-ops", logins: ["bob", "dee"] },
    ]);
    expect(nextReads(evidence({ files, reviews, looked_up: { "web-ops": ["bob"] } }))).toEqual([
      { read: "members", team: "web-ops", logins: ["dee"] },
    ]);
  });

  it("then one compare per reviewed commit of an approval by a member, never for the head", () => {
    const files = { paths: ["campaigns/a.yaml"], complete: true };
    const reviews = [
      review("ann", "APPROVED", OLD),
      review("bob", "APPROVED", OLDER),
      review("both", "APPROVED", HEAD),
      review("stranger", "APPROVED", "s".repeat(40)),
    ];
    const known = {
      files,
      reviews,
      looked_up: {
        marketing: ["ann", "bob", "both", "stranger"],
        "web-ops": ["ann", "bob", "both", "stranger"],
      },
      team_members: { marketing: ["ann", "both"], "web-ops": ["bob", "both"] },
    };
    expect(nextReads(evidence(known))).toEqual([
      { read: "compare", base: OLD, head: HEAD },
      { read: "compare", base: OLDER, head: HEAD },
    ]);
    expect(nextReads(evidence({ ...known, changed_since: { [OLD]: [], [OLDER]: null } }))).toEqual([]);
    // Without invalidate_on_push no compare is needed.
    const config = { campaigns: [], capacity: "x", review: { ...policy, invalidate_on_push: false } };
    expect(nextReads(evidence({ ...known, config: { kind: "loaded", config } }))).toEqual([]);
  });
});
