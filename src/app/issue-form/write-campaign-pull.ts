/**
 * Puts a campaign request's file on its branch and keeps its one pull request: the branch
 * `campaign-gate/issue-<N>` is created from the default branch (a 422 "Reference already exists"
 * means an earlier run made it), the file is written with the contents API (replaced in place on
 * later edits, with the file's sha as GitHub requires), and the pull request is created once or
 * updated. Every step looks before it writes, so a redelivery or a second run changes nothing.
 * Without `contents: write` GitHub answers 403 to the branch or file write: that is an outcome
 * ("forbidden"), and the caller answers with the ready file instead.
 */
import type { CampaignPull } from "../../core/issue-form/plan-campaign-pull.js";
import { ISSUE_PULL_MARKER } from "../../core/issue-form/plan-campaign-pull.js";
import { findMarker } from "../../core/markers.js";
import type { GitHubClient } from "../../github/client.js";
import { readFileAt, statusOf } from "../../github/config-at-base.js";
import { NO_RETRY } from "../coordination/claim.js";
import { isRateLimit } from "../review-pull.js";
import { findCampaignPull, type CampaignPullFound } from "./find-campaign-pull.js";

export interface CampaignFileWrite {
  pull: CampaignPull;
  file: { path: string; text: string };
  /** The default branch and its head commit, which the new branch starts from. */
  base: { ref: string; sha: string };
  issue: number;
}

export type PullWritten =
  | { outcome: "opened" | "updated" | "unchanged"; number: number }
  | { outcome: "merged"; number: number }
  | { outcome: "forbidden" };

/** Writes the file and opens or updates the pull request. */
export async function writeCampaignPull(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  write: CampaignFileWrite,
): Promise<PullWritten> {
  const existing = await findCampaignPull(client, repo, write.pull.branch);
  // Merged: the campaign is on the default branch; a later edit of the issue changes nothing here.
  if (existing?.merged_at) return { outcome: "merged", number: existing.number };
  let changed: boolean;
  try {
    await createBranch(client, repo, write.pull.branch, write.base.sha);
    changed = await putFile(client, repo, write);
    const previous = findMarker(existing?.body ?? "", ISSUE_PULL_MARKER)?.attributes.path;
    if (previous && previous !== write.file.path)
      changed = (await deleteFile(client, repo, write.pull.branch, previous, write.issue)) || changed;
  } catch (error) {
    // A 403 that is a rate limit is not a missing permission: it fails, and the next event retries.
    if (statusOf(error) === 403 && !isRateLimit(error)) return { outcome: "forbidden" };
    throw error;
  }
  if (!existing) return { outcome: "opened", number: await createPull(client, repo, write) };
  const stale =
    existing.state !== "open" || existing.title !== write.pull.title || existing.body !== write.pull.body;
  if (stale)
    await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...repo,
      pull_number: existing.number,
      title: write.pull.title,
      body: write.pull.body,
      state: "open",
    });
  return { outcome: stale || changed ? "updated" : "unchanged", number: existing.number };
}

async function createBranch(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  branch: string,
  sha: string,
): Promise<void> {
  // Look first: a redelivery finds the branch and writes nothing.
  try {
    await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref: `heads/${branch}` });
    return;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  try {
    await client.request("POST /repos/{owner}/{repo}/git/refs", {
      ...repo,
      ref: `refs/heads/${branch}`,
      sha,
      ...NO_RETRY,
    });
  } catch (error) {
    // 422 "Reference already exists": an earlier run (or this create, answered late) made it.
    if (statusOf(error) !== 422) throw error;
  }
}

/** Creates or replaces the file on the branch; false when it already had this text. */
async function putFile(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  write: CampaignFileWrite,
): Promise<boolean> {
  const current = await readFileAt(client, repo, write.file.path, write.pull.branch);
  if (current?.text === write.file.text) return false;
  await client.request("PUT /repos/{owner}/{repo}/contents/{path}", {
    ...repo,
    path: write.file.path,
    branch: write.pull.branch,
    message: `Campaign request #${write.issue}: ${write.file.path}`,
    content: Buffer.from(write.file.text).toString("base64"),
    ...(current ? { sha: current.sha } : {}),
  });
  return true;
}

/** Removes the file an earlier answer wrote under another name (the campaign was renamed). */
async function deleteFile(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  branch: string,
  path: string,
  issue: number,
): Promise<boolean> {
  const current = await readFileAt(client, repo, path, branch);
  if (!current) return false;
  await client.request("DELETE /repos/{owner}/{repo}/contents/{path}", {
    ...repo,
    path,
    branch,
    sha: current.sha,
    message: `Campaign request #${issue}: renamed, ${path} removed`,
  });
  return true;
}

async function createPull(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  write: CampaignFileWrite,
): Promise<number> {
  try {
    const created = await client.request("POST /repos/{owner}/{repo}/pulls", {
      ...repo,
      title: write.pull.title,
      head: write.pull.branch,
      base: write.base.ref,
      body: write.pull.body,
      ...NO_RETRY,
    });
    return (created.data as { number: number }).number;
  } catch (error) {
    // 422 "A pull request already exists": a create answered with an error had happened.
    const found: CampaignPullFound | undefined =
      statusOf(error) === 422 ? await findCampaignPull(client, repo, write.pull.branch) : undefined;
    if (found) return found.number;
    throw error;
  }
}
