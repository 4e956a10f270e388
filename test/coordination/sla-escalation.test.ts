import { describe, expect, it } from "vitest";
import type { EscalationInput } from "../../src/core/coordination/sla-escalation.js";
import {
  duplicateEscalations,
  escalationMarker,
  planEscalations,
} from "../../src/core/coordination/sla-escalation.js";
import { findMarker, hiddenMarker } from "../../src/core/markers.js";
import { at, sla } from "./fixtures.js";

const BOT = "campaign-gate[bot]";

function input(overrides: Partial<EscalationInput> = {}): EscalationInput {
  return {
    now: at("2026-11-25T16:00:00Z"),
    sla: sla(),
    // Requested Friday 16:00: 24 business hours (09-17 Mon-Fri) are up on Wednesday 16:00.
    waitingGroups: [{ group: "it", since: at("2026-11-20T16:00:00Z") }],
    existingComments: [],
    labels: [],
    org: "acme",
    appLogin: BOT,
    ...overrides,
  };
}

describe("planEscalations", () => {
  it("escalates a group once its business hours are up, counted across the weekend", () => {
    expect(planEscalations(input({ now: at("2026-11-25T15:59:59Z") }))).toEqual({
      comments: [],
      addLabel: false,
    });
    const plan = planEscalations(input());
    expect(plan.addLabel).toBe(true);
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]?.group).toBe("it");
  });

  it("mentions the escalation team and users and says when the review was due", () => {
    const body = planEscalations(input()).comments[0]?.body ?? "";
    expect(body).toContain("@acme/it-oncall @carol");
    expect(body).toContain("requested on Fri 20 Nov 2026 16:00 UTC");
    expect(body).toContain("within 24 hours of business time");
    expect(body).toContain("due Wed 25 Nov 2026 16:00 UTC");
    expect(body.endsWith("<!-- campaign-gate:escalation group=it -->")).toBe(true);
  });

  it("posts nothing again once the app's comment with the marker is on the PR (redelivery, second replica)", () => {
    const first = planEscalations(input());
    const existing = first.comments.map((comment) => ({ body: comment.body, author: BOT }));
    const again = planEscalations(input({ existingComments: existing, labels: ["review-overdue"] }));
    expect(again).toEqual({ comments: [], addLabel: false });
  });

  it("does not take a marker pasted by someone else as done", () => {
    const pasted = { body: `quoting: ${escalationMarker("it")}`, author: "mallory" };
    expect(planEscalations(input({ existingComments: [pasted] })).comments).toHaveLength(1);
  });

  it("escalates each group once, independently", () => {
    const waitingGroups = [
      { group: "it", since: at("2026-11-20T16:00:00Z") },
      { group: "marketing", since: at("2026-11-24T09:00:00Z") }, // due Thursday 17:00
    ];
    const existing = [{ body: `old\n${escalationMarker("it")}`, author: BOT }];
    expect(planEscalations(input({ waitingGroups, existingComments: existing })).comments).toEqual([]);
    const thursday = planEscalations(
      input({
        waitingGroups,
        existingComments: existing,
        now: at("2026-11-26T17:00:00Z"),
        labels: ["review-overdue"],
      }),
    );
    expect(thursday.comments.map((comment) => comment.group)).toEqual(["marketing"]);
    expect(thursday.addLabel).toBe(false);
  });

  it("adds the label only with a new escalation, so a label removed on purpose stays removed", () => {
    const existing = planEscalations(input()).comments.map((comment) => ({
      body: comment.body,
      author: BOT,
    }));
    expect(planEscalations(input({ existingComments: existing, labels: [] })).addLabel).toBe(false);
  });

  it("counts in the configured zone and label", () => {
    const berlin = sla({ timezone: "Europe/Berlin", label: "it-late", hours: 8 });
    // Monday 09:00 Berlin (08:00Z) + 8 h = Monday 17:00 Berlin (16:00Z).
    const waitingGroups = [{ group: "it", since: at("2026-11-23T08:00:00Z") }];
    expect(
      planEscalations(input({ sla: berlin, waitingGroups, now: at("2026-11-23T15:59:00Z") })).comments,
    ).toEqual([]);
    const plan = planEscalations(input({ sla: berlin, waitingGroups, now: at("2026-11-23T16:00:00Z") }));
    expect(plan.comments[0]?.body).toContain("due Mon 23 Nov 2026 17:00 CET");
    expect(planEscalations(input({ sla: berlin, waitingGroups, labels: ["it-late"] })).addLabel).toBe(false);
  });

  it("mentions a team written as org/slug as it is", () => {
    const escalate = { teams: ["other-org/it-oncall"], users: ["@carol"] };
    const body = planEscalations(input({ sla: sla({ escalate }) })).comments[0]?.body;
    expect(body).toContain("@other-org/it-oncall @carol:");
  });

  it("still names someone when the escalation group is empty", () => {
    const body = planEscalations(input({ sla: sla({ escalate: { teams: [], users: [] } }) })).comments[0]
      ?.body;
    expect(body).toContain("Reviewers: please review");
  });
});

describe("duplicateEscalations", () => {
  const comment = (id: number, createdAt: string, group: string, author = BOT) => ({
    id,
    createdAt,
    author,
    body: `late\n${escalationMarker(group)}`,
  });

  it("returns every escalation but the earliest per group (two replicas raced)", () => {
    const comments = [
      comment(12, "2026-11-25T16:00:02Z", "it"),
      comment(11, "2026-11-25T16:00:01Z", "it"),
      comment(13, "2026-11-25T16:00:03Z", "marketing"),
      { id: 14, createdAt: "2026-11-25T16:00:04Z", author: BOT, body: "an unrelated comment" },
    ];
    expect(duplicateEscalations(comments, BOT)).toEqual([12]);
  });

  it("never returns someone else's comment", () => {
    const comments = [
      comment(11, "2026-11-25T16:00:01Z", "it"),
      comment(12, "2026-11-25T16:00:02Z", "it", "bob"),
    ];
    expect(duplicateEscalations(comments, BOT)).toEqual([]);
  });
});

describe("findMarker", () => {
  it("reads a marker's attributes back, and only a marker of the asked kind", () => {
    const body = `text\n${hiddenMarker("head", { sha: "abc123" })}\n${hiddenMarker("escalation", { group: "it" })}`;
    expect(findMarker(body, "head")).toEqual({
      text: "<!-- campaign-gate:head sha=abc123 -->",
      attributes: { sha: "abc123" },
    });
    expect(findMarker(body, "escalation")?.attributes).toEqual({ group: "it" });
    expect(findMarker(body, "report")).toBeUndefined();
  });
});
