/**
 * A small campaigns repository on a fake GitHub (test/helpers/fake-github.ts, which checks every
 * request against GitHub's OpenAPI description): commits with their files served through the
 * trees/blobs/contents endpoints, pull requests, issues, comments, teams. Writes change the world,
 * so a second delivery sees what the first one did, as on GitHub.
 */
import { expect } from "vitest";
import { createHash } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { clearBlobCache } from "../../src/github/blob-cache.js";
import { answerGraphql } from "../helpers/graphql.js";
import {
  startFakeGitHub,
  type FakeGitHub,
  type Handler,
  type RecordedRequest,
} from "../helpers/fake-github.js";

export const OWNER = "Codertocat";
export const REPO = "Hello-World";

export const CONFIG = `review:
  groups:
    marketing: { teams: [marketing] }
    it: { teams: [web-ops], users: [ivan] }
  rules:
    - { name: campaigns, paths: ["campaigns/**"], require: [marketing, it] }
    - { name: limits, paths: ["infra/**", ".github/campaign-gate.yml"], require: [it] }
  fast_lane: { max_utilization: 0.5, waive: [it] }
  sla:
    hours: 24
    timezone: Europe/Berlin
    escalate: { teams: [it-oncall], users: [carol] }
`;

/** One scalable service at 100 requests/s per instance, 4 running, 10 at most, 200 requests/s baseline. */
export const CAPACITY = `services:
  web:
    per_instance_rps: 100
    instances: 4
    max_instances: 10
    target_utilization: 1
sites:
  shop:
    baseline_rps: 200
    uses: { web: 1 }
`;

/** A campaign adding `rps` requests/s to the shop for a day (default 1 March 2027): (200 + rps) / 1000 of safe capacity. */
export function campaignYaml(id: string, rps: number, day = "2027-03-01"): string {
  return `id: ${id}
name: ${id}
owner: "@mona"
type: email
window:
  start: ${day}
  end: ${day}
timezone: UTC
targets:
  - site: shop
forecast:
  peak_requests_per_second: ${rps}
  high: ${rps}
  confidence: historical
  basis: "last year's mailing"
`;
}

/** The base repository: configuration, capacity and one existing small campaign. */
export function baseFiles(): Record<string, string> {
  return {
    ".github/campaign-gate.yml": CONFIG,
    "infra/capacity.yaml": CAPACITY,
    "campaigns/spring-mail.yaml": campaignYaml("spring-mail", 20, "2027-04-01"),
    "README.md": "# campaigns\n",
  };
}

export interface WorldPull {
  number: number;
  author: string;
  draft: boolean;
  state: "open" | "closed";
  created_at: string;
  head_sha: string;
  base_sha: string;
  files: string[];
  requested_reviewers: string[];
  requested_teams: string[];
  labels: string[];
  reviews: { id: number; user: string; state: string; commit_id: string; submitted_at: string }[];
  timeline: Record<string, unknown>[];
  /** Head branch name (pull requests the app opens); "feature" when absent. */
  head_ref?: string;
  title?: string;
  body?: string;
  merged_at?: string | null;
}

export interface WorldComment {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
}

export interface WorldIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  state: "open" | "closed";
  state_reason?: string;
  created_at?: string;
  /** The issue's author ("campaign-gate[bot]" when absent: the app's own issues). */
  user?: string;
}

