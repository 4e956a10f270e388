/**
 * End to end: the committed bundle, run as a runner runs it, against a fake GitHub that checks
 * every request against GitHub's OpenAPI description.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub, type Handler } from "../helpers/fake-github.js";
import { bundle, repoRoot, runBundle, workspaceFrom, type BundleRun } from "./run-bundle.js";

// Webhook payloads are deep JSON; tests reach into them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;

const FIXTURES = path.join(repoRoot, "test/fixtures/action");
const GOLDEN = path.join(repoRoot, "test/golden/action");
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const NEWER = "9f0e1d2c3b4a59687766554433221100ffeeddcc";

// A real pull_request payload (Codertocat/Hello-World #2, synchronize).
const prExamples = (examples as unknown as { name: string; examples: Payload[] }[]).find(
  (e) => e.name === "pull_request",
)!.examples;
const synchronize = prExamples.find((e) => e.action === "synchronize")!;

function prEvent(headSha: string, changedFiles: number): Payload {
  const event = structuredClone(synchronize);
  event.pull_request.head.sha = headSha;
  event.pull_request.changed_files = changedFiles;
  return event;
}

interface Comment {
  id: number;
  body: string;
  user: { login: string; id: number; type: string };
}

/** The GitHub side of one pull request: head commit, changed files, comments. */
class FakePull {
  comments: Comment[] = [];
  forbidWrites = false;
  private nextId = 1000;
  constructor(
    public head: string,
    public files: string[],
  ) {}

  routes(): Record<string, Handler> {
    const pr = synchronize.pull_request;
    const comment = (c: Comment) => ({
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `https://api.github.com/repos/Codertocat/Hello-World/issues/comments/${c.id}`,
      html_url: `https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${c.id}`,
      issue_url: "https://api.github.com/repos/Codertocat/Hello-World/issues/2",
      body: c.body,
      user: c.user,
      author_association: "NONE",
      created_at: "2026-11-23T09:00:00Z",
      updated_at: "2026-11-23T09:00:00Z",
    });
    const forbidden = { status: 403, body: { message: "Resource not accessible by integration" } };
    return {
      "GET /repos/{owner}/{repo}/pulls/{pull_number}": () => ({
        body: { ...pr, head: { ...pr.head, sha: this.head } },
      }),
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/files": (req) => {
        const page = Number(req.query.get("page") ?? 1);
        const perPage = Number(req.query.get("per_page") ?? 30);
        const listed = this.files.slice(0, 3000).slice((page - 1) * perPage, page * perPage);
        return {
          body: listed.map((filename, i) => ({
            sha: String(i).padStart(40, "a"),
            filename,
            status: "modified",
            additions: 1,
            deletions: 0,
            changes: 1,
            blob_url: `https://github.com/Codertocat/Hello-World/blob/${this.head}/${filename}`,
            raw_url: `https://github.com/Codertocat/Hello-World/raw/${this.head}/${filename}`,
            contents_url: `https://api.github.com/repos/Codertocat/Hello-World/contents/${filename}?ref=${this.head}`,
          })),
        };
      },
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": (req) => {
        const page = Number(req.query.get("page") ?? 1);
        const perPage = Number(req.query.get("per_page") ?? 30);
        return { body: this.comments.slice((page - 1) * perPage, page * perPage).map(comment) };
      },
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": (req) => {
        if (this.forbidWrites) return forbidden;
        const c = { id: this.nextId++, body: (req.body as { body: string }).body, user: BOT };
        this.comments.push(c);
        return { status: 201, body: comment(c) };
      },
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": (req, params) => {
        if (this.forbidWrites) return forbidden;
        const c = this.comments.find((x) => x.id === Number(params.comment_id));
        if (!c) return { status: 404, body: { message: "Not Found" } };
        c.body = (req.body as { body: string }).body;
        return { body: comment(c) };
      },
    };
  }
}

const BOT = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

