/**
 * Reads what `effectiveAuthor` asks for: the author of the campaign request issue behind a pull
 * request the app opened. Called by the review's gather step for pull requests a bot opened only.
 * An issue that cannot be read fails the review closed (the error reaches the check's reason).
 */
import { effectiveAuthor } from "../core/review/effective-author.js";
import type { GitHubClient } from "./client.js";

/** The login that counts as the pull request's author for the review. */
export async function readPullAuthor(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  pull: { opener: string; head_ref?: string | undefined },
  appLogin: string | undefined,
): Promise<string> {
  const first = effectiveAuthor(pull, appLogin);
  if ("author" in first) return first.author;
  const issue = (
    await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...repo,
      issue_number: first.read,
    })
  ).data as { user: { login: string } | null };
  const login = issue.user?.login;
  if (!login)
    throw new Error(`the author of campaign request #${first.read} is unknown (a deleted account?).`);
  const verdict = effectiveAuthor(pull, appLogin, { [first.read]: login });
  if (!("author" in verdict))
    throw new Error(`the author of campaign request #${first.read} could not be read.`);
  return verdict.author;
}
