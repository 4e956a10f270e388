/**
 * The gather step of the review app: fetches the evidence the core asks for (`nextReads`), fresh
 * from GitHub every time (no state kept between webhooks), until the core needs nothing more. It
 * decides no policy itself: which files, reviews, memberships and compares matter is the core's call.
 * Reads that a commit sha fixes forever (the configuration at the base commit, the file list
 * between base and head) are remembered by sha (commit-cache.ts); the pull request itself can come
 * from the webhook payload, which carries it.
 */
import { loadConfig } from "../core/load/index.js";
import { DEFAULT_CONFIG_PATH } from "../core/model.js";
import { nextReads, pullState, type Evidence, type EvidenceRead } from "../core/review/evidence.js";
import type { Review } from "../core/review/reviews.js";
import type { ConfigState, PullInfo, PullState } from "../core/review/state.js";
import { filesChangedSince } from "./changed-since.js";
import type { GitHubClient } from "./client.js";
import type { RecordedEvidence } from "./check-run.js";
import { cachedAtCommit, rememberAtCommit } from "./commit-cache.js";
import { readFileAt } from "./config-at-base.js";
import { listAll } from "./paginate.js";
import { readPullAuthor } from "./pull-author.js";
import { changedPaths, listPullFiles } from "./pull-files.js";
import { activeMembersAmong } from "./team-members.js";

export interface PullRef {
  owner: string;
  repo: string;
  number: number;
}

/** A pull request as GitHub's REST API and webhook payloads give it (the fields used here). */
export interface ApiPull {
  number: number;
  state: string;
  user: { login: string; type?: string } | null;
  head: { sha: string; ref?: string };
  base: { sha: string; ref: string };
  changed_files?: number;
  draft?: boolean;
  requested_reviewers?: ({ login: string } | { slug: string })[] | null;
  requested_teams?: { slug: string }[] | null;
}

interface ApiReview {
  id: number;
  user: { login: string; type?: string } | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string;
}

/** The gathered state, or `open: false` for a closed pull request (nothing to report). */
export type Gathered =
  | {
      open: true;
      state: PullState;
      /** Whether the result depends on the reviews (then a re-read of them shows whether the world moved). */
      usedReviews: boolean;
      /** What of it a commit sha fixes forever (read or recorded), to record in the run. */
      facts: RecordedEvidence;
    }
  | { open: false };

export interface GatherOptions {
  /**
   * Facts recorded in the app's run on the head (check-run.ts `recordedEvidence`): used instead of
   * reading them again when they are for this pull request's base and head.
   */
  recorded?: RecordedEvidence | undefined;
  /** The pull request as the webhook carried it: spares reading it again. */
  pull?: ApiPull;
  /** Reviews already read (or known to be none, for a pull request just opened). */
  reviews?: Review[];
  /** The app's bot login, read only for a pull request a bot opened (src/core/review/effective-author.ts). */
  appLogin?: (() => Promise<string>) | undefined;
}

/** Reads the pull request, its base configuration, then whatever evidence the core asks for. */
export async function gatherPullState(
  client: GitHubClient,
  ref: PullRef,
  options: GatherOptions = {},
): Promise<Gathered> {
  const repo = { owner: ref.owner, repo: ref.repo };
  const pr =
    options.pull ??
    ((
      await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        ...repo,
        pull_number: ref.number,
      })
    ).data as ApiPull);
  if (pr.state !== "open") return { open: false };
  const opener = { opener: pr.user?.login ?? "", head_ref: pr.head.ref };
  const appLogin = pr.user?.type === "Bot" ? await options.appLogin?.() : undefined;
  const pull = pullInfo(repo, pr, await readPullAuthor(client, repo, opener, appLogin));
  const evidence: Evidence = {
    pull,
    config: await configAtBase(client, pull),
    team_members: {},
    looked_up: {},
    changed_since: {},
    ...(options.reviews ? { reviews: options.reviews } : {}),
  };
  const recorded = options.recorded;
  if (recorded && recorded.base === pull.base_sha && recorded.head === pull.head_sha) {
    if (recorded.files?.complete) evidence.files = recorded.files;
    for (const [commit, paths] of Object.entries(recorded.changed_since))
      if (Array.isArray(paths)) evidence.changed_since[commit] = paths;
  }
  // Each round fetches what the core asked for; the core's stages make this a handful of rounds.
  for (let round = 0; round < 10; round++) {
    const reads = nextReads(evidence);
    if (reads.length === 0) break;
    // Memberships of every team asked for in this round come in one request.
    const members = reads.filter((read) => read.read === "members");
    if (members.length > 0) await fetchMembers(client, evidence, members);
    for (const read of reads) await fetchEvidence(client, evidence, read, pr.changed_files);
  }
  if (nextReads(evidence).length > 0) throw new Error("The review evidence could not be completed.");
  // The result depends on the reviews exactly when the core would have asked for them.
  const usedReviews = nextReads({ ...evidence, reviews: undefined }).some((read) => read.read === "reviews");
  const facts: RecordedEvidence = {
    base: pull.base_sha,
    head: pull.head_sha,
    ...(evidence.files?.complete ? { files: evidence.files } : {}),
    // Unknown compares (null) are not facts: the next evaluation tries again.
    changed_since: Object.fromEntries(
      Object.entries(evidence.changed_since).filter(([, paths]) => Array.isArray(paths)),
    ),
  };
  return { open: true, state: pullState(evidence), usedReviews, facts };
}

