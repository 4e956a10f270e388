/**
 * Resolving a campaign's window (DESIGN 1.1 "Times") into instants, with one `window` finding per
 * real problem: the zone, each end on its own, and their order when both ends can be read.
 */
import { finding } from "../findings.js";
import type { Finding } from "../findings.js";
import type { WindowPart } from "./campaign-parts.js";
import { canonicalTimeZone, hasOffset, offsetOf, resolveInstant } from "./instants.js";
import type { WindowEnd } from "./instants.js";
import { LEFT_OUT } from "./left-out.js";
import { readUtcInstant } from "./utc-instant.js";
import { didYouMean, quote } from "./suggest.js";
import { valueAt } from "./yaml-source.js";
import type { ParsedYaml } from "./yaml-source.js";

/** The resolved window: both instants when there is no finding. */
export interface ResolvedWindow {
  start?: number;
  end?: number;
  findings: Finding[];
}

/** The instants one end may mean: a single one when it resolved, a range for a local time inside a DST gap. */
interface Readings {
  earliest: number;
  latest: number;
}

/** The zone the window is read in: `unknown` when a `timezone` is given but is no known zone. */
type Zone = { name: string } | "none" | "unknown";

/** Resolves the window, reporting every independent problem of it. */
export function resolveWindow(parsed: ParsedYaml, window: WindowPart): ResolvedWindow {
  const plain = plainWindow(window);
  if (plain) return plain;
  const findings: Finding[] = [];
  const problem = (key: WindowEnd | "timezone", message: string) =>
    findings.push(
      finding(
        "window",
        parsed.file,
        valueAt(parsed, key === "timezone" ? ["timezone"] : ["window", key]),
        message + LEFT_OUT,
      ),
    );
  const zone = windowZone(window.timezone, problem);
  let zoneMissingReported = false;
  const read = (end: WindowEnd): Readings | undefined => {
    const text = window[end];
    if (!hasOffset(text) && zone === "none") {
      // One missing `timezone` is one problem, however many values lack an offset.
      if (!zoneMissingReported) problem(end, noZoneMessage(end, text));
      zoneMissingReported = true;
      return undefined;
    }
    // Without a usable zone the value cannot be read; the `timezone` finding already says why.
    if (!hasOffset(text) && zone === "unknown") return undefined;
    const r = resolveInstant(text, end, typeof zone === "object" ? zone.name : "UTC");
    if (r.ok) return { earliest: r.ms, latest: r.ms };
    problem(end, `\`window.${end}\` ${r.problem}.`);
    return r.readings;
  };
  const start = read("start");
  const end = read("end");
  // Only when every reading of both ends agrees: an order that hinges on how a DST-gap time gets fixed is no problem yet.
  if (start && end && end.latest <= start.earliest) {
    problem(
      "end",
      `\`window.end\` (${window.end}) is not after \`window.start\` (${window.start}); the campaign must end after it starts.`,
    );
  }
  if (findings.length > 0 || !start || !end) return { findings };
  return { start: start.earliest, end: end.earliest, findings };
}

/**
 * The window nearly every file has — both ends in the common UTC-or-offset form, the end after the
 * start, no `timezone` or a known one — read without the general path's closures, readings and
 * regexes. Exactly what that path gives for it (each end needs no zone, so only an unknown
 * `timezone` could add a finding); undefined for every other window.
 */
function plainWindow(window: WindowPart): ResolvedWindow | undefined {
  if (window.timezone !== undefined && canonicalTimeZone(window.timezone) === undefined) return undefined;
  const start = readUtcInstant(window.start);
  if (start === undefined) return undefined;
  const end = readUtcInstant(window.end);
  if (end === undefined || end <= start) return undefined;
  return { start, end, findings: [] };
}

/** Checks `timezone` (reporting an unknown one) and says how the window's local times can be read. */
function windowZone(timezone: string | undefined, problem: (key: "timezone", message: string) => void): Zone {
  if (timezone === undefined) return "none";
  const name = canonicalTimeZone(timezone);
  if (name) return { name };
  const offset = offsetOf(timezone);
  if (offset !== undefined) {
    problem(
      "timezone",
      `\`timezone\` is ${quote(timezone)}, an offset rather than a time zone; write the offset on the times instead (like \`start: 2026-11-27T06:00:00${offset}\`) and remove \`timezone\`, or use a zone name like Asia/Karachi or America/New_York.`,
    );
    return "unknown";
  }
  problem(
    "timezone",
    `\`timezone\` is ${quote(timezone)}, which is not a known time zone${didYouMean(timezone, knownZones())}; use an IANA name like Europe/Berlin or America/New_York.`,
  );
  return "unknown";
}

function noZoneMessage(end: WindowEnd, text: string): string {
  return `\`window.${end}\` is ${quote(text)}, which has no offset, and the campaign has no \`timezone\`; add a line like \`timezone: America/New_York\` (the zone the campaign runs in), or write the offset, like ${text.includes("T") ? text : `${text}T00:00`}-05:00.`;
}

let zones: string[] | undefined;
/** Every zone name the runtime knows (for "did you mean"), computed once. */
function knownZones(): string[] {
  zones ??= Intl.supportedValuesOf("timeZone");
  return zones;
}
