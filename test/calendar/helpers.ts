// Temporary repositories for calendar tests, and the two independent parsers plus the octet check
// every feed in these tests goes through.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import nodeIcal, { type VEvent } from "node-ical";
import { expect } from "vitest";
import { runCli } from "../cli/run-cli.js";

export const NOW = "2026-11-23T09:00:00Z";

export const CAPACITY_HEAD = `services:
  web: { per_instance_rps: 100, instances: 2, max_instances: 10 }
  db: { max_rps: 1000 }
  mail: { max_rps: 500 }
sites:
  shop: { baseline_rps: 50, uses: { web: 1, db: 0.5 } }
  news: { baseline_rps: 10, uses: { mail: 1 } }
`;

/** A campaign file; `window` lines and extra top-level lines are given as YAML text. */
export function campaignYaml(o: {
  id: string;
  name?: string;
  window: string;
  site?: string;
  basis?: string;
  extra?: string;
}): string {
  return `id: ${o.id}
name: ${JSON.stringify(o.name ?? o.id)}
owner: "@owner-${o.id}"
type: email
${o.window.trim()}
targets:
  - site: ${o.site ?? "shop"}
forecast:
  peak_requests_per_second: 20
  confidence: historical
  basis: ${JSON.stringify(o.basis ?? "last year")}
${o.extra ?? ""}`;
}

/** Writes a repository (default configuration) and returns its root. */
export async function writeRepo(capacity: string, campaigns: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "cg-cal-"));
  await mkdir(path.join(root, "infra"), { recursive: true });
  await mkdir(path.join(root, "campaigns"), { recursive: true });
  await writeFile(path.join(root, "infra", "capacity.yaml"), capacity);
  for (const [name, text] of Object.entries(campaigns))
    await writeFile(path.join(root, "campaigns", `${name}.yaml`), text);
  return root;
}

/** `campaign-gate calendar` on `root` (standard output), with the repository given. */
export async function calendar(root: string, ...args: string[]) {
  return runCli(["calendar", "--root", root, "--now", NOW, "--repo", "acme/campaigns", ...args]);
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  categories: string[];
  /** "YYYY-MM-DD" for an all-day event, else an ISO instant. */
  start: string;
  end: string;
  allDay: boolean;
  sequence: number;
}

/**
 * Parses with ical.js and node-ical, checks that both read the same events, and returns them
 * sorted by UID. Also runs the octet check. `notByNodeIcal`: UIDs node-ical is known to misread
 * (it builds dates with `new Date(y, m, d)`, which turns years 0-99 into 1900-1999).
 */
export function parseBoth(ics: string, notByNodeIcal: string[] = []): ParsedEvent[] {
  checkOctets(ics);
  const root = new ICAL.Component(ICAL.parse(ics));
  const fromIcalJs = root.getAllSubcomponents("vevent").map((c): ParsedEvent => {
    const e = new ICAL.Event(c);
    const pad = (n: number, width = 2) => String(n).padStart(width, "0");
    // From the fields, not toJSDate(): Date.UTC would turn years 0-99 into 1900-1999.
    const time = (t: ICAL.Time) => {
      const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
      if (t.isDate) return date;
      expect(t.zone?.tzid, "timed events are written in UTC").toBe("UTC");
      return `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.000Z`;
    };
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      categories: c.getAllProperties("categories").flatMap((p) => p.getValues() as string[]),
      start: time(e.startDate),
      end: time(e.endDate),
      allDay: e.startDate.isDate,
      sequence: e.sequence,
    };
  });
  const parsed = nodeIcal.sync.parseICS(ics);
  const fromNodeIcal = Object.values(parsed)
    .filter((v): v is VEvent => v?.type === "VEVENT")
    .map((e): ParsedEvent => {
      const allDay = e.datetype === "date";
      const time = (d: Date) =>
        allDay
          ? `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
          : d.toISOString();
      return {
        uid: e.uid,
        summary: textOf(e.summary),
        description: textOf(e.description),
        categories: e.categories ?? [],
        start: time(e.start),
        end: e.end ? time(e.end) : "(none)",
        allDay,
        sequence: Number(e.sequence),
      };
    });
  const byUid = (a: ParsedEvent, b: ParsedEvent) => (a.uid < b.uid ? -1 : 1);
  fromIcalJs.sort(byUid);
  fromNodeIcal.sort(byUid);
  expect(fromNodeIcal.map((e) => e.uid)).toEqual(fromIcalJs.map((e) => e.uid));
  const compared = (events: ParsedEvent[]) => events.filter((e) => !notByNodeIcal.includes(e.uid));
  expect(compared(fromNodeIcal)).toEqual(compared(fromIcalJs));
  return fromIcalJs;
}

/**
 * RFC 5545 3.1 at the octet level: CRLF line ends only (the last line too), no physical line over
 * 75 octets, and every physical line valid UTF-8 on its own (no sequence split by a fold).
 */
export function checkOctets(ics: string): void {
  const bytes = Buffer.from(ics, "utf8");
  expect(bytes.subarray(-2).toString("latin1")).toBe("\r\n");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  let lines = 0;
  while (start < bytes.length) {
    const cr = bytes.indexOf(0x0d, start);
    expect(cr, "every line ends with CRLF").toBeGreaterThanOrEqual(0);
    expect(bytes[cr + 1], "CR is followed by LF").toBe(0x0a);
    const line = bytes.subarray(start, cr);
    expect(line.includes(0x0a), "no bare LF").toBe(false);
    if (line.length > 75) throw new Error(`line ${lines + 1} has ${line.length} octets: ${line.toString()}`);
    decoder.decode(line); // throws on a split UTF-8 sequence
    start = cr + 2;
    lines++;
  }
}

/** node-ical gives a TEXT value as a string, or as { val, params } when it had parameters. */
function textOf(value: string | { val: string } | undefined): string {
  return typeof value === "string" ? value : (value?.val ?? "");
}
