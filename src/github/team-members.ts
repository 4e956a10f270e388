/**
 * Active team membership, read through GitHub's GraphQL API: one request answers for every team
 * an evaluation needs (the REST API takes one request per team, or per person). A pending
 * invitation is not membership.
 */
import type { GitHubClient } from "./client.js";

/** `org/slug` or `slug` (in the repository owner's organization). */
export function teamRef(team: string, defaultOrg: string): { org: string; team_slug: string } {
  const [org, slug] = team.includes("/") ? team.split("/", 2) : [defaultOrg, team];
  return { org: org!.replace(/^@/, ""), team_slug: slug! };
}

/**
 * For each team: the logins (lowercase) among `logins` that are active members. A team that does
 * not exist (or that the app cannot see) throws: the check then fails with the reason.
 */
export function activeTeamMembers(
  client: GitHubClient,
  teams: readonly string[],
  logins: readonly string[],
  defaultOrg: string,
): Promise<Record<string, string[]>> {
  return activeMembersAmong(client, Object.fromEntries(teams.map((team) => [team, logins])), defaultOrg);
}

/**
 * For each team of `wanted`: which of its logins (lowercase) are active members, every team in
 * one request (`readTeamMembers`). A team that does not exist, or that the app cannot see, throws.
 */
export async function activeMembersAmong(
  client: GitHubClient,
  wanted: Record<string, readonly string[]>,
  defaultOrg: string,
): Promise<Record<string, string[]>> {
  const logins = Object.fromEntries(
    Object.entries(wanted).map(([team, names]) => [team, [...new Set(names.map((n) => n.toLowerCase()))]]),
  );
  const teams = Object.keys(logins).filter((team) => logins[team]!.length > 0);
  const read = await readTeamMembers(client, teams, defaultOrg, { maxPages: 100, wanted: logins });
  const result: Record<string, string[]> = {};
  for (const [team, names] of Object.entries(logins)) {
    if (names.length === 0) {
      result[team] = [];
      continue;
    }
    const members = read[team];
    if (!members) throw missingTeam(teamRef(team, defaultOrg));
    result[team] = names.filter((login) => members.members.includes(login)).sort();
  }
  return result;
}

function missingTeam(ref: { org: string; team_slug: string }): Error {
  return new Error(
    `The team "${ref.org}/${ref.team_slug}" named in the review configuration was not found, or the app cannot see it. Check the team name in .github/campaign-gate.yml.`,
  );
}

/** A team's active members (lowercase logins) as read; `complete: false` when more were not read. */
export interface TeamMembers {
  members: string[];
  complete: boolean;
}

interface MembersPage {
  nodes: { login: string }[] | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Member lists already read in full, per client: one webhook's handling reads a team once. */
const readInFull = new WeakMap<object, Map<string, TeamMembers>>();

/**
 * The active members of every team in `teams`, all teams in ONE GraphQL request (100 members per
 * team; GitHub's REST API needs one request per team), more pages only for teams that have more,
 * at most `maxPages` per team, and only while `wanted[team]` (when given) is not all found. A
 * pending invitation is not membership (GraphQL lists members only). A team that does not exist,
 * or that the app cannot see, is `undefined`. Lists read in full are remembered for the rest of
 * the client's life (one webhook delivery): membership changes send their own webhook.
 */
export async function readTeamMembers(
  client: GitHubClient,
  teams: readonly string[],
  defaultOrg: string,
  options: { maxPages: number; wanted?: Record<string, readonly string[]> },
): Promise<Record<string, TeamMembers | undefined>> {
  const memo = readInFull.get(client) ?? new Map<string, TeamMembers>();
  readInFull.set(client, memo);
  const key = (team: string) => {
    const ref = teamRef(team, defaultOrg);
    return `${ref.org}/${ref.team_slug}`.toLowerCase();
  };
  const result: Record<string, TeamMembers | undefined> = {};
  const reading = new Map<string, { members: string[]; cursor: string | null; pages: number }>();
  for (const team of new Set(teams)) {
    const known = memo.get(key(team));
    if (known) result[team] = known;
    else reading.set(team, { members: [], cursor: null, pages: 0 });
  }
  while (reading.size > 0) {
    const batch = [...reading.entries()];
    const pages = await membersPages(
      client,
      batch.map(([team, r]) => ({ ...teamRef(team, defaultOrg), after: r.cursor })),
    );
    batch.forEach(([team, r], i) => {
      const page = pages[i];
      if (page === undefined) {
        result[team] = undefined;
        reading.delete(team);
        return;
      }
      r.members.push(...(page.nodes ?? []).map((node) => node.login.toLowerCase()));
      r.pages++;
      r.cursor = page.pageInfo.endCursor;
      const wanted = options.wanted?.[team];
      const enough = wanted !== undefined && wanted.every((login) => r.members.includes(login.toLowerCase()));
      if (!page.pageInfo.hasNextPage || enough || r.pages >= options.maxPages) {
        const read = { members: r.members, complete: !page.pageInfo.hasNextPage };
        if (read.complete) memo.set(key(team), read);
        result[team] = read;
        reading.delete(team);
      }
    });
  }
  return result;
}

/** One GraphQL request: the next page of members of each team (undefined: no such team). */
async function membersPages(
  client: GitHubClient,
  teams: { org: string; team_slug: string; after: string | null }[],
): Promise<(MembersPage | undefined)[]> {
  // Names travel as variables, never spliced into the query: they come from the configuration.
  const parameters: Record<string, unknown> = {};
  const fields = teams.map((team, i) => {
    parameters[`o${i}`] = team.org;
    parameters[`t${i}`] = team.team_slug;
    parameters[`a${i}`] = team.after;
    return `o${i}: organization(login: $o${i}) { team(slug: $t${i}) { members(first: 100, after: $a${i}) { nodes { login } pageInfo { hasNextPage endCursor } } } }`;
  });
  const declarations = teams.map((_, i) => `$o${i}: String!, $t${i}: String!, $a${i}: String`).join(", ");
  const query = `query(${declarations}) { ${fields.join(" ")} }`;
  const data = (await graphql(client, query, parameters)) as Record<
    string,
    { team: { members: MembersPage } | null } | null
  >;
  return teams.map((_, i) => data[`o${i}`]?.team?.members);
}

/**
 * Runs a GraphQL query. A missing organization is an error in GitHub's answer next to a null
 * field: that answer's data is used (the team then counts as missing); any other error throws.
 */
async function graphql(
  client: GitHubClient,
  query: string,
  parameters: Record<string, unknown>,
): Promise<unknown> {
  try {
    if (client.graphql) return await client.graphql(query, parameters);
    const response = await client.request("POST /graphql", { query, variables: parameters });
    const body = response.data as { data?: unknown; errors?: { type?: string; message?: string }[] };
    if (body.errors?.length) throw Object.assign(new Error(body.errors[0]?.message ?? "GraphQL error"), body);
    return body.data;
  } catch (error) {
    const e = error as { errors?: { type?: string }[]; data?: unknown };
    if (e.data && e.errors?.every((item) => item.type === "NOT_FOUND")) return e.data;
    throw error;
  }
}
