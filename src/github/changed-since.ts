/**
 * Which files changed between a reviewed commit and the head, from GitHub's compare API (file
 * contents, not push times). Anything short of a complete, linear answer is "unknown" (null): the
 * approval on that commit is then void — fail closed.
 */
import type { GitHubClient } from "./client.js";

/** GitHub's compare lists at most this many files. */
export const COMPARE_FILES_LIMIT = 300;

/** Paths (old names of renames included) changed from `base` to `head`, or null when unknown. */
export async function filesChangedSince(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  base: string,
  head: string,
): Promise<string[] | null> {
  let data: { status?: string; files?: { filename: string; previous_filename?: string }[] };
  try {
    // per_page=1 keeps the commit list small; the files come complete on the first page.
    const response = await client.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      ...repo,
      basehead: `${base}...${head}`,
      per_page: 1,
    });
    data = response.data as typeof data;
  } catch {
    return null;
  }
  // "diverged"/"behind": the reviewed commit is not in the head's history (force push).
  if (data.status !== "ahead" && data.status !== "identical") return null;
  const files = data.files ?? [];
  if (files.length >= COMPARE_FILES_LIMIT) return null;
  return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
}
