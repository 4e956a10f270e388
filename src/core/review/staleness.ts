/**
 * Whether an approval still covers the head, per group (issue 9: invalidation by rule, not by the
 * pull request's file list). An approval that fills group G goes stale only when a file matched by
 * a rule requiring G differs between the reviewed commit and the head. A README typo fix after
 * both approvals keeps them; a push to `infra/**` voids IT's approval but not marketing's.
 * Unknown changes (compare failed, force push, more than 300 files) void the approval for every
 * group: fail closed.
 */
import picomatch from "picomatch";
import type { ReviewPolicy } from "../model.js";
import type { Decision } from "./reviews.js";
import type { PullState } from "./state.js";

/** Why an approval no longer counts for a group, like policy-bot's "Invalidated by push of …". */
export interface StaleApproval {
  user: string;
  /** The commit the approval was given on (null: GitHub did not say). */
  reviewed: string | null;
  /** The head the approval was checked against: the push that invalidated it. */
  head: string;
  /** A changed file a rule requiring the group matches; null when the changes are unknown. */
  file: string | null;
}

/** Matches the paths of every rule that requires `group` (`dot: true` like `requiredGroups`). */
export function groupPaths(policy: ReviewPolicy, group: string): (path: string) => boolean {
  const globs = policy.rules.filter((rule) => rule.require.includes(group)).flatMap((rule) => rule.paths);
  if (globs.length === 0) return () => false;
  return picomatch(globs, { dot: true });
}

/**
 * Undefined when `decision` still counts for `group` at the head; otherwise why not.
 * `changed_since[commit]` lists the paths changed from the reviewed commit to the head, old names
 * of renames included, so additions, deletions and renames count on both sides.
 */
export function staleApproval(
  decision: Decision,
  group: string,
  state: Pick<PullState, "pull" | "changed_since">,
  policy: ReviewPolicy,
): StaleApproval | undefined {
  const head = state.pull.head_sha;
  if (!policy.invalidate_on_push || decision.commit_id === head) return undefined;
  const stale = (file: string | null): StaleApproval => ({
    user: decision.user,
    reviewed: decision.commit_id,
    head,
    file,
  });
  if (decision.commit_id === null) return stale(null);
  const changed = state.changed_since[decision.commit_id];
  if (!changed) return stale(null);
  const matches = groupPaths(policy, group);
  const file = [...changed].sort().find((path) => matches(path));
  return file === undefined ? undefined : stale(file);
}
