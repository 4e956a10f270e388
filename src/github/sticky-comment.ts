/**
 * Keeps campaign-gate's one PR comment: finds it, asks `decideComment` what to do, and does it.
 * A token that may not write (pull requests from forks get a read-only token) is an outcome, not
 * a crash: the caller turns it into a notice and the check still passes or fails on its own.
 */
import { listAll } from "./paginate.js";
import type { GitHubClient } from "./client.js";
import { decideComment, findStickyComment, type ExistingComment } from "../report/pr-comment.js";

export interface StickyCommentTarget {
  owner: string;
  repo: string;
  issue_number: number;
  /** The PR head commit the body describes. */
  runSha: string;
  body: string;
}

export type StickyCommentOutcome =
  | { outcome: "created" | "updated"; url: string }
  | { outcome: "unchanged" | "stale"; message: string }
  | { outcome: "forbidden"; message: string };

interface RawComment {
  id: number;
  body?: string | null;
  html_url: string;
  user: { login: string; type: string } | null;
}

/** Creates, updates or leaves the sticky comment; see `decideComment` for the rules. */
export async function upsertStickyComment(
  client: GitHubClient,
  target: StickyCommentTarget,
): Promise<StickyCommentOutcome> {
  const { owner, repo, issue_number } = target;
  try {
    const comments = await listComments(client, target);
    // Read the head after the comments, as late as possible, to keep the race with a newer run short.
    const pull = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner,
      repo,
      pull_number: issue_number,
    });
    const currentHeadSha = (pull.data as { head: { sha: string } }).head.sha;
    const existing = findStickyComment(comments);
    const decision = decideComment({ existing, body: target.body, runSha: target.runSha, currentHeadSha });
    switch (decision.action) {
      case "skip":
        return { outcome: decision.reason, message: decision.message };
      case "create": {
        const created = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          owner,
          repo,
          issue_number,
          body: target.body,
        });
        return { outcome: "created", url: (created.data as RawComment).html_url };
      }
      case "update": {
        const updated = await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner,
          repo,
          comment_id: decision.commentId,
          body: target.body,
        });
        return { outcome: "updated", url: (updated.data as RawComment).html_url };
      }
    }
  } catch (error) {
    if (statusOf(error) === 403) {
      return {
        outcome: "forbidden",
        message:
          "campaign-gate could not write its pull request comment: the workflow token may not write here " +
          "(pull requests from forks get a read-only token). The check result and the job summary are unaffected. " +
          "To comment on fork pull requests, see https://github.com/campaign-gate/campaign-gate/blob/main/docs/action.md",
      };
    }
    throw error;
  }
}

async function listComments(client: GitHubClient, target: StickyCommentTarget): Promise<ExistingComment[]> {
  const raw = await listAll<RawComment>(client, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issue_number,
  });
  return raw.map((c) => ({
    id: c.id,
    body: c.body ?? "",
    author: c.user?.login ?? "",
    authorType: c.user?.type ?? "",
  }));
}

/** The HTTP status of an Octokit RequestError (or any error carrying `status`). */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error) {
    const status = error.status;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}
