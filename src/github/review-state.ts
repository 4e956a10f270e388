/**
 * The gather step of the review app: reads everything the review policy needs about one pull
 * request from GitHub, fresh every time (no state kept between webhooks), and stops as soon as the
 * answer is decided (no configuration, no matching rule, incomplete file list).
 */
import { loadConfig } from "../core/load/index.js";
import { DEFAULT_CONFIG_PATH } from "../core/model.js";
import { requiredGroups } from "../core/review/groups.js";
import { isMember, reviewersToLookUp } from "../core/review/evaluate.js";
import { latestDecisions, type Review } from "../core/review/reviews.js";
import type { ConfigState, PullInfo, PullState } from "../core/review/state.js";
import { filesChangedSince } from "./changed-since.js";
import type { GitHubClient } from "./client.js";
import { readFileAt } from "./config-at-base.js";
import { listAll } from "./paginate.js";
import { changedPaths, listPullFiles } from "./pull-files.js";
import { activeTeamMembers } from "./team-members.js";

export interface PullRef {
  owner: string;
  repo: string;
  number: number;
}

interface ApiPull {
  number: number;
  state: string;
  user: { login: string } | null;
  head: { sha: string };
  base: { sha: string; ref: string };
  changed_files?: number;
  draft?: boolean;
  requested_reviewers?: { login: string }[] | null;
  requested_teams?: { slug: string }[] | null;
}

interface ApiReview {
  id: number;
  user: { login: string } | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string;
}

/** The gathered state, or `open: false` for a closed pull request (nothing to report). */
export type Gathered = { open: true; state: PullState } | { open: false };

/** Reads the pull request, its base configuration, files, reviews, memberships and compares. */
export async function gatherPullState(client: GitHubClient, ref: PullRef): Promise<Gathered> {
  const repo = { owner: ref.owner, repo: ref.repo };
  const pr = (
    await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...repo,
      pull_number: ref.number,
    })
  ).data as ApiPull;
  if (pr.state !== "open") return { open: false };
  const pull: PullInfo = {
    ...repo,
    number: pr.number,
    author: pr.user?.login ?? "",
    head_sha: pr.head.sha,
    base_sha: pr.base.sha,
    base_ref: pr.base.ref,
    draft: pr.draft === true,
    requested_users: (pr.requested_reviewers ?? []).map((u) => u.login),
    requested_teams: (pr.requested_teams ?? []).map((t) => t.slug),
  };
  const state: PullState = {
    pull,
    config: await configAtBase(client, pull),
    files: { paths: [], complete: true },
    reviews: [],
    team_members: {},
    changed_since: {},
  };
  const policy = state.config.kind === "loaded" ? state.config.config.review : undefined;
  if (!policy) return { open: true, state };

  const files = await listPullFiles(client, {
    ...repo,
    pull_number: pr.number,
    ...(pr.changed_files !== undefined ? { changed_files: pr.changed_files } : {}),
  });
  state.files = { paths: changedPaths(files.files), complete: files.complete };
  if (!files.complete) return { open: true, state };
  const required = requiredGroups(policy, state.files.paths);
  if (required.length === 0) return { open: true, state };

  state.reviews = (
    await listAll<ApiReview>(client, "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      ...repo,
      pull_number: pr.number,
    })
  ).map(toReview);

  const logins = reviewersToLookUp(state);
  const teams = [...new Set(required.flatMap(({ group }) => policy.groups[group]?.teams ?? []))];
  state.team_members = await activeTeamMembers(client, teams, logins, ref.owner);

  if (policy.invalidate_on_push) {
    // Compare only the commits of approvals that could count: by a member of a required group.
    const commits = new Set<string>();
    for (const [login, decision] of latestDecisions(state.reviews)) {
      if (decision.state !== "APPROVED" || !logins.includes(login)) continue;
      if (!decision.commit_id || decision.commit_id === pull.head_sha) continue;
      const group = required.find(({ group }) =>
        isMember(policy.groups[group] ?? { teams: [], users: [] }, login, state.team_members),
      );
      if (group) commits.add(decision.commit_id);
    }
    for (const sha of [...commits].sort())
      state.changed_since[sha] = await filesChangedSince(client, repo, sha, pull.head_sha);
  }
  return { open: true, state };
}

async function configAtBase(client: GitHubClient, pull: PullInfo): Promise<ConfigState> {
  const file = await readFileAt(client, pull, DEFAULT_CONFIG_PATH, pull.base_sha);
  const { config, findings } = loadConfig(file);
  const errors = findings.filter((f) => f.severity === "error");
  return errors.length > 0 ? { kind: "invalid", findings: errors } : { kind: "loaded", config };
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
