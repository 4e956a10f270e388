/**
 * Which reviewers to request on a pull request so that every required group still missing an
 * approval has someone asked — and nobody is asked twice. Stateless: the same GitHub state always
 * gives the same answer, so redelivered webhooks and several replicas request nothing new.
 *
 * Decision: a group with a team is asked through the team (GitHub then applies the team's own
 * review assignment — round robin or load balance — if the org configured one, and the request
 * stays visible as "team requested"). A team is skipped when it has no active member except the
 * author; then, and for groups made only of users, one person is picked. The pick spreads load
 * over the group's members without state: eligible logins are sorted and the PR number picks the
 * index (consecutive PRs go round robin). Groups with the fewest known members are served first,
 * so that with distinct reviewers a small group is not left without anyone a bigger group took.
 */
import type { ReviewGroup } from "../model.js";
import { teamSlug } from "./mentions.js";

export interface ReviewerRequestInput {
  author: string;
  draft: boolean;
  /** Required groups that do not have a counted approval yet; the requests are listed in this order. */
  missingGroups: string[];
  groups: Record<string, ReviewGroup>;
  /** Team as written in the policy → active member logins (a team missing here is requested without checking). */
  teamMembers: Record<string, string[]>;
  /** What the pull request already has in `requested_reviewers` / `requested_teams`. */
  alreadyRequested: { users: string[]; teams: string[] };
  /** Logins that have already submitted a review (GitHub drops them from `requested_reviewers`). */
  reviewedBy: string[];
  prNumber: number;
}

/** The body of "request reviewers for a pull request"; both lists empty means: call nothing. */
export interface ReviewerRequests {
  reviewers: string[];
  team_reviewers: string[];
}

/** Plans the review requests for the groups still missing an approval (nothing on drafts). */
export function planReviewerRequests(input: ReviewerRequestInput): ReviewerRequests {
  if (input.draft) return { reviewers: [], team_reviewers: [] };
  const author = login(input.author);
  const requestedTeams = new Set(input.alreadyRequested.teams.map((team) => login(teamSlug(team))));
  const asked = [...input.alreadyRequested.users, ...input.reviewedBy].map(login);
  // People who already stand for one group; with distinct reviewers nobody stands for two.
  const taken = new Set<string>();
  const requests = new Map<string, { team?: string; user?: string }>();

  for (const { name, group, members } of byFewestMembers(input.missingGroups, input)) {
    if (group.teams.some((team) => requestedTeams.has(login(teamSlug(team))))) continue;
    const askedMember = asked.find((user) => members.has(user) && !taken.has(user) && user !== author);
    if (askedMember) {
      taken.add(askedMember);
      continue;
    }
    const team = group.teams.find((slug) => hasEligibleMember(input.teamMembers[slug], author));
    if (team) {
      requestedTeams.add(login(teamSlug(team)));
      requests.set(name, { team: teamSlug(team) });
      continue;
    }
    const eligible = [...members.keys()].filter((user) => user !== author && !taken.has(user)).sort();
    const pick = eligible[input.prNumber % Math.max(1, eligible.length)];
    if (pick === undefined) continue;
    taken.add(pick);
    requests.set(name, { user: members.get(pick) ?? pick });
  }
  // Reported in the order of `missingGroups`, whatever order the groups were served in.
  const ordered = input.missingGroups.flatMap((name) => requests.get(name) ?? []);
  return {
    reviewers: ordered.flatMap((request) => request.user ?? []),
    team_reviewers: ordered.flatMap((request) => request.team ?? []),
  };
}

/** GitHub logins are case-insensitive; a leading "@" from the configuration is dropped. */
function login(name: string): string {
  return name.replace(/^@/, "").toLowerCase();
}

/** The configured missing groups with their members, smallest first (stable for equal sizes). */
function byFewestMembers(
  names: string[],
  input: ReviewerRequestInput,
): { name: string; group: ReviewGroup; members: Map<string, string> }[] {
  const known = (group: ReviewGroup) => group.teams.every((team) => input.teamMembers[team] !== undefined);
  return names
    .flatMap((name) => {
      const group = input.groups[name];
      return group ? [{ name, group, members: groupMembers(group, input.teamMembers) }] : [];
    })
    .map((entry) => ({ ...entry, size: known(entry.group) ? entry.members.size : Number.POSITIVE_INFINITY }))
    .sort((a, b) => (a.size === b.size ? 0 : a.size - b.size));
}

/** Lower-cased login → login as written, for everyone in the group's users and teams. */
function groupMembers(group: ReviewGroup, teamMembers: Record<string, string[]>): Map<string, string> {
  const fromTeams = group.teams.flatMap((team) => teamMembers[team] ?? []);
  return new Map([...group.users, ...fromTeams].map((user) => [login(user), user.replace(/^@/, "")]));
}

/** A team is worth requesting unless we know it has nobody but the author. */
function hasEligibleMember(members: string[] | undefined, author: string): boolean {
  return members === undefined || members.some((member) => login(member) !== author);
}
