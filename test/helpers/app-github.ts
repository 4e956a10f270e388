/**
 * A fake GitHub for the review app's tests: one plain "world" object (the pull request, its files,
 * reviews, team memberships, compares, the configuration per commit) answered by operation id.
 * Every request is first checked against GitHub's OpenAPI description (`checkRequest`) and
 * recorded, so tests can assert what the app asked for, what it posted, and how many requests an
 * evaluation took. The same answerer serves nock (handler tests) and a local HTTP server (e2e).
 */
import { answerGraphql } from "./graphql.js";
import { checkRequest } from "./openapi.js";

export interface WorldReview {
  id: number;
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  commit_id: string;
  submitted_at: string;
}

export interface World {
  owner: string;
  repo: string;
  pull: {
    number: number;
    author: string;
    head_sha: string;
    base_sha: string;
    base_ref: string;
    state: "open" | "closed";
    requested_reviewers: string[];
    requested_teams: string[];
    /** Defaults to files.length. */
    changed_files?: number;
  };
  /** Paths the pull request changes. */
  files: string[];
  /** Configuration text per commit sha; absent → 404. */
  configs: Record<string, string>;
  reviews: WorldReview[];
  /** team slug → login → membership state. */
  teams: Record<string, Record<string, "active" | "pending">>;
  /** "base...head" → compare answer; absent → 404. */
  compares: Record<string, { status: string; files: string[] }>;
  /** Answers this status instead when it returns a number (to inject API errors). */
  fail?: (operationId: string, path: string) => number | Answer | undefined;
  /** Check runs as GitHub stores them (created, then updated in place). */
  checkRuns?: WorldCheckRun[];
  /** Called after a request was answered (to inject "executed, then answered an error"). */
  after?: (operationId: string, answer: Answer) => Answer;
}

export interface WorldCheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id?: string;
  status: string;
  conclusion: string | null;
  output: { title: string; summary: string };
  app: { id: number };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  operationId: string;
  body: unknown;
  /** The status answered, where the server records it (304: not modified, outside the rate limit). */
  status?: number;
}

export const CONFIG = `review:
  groups:
    marketing: { teams: [marketing] }
    it: { teams: [web-ops] }
  rules:
    - { name: campaigns, paths: ["campaigns/**"], require: [marketing, it] }
    - { name: limits, paths: ["infra/**", ".github/campaign-gate.yml"], require: [it] }
`;

/** A world matching the webhooks-examples payloads (Codertocat/Hello-World#2), changing one campaign file. */
export function defaultWorld(): World {
  return {
    owner: "Codertocat",
    repo: "Hello-World",
    pull: {
      number: 2,
      author: "Codertocat",
      head_sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      base_sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
      base_ref: "master",
      state: "open",
      requested_reviewers: [],
      requested_teams: [],
    },
    files: ["campaigns/black-friday.yaml"],
    configs: { f95f852bd8fca8fcc58a9a2d6c842781e32a215e: CONFIG },
    reviews: [],
    teams: { marketing: { ann: "active", both: "active" }, "web-ops": { bob: "active", both: "active" } },
    compares: {},
  };
}

let reviewId = 1000;
/** A review on `commit` (default: the head), submitted in call order. */
export function worldReview(
  world: World,
  user: string,
  state: WorldReview["state"],
  commit?: string,
): WorldReview {
  const id = reviewId++;
  const review = {
    id,
    user,
    state,
    commit_id: commit ?? world.pull.head_sha,
    submitted_at: new Date(Date.UTC(2026, 10, 23, 9, 0, id - 1000)).toISOString(),
  };
  world.reviews.push(review);
  return review;
}

const user = (login: string) => ({ login, id: login.length, type: "User" });

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Records `request` and answers it from `world`. Throws (failing the test) for a request GitHub would reject. */
export function answer(
  world: World,
  log: RecordedRequest[],
  method: string,
  url: string,
  body: unknown,
): Answer {
  const { operationId } = checkRequest(method, url, body);
  const answered = answerChecked(world, log, method, url, body, operationId);
  return world.after ? world.after(operationId, answered) : answered;
}

