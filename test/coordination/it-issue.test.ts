import { describe, expect, it } from "vitest";
import type { ItPrepInput } from "../../src/core/coordination/it-issue.js";
import { itGroup, itPrepIssue, itPrepMarker } from "../../src/core/coordination/it-issue.js";
import { loadConfig } from "../../src/core/load/index.js";
import { campaign, report } from "./fixtures.js";

const plan = [
  {
    service: "web-shop",
    instances: 14,
    by: "2026-11-27T11:00:00.000Z",
    campaigns: ["black-friday-2026", "tv-spot"],
  },
  { service: "search", instances: 6, by: "2026-12-10T08:00:00.000Z", campaigns: ["winter-sale"] },
];
const campaigns = [
  campaign("black-friday-2026", 0.8, { file: "campaigns/black-friday.yaml", timezone: "America/New_York" }),
  campaign("tv-spot", 0.4),
  campaign("winter-sale", 0.5),
  campaign("newsletter", 0.1),
];

function input(overrides: Partial<ItPrepInput> = {}): ItPrepInput {
  return {
    pr: {
      number: 123,
      title: "Black Friday [doorbusters]",
      url: "https://github.com/acme/campaigns/pull/123",
      author: "jane",
    },
    changedFiles: ["campaigns/black-friday.yaml"],
    report: report(campaigns, plan),
    itGroup: { teams: ["web-ops"], users: ["ivan"] },
    org: "acme",
    ...overrides,
  };
}

describe("itPrepIssue", () => {
  it("opens an issue with the plan for the services the PR's campaigns need", () => {
    const issue = itPrepIssue(input());
    expect(issue).toBeDefined();
    expect(issue!.title).toBe("IT prep: scale web-shop by 2026-11-27 (PR #123)");
    expect(issue!.labels).toEqual(["it-prep"]);
    expect(issue!.assignees).toEqual(["ivan"]);
    expect(issue!.marker).toBe("<!-- campaign-gate:it-prep pr=123 -->");
    const body = issue!.body;
    expect(body).toContain(
      "| web-shop | 14 | Fri 27 Nov 2026 11:00 UTC<br>Fri 27 Nov 2026 06:00 EST (in 4 days) | **black-friday-2026**, tv-spot |",
    );
    expect(body).not.toContain("search");
    expect(body).toContain(
      "[#123](https://github.com/acme/campaigns/pull/123) “Black Friday [doorbusters]” by @jane",
    );
    expect(body).toContain("@acme/web-ops @ivan: please prepare");
    expect(body).toContain("- [ ] Scale web-shop to 14 instances before Fri 27 Nov 2026 11:00 UTC");
    expect(body.endsWith(issue!.marker)).toBe(true);
  });

  it("lists every needed service, earliest deadline in the title", () => {
    const issue = itPrepIssue(
      input({ changedFiles: ["campaigns/black-friday.yaml", "campaigns/winter-sale.yaml"] }),
    );
    expect(issue!.title).toBe("IT prep: scale web-shop, search by 2026-11-27 (PR #123)");
    expect(issue!.body).toContain("| search | 6 |");
    expect(issue!.body).toMatch(/\| search \| 6 \| .* \| \*\*winter-sale\*\* \|/);
    expect(issue!.body).toContain("in **bold**: black-friday-2026, winter-sale.");
  });

  it("opens nothing when the plan is empty or does not involve the PR's campaigns", () => {
    expect(itPrepIssue(input({ report: report(campaigns, []) }))).toBeUndefined();
    expect(itPrepIssue(input({ changedFiles: ["campaigns/newsletter.yaml"] }))).toBeUndefined();
    expect(itPrepIssue(input({ changedFiles: ["infra/capacity.yaml"] }))).toBeUndefined();
  });

  it("is identified by one marker per PR, the same on every run", () => {
    expect(itPrepIssue(input())!.marker).toBe(itPrepIssue(input())!.marker);
    expect(itPrepMarker(124)).not.toBe(itPrepMarker(123));
    // "pr=12" must not be found inside "pr=123".
    expect(itPrepMarker(123).includes(itPrepMarker(12))).toBe(false);
  });

  it("shows an already passed deadline as overdue, in UTC when the campaign has no zone", () => {
    const late = report([campaign("tv-spot", 0.4)], plan, { now: "2026-11-29T11:00:00.000Z" });
    const issue = itPrepIssue(input({ report: late, changedFiles: ["campaigns/tv-spot.yaml"] }));
    expect(issue!.body).toContain("| Fri 27 Nov 2026 11:00 UTC (overdue by 2 days) |");
  });

  it("keeps a PR title from breaking the table or pinging people", () => {
    const pr = {
      number: 9,
      title: "Sale | thanks @bob",
      url: "https://github.com/acme/campaigns/pull/9",
      author: "jane",
    };
    expect(itPrepIssue(input({ pr }))!.body).toContain("“Sale \\| thanks @\u200bbob”");
  });

  it("assigns at most 10 people and drops a leading @", () => {
    const users = Array.from({ length: 12 }, (_, i) => `@it${i}`);
    const issue = itPrepIssue(input({ itGroup: { teams: [], users } }));
    expect(issue!.assignees).toEqual(users.slice(0, 10).map((user) => user.slice(1)));
  });
});

describe("itGroup", () => {
  const load = (text: string) => loadConfig({ path: ".github/campaign-gate.yml", text }).config;

  it("is the group the rules require for a change to the capacity file", () => {
    const config = load(`review:
  groups:
    marketing: { teams: [marketing] }
    ops: { teams: [web-ops], users: [ivan] }
  rules:
    - { name: campaigns, paths: ["campaigns/**"], require: [marketing, ops] }
    - { name: limits, paths: ["infra/**"], require: [ops] }
`);
    expect(itGroup(config)).toEqual({ teams: ["web-ops"], users: ["ivan"] });
  });

  it("falls back to a group named it, else nobody", () => {
    const named = load(`review:
  groups:
    it: { teams: [web-ops] }
  rules:
    - { name: campaigns, paths: ["campaigns/**"], require: [it] }
`);
    expect(itGroup(named)).toEqual({ teams: ["web-ops"], users: [] });
    expect(itGroup(load("capacity: infra/capacity.yaml\n"))).toEqual({ teams: [], users: [] });
  });
});
