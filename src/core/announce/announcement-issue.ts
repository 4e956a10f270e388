/**
 * The announcement issue the app opens when a pull request that adds or changes a maintenance
 * window or a change freeze merges (issue 14, "Announced on merge"). Its owners are mentioned, not
 * asked to approve: the window is decided, they need to know. The hidden marker carries the
 * window's key and times, so a redelivered merge finds its issue, a later change of the same window
 * gets a new one, and the scheduled run can tell when it has ended without reading the file again.
 */
import { formatInstant, formatWindowEnd } from "../format.js";
import { hiddenMarker } from "../markers.js";
import type { Announcement } from "./announce-windows.js";

/** Marker kind of an announcement issue. */
export const ANNOUNCEMENT_MARKER = "announcement";

/** Label of announcement issues, per kind, for filtering (and how the app finds its issues). */
export function announcementLabel(kind: Announcement["kind"]): string {
  return `campaign-gate: ${kind}`;
}

export interface AnnouncementIssue {
  title: string;
  body: string;
  labels: string[];
  marker: string;
}

/** `<!-- campaign-gate:announcement key=maintenance:db%20upgrade start=… end=… -->` (marker values may not hold spaces). */
export function announcementMarker(a: Pick<Announcement, "key" | "window">): string {
  return hiddenMarker(ANNOUNCEMENT_MARKER, {
    key: encodeURIComponent(a.key),
    start: a.window.start,
    end: a.window.end,
  });
}

/** Title, body, label and marker of the issue announcing `a`, merged in pull request `pr`. */
export function announcementIssue(
  a: Announcement,
  pr: { number: number; url: string; title: string },
): AnnouncementIssue {
  const marker = announcementMarker(a);
  const lines = [marker, "", a.summary, ""];
  if (a.previous)
    lines.push(
      `It was planned from ${formatInstant(Date.parse(a.previous.start))} to ${formatWindowEnd(Date.parse(a.previous.end))} before.`,
      "",
    );
  lines.push(`Merged in #${pr.number} ([${escape(pr.title)}](${pr.url})).`, "");
  if (a.window.services) lines.push(`- Services: ${a.window.services.join(", ")}`);
  if (a.sites.length > 0) lines.push(`- Sites using them: ${a.sites.join(", ")}`);
  lines.push("");
  if (a.campaigns.length === 0) {
    lines.push("No campaign is affected.");
  } else {
    lines.push("## Campaigns affected", "");
    for (const c of a.campaigns) {
      lines.push(`### ${escape(c.name)} (\`${c.file}\`), owner ${c.owner}`, "");
      for (const effect of c.effects) lines.push(`- ${effect}`);
      for (const problem of c.problems) lines.push(`- ⚠️ ${problem}`);
      lines.push("");
    }
    const owners = [...new Set(a.campaigns.map((c) => c.owner))];
    lines.push(
      `${owners.join(" ")}: for your attention, no approval needed. This issue is closed with a "completed" comment when the window has ended.`,
    );
  }
  return {
    title: a.title,
    body: lines.join("\n").trimEnd() + "\n",
    labels: [announcementLabel(a.kind)],
    marker,
  };
}

/** Markdown-inert text for names people wrote (no links, mentions or emphasis from a title). */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>@#|]/g, (ch) => `\\${ch}`);
}
