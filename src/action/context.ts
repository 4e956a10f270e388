/**
 * What the Action needs to know about the workflow run, read from the runner's environment and
 * the event payload as plain data (pure: tests pass both in).
 */

/** The pull request a run is about. */
export interface PullContext {
  number: number;
  /** The PR head commit (not GITHUB_SHA, which is the merge commit on pull_request). */
  headSha: string;
  /** The base commit, to read the capacity file before the change (announcements). */
  baseSha?: string;
  /** `changed_files` of the payload, to tell a complete file list from a truncated one. */
  changedFiles?: number;
}

export interface ActionContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The commit the findings' links point at: the PR head, else GITHUB_SHA. */
  sha: string;
  pull?: PullContext;
  /** e.g. https://github.com */
  serverUrl: string;
  /** Link to this workflow run, when the environment names it. */
  runUrl?: string;
  workspace: string;
}

type Env = Record<string, string | undefined>;

/** Reads the context of a run; throws an Error with a plain message when the runner's variables are missing. */
export function readActionContext(env: Env, event: unknown): ActionContext {
  const repository = required(env, "GITHUB_REPOSITORY");
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY should look like owner/name, got "${repository}"`);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const pull = eventName === "pull_request" ? readPull(event) : undefined;
  const sha = pull?.headSha ?? env.GITHUB_SHA ?? "HEAD";
  const runUrl = env.GITHUB_RUN_ID
    ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
  return {
    eventName,
    owner,
    repo,
    sha,
    ...(pull ? { pull } : {}),
    serverUrl,
    ...(runUrl ? { runUrl } : {}),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}

function readPull(event: unknown): PullContext | undefined {
  const pr = (
    event as {
      pull_request?: {
        number?: unknown;
        head?: { sha?: unknown };
        base?: { sha?: unknown };
        changed_files?: unknown;
      };
    }
  )?.pull_request;
  if (!pr || typeof pr.number !== "number" || typeof pr.head?.sha !== "string") return undefined;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    ...(typeof pr.base?.sha === "string" ? { baseSha: pr.base.sha } : {}),
    ...(typeof pr.changed_files === "number" ? { changedFiles: pr.changed_files } : {}),
  };
}

/** The run a `workflow_run` event reports on: which commit of which branch, and PRs GitHub linked. */
export interface TriggeringRun {
  headSha: string;
  headBranch: string;
  /** Owner of the repository the head branch lives in (the fork's owner for fork PRs). */
  headOwner: string;
  /** PRs GitHub associated (empty for pull requests from forks). */
  pullNumbers: number[];
}

/** Reads a `workflow_run` payload; undefined when the event is something else. */
export function readTriggeringRun(event: unknown): TriggeringRun | undefined {
  const run = (
    event as {
      workflow_run?: {
        head_sha?: unknown;
        head_branch?: unknown;
        head_repository?: { owner?: { login?: unknown } } | null;
        pull_requests?: { number?: unknown; head?: { sha?: unknown } }[];
      };
    }
  )?.workflow_run;
  if (!run || typeof run.head_sha !== "string") return undefined;
  return {
    headSha: run.head_sha,
    headBranch: typeof run.head_branch === "string" ? run.head_branch : "",
    headOwner: typeof run.head_repository?.owner?.login === "string" ? run.head_repository.owner.login : "",
    pullNumbers: (run.pull_requests ?? [])
      .filter(
        (p) => typeof p.number === "number" && (p.head?.sha === undefined || p.head.sha === run.head_sha),
      )
      .map((p) => p.number as number),
  };
}

/** A link to a file (and line) at the context's commit, for the summary and the comment. */
export function blobUrl(
  ctx: Pick<ActionContext, "serverUrl" | "owner" | "repo" | "sha">,
): (path: string, line?: number) => string {
  return (path, line) =>
    `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${ctx.sha}/${path.split("/").map(encodeSegment).join("/")}${line !== undefined ? `#L${line}` : ""}`;
}

/** Also encodes parentheses, which would end a markdown link early. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value)
    throw new Error(`${name} is not set: campaign-gate's Action runs inside a GitHub Actions workflow.`);
  return value;
}
