// Owners' attention on a pull request that moves IT's schedule: whom to request, whom to mention
// (pure), and the guarantee that makes a review request safe: an owner's approval never fills a
// review group they are not in.
import { describe, expect, it } from "vitest";
import { ownerAttentionComment } from "../../src/core/announce/owner-attention-comment.js";
import { planOwnerAttention } from "../../src/core/announce/plan-owner-attention.js";
import { attendOwners } from "../../src/app/coordination/owner-attention.js";
import { evaluateReview } from "../../src/core/review/evaluate.js";
import type { PullState } from "../../src/core/review/state.js";

const campaign = (name: string, owner: string) => ({ name, owner });
const announcements = [
  {
    title: 'Maintenance "DB <upgrade>": db down, Sat 1 May 2027 02:00 UTC to Sat 1 May 2027 04:00 UTC',
    campaigns: [
      campaign("May *mail*", "@Lisa"),
      campaign("app push", "@acme/app-team"),
      campaign("tv", "tv@example.com"),
    ],
  },
  {
    title: 'Change freeze "Summer": Tue 1 Jun 2027 00:00 UTC to end of Mon 14 Jun 2027',
    campaigns: [
      campaign("partner", "@partner-org/marketing"),
      campaign("again", "@lisa"),
      campaign("own", "@ivan"),
      campaign("asked", "@sam"),
      campaign("looked", "@rita"),
    ],
  },
] as unknown as Parameters<typeof planOwnerAttention>[0]["announcements"];

describe("planOwnerAttention", () => {
  it("requests users and teams of the repository's organisation, mentions other teams, skips e-mail, the author, owners already asked or who reviewed", () => {
    const plan = planOwnerAttention({
      announcements,
      author: "Ivan",
      org: "Acme",
      requested: { users: ["SAM"], teams: [] },
      reviewed: ["rita"],
    });
    expect(plan).toEqual({
      owners: ["@Lisa", "@acme/app-team", "@partner-org/marketing"],
      reviewers: ["Lisa"],
      team_reviewers: ["app-team"],
      mention: ["@partner-org/marketing"],
    });
  });

  it("asks nobody twice: a team already requested is left out", () => {
    const plan = planOwnerAttention({
      announcements,
      author: "ivan",
      org: "acme",
      requested: { users: ["lisa", "sam"], teams: ["App-Team"] },
      reviewed: ["rita"],
    });
    expect(plan.reviewers).toEqual([]);
    expect(plan.team_reviewers).toEqual([]);
    expect(plan.owners).toEqual(["@partner-org/marketing"]);
  });
});

describe("ownerAttentionComment", () => {
  it("mentions the owners once, names their campaigns per window, keys the marker by the owners", () => {
    const comment = ownerAttentionComment(["@Lisa", "@partner-org/marketing"], announcements as never);
    expect(comment.marker).toBe(
      "<!-- campaign-gate:owner-attention owners=%40lisa,%40partner-org%2Fmarketing -->",
    );
    expect(comment.body).toBe(
      [
        comment.marker,
        "",
        "This pull request changes IT's schedule around your campaigns:",
        "",
        '- Maintenance "DB &lt;upgrade&gt;": db down, Sat 1 May 2027 02:00 UTC to Sat 1 May 2027 04:00 UTC: May *mail* (@Lisa)',
        '- Change freeze "Summer": Tue 1 Jun 2027 00:00 UTC to end of Mon 14 Jun 2027: partner (@partner-org/marketing)',
        "",
        "@Lisa @partner-org/marketing: for your attention, no approval needed. Where the campaign-gate Action runs, its comment on this pull request says what the change means for each campaign.",
      ].join("\n"),
    );
    // Same owners in another order: the same marker (a redelivery finds the comment).
    expect(ownerAttentionComment(["@partner-org/marketing", "@lisa"], announcements as never).marker).toBe(
      comment.marker,
    );
  });
});

describe("a requested owner's review", () => {
  it("never fills a group: the owner is neither an approver nor listed as requested for it", () => {
    const state: PullState = {
      pull: {
        owner: "acme",
        repo: "campaigns",
        number: 7,
        author: "ivan",
        head_sha: "h".repeat(40),
        base_sha: "b".repeat(40),
        base_ref: "main",
        draft: false,
        // The owner was asked for attention, and a member of `it` too.
        requested_users: ["lisa", "bob"],
        requested_teams: [],
      },
      config: {
        kind: "loaded",
        config: {
          campaigns: ["campaigns/**"],
          capacity: "infra/capacity.yaml",
          review: {
            groups: { it: { teams: ["web-ops"], users: [] } },
            rules: [{ name: "limits", paths: ["infra/**"], require: ["it"] }],
            distinct_reviewers: true,
            invalidate_on_push: true,
            request_reviewers: true,
          },
        },
      },
      files: { paths: ["infra/capacity.yaml"], complete: true },
      reviews: [
        {
          id: 1,
          user: "lisa",
          state: "APPROVED",
          commit_id: "h".repeat(40),
          submitted_at: "2026-12-01T10:00:00Z",
        },
      ],
      team_members: { "web-ops": ["bob"] },
      changed_since: {},
    };
    const result = evaluateReview(state);
    expect(result.outcome).toBe("waiting");
    expect(result.groups).toEqual([
      { group: "it", rules: ["limits"], state: "waiting", requested: ["@bob"], stale: [], taken: [] },
    ]);
    // The same approval by a member fills it: the test above fails for the right reason.
    const member = evaluateReview({ ...state, reviews: [{ ...state.reviews[0]!, user: "bob" }] });
    expect(member.outcome).toBe("approved");
  });
});

describe("attendOwners", () => {
  it("costs no request for a draft, a pull request not changing the capacity file, or an incomplete file list", async () => {
    const calls: string[] = [];
    const client = { request: (route: string) => (calls.push(route), Promise.reject(new Error(route))) };
    const log = { info: (m: string) => calls.push(m), error: (m: string) => calls.push(m) };
    const base = {
      pull: {
        owner: "acme",
        repo: "campaigns",
        number: 7,
        author: "ivan",
        head_sha: "h".repeat(40),
        base_sha: "b".repeat(40),
        base_ref: "main",
        draft: false,
        requested_users: [],
        requested_teams: [],
      },
      config: { kind: "loaded", config: { campaigns: ["campaigns/**"], capacity: "infra/capacity.yaml" } },
      files: { paths: ["campaigns/a.yaml"], complete: true },
      reviews: [],
      team_members: {},
      changed_since: {},
    } as PullState;
    await attendOwners(client, base, log);
    await attendOwners(client, { ...base, files: { paths: ["infra/capacity.yaml"], complete: false } }, log);
    await attendOwners(
      client,
      {
        ...base,
        pull: { ...base.pull, draft: true },
        files: { paths: ["infra/capacity.yaml"], complete: true },
      },
      log,
    );
    expect(calls).toEqual([]);
    // The same pull request ready for review does read (and logs the failure instead of throwing).
    await attendOwners(client, { ...base, files: { paths: ["infra/capacity.yaml"], complete: true } }, log);
    expect(calls[0]).toBe("GET /repos/{owner}/{repo}/contents/{path}");
    expect(calls.at(-1)).toMatch(/^owner attention for acme\/campaigns#7 failed: /);
  });
});
