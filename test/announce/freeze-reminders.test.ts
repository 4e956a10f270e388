// The freeze reminder's pure decisions: which freeze announcements are due (from the marker and the
// clock), and what the reminder says (from the check's plan). Expectations worked out by hand.
import { describe, expect, it } from "vitest";
import { announcementMarker } from "../../src/core/announce/announcement-issue.js";
import { dueFreezeReminders } from "../../src/core/announce/due-freeze-reminders.js";
import { freezeReminderComment } from "../../src/core/announce/freeze-reminder-comment.js";

const START = "2027-03-27T00:00:00.000Z";
const END = "2027-04-03T00:00:00.000Z";
const freezeMarker = announcementMarker({
  key: "freeze:Easter <lock>",
  window: { name: "Easter <lock>", start: START, end: END },
});
const maintenanceMarker = announcementMarker({
  key: "maintenance:Web patch",
  window: { name: "Web patch", start: START, end: END },
});
const at = (iso: string) => Date.parse(iso);

describe("dueFreezeReminders", () => {
  const open = [
    { number: 9, body: `${freezeMarker}\ntext` },
    { number: 4, body: maintenanceMarker },
    { number: 2, body: "no marker" },
    { number: 7, body: freezeMarker },
  ];

  it("is due from exactly `days` × 24 h before the start until the start, freezes only, oldest issue first", () => {
    // 3 days before 27 March 00:00 UTC = 24 March 00:00 UTC.
    expect(dueFreezeReminders(open, at("2027-03-23T23:59:59.999Z"), 3)).toEqual([]);
    expect(dueFreezeReminders(open, at("2027-03-24T00:00:00.000Z"), 3)).toEqual([
      {
        number: 7,
        name: "Easter <lock>",
        start: at(START),
        end: at(END),
        marker: "<!-- campaign-gate:freeze-reminder issue=7 -->",
      },
      {
        number: 9,
        name: "Easter <lock>",
        start: at(START),
        end: at(END),
        marker: "<!-- campaign-gate:freeze-reminder issue=9 -->",
      },
    ]);
    expect(dueFreezeReminders(open, at("2027-03-26T23:59:59.999Z"), 3)).toHaveLength(2);
    // Once the freeze has started, a reminder is too late.
    expect(dueFreezeReminders(open, at(START), 3)).toEqual([]);
  });

  it("follows the configured days, and 0 turns the reminder off", () => {
    expect(dueFreezeReminders(open, at("2027-03-20T00:00:00.000Z"), 7)).toHaveLength(2);
    expect(dueFreezeReminders(open, at("2027-03-19T23:59:00.000Z"), 7)).toEqual([]);
    expect(dueFreezeReminders(open, at("2027-03-26T12:00:00.000Z"), 0)).toEqual([]);
  });

  it("ignores markers it cannot read", () => {
    const broken = [
      { number: 1, body: "<!-- campaign-gate:announcement key=freeze%3AX start=soon end=later -->" },
      {
        number: 3,
        body: "<!-- campaign-gate:announcement key=freeze%E0%A4%A start=2027-03-27T00:00:00.000Z end=2027-04-03T00:00:00.000Z -->",
      },
    ];
    expect(dueFreezeReminders(broken, at("2027-03-26T00:00:00.000Z"), 3)).toEqual([]);
  });
});

describe("freezeReminderComment", () => {
  const due = {
    number: 7,
    name: "Easter <lock>",
    start: at(START),
    end: at(END),
    marker: "<!-- campaign-gate:freeze-reminder issue=7 -->",
  };
  const campaigns = [
    { id: "easter-sale", name: "Easter *sale*", owner: "@lisa", start: at("2027-03-28T00:00:00Z") },
    { id: "spring", name: "spring", owner: "@acme/shop-marketing", start: at("2027-03-21T00:00:00Z") },
    { id: "summer", name: "summer", owner: "@sam", start: at("2027-06-01T00:00:00Z") },
    { id: "late", name: "late", owner: "@lee", start: at("2027-04-12T00:00:00Z") },
  ];
  const plan = [
    // Due at the freeze's start (the freeze moved it): easter-sale needs it; summer shares the
    // scale-up but starts after the freeze, so it does not need it before.
    { service: "web", instances: 5, by: START, campaigns: ["easter-sale", "summer"] },
    // Due before the freeze anyway.
    { service: "db", instances: 3, by: "2027-03-20T00:00:00.000Z", campaigns: ["spring", "easter-sale"] },
    // Due after the freeze: not before it.
    { service: "cdn", instances: 4, by: "2027-04-12T00:00:00.000Z", campaigns: ["late"] },
  ];

  it("lists the IT work due by the start and mentions each owner once", () => {
    const reminder = freezeReminderComment(due, plan, campaigns, at("2027-03-24T00:00:00Z"))!;
    expect(reminder.marker).toBe("<!-- campaign-gate:freeze-reminder issue=7 -->");
    expect(reminder.owners).toEqual(["@lisa", "@acme/shop-marketing"]);
    expect(reminder.body).toBe(
      [
        "<!-- campaign-gate:freeze-reminder issue=7 -->",
        "",
        '**Reminder:** the change freeze "Easter &lt;lock&gt;" starts Sat 27 Mar 2027 00:00 UTC, in 3 days. From then to end of Fri 2 Apr 2027 IT makes no infrastructure changes (no scaling).',
        "",
        "IT work due before it:",
        "",
        "- web: scale to 5 instances by Sat 27 Mar 2027 00:00 UTC, for Easter *sale* (@lisa)",
        "- db: scale to 3 instances by Sat 20 Mar 2027 00:00 UTC, for spring (@acme/shop-marketing), Easter *sale* (@lisa)",
        "",
        "@lisa @acme/shop-marketing: for your attention, no approval needed. If this work is not done yet, or your campaign changed, talk to IT before the freeze starts.",
      ].join("\n"),
    );
  });

  it("says nothing when no campaign needs IT work before the freeze", () => {
    expect(freezeReminderComment(due, [plan[2]!], campaigns, at("2027-03-24T00:00:00Z"))).toBeUndefined();
    expect(freezeReminderComment(due, [], campaigns, at("2027-03-24T00:00:00Z"))).toBeUndefined();
    // The baseline alone needs the scale-up (no campaign named): nobody to remind.
    expect(
      freezeReminderComment(due, [{ service: "web", instances: 5, by: START, campaigns: [] }], campaigns, 0),
    ).toBeUndefined();
  });
});
