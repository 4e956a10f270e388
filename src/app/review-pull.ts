/**
 * One evaluation of one pull request: gather the evidence the core asks for -> evaluate (pure) ->
 * ask for the reviews still missing -> publish THE check run of the head -> re-read the reviews.
 * Publishing is monotonic across replicas (issue 9): an evaluation that gathered before a review
 * arrived may publish after the evaluation that saw it; so after writing, every evaluation whose
 * result depends on the reviews reads them again, and when they moved it evaluates again (from the
 * reviews it just read) and publishes again. The last write is therefore always by an evaluation
 * that saw the reviews as they still are after it wrote. Any error while gathering becomes a
 * failing check with the reason (fail closed); a rate limit alone makes it wait, never fail.
 */
import {
  evaluateReview,
  failedReview,
  rateLimitedReview,
  type ReviewResult,
} from "../core/review/evaluate.js";
import { reviewsFingerprint, type Review } from "../core/review/reviews.js";
import type { PullState } from "../core/review/state.js";
import {
  askedIn,
  evidenceText,
  findReviewCheck,
  publishReviewCheck,
  recordedEvidence,
  seenId,
  type RecordedEvidence,
  type Seen,
} from "../github/check-run.js";
import type { GitHubClient } from "../github/client.js";
import {
  gatherPullState,
  listReviews,
  type ApiPull,
  type GatherOptions,
  type PullRef,
} from "../github/review-state.js";
import { renderReviewSummary } from "../report/review-summary.js";
import { fastLaneWaivers } from "./coordination/fast-lane.js";
import { attendOwners } from "./coordination/owner-attention.js";
import { requestReviewers } from "./coordination/request-reviewers.js";

export interface ReviewTarget extends PullRef {
  /** The head sha the webhook named: where a failure is reported when the pull request cannot be read. */
  head_sha: string;
}

export interface ReviewOptions {
  /** The pull request as the webhook carried it (spares one read). */
  pull?: ApiPull;
  /** The pull request was just opened: no review can exist yet, and the re-read after writing proves it. */
  opened?: boolean;
  /**
   * The head was just pushed (opened, synchronize): its run, if any, records nothing worth reading
   * first, so the run is looked up after gathering, just before writing (a shorter window in which
   * another replica can create a run too).
   */
  newHead?: boolean;
  /** The app's id, so only its own check runs are found. */
  appId?: number | undefined;
  /** The app's bot login (see GatherOptions.appLogin). */
  appLogin?: (() => Promise<string>) | undefined;
}

interface Log {
  info(message: string): void;
  error(message: string): void;
}

/** Evaluations of one event at most: past this the reviews keep changing and their own webhooks follow. */
const MAX_EVALUATIONS = 3;

/** Re-evaluates the review of one pull request and publishes the check run. Returns the result, or undefined for a closed PR. */
export async function reviewPull(
  client: GitHubClient,
  target: ReviewTarget,
  log: Log,
  options: ReviewOptions = {},
): Promise<ReviewResult | undefined> {
  let gather: GatherOptions = {
    ...(options.pull ? { pull: options.pull } : {}),
    ...(options.opened ? { reviews: [] } : {}),
    appLogin: options.appLogin,
  };
  for (let round = 1; ; round++) {
    const evaluated = await evaluateOnce(
      client,
      target,
      log,
      gather,
      options.appId,
      round === 1 && options.newHead === true,
    );
    if (!evaluated) return undefined;
    const { result, reviews } = evaluated;
    log.info(`review of ${target.owner}/${target.repo}#${target.number}: ${result.outcome}`);
    if (!reviews) return result;
    let now: Review[];
    try {
      now = await listReviews(client, target);
    } catch (error) {
      // The check stands as written; an unverified view is never more permissive than the truth
      // for "no reviews yet", and any later review sends its own webhook.
      log.error(`re-reading the reviews of #${target.number} failed: ${describeError(error)}`);
      return result;
    }
    if (reviewsFingerprint(now) === reviewsFingerprint(reviews)) return result;
    if (round >= MAX_EVALUATIONS) {
      log.info(`reviews of #${target.number} keep changing; their own webhooks evaluate again`);
      return result;
    }
    // The world moved under this evaluation: evaluate again from what GitHub has now.
    gather = { reviews: now, appLogin: options.appLogin };
  }
}

