/**
 * Finding the app's own issue by its hidden marker, and creating it once. Issues are listed by
 * label (open and closed) rather than searched: the search API is rate-limited and eventually
 * consistent, so a redelivery seconds later could miss the first issue.
 */
import { hasMarker } from "../../core/markers.js";
import type { GitHubClient } from "../../github/client.js";
import { statusOf } from "../../github/config-at-base.js";
import { listAll } from "../../github/paginate.js";

export interface IssueDraft {
  title: string;
  body: string;
  labels: string[];
  assignees?: string[];
  marker: string;
}

/**
 * Creates `issue` unless an issue with its first label (open or closed) already carries its marker.
 * Returns the new issue's number, or undefined when it already existed.
 */
export async function createIssueOnce(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: IssueDraft,
): Promise<number | undefined> {
  const existing = await listAll<{ body?: string | null }>(
    client,
    "GET /repos/{owner}/{repo}/issues",
    { ...repo, state: "all", labels: issue.labels[0] ?? "" },
    { maxPages: 30, done: (items) => items.some((item) => hasMarker(item.body ?? "", issue.marker)) },
  );
  if (existing.some((item) => hasMarker(item.body ?? "", issue.marker))) return undefined;
  const fields = { ...repo, title: issue.title, body: issue.body, labels: issue.labels };
  const assignees = issue.assignees ?? [];
  try {
    const created = await client.request("POST /repos/{owner}/{repo}/issues", {
      ...fields,
      ...(assignees.length > 0 ? { assignees } : {}),
    });
    return (created.data as { number: number }).number;
  } catch (error) {
    // GitHub rejects the whole issue when an assignee cannot be assigned (no access to the
    // repository): the issue matters more than the assignment, so create it unassigned.
    if (assignees.length === 0 || statusOf(error) !== 422) throw error;
    const created = await client.request("POST /repos/{owner}/{repo}/issues", fields);
    return (created.data as { number: number }).number;
  }
}
