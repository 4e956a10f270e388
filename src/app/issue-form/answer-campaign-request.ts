/**
 * Answers one campaign request issue (DESIGN section 5.1): reads the issue fresh, and the form, the
 * configuration, the capacity file and the campaigns from the default branch's head (never from
 * the issue: a request cannot change the rules it is checked by); `campaignFromIssue` decides;
 * then either the one comment with the problems and the needs-changes label, or the branch, the
 * file and the pull request with the one comment linking it, or, without `contents: write`, the
 * one comment with the ready file.
 *
 * Two replicas, redeliveries, edits in quick succession: the whole answer runs under the issue's
 * claim (src/app/coordination/claim.ts), and every write looks before it writes. A process that
 * finds the claim held waits and tries again rather than giving up, because the holder may have
 * read the issue before the edit this process was told about; answering twice is harmless.
 */
import { ISSUE_FORM_LABEL, ISSUE_FORM_PATH } from "../../core/issue-form/build-issue-form.js";
import { campaignFromIssue } from "../../core/issue-form/campaign-from-issue.js";
import { planCampaignPull } from "../../core/issue-form/plan-campaign-pull.js";
import { NEEDS_CHANGES_LABEL, renderProblems } from "../../core/issue-form/render-problems.js";
import { renderPullLink } from "../../core/issue-form/render-pull-link.js";
import { renderReadyFile } from "../../core/issue-form/render-ready-file.js";
import type { GitHubClient } from "../../github/client.js";
import { readFileAt, statusOf } from "../../github/config-at-base.js";
import { readRepositoryAt } from "../../github/repo-files.js";
import { underClaim } from "../coordination/claim.js";
import { configAt } from "../coordination/index.js";
import { upsertIssueReply } from "./upsert-issue-reply.js";
import { writeCampaignPull } from "./write-campaign-pull.js";

export type RequestOutcome =
  | "not-a-request"
  | "closed"
  | "no-form"
  | "invalid-config"
  | "incomplete"
  | "needs-changes"
  | "ready-file"
  | "merged"
  | "opened"
  | "updated"
  | "unchanged"
  | "claimed-elsewhere";

interface ApiIssue {
  number: number;
  state: string;
  body?: string | null;
  user: { login: string } | null;
  labels: (string | { name?: string })[];
  pull_request?: unknown;
}

interface Log {
  info(message: string): void;
  error(message: string): void;
}

/** Waits before trying a held claim again (ms); past the last, the holder's answer stands. */
const CLAIM_WAITS = [500, 1000, 2000, 4000];

/** Answers issue `issue` of `repo`, whose default branch is `defaultBranch`. */
export async function answerCampaignRequest(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  defaultBranch: string,
  log: Log,
  clock: () => number = Date.now,
): Promise<RequestOutcome> {
  const key = `${repo.owner}/${repo.repo} issue-form #${issue}`;
  for (const wait of [0, ...CLAIM_WAITS]) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const claimed = await underClaim(client, repo, key, () =>
      answerOnce(client, repo, issue, defaultBranch, log, clock()),
    );
    if (claimed.won) return claimed.value;
  }
  return "claimed-elsewhere";
}

async function answerOnce(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  number: number,
  defaultBranch: string,
  log: Log,
  now: number,
): Promise<RequestOutcome> {
  const issue = (
    await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...repo, issue_number: number })
  ).data as ApiIssue;
  const labels = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  if (issue.pull_request || !labels.includes(ISSUE_FORM_LABEL)) return "not-a-request";
  if (issue.state !== "open") return "closed";
  const head = (
    await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...repo,
      ref: `heads/${defaultBranch}`,
    })
  ).data as { object: { sha: string } };
  const base = { ref: defaultBranch, sha: head.object.sha };
  const form = await readFileAt(client, repo, ISSUE_FORM_PATH, base.sha);
  if (!form) {
    log.error(
      `${ISSUE_FORM_PATH} is missing on ${defaultBranch}: campaign request #${number} cannot be read.`,
    );
    return "no-form";
  }
  const config = await configAt(client, repo, base.sha, log);
  if (!config) return "invalid-config";
  const files = await readRepositoryAt(client, { ...repo, sha: base.sha }, config);
  // A check over part of the campaigns could pass a campaign that does not fit: fail closed.
  if (!files.complete) {
    log.error(`the campaigns of ${defaultBranch} could not all be read: campaign request #${number} waits.`);
    return "incomplete";
  }
  const author = issue.user?.login ?? "";
  const built = campaignFromIssue({
    body: issue.body ?? "",
    form: form.text,
    author,
    config,
    capacity: files.capacity,
    campaigns: files.campaigns,
    now,
  });
  if (built.problems.length > 0 || !built.path || !built.text || !built.id) {
    await upsertIssueReply(client, repo, number, renderProblems(number, built.problems));
    if (!labels.includes(NEEDS_CHANGES_LABEL))
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        ...repo,
        issue_number: number,
        labels: [NEEDS_CHANGES_LABEL],
      });
    return "needs-changes";
  }
  if (labels.includes(NEEDS_CHANGES_LABEL)) await removeLabel(client, repo, number, NEEDS_CHANGES_LABEL);
  const file = { path: built.path, text: built.text };
  const pull = planCampaignPull({
    issue: number,
    author,
    name: built.name ?? built.id,
    path: built.path,
    findings: built.findings,
    ...(built.summary ? { summary: built.summary } : {}),
  });
  const written = await writeCampaignPull(client, repo, { pull, file, base, issue: number });
  if (written.outcome === "forbidden") {
    await upsertIssueReply(
      client,
      repo,
      number,
      renderReadyFile(number, { owner: repo.owner, name: repo.repo, branch: defaultBranch }, file),
    );
    return "ready-file";
  }
  if (written.outcome === "merged") return "merged";
  await upsertIssueReply(
    client,
    repo,
    number,
    renderPullLink(number, { number: written.number, path: file.path }),
  );
  return written.outcome;
}

async function removeLabel(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  name: string,
): Promise<void> {
  try {
    await client.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
      ...repo,
      issue_number: issue,
      name,
    });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}
