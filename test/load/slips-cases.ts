/**
 * The slip table's inputs: a valid campaign file and, per slip, the edit a marketer makes by mistake.
 * Kept apart from the expected messages (slips.test.ts) so the table reads as slip → message.
 */

/** A valid campaign file, one key per line, so each slip replaces whole lines. */
export const BASE_LINES = [
  "id: spring-sale",
  "name: Spring sale",
  'owner: "@jane"',
  "type: email",
  "window:",
  "  start: 2026-12-01T10:00:00Z",
  "  end: 2026-12-01T12:00:00Z",
  "targets:",
  "  - site: shop",
  "    share: 1",
  "forecast:",
  "  peak_concurrent_users: 1000",
  "  confidence: model",
  "  basis: Last year's numbers",
  "notes: Coupon codes by SMS",
] as const;

/** Line `n` (1-based) replaced by `lines` (none: deleted; several: inserted). */
export function edit(n: number, ...lines: string[]): string {
  const out: string[] = [...BASE_LINES];
  out.splice(n - 1, 1, ...lines);
  return out.join("\n") + "\n";
}

/** Lines `from` to `to` (1-based, inclusive) replaced by `lines`. */
export function editLines(from: number, to: number, ...lines: string[]): string {
  const out: string[] = [...BASE_LINES];
  out.splice(from - 1, to - from + 1, ...lines);
  return out.join("\n") + "\n";
}
