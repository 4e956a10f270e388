/**
 * When a required group started waiting for its review, from the pull request's timeline.
 *
 * Decision: the pull request became ready for review at its last
 * `ready_for_review` timeline event, else at `created_at`. A group waits since the first
 * `review_requested` event naming one of its teams or members, but never since before the pull
 * request became ready; a group never requested waits since it became ready (it was required from
 * the start). A later re-request does not restart the clock: the group has been asked since then.
 */
import type { ReviewPolicy } from "../model.js";
import { isMember } from "../review/evaluate.js";
import { teamSlug } from "./mentions.js";
import type { WaitingGroup } from "./sla-escalation.js";

/** The timeline events that matter here (GET /repos/{owner}/{repo}/issues/{issue_number}/timeline). */
export interface TimelineEvent {
  event?: string;
  created_at?: string;
  requested_reviewer?: { login: string } | null;
  requested_team?: { slug: string } | null;
}

/**
 * When each waiting group's wait started (epoch ms), from the pull request's timeline: see the
 * decision at the top of this file. `teamMembers`: active members (lowercase) per team, for
 * requests made to a person rather than a team.
 */
export function waitingSince(
  groups: string[],
  policy: ReviewPolicy,
  teamMembers: Record<string, string[]>,
  timeline: TimelineEvent[],
  createdAt: string,
): WaitingGroup[] {
  const times = (name: string) =>
    timeline.filter((e) => e.event === name && e.created_at).map((e) => Date.parse(e.created_at!));
  const ready = Math.max(Date.parse(createdAt), ...times("ready_for_review"));
  return groups.map((name) => {
    const group = policy.groups[name] ?? { teams: [], users: [] };
    const slugs = new Set(group.teams.map((team) => teamSlug(team).toLowerCase()));
    const requests = timeline
      .filter(
        (e) =>
          e.event === "review_requested" &&
          e.created_at !== undefined &&
          ((e.requested_team && slugs.has(e.requested_team.slug.toLowerCase())) ||
            (e.requested_reviewer && isMember(group, e.requested_reviewer.login.toLowerCase(), teamMembers))),
      )
      .map((e) => Date.parse(e.created_at!));
    const firstRequest = requests.length > 0 ? Math.min(...requests) : ready;
    return { group: name, since: Math.max(ready, firstRequest) };
  });
}