let gh: FakeGitHub | undefined;
async function fake(pull: FakePull): Promise<FakeGitHub> {
  gh = await startFakeGitHub(pull.routes());
  return gh;
}
afterEach(async () => {
  if (gh) {
    // Every request the Action made must be a real GitHub endpoint with a valid body.
    expect(gh.violations).toEqual([]);
    await gh.close();
    gh = undefined;
  }
});

const clean = () => workspaceFrom(path.join(FIXTURES, "shop"));
async function failing(): Promise<string> {
  const ws = await clean();
  await writeFile(
    path.join(ws, "campaigns/black-friday.yaml"),
    await readFile(path.join(FIXTURES, "extra/black-friday.yaml")),
  );
  return ws;
}

function annotations(run: BundleRun, level?: string) {
  return run.commands.filter(
    (c) => ["error", "warning", "notice"].includes(c.command) && (!level || c.command === level),
  );
}

/** Paths that differ per run, replaced for golden comparison. */
function normalize(text: string, run: BundleRun): string {
  return text.split(run.runnerTemp).join("$RUNNER_TEMP");
}

async function golden(name: string, actual: string): Promise<void> {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(file, actual);
  }
  expect(actual).toBe(await readFile(file, "utf8"));
}

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error("action/dist/index.js is missing: run `npm run bundle`");
});

describe("the Action bundle's outputs", () => {
  it("delimits every GITHUB_OUTPUT entry with its own random version 4 UUID (the bundle's /dev/urandom randomUUID)", async () => {
    const pull = new FakePull(HEAD, ["campaigns/newsletter.yaml"]);
    const api = await fake(pull);
    const runs = [];
    for (let i = 0; i < 2; i++)
      runs.push(
        await runBundle({
          eventName: "pull_request",
          event: prEvent(HEAD, 1),
          workspace: await clean(),
          apiUrl: api.url,
        }),
      );
    const delimiters = runs.flatMap((run) =>
      [...run.outputFile.matchAll(/^[\w-]+<<(ghadelimiter_.*)$/gm)].map((m) => m[1]!),
    );
    expect(delimiters.length).toBeGreaterThanOrEqual(2 * Object.keys(runs[0]!.outputs).length);
    for (const d of delimiters)
      expect(d).toMatch(/^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(delimiters).size).toBe(delimiters.length);
  });
});

