/**
 * Hidden HTML markers that make the app's comments and issues idempotent without any stored state:
 * before posting, the app (and the Action, for its sticky comment) looks for its own marker in what
 * GitHub already has.
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

/** The first marker of `kind` in a body, with its attributes, or undefined. */
export function findMarker(
  body: string,
  kind: string,
): { text: string; attributes: Record<string, string> } | undefined {
  const match = new RegExp(`<!-- campaign-gate:${kind}((?: [a-z_-]+=[^ >]+)*) -->`).exec(body);
  if (!match) return undefined;
  const attributes: Record<string, string> = {};
  for (const pair of (match[1] ?? "").trim().split(" ").filter(Boolean)) {
    const at = pair.indexOf("=");
    attributes[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { text: match[0], attributes };
}
