// The calendar feed end to end (the CLI in-process on files on disk), read back by two independent
// parsers (ical.js and node-ical) and checked octet by octet.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { CAPACITY_HEAD, calendar, campaignYaml, checkOctets, NOW, parseBoth, writeRepo } from "./helpers.js";

const MAINTENANCE = `maintenance:
  - name: DB upgrade
    services: [db]
    start: 2026-12-02T01:00:00Z
    end: 2026-12-02T03:00:00Z
    capacity_factor: 0.5
  - name: Mail relay swap
    services: [mail]
    start: 2026-12-10
    end: 2026-12-10
freezes:
  - name: Holiday freeze
    start: 2026-12-15
    end: 2027-01-04
`;

describe("calendar feed", () => {
  it("has campaigns, maintenance and freezes, each with its own category, and --only picks one kind", async () => {
    const root = await writeRepo(CAPACITY_HEAD + MAINTENANCE, {
      sale: campaignYaml({
        id: "sale",
        name: "Winter sale",
        window: "window: { start: 2026-12-01T20:00:00Z, end: 2026-12-02T02:00:00Z }",
      }),
      letter: campaignYaml({
        id: "letter",
        site: "news",
        window: "window: { start: 2026-12-01T20:00:00Z, end: 2026-12-02T02:00:00Z }",
      }),
    });
    const { code, stdout } = await calendar(root);
    expect(code).toBe(0);
    const events = parseBoth(stdout);
    const kinds = events.map((e) => [e.uid.split("/")[0], e.categories]);
    expect(kinds).toEqual([
      ["campaign-letter", ["Campaign", "email"]],
      ["campaign-sale", ["Campaign", "email"]],
      ["freeze-Holiday%20freeze", ["Change freeze"]],
      ["maintenance-DB%20upgrade", ["IT maintenance"]],
      ["maintenance-Mail%20relay%20swap", ["IT maintenance"]],
    ]);
    const db = events.find((e) => e.uid.startsWith("maintenance-DB"))!;
    expect(db.summary).toBe("Maintenance: DB upgrade");
    // The shop uses db, the news site does not: only the sale is affected.
    expect(db.description).toBe(
      [
        'IT maintenance "DB upgrade"',
        "Services: db, 50% of capacity left",
        "Sites using them: shop",
        "Campaigns affected: Winter sale (sale, owner @owner-sale; sites shop)",
        "File: infra/capacity.yaml",
      ].join("\n"),
    );
    const freeze = events.find((e) => e.uid.startsWith("freeze-"))!;
    // Date-only windows of the capacity file are UTC dates: all-day events, end exclusive.
    expect([freeze.allDay, freeze.start, freeze.end]).toEqual([true, "2026-12-15", "2027-01-05"]);

    for (const [only, prefix] of [
      ["campaigns", "campaign-"],
      ["maintenance", "maintenance-"],
      ["freezes", "freeze-"],
    ] as const) {
      const picked = parseBoth((await calendar(root, "--only", only)).stdout);
      expect(picked.length, only).toBeGreaterThan(0);
      expect(
        picked.every((e) => e.uid.startsWith(prefix)),
        only,
      ).toBe(true);
    }
    const wrong = await calendar(root, "--only", "campaign");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "--only must be one of campaigns, maintenance, freezes — found 'campaign'",
    );
  });

  it("folds multi-byte names (umlauts, emoji) at 75 octets without splitting a character", async () => {
    const name = "Größter Wintersale 🎄🎁 — Ü".repeat(6);
    const basis = "Letztes Jahr: 👩‍👩‍👧‍👦 Familien, ñ, 日本語, ".repeat(20);
    const root = await writeRepo(CAPACITY_HEAD, {
      big: campaignYaml({
        id: "big",
        name,
        basis,
        window: "window: { start: 2026-12-01T10:00:00Z, end: 2026-12-02T10:00:00Z }",
      }),
    });
    const { stdout } = await calendar(root);
    const [event] = parseBoth(stdout);
    expect(event!.summary).toBe(name);
    expect(event!.description).toContain(basis);
    // The long lines really were folded (and checkOctets in parseBoth checked every physical line).
    expect(stdout.split("\r\n").filter((l) => l.startsWith(" ")).length).toBeGreaterThan(10);
  });

  it("gives two repositories' feeds different UIDs, and one repository the same feed every time", async () => {
    const root = await writeRepo(CAPACITY_HEAD + MAINTENANCE, {
      sale: campaignYaml({
        id: "sale",
        window: "window: { start: 2026-12-01T10:00:00Z, end: 2026-12-02T10:00:00Z }",
      }),
    });
    const uids = async (repo: string) =>
      parseBoth((await runCli(["calendar", "--root", root, "--now", NOW, "--repo", repo])).stdout).map(
        (e) => e.uid,
      );
    const a = await uids("acme/campaigns");
    const b = await uids("acme/other-brand");
    expect(a).toHaveLength(4);
    expect(a.filter((uid) => b.includes(uid))).toEqual([]);
    expect(await uids("acme/campaigns")).toEqual(a);
    expect((await calendar(root)).stdout).toBe((await calendar(root)).stdout);
    const bad = await runCli(["calendar", "--root", root, "--repo", "not a repo"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--repo must look like owner/name")]);
  });

  it("is a valid feed with METHOD and CALSCALE when the repository has nothing to show", async () => {
    const root = await writeRepo(CAPACITY_HEAD, {});
    const { code, stdout } = await calendar(root);
    expect(code).toBe(0);
    expect(parseBoth(stdout)).toEqual([]);
    const lines = stdout.split("\r\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//campaign-gate//Campaign calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "END:VCALENDAR",
      ]),
    );
  });

  it("shows date-only windows as all-day events on the written dates, in the campaign's zone", async () => {
    const root = await writeRepo(CAPACITY_HEAD, {
      berlin: campaignYaml({
        id: "berlin",
        window: "timezone: Europe/Berlin\nwindow: { start: 2026-12-03, end: 2026-12-04 }",
      }),
      "new-york": campaignYaml({
        id: "new-york",
        window: "timezone: America/New_York\nwindow: { start: 2026-12-03, end: 2026-12-03 }",
      }),
      timed: campaignYaml({
        id: "timed",
        window: "timezone: Europe/Berlin\nwindow: { start: 2026-12-03T09:00, end: 2026-12-04 }",
      }),
    });
    const { stdout } = await calendar(root);
    const events = parseBoth(stdout);
    const view = Object.fromEntries(events.map((e) => [e.uid.split("/")[0], [e.allDay, e.start, e.end]]));
    expect(view).toEqual({
      "campaign-berlin": [true, "2026-12-03", "2026-12-05"],
      "campaign-new-york": [true, "2026-12-03", "2026-12-04"],
      // Only one end at midnight: a timed event at the exact instants (09:00 CET = 08:00Z).
      "campaign-timed": [false, "2026-12-03T08:00:00.000Z", "2026-12-04T23:00:00.000Z"],
    });
    expect(stdout).toContain("DTSTART;VALUE=DATE:20261203\r\n");
  });

  it("writes windows before 1970 and in year 0000 that validate accepts", async () => {
    const root = await writeRepo(
      `${CAPACITY_HEAD}maintenance:
  - name: Moon landing
    services: [db]
    start: 1969-07-20T20:17:40Z
    end: 1969-07-21T02:56:00Z
freezes:
  - name: Year zero
    start: 0000-01-01
    end: 0000-01-31
`,
      {
        old: campaignYaml({
          id: "old",
          window: "timezone: Europe/Berlin\nwindow: { start: 1960-05-01, end: 1960-05-02 }",
        }),
        zero: campaignYaml({
          id: "zero",
          window: "window: { start: 0000-03-01T10:00:00Z, end: 0000-03-02T10:00:00Z }",
        }),
      },
    );
    expect((await runCli(["validate", "--root", root])).code).toBe(0);
    const { code, stdout, stderr } = await calendar(root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const events = parseBoth(stdout, [
      "freeze-Year%20zero/acme/campaigns@campaign-gate",
      "campaign-zero/acme/campaigns@campaign-gate",
    ]);
    expect(stdout).toContain("DTSTART:00000301T100000Z\r\n");
    const view = Object.fromEntries(events.map((e) => [e.uid.split("/")[0], [e.start, e.end]]));
    expect(view).toEqual({
      "campaign-old": ["1960-05-01", "1960-05-03"],
      "campaign-zero": ["0000-03-01T10:00:00.000Z", "0000-03-02T10:00:00.000Z"],
      "freeze-Year%20zero": ["0000-01-01", "0000-02-01"],
      "maintenance-Moon%20landing": ["1969-07-20T20:17:40.000Z", "1969-07-21T02:56:00.000Z"],
    });
  });

  it("marks ended events and strips NUL and other control characters from text", async () => {
    const root = await writeRepo(CAPACITY_HEAD, {
      past: campaignYaml({
        id: "past",
        name: "Old\u0007 sale",
        basis: "a\u0000b\u001bc\td",
        window: "window: { start: 2026-10-01T10:00:00Z, end: 2026-10-02T10:00:00Z }",
      }),
    });
    const { stdout } = await calendar(root);
    // eslint-disable-next-line no-control-regex
    expect(stdout.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    const [event] = parseBoth(stdout);
    expect(event!.summary).toBe("Old sale (ended)");
    expect(event!.categories).toEqual(["Campaign", "email", "Ended"]);
    expect(event!.description).toContain("historical: abc\td");
  });

  it("raises SEQUENCE and LAST-MODIFIED of changed events only, given the previous feed", async () => {
    const sale = (end: string) =>
      campaignYaml({ id: "sale", window: `window: { start: 2026-12-01T10:00:00Z, end: ${end} }` });
    const other = campaignYaml({
      id: "other",
      window: "window: { start: 2026-12-05T10:00:00Z, end: 2026-12-06T10:00:00Z }",
    });
    const root = await writeRepo(CAPACITY_HEAD, { sale: sale("2026-12-02T10:00:00Z"), other });
    const first = (await calendar(root)).stdout;
    const previous = path.join(root, "previous.ics");
    await writeFile(previous, first);
    const rerun = await runCli([
      "calendar",
      "--root",
      root,
      "--now",
      "2026-11-24T09:00:00Z",
      "--repo",
      "acme/campaigns",
      "--previous",
      previous,
    ]);
    expect(rerun.stdout.replace(/DTSTAMP:.*\r\n/g, "")).toBe(first.replace(/DTSTAMP:.*\r\n/g, ""));

    await writeFile(path.join(root, "campaigns", "sale.yaml"), sale("2026-12-03T10:00:00Z"));
    const second = (
      await runCli([
        "calendar",
        "--root",
        root,
        "--now",
        "2026-11-25T09:00:00Z",
        "--repo",
        "acme/campaigns",
        "--previous",
        previous,
      ])
    ).stdout;
    const events = parseBoth(second);
    expect(events.map((e) => [e.uid.split("/")[0], e.sequence])).toEqual([
      ["campaign-other", 0],
      ["campaign-sale", 1],
    ]);
    const lastModified = (ics: string, id: string) =>
      new RegExp(`UID:campaign-${id}/[^]*?LAST-MODIFIED:(\\S+)`).exec(ics.replace(/\r\n /g, ""))?.[1];
    expect(lastModified(second, "sale")).toBe("20261125T090000Z");
    expect(lastModified(second, "other")).toBe("20261123T090000Z");
  });

  it("writes a 1 MiB text field as valid, folded lines", async () => {
    const basis = "Größe 🎉 ".repeat(Math.ceil((1 << 20) / 14)).slice(0, 1 << 20);
    const root = await writeRepo(CAPACITY_HEAD, {
      big: campaignYaml({
        id: "big",
        basis,
        window: "window: { start: 2026-12-01T10:00:00Z, end: 2026-12-02T10:00:00Z }",
      }),
    });
    const out = path.join(root, "feed.ics");
    const { code } = await calendar(root, "--out", out);
    expect(code).toBe(0);
    const ics = await readFile(out, "utf8");
    checkOctets(ics);
    const [event] = parseBoth(ics);
    expect(event!.description).toContain(basis);
  });
});
