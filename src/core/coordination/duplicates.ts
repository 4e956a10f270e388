/**
 * The clean-up behind every claim: when two writes of one side effect exist anyway (a create that
 * GitHub executed although it answered an error and was then repeated, or a claim taken over from
 * a holder that was only slow), everyone must remove the same copies. Keeping the oldest is a rule
 * every replica computes alike from what GitHub lists, and the oldest is the one people were
 * notified about first.
 */
import { findMarker } from "../markers.js";

export interface MarkedItem {
  id: number;
  body: string;
  /** ISO time GitHub reports; ties are broken by the lower id (GitHub's ids grow with time). */
  createdAt: string;
  author: string;
}

/**
 * Ids of the items that repeat an older item with the same `kind` marker (e.g. two
 * `<!-- campaign-gate:escalation group=it -->` comments, two `it-prep pr=12` issues): every one
 * but the oldest per marker. Only the app's own items count when `appLogin` is given.
 */
export function youngerDuplicates(items: MarkedItem[], kind: string, appLogin?: string): number[] {
  const ordered = [...items]
    .filter((item) => appLogin === undefined || item.author === appLogin)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const item of ordered) {
    const marker = findMarker(item.body, kind)?.text;
    if (marker === undefined) continue;
    if (seen.has(marker)) duplicates.push(item.id);
    seen.add(marker);
  }
  return duplicates;
}

/** The kind of a hidden marker: "it-prep" for `<!-- campaign-gate:it-prep pr=12 -->`. */
export function markerKind(marker: string): string {
  return /^<!-- campaign-gate:([a-z_-]+)/.exec(marker)?.[1] ?? "";
}
