/**
 * Which open announcement issues the scheduled run closes (issue 14, "closed after"): those whose
 * window, as the marker records it, has ended. Decided from the issue bodies alone, so two runs at
 * once, or a run repeated an hour later, decide alike; the "completed" comment carries its own
 * marker so that it is posted once.
 */
import { formatInstant } from "../format.js";
import { hiddenMarker } from "../markers.js";
import { readAnnouncements, type OpenAnnouncement } from "./read-announcements.js";

export type { OpenAnnouncement };

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
  for (const { number, kind, name, end } of readAnnouncements(open)) {
    if (end > now) continue;
    const marker = hiddenMarker("announcement-completed", { issue: number });
    const what =
      kind === "freeze"
        ? `The change freeze "${name}" is over: IT can scale and change infrastructure again.`
        : `The maintenance "${name}" is completed: its services are back to full capacity.`;
    done.push({
      number,
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
