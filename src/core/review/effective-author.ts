/**
 * Who counts as a pull request's author for the review (their own approval never counts).
 * Normally the person who opened it. But a pull request the app opened for a campaign request
 * (src/core/issue-form/plan-campaign-pull.ts) was asked for by the issue's author; the app only
 * typed the file. So the author of that issue is the author: they cannot approve their own
 * campaign, and the app itself is nobody's reviewer.
 *
 * Which issue: the one its branch names (`campaign-gate/issue-<N>`), and only on a pull request
 * opened by the app's own login: a branch name is anyone's to choose, and a pull request body
 * (which also names the issue, in a hidden marker) can be edited by anyone with write access,
 * while neither the opener nor the head branch of a pull request ever changes. The issue's author
 * is read from GitHub, never from text in the pull request.
 */
import { ISSUE_BRANCH_PREFIX } from "../issue-form/plan-campaign-pull.js";

export type AuthorVerdict =
  /** The login that counts as the author. */
  | { author: string }
  /** Read the author of this issue first, then ask again with it in `issueAuthors`. */
  | { read: number };

const ISSUE_BRANCH = new RegExp(
  `^${ISSUE_BRANCH_PREFIX.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}([1-9][0-9]{0,9})$`,
);

/** The author for the review, or the campaign request issue whose author it is, still to read. */
export function effectiveAuthor(
  pull: { opener: string; head_ref?: string | undefined },
  appLogin: string | undefined,
  issueAuthors: Readonly<Record<number, string>> = {},
): AuthorVerdict {
  if (appLogin === undefined || pull.opener.toLowerCase() !== appLogin.toLowerCase())
    return { author: pull.opener };
  const issue = Number(ISSUE_BRANCH.exec(pull.head_ref ?? "")?.[1] ?? NaN);
  if (!Number.isSafeInteger(issue)) return { author: pull.opener };
  const author = issueAuthors[issue];
  return author === undefined ? { read: issue } : { author };
}
