import { afterEach, describe, expect, it } from "vitest";
import { runSla } from "../../src/app/sla-run.js";
import { checkRequest } from "../helpers/openapi.js";
import {
  BASE_SHA,
  CONFIG,
  HEAD_SHA,
  addPull,
  campaignYaml,
  newWorld,
  serveWorld,
  type Served,
  closeWorld,
} from "./world.js";

const ENV = { GITHUB_REPOSITORY: "Codertocat/Hello-World", GITHUB_TOKEN: "test" };
const DUE = Date.parse("2026-11-25T15:00:00Z");
let served: Served | undefined;
afterEach(closeWorld);

async function run(configText: string | undefined, env: Record<string, string> = ENV) {
  const world = newWorld();
  if (configText === undefined) delete world.commits[BASE_SHA]![".github/campaign-gate.yml"];
  else world.commits[BASE_SHA]![".github/campaign-gate.yml"] = configText;
  const pull = addPull(world, { "campaigns/summer-sale.yaml": campaignYaml("summer-sale", 400) });
  pull.timeline = [
    { event: "review_requested", created_at: "2026-11-20T15:00:00Z", requested_team: { slug: "web-ops" } },
  ];
  pull.reviews.push({
    id: 1,
    user: "mona",
    state: "APPROVED",
    commit_id: HEAD_SHA,
    submitted_at: "2026-11-23T10:00:00Z",
  });
  served = await serveWorld(world);
  const lines: string[] = [];
  const status = await runSla(env, {
    client: served.client,
    now: DUE,
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { status, lines, world };
}

describe("sla-run", () => {
  it("sweeps the repository with the default branch's configuration", async () => {
    const { status, lines, world } = await run(CONFIG);
    expect(status).toBe(0);
    expect(lines).toEqual(["campaign-gate SLA: #2 escalated it"]);
    expect(world.comments).toHaveLength(1);
    expect(served!.fake.calls()[0]).toBe("GET /repos/Codertocat/Hello-World");
  });

  it("does nothing without review.sla", async () => {
    const { status, lines } = await run(undefined);
    expect(status).toBe(0);
    expect(lines[0]).toContain("sets no review.sla; nothing to do");
    expect(served!.writes()).toEqual([]);
  });

  it("fails with the reason when the configuration does not load", async () => {
    const { status, lines } = await run("review: 3\n");
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^\.github\/campaign-gate\.yml at master does not load: /);
  });

  it("says which variables are missing", async () => {
    const lines: string[] = [];
    expect(await runSla({}, { err: (l) => lines.push(l) })).toBe(2);
    expect(lines).toEqual(["campaign-gate SLA: set GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name)."]);
  });
});

describe("the OpenAPI request check on issue creation", () => {
  const check = checkRequest;
  it("accepts a valid issue and rejects one GitHub would reject", () => {
    expect(() => check("POST", "/repos/o/r/issues", { body: "no title" })).toThrow(/issues\/create/);
    expect(check("POST", "/repos/o/r/issues", { title: "t", labels: ["it-prep"] })).toEqual({
      operationId: "issues/create",
    });
  });
});
