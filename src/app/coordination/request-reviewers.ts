/**
 * Requests reviewers for the groups an evaluation left waiting. Reads what GitHub has now (the
 * freshly gathered pull request, not the webhook payload), so a redelivered event requests
 * nothing new: a group whose team or member is already requested, or who already reviewed, counts
 * as asked. Writes only when there is something to request.
 */
import { planReviewerRequests, type ReviewerRequests } from "../../core/coordination/reviewer-requests.js";
import { teamSlug } from "../../core/coordination/mentions.js";
import type { ReviewResult } from "../../core/review/evaluate.js";
import type { PullState } from "../../core/review/state.js";
import type { GitHubClient } from "../../github/client.js";
import { readTeamMembers } from "../../github/team-members.js";

/** Pages of 100 members read per team at most; a bigger team is requested without checking. */
const TEAM_MEMBER_PAGES = 5;

/**
 * Requests a reviewer for each group of `result` still waiting, as planned by
 * `planReviewerRequests`. `draft` comes from the pull request (nothing is requested on drafts).
 * Returns what was requested (both lists empty: no request was made). Throws on API errors:
 * the caller logs them without failing the review check.
 */
export async function requestReviewers(
  client: GitHubClient,
  state: PullState,
  result: ReviewResult,
  options: { draft: boolean },
): Promise<ReviewerRequests> {
  const none: ReviewerRequests = { reviewers: [], team_reviewers: [] };
  const policy = state.config.kind === "loaded" ? state.config.config.review : undefined;
  const missingGroups = result.groups.filter((group) => group.state === "waiting").map((g) => g.group);
  if (!policy?.request_reviewers || options.draft || missingGroups.length === 0) return none;

  const { pull } = state;
  const requestedTeams = new Set(pull.requested_teams.map((slug) => slug.toLowerCase()));
  // Member lists only for teams of groups not yet asked through a team: a redelivery costs nothing.
  const teams = [
    ...new Set(
      missingGroups.flatMap((name) => {
        const group = policy.groups[name];
        if (!group || group.teams.some((team) => requestedTeams.has(teamSlug(team).toLowerCase()))) return [];
        return group.teams;
      }),
    ),
  ];
  const teamMembers = await completeMemberLists(client, teams, pull.owner);
  const plan = planReviewerRequests({
    author: pull.author,
    draft: options.draft,
    missingGroups,
    groups: policy.groups,
    teamMembers,
    alreadyRequested: { users: pull.requested_users, teams: pull.requested_teams },
    reviewedBy: [...new Set(state.reviews.flatMap((review) => review.user ?? []))],
    prNumber: pull.number,
  });
  if (plan.reviewers.length === 0 && plan.team_reviewers.length === 0) return none;
  await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
    owner: pull.owner,
    repo: pull.repo,
    pull_number: pull.number,
    ...(plan.reviewers.length > 0 ? { reviewers: plan.reviewers } : {}),
    ...(plan.team_reviewers.length > 0 ? { team_reviewers: plan.team_reviewers } : {}),
  });
  return plan;
}

/**
 * Active members of the teams whose whole list could be read (one request for all teams; lists the
 * evaluation already read are not read again). A team missing here is unknown (missing, hidden, or
 * longer than we read): the planner then requests the team without checking, and GitHub itself
 * rejects a team that does not exist.
 */
async function completeMemberLists(
  client: GitHubClient,
  teams: string[],
  defaultOrg: string,
): Promise<Record<string, string[]>> {
  if (teams.length === 0) return {};
  try {
    const read = await readTeamMembers(client, teams, defaultOrg, { maxPages: TEAM_MEMBER_PAGES });
    return Object.fromEntries(
      Object.entries(read).flatMap(([team, list]) => (list?.complete ? [[team, list.members]] : [])),
    );
  } catch {
    return {};
  }
}
