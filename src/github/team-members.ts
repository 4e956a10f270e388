/**
 * Active team membership of the people who reviewed. A pending invitation is not membership.
 * Per team we pick the cheaper way: one membership lookup when a single person needs checking,
 * otherwise the member list (active members only), read page by page until everyone is found.
 */
import type { GitHubClient } from "./client.js";
import { statusOf } from "./config-at-base.js";
import { listAll } from "./paginate.js";

/** `org/slug` or `slug` (in the repository owner's organization). */
export function teamRef(team: string, defaultOrg: string): { org: string; team_slug: string } {
  const [org, slug] = team.includes("/") ? team.split("/", 2) : [defaultOrg, team];
  return { org: org!.replace(/^@/, ""), team_slug: slug! };
}

/**
 * For each team: the logins (lowercase) among `logins` that are active members. A team that does
 * not exist (or that the app cannot see) throws: the check then fails with the reason.
 */
export async function activeTeamMembers(
  client: GitHubClient,
  teams: readonly string[],
  logins: readonly string[],
  defaultOrg: string,
): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const team of teams) {
    const ref = teamRef(team, defaultOrg);
    if (logins.length === 0) result[team] = [];
    else if (logins.length === 1)
      result[team] = (await isActiveMember(client, ref, logins[0]!)) ? [logins[0]!] : [];
    else {
      const wanted = new Set(logins);
      const found = (items: { login: string }[]) =>
        items.map((m) => m.login.toLowerCase()).filter((l) => wanted.has(l));
      const members = await listAll<{ login: string }>(
        client,
        "GET /orgs/{org}/teams/{team_slug}/members",
        ref,
        { maxPages: 100, done: (items) => found(items).length === wanted.size },
      ).catch((error: unknown) => {
        throw statusOf(error) === 404 ? missingTeam(ref) : error;
      });
      result[team] = [...new Set(found(members))].sort();
    }
  }
  return result;
}

async function isActiveMember(
  client: GitHubClient,
  ref: { org: string; team_slug: string },
  login: string,
): Promise<boolean> {
  try {
    const response = await client.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
      ...ref,
      username: login,
    });
    return (response.data as { state?: string }).state === "active";
  } catch (error) {
    // 404 means "not a member" here (GitHub does not tell a missing team apart from a non-member).
    if (statusOf(error) === 404) return false;
    throw error;
  }
}

function missingTeam(ref: { org: string; team_slug: string }): Error {
  return new Error(
    `The team "${ref.org}/${ref.team_slug}" named in the review configuration was not found, or the app cannot see it. Check the team name in .github/campaign-gate.yml.`,
  );
}
