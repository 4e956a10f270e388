/**
 * Hidden HTML markers that make the app's comments and issues idempotent without any stored state:
 * before posting, the app looks for its own marker in what GitHub already has.
 */

/** A hidden marker such as `<!-- campaign-gate:escalation group=it -->`; attributes keep their order. */
export function hiddenMarker(kind: string, attributes: Record<string, string | number>): string {
  const pairs = Object.entries(attributes).map(([key, value]) => ` ${key}=${String(value)}`);
  return `<!-- campaign-gate:${kind}${pairs.join("")} -->`;
}

/** Whether a comment or issue body carries the marker (exactly, not as a prefix of a longer one). */
export function hasMarker(body: string, marker: string): boolean {
  return body.includes(marker);
}