export interface World {
  defaultBranch: string;
  /** Commit sha → path → text. */
  commits: Record<string, Record<string, string>>;
  truncatedTrees: Set<string>;
  pulls: WorldPull[];
  comments: WorldComment[];
  issues: WorldIssue[];
  /** Team slug → active member logins. */
  teams: Record<string, string[]>;
  /** Commit sha → pull requests GitHub associates with it. */
  commitPulls: Record<string, { number: number; merged_at: string | null }[]>;
  /** Called after an issue is created (to simulate a second writer). */
  onIssue?: (issue: WorldIssue) => void;
  /** Called after a comment is created (to simulate a racing sweep). */
  onComment?: (comment: WorldComment) => void;
  /** Status to answer instead, by "METHOD /path" (to inject API errors). */
  fail?: (call: string) => number | undefined;
  /** Status to answer AFTER performing the request, by "METHOD /path" (a write that happened but answered an error). */
  failAfter?: (call: string) => number | undefined;
  /** Repository labels (name → description), unique by name as on GitHub (case-insensitive). */
  repoLabels: Map<string, { name: string; description: string }>;
  /** Branch name → head commit sha, besides the default branch (always BASE_SHA). */
  branches?: Record<string, string>;
  /** Milliseconds to hold a request before handling it and again before answering (random API delays, so races are real). */
  latency?: () => number;
  /**
   * Close the connection after each answer. For client processes starved of CPU on a busy machine:
   * they may reuse a keep-alive connection just as the server drops it after 5 s idle.
   */
  freshConnections?: boolean;
}

export const BASE_SHA = "b".repeat(40);
export const HEAD_SHA = "c".repeat(40);

export function newWorld(): World {
  return {
    defaultBranch: "master",
    commits: { [BASE_SHA]: baseFiles() },
    truncatedTrees: new Set(),
    pulls: [],
    comments: [],
    issues: [],
    teams: { marketing: ["mona", "mike"], "web-ops": ["bob", "bea"], "it-oncall": ["olga"] },
    commitPulls: {},
    repoLabels: new Map(),
  };
}

/** An open pull request from BASE_SHA to a head with `changes` applied (null deletes a file). */
export function addPull(
  world: World,
  changes: Record<string, string | null>,
  overrides: Partial<WorldPull> = {},
): WorldPull {
  const head = overrides.head_sha ?? HEAD_SHA;
  const files: Record<string, string> = { ...world.commits[BASE_SHA] };
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  world.commits[head] = files;
  const pull: WorldPull = {
    number: 2,
    author: "Codertocat",
    draft: false,
    state: "open",
    created_at: "2026-11-20T15:00:00Z",
    head_sha: head,
    base_sha: BASE_SHA,
    files: Object.keys(changes),
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    reviews: [],
    timeline: [],
    ...overrides,
  };
  world.pulls.push(pull);
  return pull;
}

export function blobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

const user = (login: string) => ({ login, id: login.length, type: login.endsWith("[bot]") ? "Bot" : "User" });
const notFound = { status: 404, body: { message: "Not Found" } };

/** Pages of `items` as GitHub serves them (`page`, `per_page`). */
function paged<T>(request: RecordedRequest, items: T[]): T[] {
  const page = Number(request.query.get("page") ?? 1);
  const perPage = Number(request.query.get("per_page") ?? 30);
  return items.slice((page - 1) * perPage, page * perPage);
}

export interface Served {
  fake: FakeGitHub;
  client: Octokit;
  /** Requests that change something on GitHub. */
  writes(): string[];
}

/** Serves `world` on a local fake GitHub. */
/** The world served last: `closeWorld` checks and closes it after each test. */
let live: Served | undefined;

/**
 * After a test (`afterEach(closeWorld)`): every request it made was one GitHub would accept
 * (checked against the OpenAPI description), and the fake server is closed.
 */
export async function closeWorld(): Promise<void> {
  const served = live;
  live = undefined;
  if (!served) return;
  await served.fake.close();
  expect(served.fake.violations).toEqual([]);
}

