/** GitHub @-mentions and team names for a group of people, so that a comment or issue notifies them. */
import type { ReviewGroup } from "../model.js";

/** A team as the API wants it: the slug, without an `org/` prefix someone may have written. */
export function teamSlug(team: string): string {
  return team.split("/").pop() ?? team;
}

/** `@org/team` for each team, then `@login` for each user, without repeats. */
export function groupMentions(group: ReviewGroup, org: string): string[] {
  const teams = group.teams.map((team) => (team.includes("/") ? `@${team}` : `@${org}/${team}`));
  const users = group.users.map((user) => `@${user.replace(/^@/, "")}`);
  return [...new Set([...teams, ...users])];
}
