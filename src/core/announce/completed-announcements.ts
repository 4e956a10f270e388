/**
 * Which open announcement issues the scheduled run closes (issue 14, "closed after"): those whose
 * window, as the marker records it, has ended. Decided from the issue bodies alone, so two runs at
 * once, or a run repeated an hour later, decide alike; the "completed" comment carries its own
 * marker so that it is posted once.
 */
import { formatInstant } from "../format.js";
import { findMarker, hiddenMarker } from "../markers.js";
import { ANNOUNCEMENT_MARKER } from "./announcement-issue.js";

export interface OpenAnnouncement {
  number: number;
  body: string;
}

export interface Completion {
  number: number;
  /** Marker of the "completed" comment (one per issue). */
  marker: string;
  /** The comment: what ended, when, and a reminder to check what the window changed. */
  body: string;
}

/** The issues among `open` whose announced window ended at or before `now` (epoch ms), oldest issue first. */
export function completedAnnouncements(open: readonly OpenAnnouncement[], now: number): Completion[] {
  const done: Completion[] = [];
  for (const issue of [...open].sort((a, b) => a.number - b.number)) {
    const found = findMarker(issue.body, ANNOUNCEMENT_MARKER);
    const end = Date.parse(found?.attributes.end ?? "");
    if (!found || Number.isNaN(end) || end > now) continue;
    const key = decodeURIComponent(found.attributes.key ?? "");
    const marker = hiddenMarker("announcement-completed", { issue: issue.number });
    const what = key.startsWith("freeze:")
      ? `The change freeze "${key.slice("freeze:".length)}" is over: IT can scale and change infrastructure again.`
      : `The maintenance "${key.slice(key.indexOf(":") + 1)}" is completed: its services are back to full capacity.`;
    done.push({
      number: issue.number,
      marker,
      body: [
        marker,
        "",
        `**Completed.** ${what}`,
        "",
        `The window ended ${formatInstant(end)}. If it changed anything your campaigns rely on, or it was moved or cut short, the changes are in the pull requests that edited the capacity file since this announcement.`,
      ].join("\n"),
    });
  }
  return done;
}