export async function serveWorld(world: World): Promise<Served> {
  // Each world is a new repository: blobs remembered from an earlier test must not answer for it.
  clearBlobCache();
  const blobs = () => {
    const all = new Map<string, string>();
    for (const files of Object.values(world.commits))
      for (const text of Object.values(files)) all.set(blobSha(text), text);
    return all;
  };
  const pullOf = (n: string) => world.pulls.find((p) => p.number === Number(n));
  let nextId = 5000;
  const fake = await startFakeGitHub();
  const pause = () => {
    const ms = world.latency?.() ?? 0;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
  };
  const route = (key: string, handler: Parameters<FakeGitHub["on"]>[1]) =>
    fake.on(key, async (request, params) => {
      await pause();
      const call = `${request.method} ${request.path}`;
      const status = world.fail?.(call);
      if (status) return { status, body: { message: "Server Error" } };
      const reply = await handler(request, params);
      await pause();
      const after = world.failAfter?.(call);
      const answer = after ? { status: after, body: { message: "Server Error" } } : reply;
      return world.freshConnections
        ? { ...answer, headers: { ...answer.headers, connection: "close" } }
        : answer;
    });

  route("POST /app/installations/{installation_id}/access_tokens", () => ({
    status: 201,
    body: { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} },
  }));
  route("GET /repos/{owner}/{repo}", () => ({ body: { default_branch: world.defaultBranch, name: REPO } }));
  route("GET /repos/{owner}/{repo}/contents/{path}", (request, { path }) => {
    const ref = request.query.get("ref") ?? world.defaultBranch;
    const files = world.commits[ref === world.defaultBranch ? BASE_SHA : (world.branches?.[ref] ?? ref)];
    const text = files?.[path!];
    if (text === undefined) return notFound;
    return {
      body: {
        type: "file",
        encoding: "base64",
        path,
        sha: blobSha(text),
        content: Buffer.from(text).toString("base64"),
      },
    };
  });
  route("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", (request, { tree_sha }) => {
    const files = world.commits[tree_sha!];
    if (!files) return notFound;
    expectRecursive(request);
    return {
      body: {
        sha: tree_sha,
        truncated: world.truncatedTrees.has(tree_sha!),
        tree: [
          { path: "campaigns", mode: "040000", type: "tree", sha: "d".repeat(40) },
          ...Object.entries(files).map(([path, text]) => ({
            path,
            mode: path.endsWith(".link.yaml") ? "120000" : "100644",
            type: "blob",
            sha: blobSha(text),
            size: Buffer.byteLength(text),
          })),
        ],
      },
    };
  });
  route("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", (_request, { file_sha }) => {
    const text = blobs().get(file_sha!);
    if (text === undefined) return notFound;
    return {
      body: {
        sha: file_sha,
        encoding: "base64",
        content: Buffer.from(text).toString("base64"),
        size: text.length,
      },
    };
  });
  route("GET /repos/{owner}/{repo}/pulls", (request) => {
    const state = request.query.get("state") ?? "open";
    const head = request.query.get("head");
    return {
      body: paged(
        request,
        world.pulls
          .filter((p) => state === "all" || p.state === state)
          .filter((p) => head === null || head === `${OWNER}:${p.head_ref ?? "feature"}`)
          .map((p) => ({
            number: p.number,
            state: p.state,
            draft: p.draft,
            created_at: p.created_at,
            title: p.title ?? "",
            body: p.body ?? null,
            merged_at: p.merged_at ?? null,
            user: user(p.author),
            head: { sha: p.head_sha, ref: p.head_ref ?? "feature" },
            labels: p.labels.map((name) => ({ name })),
          })),
      ),
    };
  });
  route("GET /repos/{owner}/{repo}/pulls/{pull_number}", (_request, { pull_number }) => {
    const p = pullOf(pull_number!);
    if (!p) return notFound;
    return {
      body: {
        number: p.number,
        state: p.state,
        draft: p.draft,
        user: user(p.author),
        body: p.body ?? null,
        head: { sha: p.head_sha, ref: p.head_ref ?? "feature" },
        base: { sha: p.base_sha, ref: world.defaultBranch },
        changed_files: p.files.length,
        requested_reviewers: p.requested_reviewers.map(user),
        requested_teams: p.requested_teams.map((slug) => ({ slug, name: slug })),
      },
    };
  });
  route("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", (request, { pull_number }) => ({
    body: paged(request, pullOf(pull_number!)?.files ?? []).map((filename) => ({
      filename,
      status: "modified",
      sha: "0".repeat(40),
    })),
  }));
  route("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", (request, { pull_number }) => ({
    body: paged(request, pullOf(pull_number!)?.reviews ?? []).map((r) => ({
      ...r,
      user: user(r.user),
      body: "",
    })),
  }));
  route("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", (request, { pull_number }) => {
    const p = pullOf(pull_number!)!;
    const body = request.body as { reviewers?: string[]; team_reviewers?: string[] };
    p.requested_reviewers.push(...(body.reviewers ?? []));
    p.requested_teams.push(...(body.team_reviewers ?? []));
    return { status: 201, body: { number: p.number } };
  });
  route("GET /repos/{owner}/{repo}/issues/{issue_number}/timeline", (request, { issue_number }) => ({
    body: paged(request, pullOf(issue_number!)?.timeline ?? []),
  }));
  route("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", (request, { issue_number }) => ({
    body: paged(
      request,
      world.comments
        .filter((c) => c.issue_number === Number(issue_number))
        .map((c) => ({ id: c.id, body: c.body, user: user(c.user), created_at: c.created_at })),
    ),
  }));
  route("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", (request, { issue_number }) => {
    const comment: WorldComment = {
      id: nextId++,
      issue_number: Number(issue_number),
      body: (request.body as { body: string }).body,
      user: "campaign-gate[bot]",
      created_at: new Date(Date.UTC(2026, 10, 25, 15, 0, nextId - 5000)).toISOString(),
    };
    world.comments.push(comment);
    world.onComment?.(comment);
    return { status: 201, body: { id: comment.id } };
  });
  route("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", (_request, { comment_id }) => {
    if (!world.comments.some((c) => c.id === Number(comment_id))) return notFound;
    world.comments = world.comments.filter((c) => c.id !== Number(comment_id));
    return { status: 204 };
  });
  route("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", (request, { issue_number }) => {
    const p = pullOf(issue_number!) ?? world.issues.find((i) => i.number === Number(issue_number))!;
    p.labels.push(...(request.body as { labels: string[] }).labels);
    return { body: p.labels.map((name) => ({ name })) };
  });
  route("GET /repos/{owner}/{repo}/issues", (request) => {
    const label = request.query.get("labels");
    const state = request.query.get("state") ?? "open";
    return {
      body: paged(
        request,
        world.issues
          .filter((i) => (label ? i.labels.includes(label) : true) && (state === "all" || i.state === state))
          .map((i) => ({
            ...i,
            labels: i.labels.map((name) => ({ name })),
            user: user(i.user ?? "campaign-gate[bot]"),
          }))
          // GitHub lists the newest first.
          .reverse(),
      ),
    };
  });
  route("POST /repos/{owner}/{repo}/issues", (request) => {
    const body = request.body as { title: string; body: string; labels?: string[]; assignees?: string[] };
    const issue: WorldIssue = {
      number: 100 + world.issues.length,
      title: body.title,
      body: body.body,
      labels: body.labels ?? [],
      assignees: body.assignees ?? [],
      state: "open",
      created_at: new Date(Date.UTC(2026, 10, 25, 15, 0, world.issues.length)).toISOString(),
    };
    world.issues.push(issue);
    world.onIssue?.(issue);
    return { status: 201, body: { number: issue.number } };
  });
  route("PATCH /repos/{owner}/{repo}/issues/{issue_number}", (request, { issue_number }) => {
    const issue = world.issues.find((i) => i.number === Number(issue_number));
    if (!issue) return notFound;
    Object.assign(issue, request.body as Partial<WorldIssue>);
    return { body: { number: issue.number, state: issue.state } };
  });
  // Label names are unique per repository: a second create gets 422, decided here in one step
  // (Node runs one handler at a time), as GitHub's database decides it.
  route("POST /repos/{owner}/{repo}/labels", (request) => {
    const { name, description = "" } = request.body as { name: string; description?: string };
    if (world.repoLabels.has(name.toLowerCase()))
      return {
        status: 422,
        body: {
          message: "Validation Failed",
          errors: [{ resource: "Label", code: "already_exists", field: "name" }],
        },
      };
    world.repoLabels.set(name.toLowerCase(), { name, description });
    return { status: 201, body: { name, description, color: "ededed" } };
  });
  route("GET /repos/{owner}/{repo}/labels/{name}", (_request, { name }) => {
    const label = world.repoLabels.get(name!.toLowerCase());
    return label ? { body: { ...label, color: "ededed" } } : notFound;
  });
  route("DELETE /repos/{owner}/{repo}/labels/{name}", (_request, { name }) =>
    world.repoLabels.delete(name!.toLowerCase()) ? { status: 204 } : notFound,
  );
  route("POST /repos/{owner}/{repo}/check-runs", (request) => ({
    status: 201,
    body: { id: fake.requests.length, ...(request.body as object) },
  }));
  // The review check looks for its run on the head before writing; this world keeps none.
  route("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", () => ({
    body: { total_count: 0, check_runs: [] },
  }));
  route("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", (_request, { commit_sha }) => ({
    body: world.commitPulls[commit_sha!] ?? [],
  }));
  route("GET /orgs/{org}/teams/{team_slug}/members", (request, { team_slug }) => {
    const team = world.teams[team_slug!];
    return team ? { body: paged(request, team.map(user)) } : notFound;
  });
  route("POST /graphql", (request) => ({
    body: answerGraphql(request.body, (org, slug) => (org === OWNER ? world.teams[slug] : undefined)),
  }));
  route("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", (_request, { team_slug, username }) =>
    world.teams[team_slug!]?.includes(username!)
      ? { body: { state: "active", role: "member", url: "" } }
      : notFound,
  );

  serveCampaignRequests(world, route);

  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const client = new Octokit({ auth: "test", baseUrl: fake.url, log: quiet });
  live = {
    fake,
    client,
    // A GraphQL query (POST /graphql) reads; it is not a write.
    writes: () =>
      fake
        .calls()
        .filter(
          (call) => !call.startsWith("GET ") && !call.includes("/access_tokens") && call !== "POST /graphql",
        ),
  };
  return live;
}

