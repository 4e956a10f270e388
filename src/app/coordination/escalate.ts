/**
 * The review SLA sweep: for every open pull request, the required groups still waiting longer
 * than `sla.hours` business hours get one escalation comment, and the pull request the SLA label.
 * Run on a schedule (src/app/sla-run.ts), since a late review leaves nothing to react to.
 * When each group started waiting: see src/core/coordination/waiting-since.ts.
 */
import { dueAt } from "../../core/coordination/business-hours.js";
import { waitingSince, type TimelineEvent } from "../../core/coordination/waiting-since.js";
import {
  duplicateEscalations,
  escalationMarker,
  planEscalations,
} from "../../core/coordination/sla-escalation.js";
import { statusOf } from "../../github/config-at-base.js";
import type { Config } from "../../core/model.js";
import { evaluateReview } from "../../core/review/evaluate.js";
import type { GitHubClient } from "../../github/client.js";
import { listIssueComments } from "../../github/issue-comments.js";
import { listAll } from "../../github/paginate.js";
import { gatherPullState } from "../../github/review-state.js";
import { activeTeamMembers } from "../../github/team-members.js";
import { describeError } from "../review-pull.js";
import { underClaim } from "./claim.js";
import { postOnce } from "./post-once.js";
import { fastLaneWaivers } from "./fast-lane.js";

/** Open pull requests looked at per sweep at most (oldest first: they are the likeliest overdue). */
export const SWEEP_PULL_LIMIT = 300;

export interface EscalationOutcome {
  number: number;
  /** Groups escalated by this sweep (not those another sweep escalated at the same moment). */
  escalated: string[];
  labelled: boolean;
  /** Ids of duplicate escalation comments deleted (two sweeps that raced). */
  deleted: number[];
  /** Set when this pull request could not be swept (the others still are). */
  error?: string;
}

interface ApiPull {
  number: number;
  draft?: boolean;
  user?: { login: string } | null;
  created_at: string;
  head: { sha: string };
  labels: { name: string }[];
}

/**
 * Escalates the overdue groups of every open pull request of `repo`. `config` is the default
 * branch's configuration (its `review.sla` says how long groups may take and whom to call);
 * which groups a pull request still waits for is evaluated under its own base's rules, as the
 * review check does. Returns one entry per pull request that was escalated or failed.
 */
export async function escalateOverdue(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  config: Config,
  now: number,
): Promise<EscalationOutcome[]> {
  const sla = config.review?.sla;
  if (!sla) return [];
  const pulls = await listAll<ApiPull>(
    client,
    "GET /repos/{owner}/{repo}/pulls",
    { ...repo, state: "open", sort: "created", direction: "asc" },
    { maxPages: SWEEP_PULL_LIMIT / 100, done: (items) => items.length >= SWEEP_PULL_LIMIT },
  );
  const outcomes: EscalationOutcome[] = [];
  for (const pull of pulls.slice(0, SWEEP_PULL_LIMIT)) {
    if (pull.draft) continue;
    // One pull request that cannot be read must not stop the sweep for the others.
    const outcome = await escalatePull(client, repo, pull, config, now).catch(
      (error: unknown): EscalationOutcome => ({
        number: pull.number,
        escalated: [],
        labelled: false,
        deleted: [],
        error: describeError(error),
      }),
    );
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

async function escalatePull(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  pull: ApiPull,
  config: Config,
  now: number,
): Promise<EscalationOutcome | undefined> {
  const sla = config.review!.sla!;
  // The scheduled run cannot ask GitHub for the app's login (it runs with the workflow's token), so
  // a campaign request's pull request opened by a bot counts its issue's author as the author, as
  // the review check does. Escalation only notifies: trusting any bot here can at worst escalate
  // once more, never let a pull request merge (the review check verifies the app's own login).
  const gathered = await gatherPullState(
    client,
    { ...repo, number: pull.number },
    { appLogin: () => Promise.resolve(pull.user?.login ?? "") },
  );
  if (!gathered.open || gathered.state.config.kind !== "loaded") return undefined;
  const { state } = gathered;
  const baseConfig = state.config.kind === "loaded" ? state.config.config : config;
  const policy = baseConfig.review;
  const waiting = evaluateReview(state)
    .groups.filter((group) => group.state === "waiting")
    .map((group) => group.group);
  if (!policy || waiting.length === 0) return undefined;

  const issue = { ...repo, issue_number: pull.number };
  const timeline = await listAll<TimelineEvent>(
    client,
    "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline",
    issue,
    { maxPages: 10 },
  );
  const requestedLogins = [
    ...new Set(
      timeline.flatMap((e) => (e.requested_reviewer ? [e.requested_reviewer.login.toLowerCase()] : [])),
    ),
  ].sort();
  const teams = [...new Set(waiting.flatMap((name) => policy.groups[name]?.teams ?? []))];
  const teamMembers =
    requestedLogins.length > 0 ? await activeTeamMembers(client, teams, requestedLogins, repo.owner) : {};
  let groups = waitingSince(waiting, policy, teamMembers, timeline, pull.created_at);
  const overdue = groups.filter((group) => dueAt(group.since, sla) <= now);
  if (overdue.length === 0) return undefined;

  // A group the fast lane waives is not waiting: check the (costlier) fast lane only now.
  const waivable = policy.fast_lane?.waive ?? [];
  if (overdue.some((group) => waivable.includes(group.group))) {
    const lane = await fastLaneWaivers(
      client,
      { ...repo, headSha: state.pull.head_sha, changedFiles: state.files.paths },
      baseConfig,
      now,
    );
    groups = groups.filter((group) => !lane.waived.includes(group.group));
  }

  const comments = await listIssueComments(client, issue);
  const plan = planEscalations({
    now,
    sla,
    waitingGroups: groups,
    existingComments: comments.map((c) => ({ body: c.body ?? "", author: c.user?.login ?? "" })),
    labels: pull.labels.map((label) => label.name),
    org: repo.owner,
  });
  if (plan.comments.length === 0) return undefined;
  const escalated: string[] = [];
  for (const comment of plan.comments) {
    // Two sweeps at the same moment: the claim lets one post; the other finds it held and moves on.
    const marker = escalationMarker(comment.group);
    const claimed = await underClaim(
      client,
      repo,
      `${repo.owner}/${repo.repo}#${pull.number} ${marker}`,
      () => postOnce(client, issue, comment.body, marker),
    );
    if (claimed.won && claimed.value) escalated.push(comment.group);
  }
  if (escalated.length === 0) return undefined;
  if (plan.addLabel) {
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...issue,
      labels: [sla.label],
    });
  }
  // Should two escalations exist anyway (see duplicates.ts), keep the earliest.
  const deleted = duplicateEscalations(
    (await listIssueComments(client, issue)).map((c) => ({
      id: c.id,
      body: c.body ?? "",
      author: c.user?.login ?? "",
      createdAt: c.created_at,
    })),
  );
  for (const comment_id of deleted) {
    // 404: another process deleted the same duplicate first.
    await client
      .request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id })
      .catch((error: unknown) => {
        if (statusOf(error) !== 404) throw error;
      });
  }
  return {
    number: pull.number,
    escalated,
    labelled: plan.addLabel,
    deleted,
  };
}