async function fetchEvidence(
  client: GitHubClient,
  evidence: Evidence,
  read: EvidenceRead,
  changedFiles: number | undefined,
): Promise<void> {
  const { pull } = evidence;
  const repo = { owner: pull.owner, repo: pull.repo };
  switch (read.read) {
    case "files": {
      const key = `files ${pull.owner}/${pull.repo}#${pull.number} ${pull.base_sha}...${pull.head_sha}`;
      const cached = cachedAtCommit<PullState["files"]>(key);
      if (cached) {
        evidence.files = cached;
        return;
      }
      const files = await listPullFiles(client, {
        ...repo,
        pull_number: pull.number,
        ...(changedFiles !== undefined ? { changed_files: changedFiles } : {}),
      });
      evidence.files = { paths: changedPaths(files.files), complete: files.complete };
      if (files.complete) rememberAtCommit(key, evidence.files);
      return;
    }
    case "reviews":
      evidence.reviews = await listReviews(client, pull);
      return;
    case "members":
      return; // fetched for the whole round by fetchMembers
    case "compare":
      evidence.changed_since[read.base] = await filesChangedSince(client, repo, read.base, read.head);
      return;
  }
}

async function fetchMembers(
  client: GitHubClient,
  evidence: Evidence,
  reads: Extract<EvidenceRead, { read: "members" }>[],
): Promise<void> {
  const found = await activeMembersAmong(
    client,
    Object.fromEntries(reads.map((read) => [read.team, read.logins])),
    evidence.pull.owner,
  );
  for (const read of reads) {
    const members = new Set([...(evidence.team_members[read.team] ?? []), ...(found[read.team] ?? [])]);
    evidence.team_members[read.team] = [...members].sort();
    evidence.looked_up[read.team] = [...(evidence.looked_up[read.team] ?? []), ...read.logins];
  }
}

/** Every review of the pull request, as the core reads them. */
export async function listReviews(client: GitHubClient, pull: PullRef): Promise<Review[]> {
  const reviews = await listAll<ApiReview>(client, "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
    owner: pull.owner,
    repo: pull.repo,
    pull_number: pull.number,
  });
  // A bot's review is no person's judgement: the app's own (or any other app's) never counts.
  return reviews.filter((review) => review.user?.type !== "Bot").map(toReview);
}

function pullInfo(repo: { owner: string; repo: string }, pr: ApiPull, author: string): PullInfo {
  return {
    ...repo,
    number: pr.number,
    author,
    head_sha: pr.head.sha,
    base_sha: pr.base.sha,
    base_ref: pr.base.ref,
    draft: pr.draft === true,
    requested_users: (pr.requested_reviewers ?? []).flatMap((u) => ("login" in u ? [u.login] : [])),
    requested_teams: (pr.requested_teams ?? []).map((t) => t.slug),
  };
}

async function configAtBase(client: GitHubClient, pull: PullInfo): Promise<ConfigState> {
  const key = `config ${pull.owner}/${pull.repo}@${pull.base_sha}`;
  const cached = cachedAtCommit<ConfigState>(key);
  if (cached) return cached;
  const file = await readFileAt(client, pull, DEFAULT_CONFIG_PATH, pull.base_sha);
  const { config, findings } = loadConfig(file);
  const errors = findings.filter((f) => f.severity === "error");
  const state: ConfigState =
    errors.length > 0 ? { kind: "invalid", findings: errors } : { kind: "loaded", config };
  rememberAtCommit(key, state);
  return state;
}

function toReview(review: ApiReview): Review {
  return {
    id: review.id,
    user: review.user?.login,
    state: review.state,
    commit_id: review.commit_id,
    submitted_at: review.submitted_at,
  };
}