function expectRecursive(request: RecordedRequest): void {
  if (request.query.get("recursive") === null) throw new Error("the tree must be read recursively");
}

// ---------------------------------------------------------------------------------------------
// Campaign request issues (issue 15): the app's own identity, one issue read, branches (git refs),
// file writes through the contents API, pull requests it opens and updates, comment edits and label
// removal. Writes follow GitHub's answers: 422 for a branch or an open pull request of that head
// that already exists, 422 without / 409 with a wrong `sha` when replacing a file.
// ---------------------------------------------------------------------------------------------

/** The app's login in this world (GET /app answers slug "campaign-gate"). */
export const APP_LOGIN = "campaign-gate[bot]";

function serveCampaignRequests(world: World, route: (key: string, handler: Handler) => void): void {
  const branches = () => (world.branches ??= {});
  const headOf = (branch: string) => (branch === world.defaultBranch ? BASE_SHA : branches()[branch]);
  const issueOf = (n: string) => world.issues.find((i) => i.number === Number(n));
  let commits = 0;

  route("GET /app", () => ({ body: { id: 1, slug: "campaign-gate", name: "campaign-gate" } }));
  route("GET /repos/{owner}/{repo}/issues/{issue_number}", (_request, { issue_number }) => {
    const issue = issueOf(issue_number!);
    if (!issue) return notFound;
    return {
      body: {
        ...issue,
        labels: issue.labels.map((name) => ({ name })),
        user: user(issue.user ?? APP_LOGIN),
      },
    };
  });
  route("GET /repos/{owner}/{repo}/git/ref/{ref}", (_request, { ref }) => {
    const sha = headOf(ref!.replace(/^heads\//, ""));
    return sha ? { body: { ref: `refs/${ref!}`, object: { sha, type: "commit" } } } : notFound;
  });
  route("POST /repos/{owner}/{repo}/git/refs", (request) => {
    const { ref, sha } = request.body as { ref: string; sha: string };
    const branch = ref.replace(/^refs\/heads\//, "");
    if (headOf(branch)) return { status: 422, body: { message: "Reference already exists" } };
    if (!world.commits[sha]) return { status: 422, body: { message: "Object does not exist" } };
    branches()[branch] = sha;
    return { status: 201, body: { ref, object: { sha, type: "commit" } } };
  });
  const writeFile = (request: RecordedRequest, path: string, remove: boolean) => {
    const body = request.body as { branch?: string; sha?: string; content?: string; message: string };
    const branch = body.branch ?? world.defaultBranch;
    const head = headOf(branch);
    if (!head) return { status: 404, body: { message: `Branch ${branch} not found` } };
    const files = { ...world.commits[head] };
    const current = files[path];
    if (remove && current === undefined) return notFound;
    if (current !== undefined && body.sha === undefined)
      return { status: 422, body: { message: `Invalid request.\n\n"sha" wasn't supplied.` } };
    if (current !== undefined && body.sha !== blobSha(current))
      return { status: 409, body: { message: `${path} does not match ${body.sha}` } };
    if (remove) delete files[path];
    else files[path] = Buffer.from(body.content ?? "", "base64").toString("utf8");
    const sha = createHash("sha1").update(`${head} ${++commits} ${path}`).digest("hex");
    world.commits[sha] = files;
    branches()[branch] = sha;
    for (const pull of world.pulls.filter((p) => p.head_ref === branch && p.state === "open")) {
      pull.head_sha = sha;
      pull.files = changedFiles(world.commits[pull.base_sha] ?? {}, files);
    }
    const content = remove ? null : { path, sha: blobSha(files[path]!) };
    return { status: remove || current !== undefined ? 200 : 201, body: { content, commit: { sha } } };
  };
  route("PUT /repos/{owner}/{repo}/contents/{path}", (request, { path }) => writeFile(request, path!, false));
  route("DELETE /repos/{owner}/{repo}/contents/{path}", (request, { path }) =>
    writeFile(request, path!, true),
  );
  route("POST /repos/{owner}/{repo}/pulls", (request) => {
    const body = request.body as { title: string; head: string; base: string; body?: string };
    const head = headOf(body.head);
    if (!head) return { status: 422, body: { message: "Validation Failed", errors: [{ field: "head" }] } };
    if (world.pulls.some((p) => p.state === "open" && p.head_ref === body.head))
      return {
        status: 422,
        body: { message: `A pull request already exists for ${OWNER}:${body.head}.` },
      };
    const number = Math.max(
      200,
      ...world.pulls.map((p) => p.number + 1),
      ...world.issues.map((i) => i.number + 1),
    );
    const pull: WorldPull = {
      number,
      author: APP_LOGIN,
      draft: false,
      state: "open",
      created_at: "2026-11-25T15:00:00Z",
      head_sha: head,
      base_sha: headOf(body.base)!,
      files: changedFiles(world.commits[headOf(body.base)!] ?? {}, world.commits[head] ?? {}),
      requested_reviewers: [],
      requested_teams: [],
      labels: [],
      reviews: [],
      timeline: [],
      head_ref: body.head,
      title: body.title,
      body: body.body ?? "",
      merged_at: null,
    };
    world.pulls.push(pull);
    return { status: 201, body: { number, html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}` } };
  });
  route("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", (request, { pull_number }) => {
    const pull = world.pulls.find((p) => p.number === Number(pull_number));
    if (!pull) return notFound;
    const body = request.body as { title?: string; body?: string; state?: "open" | "closed" };
    if (body.title !== undefined) pull.title = body.title;
    if (body.body !== undefined) pull.body = body.body;
    if (body.state !== undefined) pull.state = body.state;
    return { body: { number: pull.number, state: pull.state } };
  });
  route("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", (request, { comment_id }) => {
    const comment = world.comments.find((c) => c.id === Number(comment_id));
    if (!comment) return notFound;
    comment.body = (request.body as { body: string }).body;
    return { body: { id: comment.id } };
  });
  route(
    "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
    (_request, { issue_number, name }) => {
      const issue = issueOf(issue_number!);
      if (!issue?.labels.includes(name!)) return notFound;
      issue.labels = issue.labels.filter((label) => label !== name);
      return { body: issue.labels.map((label) => ({ name: label })) };
    },
  );
}

/** Paths whose text differs between two commits' files. */
function changedFiles(base: Record<string, string>, head: Record<string, string>): string[] {
  return [...new Set([...Object.keys(base), ...Object.keys(head)])]
    .filter((path) => base[path] !== head[path])
    .sort();
}
