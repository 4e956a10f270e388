/**
 * The comment that mentions, on a pull request, the owners the app could not ask through a review
 * request (see plan-owner-attention.ts). Its marker names the owners it mentions, so a redelivered
 * event or a second app process does not mention them twice, and an owner added by a later push
 * gets a comment of their own.
 */
import { escapeMarkdown } from "../format.js";
import { hiddenMarker } from "../markers.js";
import type { Announcement } from "./announce-windows.js";

export interface OwnerAttentionComment {
  marker: string;
  body: string;
}

/** The comment mentioning `owners` (as written, `@jane`) about `announcements`. */
export function ownerAttentionComment(
  owners: readonly string[],
  announcements: readonly Pick<Announcement, "title" | "campaigns">[],
): OwnerAttentionComment {
  const marker = hiddenMarker("owner-attention", {
    owners: [...owners]
      .map((o) => encodeURIComponent(o.toLowerCase()))
      .sort()
      .join(","),
  });
  const lines = [marker, "", "This pull request changes IT's schedule around your campaigns:", ""];
  for (const a of announcements) {
    const mine = a.campaigns.filter((c) => owners.includes(c.owner));
    if (mine.length === 0) continue;
    lines.push(
      `- ${escapeMarkdown(a.title)}: ${mine.map((c) => `${escapeMarkdown(c.name)} (${c.owner})`).join(", ")}`,
    );
  }
  lines.push(
    "",
    `${owners.join(" ")}: for your attention, no approval needed. Where the campaign-gate Action runs, its comment on this pull request says what the change means for each campaign.`,
  );
  return { marker, body: lines.join("\n") };
}
