/**
 * Team membership through GitHub's GraphQL API (src/github/team-members.ts) against the e2e fake
 * GitHub, whose GraphQL answers are checked against GitHub's published schema and executed on it:
 * every team in one request, pages only for bigger teams, missing teams told apart, pending
 * invitations not counted, and a list read in full not read again within one client's life.
 */
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeMembersAmong, activeTeamMembers, readTeamMembers } from "../../src/github/team-members.js";
import { defaultWorld, type World } from "../helpers/app-github.js";
import { startGitHub, type FakeGitHubServer } from "../helpers/two-apps.js";

let world: World = defaultWorld();
let github: FakeGitHubServer;
beforeAll(async () => {
  github = await startGitHub(() => world);
});
afterAll(() => github?.close());

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const client = () => new Octokit({ baseUrl: github.url, log: quiet });
const queries = () => github.log.filter((r) => r.operationId === "graphql");

describe("team membership in one GraphQL request", () => {
  it("reads both teams in one request and pages only the team with more than 100 members", async () => {
    world = defaultWorld();
    for (let i = 0; i < 250; i++) world.teams.marketing![`member${i}`] = "active";
    world.teams["web-ops"]!.newcomer = "pending";
    const before = queries().length;
    const octokit = client();
    const read = await readTeamMembers(octokit, ["marketing", "web-ops"], "Codertocat", { maxPages: 5 });
    expect(read.marketing).toMatchObject({ complete: true });
    expect(read.marketing!.members).toHaveLength(252);
    expect(read["web-ops"]).toEqual({ members: ["bob", "both"], complete: true });
    // One request for both teams, then two more pages of marketing alone.
    expect(queries().length - before).toBe(3);
    // Read in full: the same client does not read them again.
    await readTeamMembers(octokit, ["web-ops", "marketing"], "Codertocat", { maxPages: 5 });
    expect(queries().length - before).toBe(3);
  });

  it("stops paging once the people asked about are found, and says which team is missing", async () => {
    world = defaultWorld();
    for (let i = 0; i < 250; i++) world.teams.marketing![`member${i}`] = "active";
    const before = queries().length;
    const wanted = { marketing: ["ANN"], "web-ops": ["Bob", "carol"] };
    expect(await activeMembersAmong(client(), wanted, "Codertocat")).toEqual({
      marketing: ["ann"],
      "web-ops": ["bob"],
    });
    expect(queries().length - before).toBe(1);
    // Whether someone is NOT a member takes the whole list.
    expect(await activeTeamMembers(client(), ["marketing"], ["carol"], "Codertocat")).toEqual({
      marketing: [],
    });
    expect(queries().length - before).toBe(4);
    await expect(activeTeamMembers(client(), ["markting"], ["ann"], "Codertocat")).rejects.toThrow(
      'The team "Codertocat/markting" named in the review configuration was not found',
    );
    const partial = await readTeamMembers(client(), ["marketing"], "Codertocat", { maxPages: 1 });
    expect(partial.marketing).toMatchObject({ complete: false });
    expect(partial.marketing!.members).toHaveLength(100);
  });
});
