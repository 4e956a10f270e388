import { describe, expect, it } from "vitest";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { blobUrl, readActionContext, readTriggeringRun } from "../../src/action/context.js";

// Webhook payloads are deep JSON; tests reach into them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;

const all = examples as unknown as { name: string; examples: Payload[] }[];
const prEvent = all.find((e) => e.name === "pull_request")!.examples.find((e) => e.action === "synchronize")!;
const runEvent = all.find((e) => e.name === "workflow_run")!.examples[0]!;

const env = {
  GITHUB_REPOSITORY: "Codertocat/Hello-World",
  GITHUB_SHA: "b".repeat(40),
  GITHUB_WORKSPACE: "/work/ws",
  GITHUB_SERVER_URL: "https://ghe.example/",
  GITHUB_RUN_ID: "7",
};

describe("readActionContext", () => {
  it("takes the PR head commit, not the merge commit, on pull_request", () => {
    const ctx = readActionContext({ ...env, GITHUB_EVENT_NAME: "pull_request" }, prEvent);
    expect(ctx).toEqual({
      eventName: "pull_request",
      owner: "Codertocat",
      repo: "Hello-World",
      sha: prEvent.pull_request.head.sha,
      pull: {
        number: 2,
        headSha: prEvent.pull_request.head.sha,
        baseSha: prEvent.pull_request.base.sha,
        changedFiles: prEvent.pull_request.changed_files,
      },
      serverUrl: "https://ghe.example",
      runUrl: "https://ghe.example/Codertocat/Hello-World/actions/runs/7",
      workspace: "/work/ws",
    });
  });

  it("checks everything on other events", () => {
    const ctx = readActionContext({ ...env, GITHUB_EVENT_NAME: "schedule" }, {});
    expect(ctx.pull).toBeUndefined();
    expect(ctx.sha).toBe("b".repeat(40));
  });

  it("explains a missing runner variable in plain words", () => {
    expect(() => readActionContext({}, {})).toThrow(
      "GITHUB_REPOSITORY is not set: campaign-gate's Action runs inside a GitHub Actions workflow.",
    );
  });
});

describe("readTriggeringRun", () => {
  it("reads the commit and branch of a workflow_run, and linked PRs only at that commit", () => {
    const event = structuredClone(runEvent);
    event.workflow_run.pull_requests = [
      { number: 5, head: { sha: event.workflow_run.head_sha } },
      { number: 6, head: { sha: "c".repeat(40) } },
    ];
    expect(readTriggeringRun(event)).toEqual({
      headSha: runEvent.workflow_run.head_sha,
      headBranch: runEvent.workflow_run.head_branch,
      headOwner: runEvent.workflow_run.head_repository.owner.login,
      pullNumbers: [5],
    });
    expect(readTriggeringRun(prEvent)).toBeUndefined();
  });
});

describe("blobUrl", () => {
  it("links a file and line at the commit, encoding what would break a markdown link", () => {
    const url = blobUrl({ serverUrl: "https://github.com", owner: "o", repo: "r", sha: "abc" });
    expect(url("campaigns/black friday (v2).yaml", 12)).toBe(
      "https://github.com/o/r/blob/abc/campaigns/black%20friday%20%28v2%29.yaml#L12",
    );
    expect(url("infra/capacity.yaml")).toBe("https://github.com/o/r/blob/abc/infra/capacity.yaml");
  });
});