let checkRunId = 7000;

function answerChecked(
  world: World,
  log: RecordedRequest[],
  method: string,
  url: string,
  body: unknown,
  operationId: string,
): Answer {
  const parsed = new URL(url, "http://localhost");
  // Octokit sends `contents/.github%2Fcampaign-gate.yml`; GitHub reads it as the path with a slash.
  const path = decodeURIComponent(parsed.pathname.replace(/^\/api\/v3/, ""));
  const query = parsed.searchParams;
  log.push({ method, path, query, operationId, body });
  const failure = world.fail?.(operationId, path);
  if (typeof failure === "number") return { status: failure, body: { message: "Server Error" } };
  if (failure) return failure;
  const page = Number(query.get("page") ?? 1);
  const perPage = Number(query.get("per_page") ?? 30);
  const paged = <T>(items: T[]) => items.slice((page - 1) * perPage, page * perPage);
  const segment = (i: number) => path.split("/")[i] ?? "";

  switch (operationId) {
    case "apps/create-installation-access-token":
      return {
        status: 201,
        body: { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} },
      };
    case "pulls/get":
      return {
        status: 200,
        body: { ...pullObject(world), changed_files: world.pull.changed_files ?? world.files.length },
      };
    case "repos/get-content": {
      const text = world.configs[query.get("ref") ?? ""];
      if (path !== `/repos/${world.owner}/${world.repo}/contents/.github/campaign-gate.yml`)
        return { status: 404, body: { message: "Not Found" } };
      if (text === undefined) return { status: 404, body: { message: "Not Found" } };
      return {
        status: 200,
        body: {
          type: "file",
          encoding: "base64",
          path: ".github/campaign-gate.yml",
          content: Buffer.from(text).toString("base64"),
        },
      };
    }
    case "pulls/list-files":
      return {
        status: 200,
        body: paged(world.files).map((filename) => ({ filename, status: "modified", sha: "0".repeat(40) })),
      };
    case "pulls/list-reviews":
      return {
        status: 200,
        body: paged(world.reviews).map((r) => ({ ...r, user: user(r.user), body: "" })),
      };
    case "teams/get-membership-for-user-in-org": {
      const state = world.teams[segment(4)]?.[segment(6)];
      return state
        ? { status: 200, body: { state, role: "member", url: "" } }
        : { status: 404, body: { message: "Not Found" } };
    }
    case "teams/list-members-in-org": {
      const team = world.teams[segment(4)];
      if (!team) return { status: 404, body: { message: "Not Found" } };
      const active = Object.entries(team)
        .filter(([, s]) => s === "active")
        .map(([login]) => user(login));
      return { status: 200, body: paged(active) };
    }
    case "repos/compare-commits-with-basehead": {
      const compare = world.compares[segment(5)];
      if (!compare) return { status: 404, body: { message: "Not Found" } };
      return {
        status: 200,
        body: {
          status: compare.status,
          files: compare.files.map((filename) => ({ filename, status: "modified" })),
        },
      };
    }
    case "graphql":
      return {
        status: 200,
        body: answerGraphql(body, (org, slug) => {
          const team = org === world.owner ? world.teams[slug] : undefined;
          return team && Object.keys(team).filter((login) => team[login] === "active");
        }),
      };
    case "apps/list-repos-accessible-to-installation":
      return {
        status: 200,
        body: { total_count: 1, repositories: [{ name: world.repo, owner: user(world.owner) }] },
      };
    case "pulls/list":
      return { status: 200, body: world.pull.state === "open" ? [pullObject(world)] : [] };
    case "pulls/request-reviewers": {
      // GitHub remembers the request: the next read of the pull request shows it outstanding.
      const request = body as { reviewers?: string[]; team_reviewers?: string[] };
      world.pull.requested_reviewers.push(...(request.reviewers ?? []));
      world.pull.requested_teams.push(...(request.team_reviewers ?? []));
      return { status: 201, body: { number: world.pull.number } };
    }
    case "checks/create": {
      const run: WorldCheckRun = {
        id: checkRunId++,
        app: { id: 1 },
        conclusion: null,
        ...(body as Omit<WorldCheckRun, "id" | "app" | "conclusion">),
      };
      (world.checkRuns ??= []).push(run);
      return { status: 201, body: run };
    }
    case "checks/list-for-ref": {
      const ref = segment(5);
      const name = query.get("check_name");
      const appId = query.get("app_id");
      const runs = (world.checkRuns ?? []).filter(
        (r) =>
          r.head_sha === ref &&
          (name === null || r.name === name) &&
          (appId === null || String(r.app.id) === appId),
      );
      // GitHub lists the newest first.
      return { status: 200, body: { total_count: runs.length, check_runs: paged([...runs].reverse()) } };
    }
    case "checks/update": {
      const run = (world.checkRuns ?? []).find((r) => r.id === Number(segment(5)));
      if (!run) return { status: 404, body: { message: "Not Found" } };
      const update = body as Partial<WorldCheckRun>;
      // GitHub cannot reopen a completed run.
      if (run.status === "completed" && update.status !== undefined && update.status !== "completed")
        return { status: 422, body: { message: "a completed check run cannot be set back in progress" } };
      Object.assign(run, update);
      if (update.conclusion) run.status = "completed";
      return { status: 200, body: run };
    }
    default:
      throw new Error(`the fake GitHub does not answer ${operationId} (${method} ${path})`);
  }
}

