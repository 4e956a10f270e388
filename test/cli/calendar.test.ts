import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("campaign-gate calendar", () => {
  it("writes an iCalendar feed an independent parser reads back", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cg-ics-"));
    const out = path.join(dir, "campaigns.ics");
    const { code } = await runCli([
      "calendar",
      "--root",
      "examples/acme",
      "--out",
      out,
      "--now",
      "2026-11-23T09:00:00Z",
      "--repo",
      "acme/campaigns",
    ]);
    expect(code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(await readFile(out, "utf8")));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const report = JSON.parse(
      (
        await runCli([
          "check",
          "--root",
          "examples/acme",
          "--now",
          "2026-11-23T09:00:00Z",
          "--format",
          "json",
        ])
      ).stdout,
    );
    const capacity = 2; // one maintenance window and one freeze in examples/acme/infra/capacity.yaml
    expect(events.length).toBe(report.campaigns.length + capacity);
    expect(events.filter((e) => e.uid.startsWith("campaign-")).length).toBe(report.campaigns.length);
    for (const c of report.campaigns) {
      const event = events.find((e) => e.uid === `campaign-${c.id}/acme/campaigns@campaign-gate`);
      expect(event, c.id).toBeDefined();
      if (event!.startDate.isDate) {
        // A date-only window: an all-day event on the dates written, in the campaign's zone.
        const local = (iso: string) =>
          Temporal.Instant.from(iso).toZonedDateTimeISO(c.timezone).toPlainDate().toString();
        expect(event!.startDate.toString()).toBe(local(c.start));
        expect(event!.endDate.toString()).toBe(local(c.end));
      } else {
        expect(event!.startDate.toJSDate().toISOString()).toBe(c.start);
        expect(event!.endDate.toJSDate().toISOString()).toBe(c.end);
      }
      expect(event!.description).toContain(c.file);
    }
  });

  it("prints to standard output and is the same for the same input", async () => {
    const a = await runCli(["calendar", "--root", "examples/acme", "--now", "2026-11-23T09:00:00Z"]);
    const b = await runCli(["calendar", "--root", "examples/acme", "--now", "2026-11-23T09:00:00Z"]);
    expect(a.stdout).toMatch(/^BEGIN:VCALENDAR/);
    expect(a.stdout).toBe(b.stdout);
  });
});
