/**
 * Who counts as a pull request's author for the review (their own approval never counts).
 * Normally the person who opened it. But a pull request the app opened for a campaign request
 * (src/core/issue-form/plan-campaign-pull.ts) was asked for by the issue's author; the app only
 * typed the file. So the issue's author, named in the hidden marker of the body, is the author:
 * they cannot approve their own campaign. The marker is trusted ONLY on a pull request opened by
 * the app's own login: anyone can type a marker into their own pull request's body.
 */
import { findMarker } from "../markers.js";
import { ISSUE_PULL_MARKER } from "../issue-form/plan-campaign-pull.js";

/** GitHub logins: letters, digits and single hyphens (a bot's ends in `[bot]`, never in a marker). */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/**
 * The author's login: the marker's `author` when `opener` is `appLogin` and the body carries a
 * well-formed marker, else `opener`.
 */
export function effectiveAuthor(
  pull: { opener: string; body?: string | null | undefined },
  appLogin: string | undefined,
): string {
  if (appLogin === undefined || pull.opener.toLowerCase() !== appLogin.toLowerCase()) return pull.opener;
  const author = findMarker(pull.body ?? "", ISSUE_PULL_MARKER)?.attributes.author;
  return author !== undefined && LOGIN.test(author) ? author : pull.opener;
}
