/**
 * Issue 14 on an open pull request: when it adds or moves a maintenance window or a change freeze,
 * the owners of the campaigns the window touches are asked for their attention, not their approval
 * (the decision: src/core/announce/plan-owner-attention.ts). Owners who are collaborators get a
 * review request, all in one request; GitHub refuses the whole request (422) when one of them is
 * not a collaborator, and then every one of them is mentioned in one comment instead, posted under
 * a claim with its marker, so redeliveries and two app processes post it once. A review request is
 * harmless to repeat, and owners already requested or who already reviewed are not asked again.
 *
 * It runs inside the review evaluation (src/app/review-pull.ts), like the reviewer requests, from
 * the state that evaluation gathered: a pull request that does not change the capacity file costs
 * no request at all.
 */
import { ownerAttentionComment } from "../../core/announce/owner-attention-comment.js";
import { planOwnerAttention } from "../../core/announce/plan-owner-attention.js";
import type { Config } from "../../core/model.js";
import type { PullState } from "../../core/review/state.js";
import type { GitHubClient } from "../../github/client.js";
import { statusOf } from "../../github/config-at-base.js";
import { pullAnnouncements } from "./announce.js";
import { underClaim } from "./claim.js";
import { postOnce } from "./post-once.js";

export type AttentionOutcome = "not-needed" | "incomplete" | { requested: string[]; mentioned: string[] };

/**
 * Asks the owners for attention when the gathered pull request changes the capacity file. Never
 * throws: a failure is logged, and the review check it runs beside stands.
 */
export async function attendOwners(
  client: GitHubClient,
  state: PullState,
  log: { info(message: string): void; error(message: string): void },
  now: number = Date.now(),
): Promise<void> {
  const config = state.config.kind === "loaded" ? state.config.config : undefined;
  const { pull } = state;
  // Drafts are not ready for anyone's attention; `ready_for_review` comes back here.
  if (!config || pull.draft || !state.files.complete || !state.files.paths.includes(config.capacity)) return;
  const where = `${pull.owner}/${pull.repo}#${pull.number}`;
  try {
    const outcome = await askOwnersAttention(client, state, config, now);
    const said =
      typeof outcome === "string"
        ? outcome
        : `requested ${outcome.requested.join(" ") || "nobody"}, mentioned ${outcome.mentioned.join(" ") || "nobody"}`;
    log.info(`owner attention for ${where}: ${said}`);
  } catch (error) {
    const e = error as { status?: number; message?: string };
    log.error(
      `owner attention for ${where} failed${e.status ? ` (GitHub answered ${e.status})` : ""}: ${e.message ?? String(error)}`,
    );
  }
}

async function askOwnersAttention(
  client: GitHubClient,
  state: PullState,
  config: Config,
  now: number,
): Promise<AttentionOutcome> {
  const { pull } = state;
  const announcements = await pullAnnouncements(
    client,
    { ...pull, headSha: pull.head_sha, baseSha: pull.base_sha, changed: state.files.paths },
    config,
    now,
  );
  if (typeof announcements === "string") return announcements;
  if (announcements.length === 0) return "not-needed";
  const repo = { owner: pull.owner, repo: pull.repo };
  const plan = planOwnerAttention({
    announcements,
    author: pull.author,
    org: pull.owner,
    requested: { users: pull.requested_users, teams: pull.requested_teams },
    reviewed: state.reviews.flatMap((r) => r.user ?? []),
  });
  const requestable = plan.owners.filter((o) => !plan.mention.includes(o));
  const mention = [...plan.mention];
  let requested: string[] = [];
  if (requestable.length > 0) {
    try {
      await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
        ...repo,
        pull_number: pull.number,
        ...(plan.reviewers.length > 0 ? { reviewers: plan.reviewers } : {}),
        ...(plan.team_reviewers.length > 0 ? { team_reviewers: plan.team_reviewers } : {}),
      });
      requested = requestable;
    } catch (error) {
      // 422: someone in the request is not a collaborator (or the team has no access): mention them all.
      if (statusOf(error) !== 422) throw error;
      mention.push(...requestable);
    }
  }
  if (mention.length === 0) return { requested, mentioned: [] };
  const comment = ownerAttentionComment(mention, announcements);
  const issue = { ...repo, issue_number: pull.number };
  const claimed = await underClaim(
    client,
    repo,
    `${repo.owner}/${repo.repo}#${pull.number} ${comment.marker}`,
    () => postOnce(client, issue, comment.body, comment.marker),
  );
  return { requested, mentioned: claimed.won && claimed.value ? mention : [] };
}
