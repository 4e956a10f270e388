// Announcements of windows moved or removed on the default branch before they ended.
import { describe, expect, it } from "vitest";
import { announcementMarker } from "../../src/core/announce/announcement-issue.js";
import { supersededAnnouncements } from "../../src/core/announce/superseded-announcements.js";

const at = (iso: string) => Date.parse(iso);
const marker = (kind: "maintenance" | "freeze", name: string, start: string, end: string) =>
  announcementMarker({ key: `${kind}:${name}`, window: { name, start, end } });
const maintenance = (name: string, start: string, end: string) => ({
  name,
  start: at(start),
  end: at(end),
});
const freeze = (name: string, start: string, end: string) => ({
  name,
  start: at(start),
  end: at(end),
  line: 1,
});

const A = ["2027-04-01T02:00:00.000Z", "2027-04-01T06:00:00.000Z"] as const;
const B = ["2027-04-08T02:00:00.000Z", "2027-04-08T06:00:00.000Z"] as const;
const open = [
  { number: 12, body: marker("maintenance", "Web patch", ...B) },
  { number: 10, body: `${marker("maintenance", "Web patch", ...A)}\ntext` },
  { number: 11, body: marker("freeze", "Easter", "2027-03-27T00:00:00.000Z", "2027-04-03T00:00:00.000Z") },
  { number: 13, body: "no marker" },
];
const now = at("2027-03-01T00:00:00Z");

describe("supersededAnnouncements", () => {
  it("keeps announcements whose window is planned with the announced times", () => {
    const capacity = {
      maintenance: [maintenance("Web patch", ...A), maintenance("Web patch", ...B)],
      freezes: [freeze("Easter", "2027-03-27T00:00:00Z", "2027-04-03T00:00:00Z")],
    };
    expect(supersededAnnouncements(open, capacity, now)).toEqual([]);
  });

  it("moved: points to the announcement of the new times; removed: cancelled", () => {
    const capacity = { maintenance: [maintenance("Web patch", ...B)], freezes: [] };
    expect(supersededAnnouncements(open, capacity, now)).toEqual([
      {
        number: 10,
        change: "moved",
        replacement: 12,
        marker: "<!-- campaign-gate:announcement-superseded issue=10 -->",
        body:
          "<!-- campaign-gate:announcement-superseded issue=10 -->\n\n" +
          '**Moved.** The maintenance "Web patch", announced here for Thu 1 Apr 2027 02:00 UTC to Thu 1 Apr 2027 06:00 UTC, now runs from Thu 8 Apr 2027 02:00 UTC to Thu 8 Apr 2027 06:00 UTC: see #12. This announcement is closed; the new times are the ones that count.',
      },
      {
        number: 11,
        change: "cancelled",
        marker: "<!-- campaign-gate:announcement-superseded issue=11 -->",
        body:
          "<!-- campaign-gate:announcement-superseded issue=11 -->\n\n" +
          '**Cancelled.** The change freeze "Easter", announced here for Sat 27 Mar 2027 00:00 UTC to end of Fri 2 Apr 2027, is no longer in the capacity file on the default branch: it will not happen as announced. If it was renamed, it has an announcement of its own.',
      },
    ]);
  });

  it("moved without an announcement of the new times yet: says the new times, links nothing", () => {
    const C = maintenance("Web patch", "2027-04-15T02:00:00Z", "2027-04-15T03:00:00Z");
    const [moved] = supersededAnnouncements(open.slice(1, 2), { maintenance: [C], freezes: [] }, now);
    expect(moved!.replacement).toBeUndefined();
    expect(moved!.body).toContain(
      "now runs from Thu 15 Apr 2027 02:00 UTC to Thu 15 Apr 2027 03:00 UTC. This",
    );
  });

  it("leaves ended windows to the 'completed' comment, and a same-named window that has ended counts as removed", () => {
    const empty = { maintenance: [], freezes: [] };
    // 8 April 06:00: #10's and #12's windows have ended, #11's too.
    expect(supersededAnnouncements(open, empty, at(B[1]))).toEqual([]);
    const ended = {
      maintenance: [maintenance("Web patch", "2027-02-01T00:00:00Z", "2027-02-02T00:00:00Z")],
      freezes: [],
    };
    expect(supersededAnnouncements(open.slice(1, 2), ended, now).map((s) => s.change)).toEqual(["cancelled"]);
  });
});
