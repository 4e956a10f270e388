/**
 * Reads the configuration file at an exact commit (the pull request's base), so a pull request
 * can never weaken its own review.
 */
import type { SourceFile } from "../core/model.js";
import type { GitHubClient } from "./client.js";

/**
 * The file at `path` on commit (or branch) `ref`, or undefined when it does not exist there; `sha`
 * is its blob's, which a write through the contents API must name to replace it.
 */
export async function readFileAt(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  path: string,
  ref: string,
): Promise<(SourceFile & { sha: string }) | undefined> {
  let data: { type?: string; encoding?: string; content?: string; sha?: string };
  try {
    const response = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path,
      ref,
    });
    data = response.data as typeof data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  if (data.type !== "file" || data.encoding !== "base64" || typeof data.content !== "string")
    throw new Error(
      `${path} on the base branch is not a readable file (it may be a folder or larger than 1 MB).`,
    );
  return { path, text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha ?? "" };
}

/** The HTTP status of an Octokit request error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
