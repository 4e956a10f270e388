/**
 * The campaign calendar as an iCalendar feed (RFC 5545) that IT can subscribe to. Built with the
 * `ics` library; one event per loaded campaign, with a stable UID so calendar clients update
 * events in place when a campaign file changes.
 */
import { createEvents, type EventAttributes } from "ics";
import type { Campaign } from "../core/model.js";
import type { CampaignSummary } from "../core/report.js";
import { formatNumber, formatPercent } from "../core/format.js";

export interface CalendarOptions {
  /** Epoch ms stamped on every event (DTSTAMP), so the same input gives the same feed. */
  now: number;
  /** Capacity-check results per campaign id, to show the status in each event. */
  summaries?: CampaignSummary[];
  /** Link to a campaign file, e.g. its blob URL. */
  fileUrl?: (path: string) => string;
}

const STATUS_LABEL: Record<CampaignSummary["status"], string> = {
  error: "cannot be held",
  warning: "IT must prepare",
  notice: "ok",
  ok: "ok",
  past: "past",
};

export function renderCalendar(campaigns: Campaign[], options: CalendarOptions): string {
  const summaries = new Map((options.summaries ?? []).map((s) => [s.id, s]));
  const events: EventAttributes[] = [...campaigns]
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
    .map((c) => {
      const summary = summaries.get(c.id);
      const unit = c.forecast.unit === "users" ? "concurrent users" : "requests/s";
      const description = [
        `${c.name} (${c.type.replace("_", " ")}), owner ${c.owner}`,
        `Sites: ${c.targets.map((t) => (t.share === 1 ? t.site : `${t.site} (${formatPercent(t.share)})`)).join(", ")}`,
        `Forecast: ${formatNumber(c.forecast.expected)} ${unit}${c.forecast.high !== undefined ? `, high ${formatNumber(c.forecast.high)}` : ""} (${c.forecast.confidence}: ${c.forecast.basis})`,
        ...(summary && summary.status !== "past"
          ? [
              `Capacity check: ${STATUS_LABEL[summary.status]}, highest utilization ${formatPercent(summary.impact)}`,
            ]
          : []),
        `File: ${c.file}`,
        ...(c.notes ? [c.notes] : []),
      ].join("\n");
      const event: EventAttributes = {
        uid: `${c.id}@campaign-gate`,
        title:
          summary && (summary.status === "error" || summary.status === "warning")
            ? `${c.name} [${STATUS_LABEL[summary.status]}]`
            : c.name,
        description,
        start: c.start,
        startInputType: "utc",
        startOutputType: "utc",
        end: c.end,
        endInputType: "utc",
        endOutputType: "utc",
        categories: [c.type],
        productId: "campaign-gate",
        ...(options.fileUrl ? { url: options.fileUrl(c.file) } : {}),
      };
      // DTSTAMP from `now`, not the wall clock, so the same input gives the same feed (ics supports
      // `timestamp` but does not declare it).
      return Object.assign(event, { timestamp: options.now });
    });
  if (events.length === 0) return emptyCalendar();
  const { error, value } = createEvents(events, { calName: "Campaigns" });
  if (error || value === null) throw new Error(`could not build the calendar: ${String(error)}`);
  return value;
}

/** `ics` refuses an empty list; a feed with no events is still a valid, subscribable calendar. */
function emptyCalendar(): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:campaign-gate",
    "X-WR-CALNAME:Campaigns",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}
