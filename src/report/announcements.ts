/**
 * The announcements of maintenance windows and freezes (src/core/announce) as markdown, for the PR
 * comment and the job summary. Owners are shown, not mentioned: asking for their attention is the
 * app's job (issue 14), and a mention from every push would notify them again and again.
 */
import type { Announcement } from "../core/announce/announce-windows.js";
import { escapeMarkdown, formatInstant, formatWindowEnd } from "../core/format.js";

export interface AnnouncementsOptions {
  /** Link to a file at the head commit. */
  fileUrl?: (path: string, line?: number) => string;
  /** Upper bound of the section's length; campaigns beyond it are counted, not listed. */
  maxChars?: number;
}

/** Markdown section; empty string when there is nothing to announce. */
export function renderAnnouncements(
  announcements: readonly Announcement[],
  options: AnnouncementsOptions = {},
): string {
  if (announcements.length === 0) return "";
  const maxChars = options.maxChars ?? 20_000;
  const out: string[] = ["### IT windows this change adds or moves", ""];
  let length = out.join("\n").length;
  let left = 0;
  for (const a of announcements) {
    const head = [
      `#### ${a.kind === "maintenance" ? "Maintenance" : "Change freeze"} "${escapeMarkdown(a.window.name)}" (${a.change === "added" ? "new" : "changed"})`,
      "",
      escapeMarkdown(a.summary),
      ...(a.previous
        ? [
            "",
            `Before this change: ${formatInstant(a.previous.start)} to ${formatWindowEnd(a.previous.end)}${a.previous.services ? `, ${escapeMarkdown(a.previous.services.join(", "))} at ${Math.round((a.previous.capacity_factor ?? 0) * 100)}%` : ""}.`,
          ]
        : []),
      ...(a.kind === "maintenance"
        ? [
            "",
            `Sites using ${a.window.services?.length === 1 ? "this service" : "these services"}: ${a.sites.length > 0 ? escapeMarkdown(a.sites.join(", ")) : "none"}.`,
          ]
        : []),
      "",
    ];
    if (a.campaigns.length === 0) head.push("No campaign is affected.", "");
    else head.push("| Campaign | Owner | Sites | What it means |", "| --- | --- | --- | --- |");
    const rows = a.campaigns.map((c) => {
      const name = `${escapeMarkdown(c.name)} (\`${c.id}\`)`;
      const linked = options.fileUrl ? `[${name}](${options.fileUrl(c.file)})` : name;
      const meaning = [
        ...c.effects.map(escapeMarkdown),
        ...c.problems.map((p) => `**The check fails:** ${escapeMarkdown(p)}`),
      ].join("<br>");
      return `| ${linked} | ${escapeMarkdown(c.owner)} | ${escapeMarkdown(c.sites.join(", "))} | ${meaning} |`;
    });
    const block = head.join("\n");
    if (length + block.length > maxChars) {
      left += a.campaigns.length;
      continue;
    }
    out.push(...head);
    length += block.length + 1;
    for (const [i, row] of rows.entries()) {
      if (length + row.length + 1 > maxChars) {
        left += rows.length - i;
        break;
      }
      out.push(row);
      length += row.length + 1;
    }
    if (a.campaigns.length > 0) out.push("");
  }
  if (left > 0)
    out.push(`…and ${left} more affected campaign${left === 1 ? "" : "s"}, left out for length.`, "");
  return out.join("\n");
}
