/**
 * Creating the app's own issue (IT prep, direct-push alarm) once, however many times and in however
 * many processes the event is handled. Three layers:
 * 1. the marker: an issue with the label that carries the marker means done (a redelivery, a
 *    later run). Issues are listed by label (open and closed) rather than searched: the search API
 *    is rate-limited and lags, so a redelivery seconds later could miss the first issue;
 * 2. the claim (claim.ts): of two processes that find no issue at the same moment, one creates;
 * 3. the clean-up: a create that GitHub executed but answered with an error is never blindly
 *    repeated (the marker is looked up first), and should two issues exist anyway, the younger
 *    ones are closed as duplicates (`youngerDuplicates`).
 */
import { markerKind, youngerDuplicates } from "../../core/coordination/duplicates.js";
import { findMarker, hasMarker } from "../../core/markers.js";
import type { GitHubClient } from "../../github/client.js";
import { statusOf } from "../../github/config-at-base.js";
import { listAll } from "../../github/paginate.js";
import { NO_RETRY, underClaim } from "./claim.js";

export interface IssueDraft {
  title: string;
  body: string;
  labels: string[];
  assignees?: string[];
  marker: string;
}

export type IssueOutcome = "created" | "exists" | "claimed-elsewhere";

interface ApiIssue {
  number: number;
  body?: string | null;
  created_at: string;
  state?: string;
  user?: { login: string } | null;
}

/**
 * Creates `issue` unless an issue with its first label (open or closed) already carries its
 * marker, or another process holds the claim to create it.
 */
export async function createIssueOnce(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: IssueDraft,
): Promise<IssueOutcome> {
  // The common repeat (a redelivery) costs one listing and no claim.
  if (await findIssue(client, repo, issue)) return "exists";
  const claimed = await underClaim(client, repo, `${repo.owner}/${repo.repo} ${issue.marker}`, async () => {
    if (await findIssue(client, repo, issue)) return "exists" as const;
    await createIssue(client, repo, issue);
    await closeYoungerDuplicates(client, repo, issue);
    return "created" as const;
  });
  return claimed.won ? claimed.value : "claimed-elsewhere";
}

async function findIssue(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: IssueDraft,
): Promise<boolean> {
  const marked = (items: ApiIssue[]) => items.some((item) => hasMarker(item.body ?? "", issue.marker));
  const listed = await listAll<ApiIssue>(
    client,
    "GET /repos/{owner}/{repo}/issues",
    { ...repo, state: "all", labels: issue.labels[0] ?? "" },
    { maxPages: 30, done: marked },
  );
  return marked(listed);
}

/**
 * One create, not repeated by Octokit. After an error answer it looks for the marker: found, the
 * create happened; missing, it tries once more. GitHub rejects the whole issue when an assignee
 * cannot be assigned (no access to the repository): the issue matters more, so it goes unassigned.
 */
async function createIssue(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: IssueDraft,
): Promise<void> {
  const fields = { ...repo, title: issue.title, body: issue.body, labels: issue.labels, ...NO_RETRY };
  let assignees = issue.assignees ?? [];
  for (let attempt = 0; ; attempt++) {
    try {
      await client.request("POST /repos/{owner}/{repo}/issues", {
        ...fields,
        ...(assignees.length > 0 ? { assignees } : {}),
      });
      return;
    } catch (error) {
      const status = statusOf(error);
      if (status === 422 && assignees.length > 0) {
        assignees = [];
        continue;
      }
      if ((status !== undefined && status < 500) || attempt > 0) throw error;
      if (await findIssue(client, repo, issue)) return;
    }
  }
}

/** Closes, as duplicates, issues with this marker younger than the first (the newest 100 are enough: duplicates are seconds apart). */
async function closeYoungerDuplicates(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: IssueDraft,
): Promise<void> {
  const kind = markerKind(issue.marker);
  const recent = (
    await client.request("GET /repos/{owner}/{repo}/issues", {
      ...repo,
      state: "all",
      labels: issue.labels[0] ?? "",
      per_page: 100,
    })
  ).data as ApiIssue[];
  const duplicates = youngerDuplicates(
    recent
      .filter((item) => findMarker(item.body ?? "", kind)?.text === issue.marker)
      .map((item) => ({
        id: item.number,
        body: item.body ?? "",
        createdAt: item.created_at,
        author: item.user?.login ?? "",
      })),
    kind,
  );
  for (const issue_number of duplicates) {
    await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...repo,
      issue_number,
      state: "closed",
      state_reason: "duplicate",
    });
  }
}
