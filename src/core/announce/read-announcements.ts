/**
 * The announcements among open issues, as their markers (`announcementMarker`) record them: kind,
 * window name and times. Every decision of the scheduled run about announcement issues (completed,
 * superseded, freeze reminders) starts from this one reading, so a marker edited by hand or cut
 * short (a key that does not decode, a time that does not parse) is skipped alike everywhere,
 * never a crash of the sweep.
 */
import { findMarker } from "../markers.js";
import { ANNOUNCEMENT_MARKER } from "./announcement-issue.js";

/** An open issue that may be an announcement. */
export interface OpenAnnouncement {
  number: number;
  body: string;
}

/** An announcement issue, read from its marker. */
export interface MarkedAnnouncement {
  number: number;
  kind: "maintenance" | "freeze";
  /** The window's name. */
  name: string;
  /** Epoch ms. */
  start: number;
  end: number;
}

/** The readable announcements among `open`, oldest issue first. */
export function readAnnouncements(open: readonly OpenAnnouncement[]): MarkedAnnouncement[] {
  return [...open]
    .sort((a, b) => a.number - b.number)
    .flatMap((issue): MarkedAnnouncement[] => {
      const found = findMarker(issue.body, ANNOUNCEMENT_MARKER);
      if (!found) return [];
      const key = decoded(found.attributes.key ?? "");
      const start = Date.parse(found.attributes.start ?? "");
      const end = Date.parse(found.attributes.end ?? "");
      const kind = key?.slice(0, key.indexOf(":"));
      if (!key || (kind !== "maintenance" && kind !== "freeze") || Number.isNaN(start) || Number.isNaN(end))
        return [];
      return [{ number: issue.number, kind, name: key.slice(kind.length + 1), start, end }];
    });
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
