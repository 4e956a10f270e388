/**
 * The review policy (DESIGN section 5) as one pure function: PullState -> per-group result.
 */
import type { Finding } from "../findings.js";
import type { ReviewGroup } from "../model.js";
import { requiredGroups } from "./groups.js";
import { matchReviewers } from "./matching.js";
import { latestDecisions } from "./reviews.js";
import { staleApproval, type StaleApproval } from "./staleness.js";
import type { PullState } from "./state.js";

export type GroupResult =
  | { group: string; rules: string[]; state: "approved"; by: string }
  | { group: string; rules: string[]; state: "changes_requested"; by: string[] }
  | {
      group: string;
      rules: string[];
      state: "waiting";
      /** Requested reviewers (users, and teams as `@org/slug`) who may fill this group. */
      requested: string[];
      /** Members whose approval no longer counts: a file a rule requiring this group matches changed since. */
      stale: StaleApproval[];
      /** Members who approved but fill another group (distinct reviewers). */
      taken: string[];
    }
  | { group: string; rules: string[]; state: "waived"; reason: string };

export type ReviewOutcome =
  | "not-configured"
  | "no-review-required"
  | "approved"
  | "waiting"
  | "changes-requested"
  | "invalid-config"
  | "incomplete-files"
  | "rate-limited"
  | "error";

export interface ReviewResult {
  status: "success" | "pending" | "failure";
  outcome: ReviewOutcome;
  groups: GroupResult[];
  /** Configuration findings (outcome `invalid-config`). */
  findings?: Finding[];
  /** Plain-language reason when the check could not be evaluated (outcome `error`). */
  message?: string;
  /** Why the fast lane did not apply (see `PullState.fast_lane_note`). */
  note?: string;
}

/** The failing result for an evaluation that could not gather its data. Fails closed. */
export function failedReview(message: string): ReviewResult {
  return { status: "failure", outcome: "error", groups: [], message };
}

/**
 * GitHub's rate limit stopped the evaluation even after the bounded waits: the check waits (never
 * fails for a limit alone) and says so; the next event or the Re-run button evaluates again.
 */
export function rateLimitedReview(message: string): ReviewResult {
  return { status: "pending", outcome: "rate-limited", groups: [], message };
}

/** Whether `login` (lowercase) belongs to `group` now: named in `users` or an active team member. */
export function isMember(group: ReviewGroup, login: string, teamMembers: PullState["team_members"]): boolean {
  return (
    group.users.some((user) => user.replace(/^@/, "").toLowerCase() === login) ||
    group.teams.some((team) => teamMembers[team]?.includes(login) === true)
  );
}

/** Logins (lowercase) whose group membership the evaluation needs: decisive reviewers except the author. */
export function reviewersToLookUp(state: Pick<PullState, "reviews" | "pull">): string[] {
  const author = state.pull.author.toLowerCase();
  return [...latestDecisions(state.reviews).keys()].filter((login) => login !== author).sort();
}

/** Decides the review check for one pull request. */
export function evaluateReview(state: PullState): ReviewResult {
  if (state.config.kind === "invalid")
    return { status: "failure", outcome: "invalid-config", groups: [], findings: state.config.findings };
  const policy = state.config.kind === "loaded" ? state.config.config.review : undefined;
  if (!policy) return { status: "success", outcome: "not-configured", groups: [] };
  // An incomplete list could hide a file that requires a group: never decide on it.
  if (!state.files.complete) return { status: "failure", outcome: "incomplete-files", groups: [] };

  const required = requiredGroups(policy, state.files.paths);
  if (required.length === 0) return { status: "success", outcome: "no-review-required", groups: [] };

  const author = state.pull.author.toLowerCase();
  const decisions = [...latestDecisions(state.reviews).entries()]
    .filter(([login]) => login !== author)
    .sort(([a], [b]) => a.localeCompare(b));
  const groupOf = (name: string): ReviewGroup => policy.groups[name] ?? { teams: [], users: [] };
  const membersOf = (name: string, state_: "APPROVED" | "CHANGES_REQUESTED") =>
    decisions.filter(
      ([login, d]) => d.state === state_ && isMember(groupOf(name), login, state.team_members),
    );

  const waived = state.waived ?? {};
  const open = required.filter((r) => waived[r.group] === undefined);
  const approvers = new Map<string, string[]>();
  const stale = new Map<string, StaleApproval[]>();
  for (const { group } of open) {
    const current: string[] = [];
    const voided: StaleApproval[] = [];
    for (const [, decision] of membersOf(group, "APPROVED")) {
      const why = staleApproval(decision, group, state, policy);
      if (why) voided.push(why);
      else current.push(decision.user);
    }
    approvers.set(group, current);
    stale.set(group, voided);
  }
  const filled: Map<string, string> = policy.distinct_reviewers
    ? matchReviewers(
        open.map((r) => r.group),
        approvers,
      )
    : new Map(
        open.flatMap((r) => (approvers.get(r.group)?.[0] ? [[r.group, approvers.get(r.group)![0]!]] : [])),
      );

  const groups: GroupResult[] = required.map(({ group, rules }): GroupResult => {
    const reason = waived[group];
    if (reason !== undefined) return { group, rules, state: "waived", reason };
    const blockers = membersOf(group, "CHANGES_REQUESTED").map(([, d]) => d.user);
    if (blockers.length > 0) return { group, rules, state: "changes_requested", by: blockers };
    const by = filled.get(group);
    if (by !== undefined) return { group, rules, state: "approved", by };
    return {
      group,
      rules,
      state: "waiting",
      requested: requestedFor(groupOf(group), state),
      stale: stale.get(group) ?? [],
      taken: (approvers.get(group) ?? []).filter((user) => [...filled.values()].includes(user)),
    };
  });

  const note = state.fast_lane_note !== undefined ? { note: state.fast_lane_note } : {};
  if (groups.some((g) => g.state === "changes_requested"))
    return { status: "failure", outcome: "changes-requested", groups, ...note };
  if (groups.some((g) => g.state === "waiting"))
    return { status: "pending", outcome: "waiting", groups, ...note };
  return { status: "success", outcome: "approved", groups, ...note };
}

/** Outstanding review requests that can fill `group`: its teams, and its users or known team members. */
function requestedFor(group: ReviewGroup, state: PullState): string[] {
  const teamSlug = (team: string) => team.split("/").pop()!.toLowerCase();
  const teams = state.pull.requested_teams
    .filter((slug) => group.teams.some((team) => teamSlug(team) === slug.toLowerCase()))
    .map((slug) => `@${state.pull.owner}/${slug}`);
  const users = state.pull.requested_users
    .filter((login) => isMember(group, login.toLowerCase(), state.team_members))
    .map((login) => `@${login}`);
  return [...users, ...teams];
}
