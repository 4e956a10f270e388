/**
 * Claims: how two app processes that handle the same delivery at the same moment agree on which
 * one writes the side effect (the IT prep issue, the direct-push alarm, an SLA escalation).
 *
 * GitHub is the only store the replicas share, and it has no lock. But a label name is unique in
 * a repository: "create a label" either creates it or answers 422 ("already_exists"), decided by
 * GitHub alone. So a claim is a label with a name derived from the side effect
 * (`campaign-gate-claim-<hash>`), and whoever's create succeeds holds it. The label's description
 * names the holder (a random id per attempt) and the time, so a holder whose create answered an
 * error but happened recognises its own claim, and a claim left behind by a crashed process is
 * recognised as stale and taken over through the next generation's label (itself claimed
 * atomically the same way). The holder deletes its labels when the side effect is written.
 * This module is the pure part: names, descriptions and the verdict on an existing claim.
 * The GitHub side: src/app/coordination/claim.ts; the whole design: docs/coordination.md.
 */
import { createHash } from "node:crypto";

/** A claim older than this whose holder did not release it is abandoned (the holder crashed). */
export const CLAIM_TTL_MS = 10 * 60_000;

/** Generations tried at most: each is taken only when the one before is stale. */
export const CLAIM_GENERATIONS = 3;

/** The label that claims the side effect `key` (generation 1, 2, …); at most 50 characters, GitHub's limit. */
export function claimLabel(key: string, generation: number): string {
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 16);
  return `campaign-gate-claim-${hash}${generation > 1 ? `-${generation}` : ""}`;
}

/** The claim label's description: who holds it since when (at most 100 characters, GitHub's limit). */
export function claimDescription(holder: string, at: number): string {
  return `campaign-gate claim, removed after use. holder=${holder} at=${new Date(at).toISOString()}`;
}

/**
 * The verdict on a claim label found in place (or `undefined`: none, the claim is free):
 * - `ours`: it carries our holder id (our create happened, though its answer was an error);
 * - `held`: another process holds it and is still within `CLAIM_TTL_MS`: it writes, we do not;
 * - `stale`: its holder had `CLAIM_TTL_MS` and never released it (or the description is not ours
 *   to read): the next generation may be claimed.
 */
export function judgeClaim(
  found: { description?: string | null } | undefined,
  holder: string,
  now: number,
): "free" | "ours" | "held" | "stale" {
  if (!found) return "free";
  const description = found.description ?? "";
  if (description.includes(`holder=${holder} `)) return "ours";
  const at = Date.parse(/ at=(\S+)$/.exec(description)?.[1] ?? "");
  if (Number.isNaN(at)) return "stale";
  return now - at < CLAIM_TTL_MS ? "held" : "stale";
}