describe("the Action bundle on pull_request", () => {
  it("passes a clean PR, comments once, sets outputs", async () => {
    const pull = new FakePull(HEAD, ["campaigns/newsletter.yaml"]);
    const api = await fake(pull);
    const run = await runBundle({
      eventName: "pull_request",
      event: prEvent(HEAD, 1),
      workspace: await clean(),
      apiUrl: api.url,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(annotations(run, "error")).toEqual([]);
    expect(run.outputs.verdict).toBe("pass");
    expect(run.outputs.report).toBe(path.join(run.runnerTemp, "campaign-gate", "report.json"));
    const report = JSON.parse(await readFile(run.outputs.report!, "utf8"));
    expect(report).toMatchObject({ version: 1, verdict: "pass" });
    expect(Number(run.outputs["peak-utilization"])).toBeCloseTo(
      Math.max(...report.services.map((s: { utilization: number }) => s.utilization)),
      6,
    );
    expect(api.calls()).toEqual([
      "GET /repos/Codertocat/Hello-World/pulls/2/files",
      "GET /repos/Codertocat/Hello-World/issues/2/comments",
      "GET /repos/Codertocat/Hello-World/pulls/2",
      "POST /repos/Codertocat/Hello-World/issues/2/comments",
    ]);
    expect(api.requests[0]!.headers.authorization).toBe("token ghs_fake_token");
    expect(pull.comments).toHaveLength(1);
    expect(pull.comments[0]!.body).toContain(`<!-- campaign-gate:head sha=${HEAD} -->`);
    expect(run.summary).toContain("all clear");
    await golden("comment-clean-pr.md", pull.comments[0]!.body);
    expect(run.summary).toContain("Pull request #2 changes 1 file");
  });

  it("fails a PR that breaks capacity: annotations on the YAML lines, summary, comment updated in place", async () => {
    const pull = new FakePull(HEAD, ["campaigns/newsletter.yaml"]);
    const api = await fake(pull);
    await runBundle({
      eventName: "pull_request",
      event: prEvent(HEAD, 1),
      workspace: await clean(),
      apiUrl: api.url,
    });
    expect(pull.comments).toHaveLength(1);
    const firstId = pull.comments[0]!.id;

    pull.head = NEWER;
    pull.files = ["campaigns/black-friday.yaml"];
    const run = await runBundle({
      eventName: "pull_request",
      event: prEvent(NEWER, 1),
      workspace: await failing(),
      apiUrl: api.url,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    const errors = annotations(run, "error").filter((c) => c.properties.file);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.properties).toMatchObject({ file: "campaigns/black-friday.yaml", title: expect.any(String) });
      expect(Number(e.properties.line)).toBeGreaterThan(0);
      expect(Number(e.properties.col)).toBeGreaterThan(0);
    }
    expect(run.stdout).toMatch(
      /^::error title=capacity,file=campaigns\/black-friday\.yaml,line=\d+,col=\d+::/m,
    );
    // The step fails with a plain message, not a stack trace.
    const failed = run.commands.filter((c) => c.command === "error" && !c.properties.file);
    expect(failed.map((c) => c.message)).toEqual([
      expect.stringMatching(/^campaign-gate found \d+ errors? this change must fix/),
    ]);
    // Updated in place, not duplicated.
    expect(pull.comments.map((c) => c.id)).toEqual([firstId]);
    expect(api.calls().slice(-1)).toEqual([`PATCH /repos/Codertocat/Hello-World/issues/comments/${firstId}`]);
    expect(pull.comments[0]!.body).toContain(`<!-- campaign-gate:head sha=${NEWER} -->`);
    expect(pull.comments[0]!.body).toContain(
      `https://github.com/Codertocat/Hello-World/blob/${NEWER}/campaigns/black-friday.yaml#L`,
    );
    // The dashboard: written beside report.json, its folder an output.
    expect(run.outputs.dashboard).toBe(path.join(path.dirname(run.outputs.report!), "dashboard"));
    expect(await readFile(path.join(run.outputs.dashboard!, "index.html"), "utf8")).toContain(
      "Campaign dashboard",
    );
    await golden("summary-failing-pr.md", normalize(run.summary, run));
    await golden("comment-failing-pr.md", pull.comments[0]!.body);

    // The same run again: identical body, nothing written.
    const before = api.requests.length;
    const again = await runBundle({
      eventName: "pull_request",
      event: prEvent(NEWER, 1),
      workspace: await failing(),
      apiUrl: api.url,
    });
    expect(again.code).toBe(1);
    expect(
      api
        .calls()
        .slice(before)
        .filter((c) => !c.startsWith("GET")),
    ).toEqual([]);
  });

  it("a run for an older head commit does not overwrite the newer comment", async () => {
    const pull = new FakePull(NEWER, ["campaigns/black-friday.yaml"]);
    const api = await fake(pull);
    await runBundle({
      eventName: "pull_request",
      event: prEvent(NEWER, 1),
      workspace: await failing(),
      apiUrl: api.url,
    });
    const newerBody = pull.comments[0]!.body;

    const stale = await runBundle({
      eventName: "pull_request",
      event: prEvent(HEAD, 1),
      workspace: await clean(),
      apiUrl: api.url,
    });
    expect(stale.code).toBe(0); // its own check still passes or fails on its own
    expect(pull.comments).toHaveLength(1);
    expect(pull.comments[0]!.body).toBe(newerBody);
    expect(api.calls().filter((c) => !c.startsWith("GET"))).toEqual([
      "POST /repos/Codertocat/Hello-World/issues/2/comments",
    ]);
    expect(stale.summary).toContain("moved on to commit 9f0e1d2");
  });

  it("on a fork PR (403 on comment) writes a notice and still fails the check", async () => {
    const pull = new FakePull(HEAD, ["campaigns/black-friday.yaml"]);
    pull.forbidWrites = true;
    const api = await fake(pull);
    const run = await runBundle({
      eventName: "pull_request",
      event: prEvent(HEAD, 1),
      workspace: await failing(),
      apiUrl: api.url,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    const notice = run.commands.find(
      (c) => c.command === "notice" && c.properties.title === "campaign-gate: comment skipped",
    );
    expect(notice?.message).toMatch(/may not write here \(pull requests from forks get a read-only token\)/);
    expect(run.summary).toContain("could not write its pull request comment");
    expect(api.calls().at(-1)).toBe("POST /repos/Codertocat/Hello-World/issues/2/comments");
  });

  it("with 3,000+ changed files checks everything and says so", async () => {
    const files = Array.from({ length: 3500 }, (_, i) => `assets/file-${i}.txt`);
    files.unshift("campaigns/newsletter.yaml");
    const pull = new FakePull(HEAD, files);
    const api = await fake(pull);
    const run = await runBundle({
      eventName: "pull_request",
      event: prEvent(HEAD, files.length),
      workspace: await failing(),
      apiUrl: api.url,
    });
    expect(api.calls().filter((c) => c.endsWith("/pulls/2/files"))).toHaveLength(30);
    // The black-friday file is not in the (cut) list, but every finding counts now.
    expect(run.outputs.verdict).toBe("fail");
    expect(run.code).toBe(1);
    const warning = run.commands.find(
      (c) => c.command === "warning" && c.message.includes("GitHub lists only 3,000"),
    );
    expect(warning?.message).toBe(
      "GitHub lists only 3,000 of the 3,501 files this pull request changes, so every finding in the repository counts for pull request #2.",
    );
    expect(run.summary).toContain("GitHub lists only 3,000 of the 3,501 files");
    expect(pull.comments[0]!.body).toContain("GitHub lists only 3,000 of the 3,501 files");
  });
});

describe("the Action bundle on push", () => {
  it("annotates within GitHub's budget and says how many more there are (120 findings)", async () => {
    const ws = await clean();
    for (let i = 0; i < 100; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const month = String(Math.floor(i / 28) + 3).padStart(2, "0");
      await writeFile(
        path.join(ws, `campaigns/guess-${String(i).padStart(3, "0")}.yaml`),
        `id: guess-${i}\nname: Guess ${i}\nowner: "@tom"\ntype: social\nwindow:\n  start: 2027-${month}-${day}T08:00:00Z\n  end: 2027-${month}-${day}T20:00:00Z\ntargets:\n  - site: shop\nforecast:\n  peak_concurrent_users: 100\n  confidence: guess\n  basis: "a hunch"\n`,
      );
    }
    for (let i = 0; i < 20; i++) {
      await writeFile(
        path.join(ws, `campaigns/broken-${String(i).padStart(2, "0")}.yaml`),
        `id: broken-${i}\nname: Broken ${i}\nowner: "@tom"\ntype: social\nbudget: 5\nwindow:\n  start: 2027-01-10T08:00:00Z\n  end: 2027-01-10T20:00:00Z\ntargets:\n  - site: shop\nforecast:\n  peak_concurrent_users: 100\n  high: 120\n  confidence: historical\n  basis: "last year"\n`,
      );
    }
    const api = await fake(new FakePull(HEAD, []));
    const event = { ref: "refs/heads/main", after: HEAD, repository: { full_name: "acme/campaigns" } };
    const run = await runBundle({ eventName: "push", event, workspace: ws, apiUrl: api.url });
    const report = JSON.parse(await readFile(run.outputs.report!, "utf8"));
    const count = (s: string) => report.findings.filter((f: { severity: string }) => f.severity === s).length;
    expect(count("error")).toBeGreaterThanOrEqual(20);
    expect(count("warning")).toBeGreaterThanOrEqual(100);
    const onLines = annotations(run).filter((c) => c.properties.file);
    // 9 + the failure message = GitHub's 10 errors; 8 warnings, 2 kept for the step's own.
    expect(onLines.filter((c) => c.command === "error")).toHaveLength(9);
    expect(onLines.filter((c) => c.command === "warning")).toHaveLength(8);
    for (const level of ["error", "warning", "notice"]) {
      expect(annotations(run, level).length).toBeLessThanOrEqual(10);
    }
    // Errors before warnings.
    const firstWarning = onLines.findIndex((c) => c.command === "warning");
    expect(onLines.slice(firstWarning).every((c) => c.command !== "error")).toBe(true);
    const more = `${count("error") - 9} more errors and ${count("warning") - 8} more warnings are not marked on the lines`;
    expect(run.summary).toContain(more);
    expect(run.commands.some((c) => c.command === "notice" && c.message.startsWith(more))).toBe(true);
    expect(run.code).toBe(1);
    expect(api.requests).toEqual([]); // push: no API calls at all
  });
});

describe("the Action bundle in comment-from mode (workflow_run)", () => {
  const runExample = (examples as unknown as { name: string; examples: Payload[] }[]).find(
    (e) => e.name === "workflow_run",
  )!.examples[0]!;

  it("posts the artifact's report on the fork PR it finds through the API, without checking anything", async () => {
    // First workflow: the read-only pull_request run that produces report.json.
    const pull = new FakePull(HEAD, ["campaigns/black-friday.yaml"]);
    pull.forbidWrites = true;
    const first = await fake(pull);
    const check = await runBundle({
      eventName: "pull_request",
      event: prEvent(HEAD, 1),
      workspace: await failing(),
      apiUrl: first.url,
      inputs: { comment: "false" },
    });
    expect(check.code).toBe(1);
    expect(first.calls()).toEqual(["GET /repos/Codertocat/Hello-World/pulls/2/files"]);
    await first.close();
    gh = undefined;

    // Second workflow: workflow_run with the downloaded artifact in an empty workspace.
    pull.forbidWrites = false;
    const api = await fake(pull);
    api.on("GET /repos/{owner}/{repo}/pulls", (req) => {
      expect(req.query.get("head")).toBe("forker:add-black-friday");
      expect(req.query.get("state")).toBe("open");
      return {
        body: [{ ...synchronize.pull_request, head: { ...synchronize.pull_request.head, sha: HEAD } }],
      };
    });
    const event = structuredClone(runExample);
    Object.assign(event.workflow_run, {
      event: "pull_request",
      head_sha: HEAD,
      head_branch: "add-black-friday",
      pull_requests: [],
    });
    event.workflow_run.head_repository.owner.login = "forker";
    const ws = await workspaceFrom(path.join(FIXTURES, "extra")); // no campaigns checked out: nothing is checked
    await writeFile(path.join(ws, "report.json"), await readFile(check.outputs.report!));
    const run = await runBundle({
      eventName: "workflow_run",
      event,
      workspace: ws,
      apiUrl: api.url,
      inputs: { "comment-from": "report.json" },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe("fail");
    expect(annotations(run).filter((c) => c.properties.file)).toEqual([]);
    expect(api.calls()).toEqual([
      "GET /repos/Codertocat/Hello-World/pulls",
      "GET /repos/Codertocat/Hello-World/issues/2/comments",
      "GET /repos/Codertocat/Hello-World/pulls/2",
      "POST /repos/Codertocat/Hello-World/issues/2/comments",
    ]);
    expect(pull.comments[0]!.body).toContain(`<!-- campaign-gate:head sha=${HEAD} -->`);
    expect(pull.comments[0]!.body).toContain("web-shop cannot carry the load");
  });

  it("refuses a file that is not a campaign-gate report, in plain words", async () => {
    const api = await fake(new FakePull(HEAD, []));
    const ws = await workspaceFrom(path.join(FIXTURES, "extra"));
    await writeFile(
      path.join(ws, "report.json"),
      JSON.stringify({ verdict: "pass", findings: "![x](https://evil)" }),
    );
    const event = structuredClone(runExample);
    const run = await runBundle({
      eventName: "workflow_run",
      event,
      workspace: ws,
      apiUrl: api.url,
      inputs: { "comment-from": "report.json" },
    });
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === "error")?.message).toBe(
      "report.json is not a JSON report of campaign-gate version 1 (expected version, verdict, now, findings, services, plan).",
    );
    expect(api.requests).toEqual([]);
  });
});
