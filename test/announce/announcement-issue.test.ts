// The pure decisions behind the app's announcement issues: the issue for an announcement, and which
// open announcements the scheduled run closes.
import { describe, expect, it } from "vitest";
import type { Announcement } from "../../src/core/announce/announce-windows.js";
import { announcementIssue, announcementMarker } from "../../src/core/announce/announcement-issue.js";
import { completedAnnouncements } from "../../src/core/announce/completed-announcements.js";

const freeze: Announcement = {
  kind: "freeze",
  change: "changed",
  key: "freeze:Year end <freeze>",
  window: { name: "Year end <freeze>", start: "2026-12-15T00:00:00.000Z", end: "2027-01-05T00:00:00.000Z" },
  previous: { name: "Year end <freeze>", start: "2026-12-18T00:00:00.000Z", end: "2027-01-05T00:00:00.000Z" },
  sites: [],
  campaigns: [
    {
      id: "xmas",
      name: "Xmas *sale*",
      owner: "@acme/shop-marketing",
      file: "campaigns/xmas.yaml",
      start: "2026-12-20T00:00:00.000Z",
      end: "2026-12-24T00:00:00.000Z",
      sites: ["shop"],
      services: ["web"],
      during: true,
      effects: ["IT must scale web to 6 instances before the freeze starts on Tue 15 Dec 2026 00:00 UTC."],
      problems: [],
    },
  ],
  title: 'Change freeze "Year end <freeze>": Tue 15 Dec 2026 00:00 UTC to Mon 4 Jan 2027',
  summary: "summary",
};

describe("announcementIssue", () => {
  it("keys the marker by kind, name (percent-encoded: marker values hold no spaces or >) and times", () => {
    expect(announcementMarker(freeze)).toBe(
      "<!-- campaign-gate:announcement key=freeze%3AYear%20end%20%3Cfreeze%3E start=2026-12-15T00:00:00.000Z end=2027-01-05T00:00:00.000Z -->",
    );
  });

  it("mentions each owner once, links the PR, escapes names, labels by kind", () => {
    const issue = announcementIssue(freeze, { number: 9, url: "https://x/pull/9", title: "Move @freeze" });
    expect(issue.labels).toEqual(["campaign-gate: freeze"]);
    expect(
      issue.body.startsWith(`${issue.marker}\n\nsummary\n\nIt was planned from Fri 18 Dec 2026 00:00 UTC`),
    ).toBe(true);
    expect(issue.body).toContain("Merged in #9 ([Move \\@freeze](https://x/pull/9)).");
    expect(issue.body).toContain("### Xmas \\*sale\\* (`campaigns/xmas.yaml`), owner @acme/shop-marketing");
    expect(issue.body.split("@acme/shop-marketing")).toHaveLength(3);
    expect(issue.body).toContain("@acme/shop-marketing: for your attention, no approval needed.");
  });
});

describe("completedAnnouncements", () => {
  const marker = announcementMarker(freeze);
  const end = Date.parse("2027-01-05T00:00:00Z");

  it("closes an announcement from the instant its window ends, not a millisecond before", () => {
    const open = [{ number: 4, body: `${marker}\ntext` }];
    expect(completedAnnouncements(open, end - 1)).toEqual([]);
    const [done] = completedAnnouncements(open, end);
    expect(done!.number).toBe(4);
    expect(done!.marker).toBe("<!-- campaign-gate:announcement-completed issue=4 -->");
    expect(done!.body).toContain('The change freeze "Year end <freeze>" is over');
    expect(done!.body).toContain("The window ended Tue 5 Jan 2027 00:00 UTC.");
  });

  it("ignores issues without a readable marker and orders by issue number", () => {
    const open = [
      { number: 8, body: marker },
      { number: 3, body: "no marker" },
      { number: 5, body: "<!-- campaign-gate:announcement key=x start=a end=b -->" },
      // A key edited by hand into something that does not decode: skipped, not a crash of the sweep.
      { number: 6, body: marker.replace("freeze%3A", "freeze%E0%A4%A") },
      { number: 2, body: marker },
    ];
    expect(completedAnnouncements(open, end).map((d) => d.number)).toEqual([2, 8]);
  });
});
