/**
 * The calendar feed as iCalendar text (RFC 5545), written by `ical-generator`: it folds lines at 75
 * octets without splitting a UTF-8 sequence, in linear time, and escapes TEXT values. What the
 * events say, their UIDs and revisions are decided in src/core/calendar; this module only writes.
 */
import ical, { ICalCalendarMethod, ICalEventTransparency, type ICalEventData } from "ical-generator";
import { clean, type CalendarEvent, type CalendarTime } from "../core/calendar/calendar-events.js";
import { DIGEST_PROPERTY } from "../core/calendar/revisions.js";

/** PRODID in the `-//Org//Product//EN` form RFC 5545 3.7.3 suggests. */
export const PRODUCT_ID = { company: "campaign-gate", product: "Campaign calendar", language: "EN" };

export interface CalendarOptions {
  /** Epoch ms stamped on every event (DTSTAMP), so the same input gives the same feed. */
  now: number;
  /** The calendar's display name (X-WR-CALNAME, NAME). */
  name?: string;
  /** Link to a file of the repository, e.g. its blob URL. */
  fileUrl?: (path: string) => string;
}

/**
 * The whole feed. METHOD:PUBLISH and CALSCALE:GREGORIAN are always there, also without events.
 * Every event is TRANSPARENT: a campaign or a freeze is not busy time in a subscriber's own diary.
 */
export function renderCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    scale: "GREGORIAN",
    name: clean(options.name ?? "Campaigns"),
  });
  for (const e of events) {
    const allDay = "date" in e.start;
    const data: ICalEventData = {
      id: e.uid,
      sequence: e.sequence,
      stamp: new Date(options.now),
      lastModified: new Date(e.lastModified),
      start: toDate(e.start),
      end: toDate(e.end),
      allDay,
      summary: e.summary,
      description: e.description,
      categories: e.categories.map((name) => ({ name: clean(name) })),
      transparency: ICalEventTransparency.TRANSPARENT,
      x: [{ key: DIGEST_PROPERTY, value: e.digest }],
      ...(options.fileUrl ? { url: options.fileUrl(e.file) } : {}),
    };
    calendar.createEvent(data);
  }
  // Every content line ends with CRLF (RFC 5545 3.1), the last one included.
  return `${calendar.toString()}\r\n`;
}

/**
 * A Date for ical-generator: an instant as is; a calendar date as UTC midnight of that date, which
 * ical-generator writes as VALUE=DATE from the UTC fields (also before 1970 and in year 0000).
 */
function toDate(time: CalendarTime): Date {
  if ("instant" in time) return new Date(time.instant);
  const [y, m, d] = time.date.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}
