/**
 * Coordination webhooks: the IT preparation issue and the maintenance announcements when a pull
 * request is merged, and the alarm
 * when campaign files reach the default branch without a reviewed pull request. (Reviewer
 * requests and the fast lane run inside the review evaluation; the SLA sweep runs on a schedule.)
 */
import type { Probot } from "probot";
import { loadConfig } from "../../core/load/index.js";
import { DEFAULT_CONFIG_PATH, type Config } from "../../core/model.js";
import type { GitHubClient } from "../../github/client.js";
import { readFileAt } from "../../github/config-at-base.js";
import { raiseDirectPushAlarm } from "./direct-push.js";
import { announceMerged } from "./announce.js";
import { openItPrepIssue } from "./it-issue.js";
import { checkMerged } from "./merged-check.js";

const NO_COMMIT = /^0+$/;

/** Registers the `pull_request.closed` and `push` handlers. */
export function registerCoordination(app: Probot): void {
  app.on("pull_request.closed", async (context) => {
    const { pull_request: pr, repository } = context.payload;
    if (!pr.merged || !pr.merge_commit_sha) return;
    const repo = { owner: repository.owner.login, repo: repository.name };
    // The rules and paths of the base before the merge: a pull request cannot change them for itself.
    const config = await configAt(context.octokit, repo, pr.base.sha, context.log);
    if (!config) return;
    const pull = {
      ...repo,
      number: pr.number,
      title: pr.title,
      url: pr.html_url,
      author: pr.user?.login ?? "",
      mergeSha: pr.merge_commit_sha,
      changed_files: pr.changed_files,
    };
    // Both side effects of a merge from one delivery, one configuration read and one check of the
    // merge commit; neither one's failure to write keeps the other from happening.
    const now = Date.now();
    const merged = await checkMerged(context.octokit, pull, config, now);
    const [itIssue, announced] = await Promise.allSettled([
      openItPrepIssue(context.octokit, pull, merged, config),
      announceMerged(context.octokit, pull, merged, pr.base.sha, config, now),
    ]);
    if (itIssue.status === "fulfilled")
      context.log.info(`IT preparation issue for ${repo.owner}/${repo.repo}#${pr.number}: ${itIssue.value}`);
    if (announced.status === "fulfilled") {
      const outcome = announced.value;
      const said =
        typeof outcome === "string"
          ? outcome
          : outcome.map((o) => `${o.key} ${o.outcome}`).join(", ") || "none";
      context.log.info(`announcements for ${repo.owner}/${repo.repo}#${pr.number}: ${said}`);
    }
    for (const result of [itIssue, announced]) if (result.status === "rejected") throw result.reason;
  });

  app.on("push", async (context) => {
    const { payload } = context;
    const defaultBranch = payload.repository.default_branch ?? payload.repository.master_branch;
    // Cheap test first: other branches and tags cost no API call.
    const owner = payload.repository.owner?.login;
    if (payload.deleted || payload.ref !== `refs/heads/${defaultBranch}` || !owner) return;
    const repo = { owner, repo: payload.repository.name };
    // Campaign globs as they were before this push, so a push cannot hide its own changes.
    const ref = NO_COMMIT.test(payload.before) ? payload.after : payload.before;
    const config = await configAt(context.octokit, repo, ref, context.log);
    if (!config) return;
    const outcome = await raiseDirectPushAlarm(context.octokit, repo, payload, config);
    context.log.info(
      `direct-push check of ${repo.owner}/${repo.repo}@${payload.after.slice(0, 7)}: ${outcome}`,
    );
  });
}

/** The configuration at `sha`, or undefined (logged) when it does not load. */
export async function configAt(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  sha: string,
  log: { error(message: string): void },
): Promise<Config | undefined> {
  const { config, findings } = loadConfig(await readFileAt(client, repo, DEFAULT_CONFIG_PATH, sha));
  const errors = findings.filter((finding) => finding.severity === "error");
  if (errors.length === 0) return config;
  log.error(
    `${DEFAULT_CONFIG_PATH} at ${sha.slice(0, 7)} does not load: ${errors.map((e) => `${e.file}:${e.line} ${e.message}`).join("; ")}`,
  );
  return undefined;
}