/**
 * Makes `payload.pull_request` show the world's pull request as GitHub's webhook would at this
 * moment (head, base, author, state, requested reviewers; `changed_files` only on pull_request
 * events, as on GitHub). Returns the payload.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- example payloads are untyped JSON
export function withWorldPull<T extends Record<string, any>>(payload: T, world: World): T {
  const pr = payload.pull_request as Record<string, unknown>;
  const object = pullObject(world);
  Object.assign(pr, {
    number: object.number,
    state: object.state,
    draft: false,
    requested_reviewers: object.requested_reviewers,
    requested_teams: object.requested_teams,
  });
  (pr.user as { login: string }).login = world.pull.author;
  (pr.head as { sha: string }).sha = world.pull.head_sha;
  Object.assign(pr.base as object, { sha: world.pull.base_sha, ref: world.pull.base_ref });
  if ("changed_files" in pr) pr.changed_files = world.pull.changed_files ?? world.files.length;
  return payload;
}

/** The check run of `name` in force on `head` (the newest), as it stands now. */
export function currentRun(world: World, head = world.pull.head_sha, name = "campaign-gate/review") {
  return (world.checkRuns ?? []).filter((r) => r.head_sha === head && r.name === name).pop();
}

/** A pull request object as GitHub's REST API and payloads show it. */
function pullObject(world: World) {
  const p = world.pull;
  return {
    number: p.number,
    state: p.state,
    draft: false,
    user: user(p.author),
    head: { sha: p.head_sha, ref: "feature" },
    base: { sha: p.base_sha, ref: p.base_ref },
    requested_reviewers: p.requested_reviewers.map(user),
    requested_teams: p.requested_teams.map((slug) => ({ slug, name: slug })),
  };
}

/** The API requests of an evaluation, without the installation token request. */
export function apiRequests(log: RecordedRequest[]): RecordedRequest[] {
  return log.filter((r) => r.operationId !== "apps/create-installation-access-token");
}

/** The bodies of the check runs the app created (see `world.checkRuns` for the runs as they stand). */
export function checkRuns(log: RecordedRequest[]): {
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output: { title: string; summary: string };
}[] {
  return log.filter((r) => r.operationId === "checks/create").map((r) => r.body as never);
}
