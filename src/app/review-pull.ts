/**
 * One evaluation of one pull request: gather (GitHub reads) -> evaluate (pure) -> ask for the
 * reviews still missing -> publish (one check run). Any error while gathering becomes a failing
 * check with the reason: fail closed. The fast lane only ever adds waivers when the capacity check
 * of the head's campaign files says the change is low impact; any doubt leaves the review in full.
 */
import { evaluateReview, failedReview, type ReviewResult } from "../core/review/evaluate.js";
import type { PullState } from "../core/review/state.js";
import { publishReviewCheck } from "../github/check-run.js";
import type { GitHubClient } from "../github/client.js";
import { gatherPullState, type PullRef } from "../github/review-state.js";
import { renderReviewSummary } from "../report/review-summary.js";
import { fastLaneWaivers } from "./coordination/fast-lane.js";
import { requestReviewers } from "./coordination/request-reviewers.js";

export interface ReviewTarget extends PullRef {
  /** The head sha the webhook named: where a failure is reported when the pull request cannot be read. */
  head_sha: string;
}

interface Log {
  info(message: string): void;
  error(message: string): void;
}

/** Re-evaluates the review of one pull request and publishes the check run. Returns the result, or undefined for a closed PR. */
export async function reviewPull(
  client: GitHubClient,
  target: ReviewTarget,
  log: Log,
): Promise<ReviewResult | undefined> {
  let result: ReviewResult;
  let headSha = target.head_sha;
  try {
    const gathered = await gatherPullState(client, target);
    if (!gathered.open) return undefined;
    const state = gathered.state;
    headSha = state.pull.head_sha;
    const config = state.config.kind === "loaded" ? state.config.config : undefined;
    if (config?.review?.fast_lane && state.files.complete) {
      const lane = await fastLaneWaivers(
        client,
        { owner: target.owner, repo: target.repo, headSha, changedFiles: state.files.paths },
        config,
        Date.now(),
      );
      state.waived = Object.fromEntries(lane.waived.map((group) => [group, lane.reason]));
      if (lane.waived.length === 0) state.fast_lane_note = lane.reason;
    }
    result = evaluateReview(state);
    result = await askMissingReviewers(client, state, result, log);
  } catch (error) {
    log.error(`review of ${target.owner}/${target.repo}#${target.number} failed: ${String(error)}`);
    result = failedReview(describeError(error));
  }
  const { title, summary } = renderReviewSummary(result);
  await publishReviewCheck(
    client,
    { owner: target.owner, repo: target.repo, head_sha: headSha },
    { status: result.status, title, summary },
  );
  log.info(`review of ${target.owner}/${target.repo}#${target.number}: ${result.outcome}`);
  return result;
}

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

/** A plain-language reason for a failed gather: the HTTP status and request, never a stack trace. */
export function describeError(error: unknown): string {
  const e = error as { status?: unknown; request?: { method?: string; url?: string }; message?: unknown };
  if (typeof e?.status === "number" && e.request?.url) {
    const path = new URL(e.request.url).pathname.replace(/^\/api\/v3/, "");
    return `GitHub answered ${e.status} to ${e.request.method ?? "GET"} ${path}.`;
  }
  return typeof e?.message === "string" ? e.message : String(error);
}