/** One gather -> evaluate -> publish. `reviews` is what the result depended on (undefined: nothing to re-check). */
async function evaluateOnce(
  client: GitHubClient,
  target: ReviewTarget,
  log: Log,
  gather: GatherOptions,
  appId: number | undefined,
  newHead: boolean,
): Promise<{ result: ReviewResult; reviews?: Review[] } | undefined> {
  let result: ReviewResult;
  let state: PullState | undefined;
  let usedReviews = false;
  let facts: RecordedEvidence | undefined;
  // The run first: it may record facts of this head that need no second read (only this app's
  // own runs are trusted, so only when the app id is known).
  const listed = {
    owner: target.owner,
    repo: target.repo,
    head_sha: gather.pull?.head.sha ?? target.head_sha,
  };
  let existing = newHead ? undefined : await findReviewCheck(client, listed, appId);
  const recorded =
    appId === undefined || !existing
      ? undefined
      : existing
          .map((run) => recordedEvidence(run, listed.head_sha))
          .filter((found) => found !== undefined)
          .pop();
  try {
    const gathered = await gatherPullState(client, target, { ...gather, recorded });
    if (!gathered.open) return undefined;
    state = gathered.state;
    usedReviews = gathered.usedReviews;
    facts = gathered.facts;
    await applyFastLane(client, state);
    result = evaluateReview(state);
  } catch (error) {
    log.error(`review of ${target.owner}/${target.repo}#${target.number} failed: ${describeError(error)}`);
    result = isRateLimit(error)
      ? rateLimitedReview(describeError(error))
      : failedReview(describeError(error));
    state = undefined;
  }
  const head = { owner: target.owner, repo: target.repo, head_sha: state?.pull.head_sha ?? target.head_sha };
  // The pull request read fresh (no payload) may name another head than the one listed.
  if (!existing || head.head_sha !== listed.head_sha) existing = await findReviewCheck(client, head, appId);
  if (state) {
    // Reviewers this app already asked for on this head count as asked (a redelivered webhook
    // carries the pull request as it was before that request).
    const asked = askedIn(existing[existing.length - 1]);
    state.pull.requested_users = union(state.pull.requested_users, asked.users);
    state.pull.requested_teams = union(state.pull.requested_teams, asked.teams);
    result = await askMissingReviewers(client, state, result, log);
  }
  const seen: Seen = {
    head_sha: head.head_sha,
    base_sha: state?.pull.base_sha ?? "-",
    reviews: state && usedReviews ? reviewsFingerprint(state.reviews) : "-",
    asked: state ? [...state.pull.requested_users, ...state.pull.requested_teams.map((t) => `@${t}`)] : [],
  };
  const { title, summary } = renderReviewSummary(result);
  const published = await publishReviewCheck(
    client,
    head,
    { status: result.status, title, summary, ...(state && facts ? { text: evidenceText(facts) } : {}) },
    { seen: seenId(seen), appId, existing },
  );
  // Issue 14: owners of campaigns a moved maintenance window or freeze touches, after the check is
  // out (it may read every campaign); no request unless the pull request changes the capacity file.
  if (state) await attendOwners(client, state, log);
  // Nothing written (the run already shows this result from this view): nothing to re-check.
  if (published.action === "unchanged") return { result };
  return state && usedReviews ? { result, reviews: state.reviews } : { result };
}

/** Waivers of the fast lane, when the base's policy has one; any doubt waives nothing. */
async function applyFastLane(client: GitHubClient, state: PullState): Promise<void> {
  const config = state.config.kind === "loaded" ? state.config.config : undefined;
  if (!config?.review?.fast_lane || !state.files.complete) return;
  const lane = await fastLaneWaivers(
    client,
    {
      owner: state.pull.owner,
      repo: state.pull.repo,
      headSha: state.pull.head_sha,
      changedFiles: state.files.paths,
    },
    config,
    Date.now(),
  );
  state.waived = Object.fromEntries(lane.waived.map((group) => [group, lane.reason]));
  if (lane.waived.length === 0) state.fast_lane_note = lane.reason;
}

const union = (a: string[], b: string[]) => [
  ...a,
  ...b.filter((name) => !a.some((known) => known.toLowerCase() === name.toLowerCase())),
];

/**
 * Requests reviewers for the groups still waiting, before the check is published, so the check
 * already names who was asked. A failed request must not turn a correct check into a failing one:
 * it is logged and the result stands.
 */
async function askMissingReviewers(
  client: GitHubClient,
  state: PullState,
  result: ReviewResult,
  log: Log,
): Promise<ReviewResult> {
  try {
    const asked = await requestReviewers(client, state, result, { draft: state.pull.draft });
    if (asked.reviewers.length === 0 && asked.team_reviewers.length === 0) return result;
    state.pull.requested_users.push(...asked.reviewers);
    state.pull.requested_teams.push(...asked.team_reviewers);
    return evaluateReview(state);
  } catch (error) {
    const { owner, repo, number } = state.pull;
    log.error(`reviewer requests on ${owner}/${repo}#${number}: ${describeError(error)}`);
    return result;
  }
}

/**
 * A rate limit that outlasted the bounded waits of the throttling plugin (src/app/octokit.ts):
 * 429, or 403 with GitHub's "rate limit" message or no requests left.
 */
export function isRateLimit(error: unknown): boolean {
  const e = error as {
    status?: unknown;
    message?: unknown;
    response?: { headers?: Record<string, unknown> };
  };
  if (e?.status === 429) return true;
  if (e?.status !== 403) return false;
  const message = typeof e.message === "string" ? e.message : "";
  return /rate limit/i.test(message) || e.response?.headers?.["x-ratelimit-remaining"] === "0";
}

/** A plain-language reason for a failed gather: the HTTP status and request, never a stack trace. */
export function describeError(error: unknown): string {
  const e = error as { status?: unknown; request?: { method?: string; url?: string }; message?: unknown };
  if (typeof e?.status === "number" && e.request?.url) {
    const path = new URL(e.request.url).pathname.replace(/^\/api\/v3/, "");
    return `GitHub answered ${e.status} to ${e.request.method ?? "GET"} ${path}.`;
  }
  return typeof e?.message === "string" ? e.message : String(error);
}
