/**
 * The calendar feed's content as plain data (DESIGN section 5): one event per campaign, maintenance
 * window and change freeze, with everything a subscriber's calendar needs to show and update it.
 * The iCalendar text itself is written by src/report/calendar.ts; every decision is made here.
 */
import { createHash } from "node:crypto";
import { Temporal } from "temporal-polyfill";
import { formatNumber, formatPercent } from "../format.js";
import type { Campaign, Capacity } from "../model.js";
import type { CampaignSummary } from "../report.js";
import {
  freezeOverlaps,
  maintenanceOverlaps,
  sitesUsing,
  type CampaignOverlap,
} from "../announce/overlaps.js";
import type { Revision } from "./revisions.js";

/** The three kinds of event; `--only` picks one. */
export const CALENDAR_KINDS = ["campaigns", "maintenance", "freezes"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** Each kind's CATEGORIES value, so calendar clients can colour or filter them. */
export const CATEGORY: Record<CalendarKind, string> = {
  campaigns: "Campaign",
  maintenance: "IT maintenance",
  freezes: "Change freeze",
};

/** Added to the categories of an event that has ended (ended events stay in the feed, marked). */
export const ENDED_CATEGORY = "Ended";

/** A start or end: a calendar date (all-day event) or an instant (timed event, written in UTC). */
export type CalendarTime = { date: string } | { instant: number };

export interface CalendarEvent {
  kind: CalendarKind;
  /** Globally unique and stable: kind, key and the repository (see `eventUid`). */
  uid: string;
  summary: string;
  description: string;
  categories: string[];
  start: CalendarTime;
  /** Exclusive, like the windows of the files (DTEND of an all-day event is the day after). */
  end: CalendarTime;
  ended: boolean;
  /** Path of the file the event comes from, for a link. */
  file: string;
  /** SHA-256 of the content above: equal digests, equal events. */
  digest: string;
  /** Incremented whenever the digest differs from the previous feed's (0 for a new event). */
  sequence: number;
  /** Epoch ms of the last content change (the previous feed's value while unchanged, else `now`). */
  lastModified: number;
}

export interface CalendarInput {
  campaigns: readonly Campaign[];
  /** Capacity-check rows, for the status shown in campaign events. */
  summaries?: readonly CampaignSummary[];
  /** Without a capacity file, the feed has campaigns only. */
  capacity?: Capacity;
  /** Epoch ms: decides which events have ended, and stamps new or changed events. */
  now: number;
  /** "owner/name" (or another stable identity of the repository), part of every UID. */
  repository: string;
  only?: CalendarKind;
  /** The previously published feed's revisions by UID (see `readRevisions`). */
  previous?: ReadonlyMap<string, Revision>;
}

const STATUS_LABEL: Record<CampaignSummary["status"], string> = {
  error: "cannot be held",
  warning: "IT must prepare",
  notice: "ok",
  ok: "ok",
  past: "past",
};

/** The feed's events, sorted by start, then kind and UID; deterministic for a given input. */
export function calendarEvents(input: CalendarInput): CalendarEvent[] {
  type Draft = Omit<CalendarEvent, "digest" | "sequence" | "lastModified" | "ended" | "uid"> & {
    key: string;
    startMs: number;
    endMs: number;
  };
  const drafts: Draft[] = [];
  const wanted = (kind: CalendarKind) => input.only === undefined || input.only === kind;
  if (wanted("campaigns")) {
    const summaries = new Map((input.summaries ?? []).map((s) => [s.id, s]));
    for (const c of input.campaigns) drafts.push({ ...campaignDraft(c, summaries.get(c.id)), key: c.id });
  }
  const capacity = input.capacity;
  if (capacity && wanted("maintenance")) {
    const keys = uniqueKeys(capacity.maintenance.map((m) => m.name));
    capacity.maintenance.forEach((m, i) => {
      const overlaps = maintenanceOverlaps(m, capacity, input.campaigns);
      const sites = sitesUsing(capacity, m.services);
      drafts.push({
        kind: "maintenance",
        key: keys[i]!,
        summary: `Maintenance: ${m.name}`,
        description: [
          `IT maintenance "${m.name}"`,
          `Services: ${m.services.join(", ")}, ${formatPercent(m.capacity_factor)} of capacity left${m.capacity_factor === 0 ? " (down)" : ""}`,
          `Sites using them: ${sites.length > 0 ? sites.join(", ") : "none"}`,
          `Campaigns affected: ${describeOverlaps(overlaps)}`,
          `File: ${capacity.file}`,
        ].join("\n"),
        categories: [CATEGORY.maintenance],
        ...times(m.start, m.end, "UTC"),
        file: capacity.file,
      });
    });
  }
  if (capacity && wanted("freezes")) {
    const keys = uniqueKeys(capacity.freezes.map((f) => f.name));
    capacity.freezes.forEach((f, i) => {
      drafts.push({
        kind: "freezes",
        key: keys[i]!,
        summary: `Change freeze: ${f.name}`,
        description: [
          `Change freeze "${f.name}": IT makes no infrastructure changes (no scaling) in this window.`,
          `Campaigns running meanwhile: ${describeOverlaps(freezeOverlaps(f, input.campaigns))}`,
          `File: ${capacity.file}`,
        ].join("\n"),
        categories: [CATEGORY.freezes],
        ...times(f.start, f.end, "UTC"),
        file: capacity.file,
      });
    });
  }
  const events = drafts.map(({ key, startMs, endMs, ...d }): CalendarEvent & { startMs: number } => {
    const ended = endMs <= input.now;
    const content = {
      ...d,
      summary: clean(ended ? `${d.summary} (ended)` : d.summary),
      description: clean(d.description),
      categories: ended ? [...d.categories, ENDED_CATEGORY] : d.categories,
    };
    const uid = eventUid(d.kind, key, input.repository);
    const digest = createHash("sha256").update(JSON.stringify(content)).digest("hex");
    const before = input.previous?.get(uid);
    const revision =
      before === undefined
        ? { sequence: 0, lastModified: input.now }
        : before.digest === digest
          ? { sequence: before.sequence, lastModified: before.lastModified }
          : { sequence: before.sequence + 1, lastModified: Math.max(input.now, before.lastModified) };
    return { ...content, uid, ended, digest, ...revision, startMs };
  });
  events.sort(
    (a, b) =>
      a.startMs - b.startMs ||
      CALENDAR_KINDS.indexOf(a.kind) - CALENDAR_KINDS.indexOf(b.kind) ||
      (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
  return events.map(({ startMs: _, ...e }) => e);
}

/**
 * `<kind>-<key>/<owner>/<name>@campaign-gate`: the repository makes UIDs differ between two
 * repositories' feeds (a subscriber may follow both); kind and key keep them stable across edits of
 * times and texts, so clients update the event in place. Keys are percent-encoded, so any name fits.
 */
export function eventUid(kind: CalendarKind, key: string, repository: string): string {
  const singular = kind === "campaigns" ? "campaign" : kind === "freezes" ? "freeze" : "maintenance";
  return `${singular}-${encodeURIComponent(key)}/${repository}@campaign-gate`;
}

function campaignDraft(
  c: Campaign,
  summary: CampaignSummary | undefined,
): Omit<CalendarEvent, "digest" | "sequence" | "lastModified" | "ended" | "uid"> & {
  startMs: number;
  endMs: number;
} {
  const unit = c.forecast.unit === "users" ? "concurrent users" : "requests/s";
  const status = summary && summary.status !== "past" ? summary.status : undefined;
  return {
    kind: "campaigns",
    summary: status === "error" || status === "warning" ? `${c.name} [${STATUS_LABEL[status]}]` : c.name,
    description: [
      `${c.name} (${c.type.replace("_", " ")}), owner ${c.owner}`,
      `Sites: ${c.targets.map((t) => (t.share === 1 ? t.site : `${t.site} (${formatPercent(t.share)})`)).join(", ")}`,
      `Forecast: ${formatNumber(c.forecast.expected)} ${unit}${c.forecast.high !== undefined ? `, high ${formatNumber(c.forecast.high)}` : ""} (${c.forecast.confidence}: ${c.forecast.basis})`,
      ...(summary && status
        ? [`Capacity check: ${STATUS_LABEL[status]}, highest utilization ${formatPercent(summary.impact)}`]
        : []),
      `File: ${c.file}`,
      ...(c.notes ? [c.notes] : []),
    ].join("\n"),
    categories: [CATEGORY.campaigns, c.type],
    ...times(c.start, c.end, c.timezone ?? "UTC"),
    file: c.file,
  };
}

/**
 * A window from midnight to midnight in `zone` (a date-only window: the campaign's zone, or UTC for
 * the capacity file) becomes an all-day event on those dates, so a subscriber in any zone sees the
 * days that were written; any other window is a timed event at its exact instants.
 */
function times(start: number, end: number, zone: string) {
  const startDate = midnightDate(start, zone);
  const endDate = startDate === undefined ? undefined : midnightDate(end, zone);
  return {
    start: startDate !== undefined && endDate !== undefined ? { date: startDate } : { instant: start },
    end: startDate !== undefined && endDate !== undefined ? { date: endDate } : { instant: end },
    startMs: start,
    endMs: end,
  };
}

/** "YYYY-MM-DD" when `ms` is the start of a day in `zone`, else undefined. */
function midnightDate(ms: number, zone: string): string | undefined {
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return zoned.startOfDay().epochMilliseconds === ms ? zoned.toPlainDate().toString() : undefined;
}

function describeOverlaps(overlaps: CampaignOverlap[]): string {
  if (overlaps.length === 0) return "none";
  return overlaps
    .map(
      (o) => `${o.campaign.name} (${o.campaign.id}, owner ${o.campaign.owner}; sites ${o.sites.join(", ")})`,
    )
    .join("; ");
}

/** Names made unique in file order ("DB upgrade", "DB upgrade~2"), as UID keys. */
function uniqueKeys(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n}~${count}`;
  });
}

/**
 * Text for a calendar: well-formed Unicode (a lone surrogate becomes U+FFFD) without NUL and other
 * control characters, which RFC 5545 TEXT forbids; tabs and line breaks stay.
 */
export function clean(text: string): string {
  return (
    text
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
  );
}
