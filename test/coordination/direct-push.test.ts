import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { DirectPushInput, PushCommit } from "../../src/core/coordination/direct-push.js";
import {
  directPushAlarm,
  directPushMarker,
  pushCommitsFromPayload,
} from "../../src/core/coordination/direct-push.js";

interface WebhookDefinition {
  name: string;
  examples: Parameters<typeof pushCommitsFromPayload>[0][];
}
const definitions = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];
const pushExamples = definitions.find((definition) => definition.name === "push")!.examples;
/** GitHub's example push of one commit to the default branch (Codertocat/Hello-World, master). */
const branchPush = pushExamples.find(
  (example) => example.ref === "refs/heads/master" && example.commits.length > 0,
)!;
const tagPush = pushExamples.find((example) => example.ref.startsWith("refs/tags/"))!;

const isCampaignFile = (path: string) => path.startsWith("campaigns/");
const repoUrl = "https://github.com/acme/campaigns";

function commit(
  id: string,
  files: Partial<Pick<PushCommit, "added" | "modified" | "removed">>,
  username?: string,
): PushCommit {
  return {
    id,
    message: `change ${id}\n\nlonger description`,
    author: { name: username ? username.toUpperCase() : "Local User", ...(username ? { username } : {}) },
    added: [],
    modified: [],
    removed: [],
    ...files,
  };
}

function input(commits: PushCommit[], overrides: Partial<DirectPushInput> = {}): DirectPushInput {
  return {
    ref: "refs/heads/main",
    defaultBranch: "main",
    commits,
    isCampaignFile,
    associatedPulls: {},
    repoUrl,
    ...overrides,
  };
}

describe("directPushAlarm", () => {
  const sha = (n: number) => String(n).repeat(40);

  it("raises one alarm for a direct push that changes a campaign, naming the commit and author", () => {
    const alarm = directPushAlarm(input([commit(sha(1), { modified: ["campaigns/bf.yaml"] }, "jane")]));
    expect(alarm).toBeDefined();
    expect(alarm!.title).toBe("Campaign files changed on main without review (1111111 by @jane)");
    expect(alarm!.labels).toEqual(["unreviewed-campaign-change"]);
    expect(alarm!.marker).toBe(`<!-- campaign-gate:direct-push sha=${sha(1)} -->`);
    expect(alarm!.body).toContain(
      `| [\`1111111\`](${repoUrl}/commit/${sha(1)}) | @jane | change ${sha(1)} | \`campaigns/bf.yaml\` |`,
    );
    expect(alarm!.body.endsWith(alarm!.marker)).toBe(true);
  });

  it("raises nothing for the merge commit of a reviewed pull request and the branch commits it brings", () => {
    const branchCommit = commit(sha(1), { added: ["campaigns/bf.yaml"] }, "jane");
    const mergeCommit = commit(sha(2), { added: ["campaigns/bf.yaml"] }, "web-flow");
    const associatedPulls = {
      [sha(1)]: [{ number: 5, merged: true }],
      [sha(2)]: [{ number: 5, merged: true }],
    };
    expect(directPushAlarm(input([branchCommit, mergeCommit], { associatedPulls }))).toBeUndefined();
  });

  it("raises an alarm when the associated pull request is not merged (pushed around the review)", () => {
    const associatedPulls = { [sha(1)]: [{ number: 6, merged: false }] };
    const alarm = directPushAlarm(
      input([commit(sha(1), { removed: ["campaigns/old.yaml"] })], { associatedPulls }),
    );
    expect(alarm?.title).toBe("Campaign files changed on main without review (1111111 by Local User)");
  });

  it("names only the unreviewed commits and marks the alarm with the pushed head", () => {
    const commits = [
      commit(sha(1), { modified: ["campaigns/a.yaml"] }, "jane"),
      commit(sha(2), { modified: ["campaigns/b.yaml", "README.md"] }, "joe"),
      commit(sha(3), { modified: ["README.md"] }, "jim"),
    ];
    const alarm = directPushAlarm(
      input(commits, { associatedPulls: { [sha(1)]: [{ number: 5, merged: true }] } }),
    );
    expect(alarm!.marker).toBe(directPushMarker(sha(3)));
    expect(alarm!.body).toContain("A commit changed campaign files");
    expect(alarm!.body).toContain("| @joe |");
    expect(alarm!.body).toContain("`campaigns/b.yaml`");
    expect(alarm!.body).not.toContain("README.md");
    expect(alarm!.body).not.toContain("@jane");
    expect(alarm!.title).toContain("(3333333 by @joe)");
  });

  it("raises nothing for pushes that do not touch campaigns or are not on the default branch", () => {
    expect(directPushAlarm(input([commit(sha(1), { modified: ["README.md"] })]))).toBeUndefined();
    const other = input([commit(sha(1), { modified: ["campaigns/a.yaml"] })], { ref: "refs/heads/feature" });
    expect(directPushAlarm(other)).toBeUndefined();
    expect(directPushAlarm(input([]))).toBeUndefined();
  });

  it("names three authors at most in the title, and every commit in the body", () => {
    const commits = ["ann", "bob", "cy", "dee", "eve"].map((name, i) =>
      commit(sha(i + 1), { added: [`campaigns/${name}.yaml`] }, name),
    );
    const alarm = directPushAlarm(input(commits));
    expect(alarm!.title).toBe(
      "Campaign files changed on main without review (5555555 by @ann, @bob, @cy and 2 more)",
    );
    expect(alarm!.body).toContain("5 commits changed campaign files");
    expect(alarm!.body).toContain("| @eve |");
  });

  it("gives the same alarm for a redelivered push", () => {
    const commits = [commit(sha(1), { modified: ["campaigns/a.yaml"] }, "jane")];
    expect(directPushAlarm(input(commits))).toEqual(directPushAlarm(input(commits)));
  });
});

describe("pushCommitsFromPayload (GitHub's example push payloads)", () => {
  it("maps a branch push", () => {
    expect(pushCommitsFromPayload(branchPush)).toEqual({
      ref: "refs/heads/master",
      defaultBranch: "master",
      commits: [
        {
          id: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
          message: "Initial commit",
          author: { name: "Codertocat", username: "Codertocat" },
          added: ["README.md"],
          modified: [],
          removed: [],
        },
      ],
      repoUrl: "https://github.com/Codertocat/Hello-World",
    });
  });

  it("feeds directPushAlarm: a direct push of a campaign raises one alarm, a reviewed one none", () => {
    const payload = structuredClone(branchPush);
    payload.commits[0]!.added = ["campaigns/black-friday.yaml"];
    const mapped = pushCommitsFromPayload(payload);
    const alarm = directPushAlarm({ ...mapped, isCampaignFile, associatedPulls: {} });
    expect(alarm?.title).toBe("Campaign files changed on master without review (6113728 by @Codertocat)");
    expect(alarm?.body).toContain(
      "https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246",
    );
    const reviewed = { [payload.commits[0]!.id]: [{ number: 1, merged: true }] };
    expect(directPushAlarm({ ...mapped, isCampaignFile, associatedPulls: reviewed })).toBeUndefined();
  });

  it("gives no commits for a tag push", () => {
    const mapped = pushCommitsFromPayload(tagPush);
    expect(mapped.commits).toEqual([]);
    expect(directPushAlarm({ ...mapped, isCampaignFile: () => true, associatedPulls: {} })).toBeUndefined();
  });
});
