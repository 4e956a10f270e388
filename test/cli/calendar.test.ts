import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
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
    expect(events.length).toBe(report.campaigns.length);
    for (const c of report.campaigns) {
      const event = events.find((e) => e.uid === `${c.id}@campaign-gate`);
      expect(event, c.id).toBeDefined();
      expect(event!.startDate.toJSDate().toISOString()).toBe(c.start);
      expect(event!.endDate.toJSDate().toISOString()).toBe(c.end);
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
