/**
 * End to end: a pull request that adds a maintenance window and a freeze to the capacity file. The
 * committed bundle reads the file at the base commit from a fake GitHub and lists the campaigns the
 * windows touch, with owners and effects, in the PR comment and the job summary.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { repoRoot, runBundle, workspaceFrom } from "./run-bundle.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;
const synchronize = (examples as unknown as { name: string; examples: Payload[] }[])
  .find((e) => e.name === "pull_request")!
  .examples.find((e) => e.action === "synchronize")!;
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE: string = synchronize.pull_request.base.sha;
const SHOP = path.join(repoRoot, "test/fixtures/action/shop");

const WINDOWS = `maintenance:
  - name: DB failover test
    services: [shared-db]
    start: 2027-02-01T09:00:00Z
    end: 2027-02-01T11:00:00Z
    capacity_factor: 0.5
freezes:
  - name: Quarter close
    start: 2027-02-02T00:00:00Z
    end: 2027-02-05T00:00:00Z
`;

let gh: FakeGitHub | undefined;
afterEach(async () => {
  expect(gh?.violations).toEqual([]);
  await gh?.close();
  gh = undefined;
});

describe("the Action bundle on a pull request that adds maintenance", () => {
  it("lists the campaigns the new windows touch, with owners and effects, in the comment and the summary", async () => {
    const baseCapacity = await readFile(path.join(SHOP, "infra/capacity.yaml"), "utf8");
    const workspace = await workspaceFrom(SHOP);
    await writeFile(path.join(workspace, "infra/capacity.yaml"), baseCapacity + WINDOWS);
    const pr = synchronize.pull_request;
    const comments: { id: number; body: string }[] = [];
    gh = await startFakeGitHub({
      "GET /repos/{owner}/{repo}/pulls/{pull_number}": () => ({
        body: { ...pr, head: { ...pr.head, sha: HEAD } },
      }),
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/files": () => ({
        body: [
          {
            sha: "a".repeat(40),
            filename: "infra/capacity.yaml",
            status: "modified",
            additions: 10,
            deletions: 0,
            changes: 10,
            blob_url: `https://github.com/Codertocat/Hello-World/blob/${HEAD}/infra/capacity.yaml`,
            raw_url: `https://github.com/Codertocat/Hello-World/raw/${HEAD}/infra/capacity.yaml`,
            contents_url: `https://api.github.com/repos/Codertocat/Hello-World/contents/infra/capacity.yaml?ref=${HEAD}`,
          },
        ],
      }),
      "GET /repos/{owner}/{repo}/contents/{path}": (req, params) => {
        if (req.query.get("ref") !== BASE || params.path !== "infra/capacity.yaml")
          return { status: 404, body: { message: "Not Found" } };
        return {
          body: {
            type: "file",
            encoding: "base64",
            size: baseCapacity.length,
            name: "capacity.yaml",
            path: "infra/capacity.yaml",
            content: Buffer.from(baseCapacity).toString("base64"),
            sha: "b".repeat(40),
          },
        };
      },
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": () => ({ body: [] }),
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": (req) => {
        const c = { id: 1000 + comments.length, body: (req.body as { body: string }).body };
        comments.push(c);
        return {
          status: 201,
          body: {
            id: c.id,
            node_id: `IC_${c.id}`,
            url: `https://api.github.com/repos/Codertocat/Hello-World/issues/comments/${c.id}`,
            html_url: `https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${c.id}`,
            issue_url: "https://api.github.com/repos/Codertocat/Hello-World/issues/2",
            body: c.body,
            user: { login: "github-actions[bot]", id: 41898282, type: "Bot" },
            author_association: "NONE",
            created_at: "2026-11-23T09:00:00Z",
            updated_at: "2026-11-23T09:00:00Z",
          },
        };
      },
    });
    const run = await runBundle({
      eventName: "pull_request",
      event: { ...synchronize, pull_request: { ...pr, head: { ...pr.head, sha: HEAD }, changed_files: 1 } },
      workspace,
      apiUrl: gh.url,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const read = gh.requests.filter((r) => r.operationId === "repos/get-content");
    expect(read.map((r) => [decodeURIComponent(r.path), r.query.get("ref")])).toEqual([
      ["/repos/Codertocat/Hello-World/contents/infra/capacity.yaml", BASE],
    ]);
    expect(comments).toHaveLength(1);
    // The newsletter (owner @tom) runs 1-3 Feb 2027 on the shop, which uses shared-db: 2,400 users
    // × 0.25 × 0.4 = 240 requests/s on it; ordinary traffic 3,000 × 0.25 × 0.4 = 300 requests/s;
    // shared-db's safe capacity 5,000 × 0.7 = 3,500 requests/s, half of it during the test.
    const expected = [
      "### IT windows this change adds or moves",
      '#### Maintenance "DB failover test" (new)',
      "Sites using this service: shop.",
      "| Campaign | Owner | Sites | What it means |",
      `| [February newsletter (\`february-newsletter\`)](https://github.com/Codertocat/Hello-World/blob/${HEAD}/campaigns/newsletter.yaml) | @\u200btom | shop | shared-db keeps 50% of its capacity from Mon 1 Feb 2027 09:00 UTC to Mon 1 Feb 2027 11:00 UTC: 1,750 requests/s instead of 3,500 requests/s; this campaign adds up to 240 requests/s on top of 300 requests/s ordinary traffic. |`,
      '#### Change freeze "Quarter close" (new)',
      "No infrastructure changes (no scaling) from Tue 2 Feb 2027 00:00 UTC to Wed 3 Feb 2027 00:00 UTC while the campaign runs",
    ];
    for (const line of expected) {
      expect(comments[0]!.body).toContain(line);
      expect(run.summary).toContain(line);
    }
  });
});
