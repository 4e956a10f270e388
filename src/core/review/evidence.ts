/**
 * What the review evaluation still needs to read, decided from what is known so far (issue 9: the
 * gather shell stops re-deciding policy). Like policy-bot's rules pulling from a lazy
 * `pull.Context`, the core names the next reads and the shell only fetches them, until nothing is
 * missing. Reads stop as soon as the answer is decided: no review policy, an incomplete file list,
 * no rule matching the changed files.
 */
import type { ReviewPolicy } from "../model.js";
import { isMember, reviewersToLookUp } from "./evaluate.js";
import { requiredGroups } from "./groups.js";
import { latestDecisions } from "./reviews.js";
import type { PullState } from "./state.js";

/** One read the shell makes for the core. */
export type EvidenceRead =
  | { read: "files" }
  | { read: "reviews" }
  /** Which of `logins` (lowercase) are active members of `team` (as written in the policy). */
  | { read: "members"; team: string; logins: string[] }
  /** Paths changed from `base` (a reviewed commit) to `head`, or unknown. */
  | { read: "compare"; base: string; head: string };

/** A PullState still being filled: parts not read yet are undefined. */
export interface Evidence extends Omit<PullState, "files" | "reviews"> {
  files?: PullState["files"];
  reviews?: PullState["reviews"];
  /** Logins looked up per team so far, members or not (`team_members` holds the active ones). */
  looked_up: Record<string, string[]>;
}

/** The reads still missing before `evaluateReview` can decide; empty when nothing is. */
export function nextReads(evidence: Evidence): EvidenceRead[] {
  const policy: ReviewPolicy | undefined =
    evidence.config.kind === "loaded" ? evidence.config.config.review : undefined;
  if (!policy) return [];
  if (!evidence.files) return [{ read: "files" }];
  // An incomplete list could hide a file that requires a group: the answer is "fail", read no more.
  if (!evidence.files.complete) return [];
  const required = requiredGroups(policy, evidence.files.paths);
  if (required.length === 0) return [];
  if (!evidence.reviews) return [{ read: "reviews" }];

  const state = { ...evidence, reviews: evidence.reviews };
  const logins = reviewersToLookUp(state);
  const teams = [...new Set(required.flatMap(({ group }) => policy.groups[group]?.teams ?? []))];
  const members = teams.flatMap((team): EvidenceRead[] => {
    const known = new Set(evidence.looked_up[team] ?? []);
    const missing = logins.filter((login) => !known.has(login));
    return missing.length > 0 ? [{ read: "members", team, logins: missing }] : [];
  });
  if (members.length > 0) return members;

  if (!policy.invalidate_on_push) return [];
  // Compare only the commits of approvals that could count: by a member of a required group.
  const head = evidence.pull.head_sha;
  const commits = new Set<string>();
  for (const [login, decision] of latestDecisions(evidence.reviews)) {
    if (decision.state !== "APPROVED" || !logins.includes(login)) continue;
    const commit = decision.commit_id;
    if (!commit || commit === head || commit in evidence.changed_since) continue;
    const groups = required.map(({ group }) => policy.groups[group] ?? { teams: [], users: [] });
    if (groups.some((group) => isMember(group, login, evidence.team_members))) commits.add(commit);
  }
  return [...commits].sort().map((base) => ({ read: "compare", base, head }));
}

/** The evidence as the PullState `evaluateReview` takes (parts never needed are empty). */
export function pullState(evidence: Evidence): PullState {
  const { looked_up: _lookedUp, files, reviews, ...rest } = evidence;
  return { ...rest, files: files ?? { paths: [], complete: true }, reviews: reviews ?? [] };
}
