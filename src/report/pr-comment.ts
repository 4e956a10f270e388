/**
 * The sticky PR comment: its hidden markers, its body, and the pure decision whether a run
 * creates it, updates it in place or leaves it alone. The I/O lives in src/github/sticky-comment.ts.
 */
import { findMarker, hiddenMarker } from "../core/markers.js";
import type { Report } from "../core/report.js";
import { renderMarkdown } from "./markdown.js";

/** Marks the one comment campaign-gate keeps on a pull request. */
export const REPORT_MARKER = hiddenMarker("report", {});

/** GitHub rejects comment bodies longer than this. */
export const COMMENT_MAX_CHARS = 65_536;

/** Records which head commit a comment describes, so an older run never overwrites a newer one. */
export function headMarker(sha: string): string {
  return hiddenMarker("head", { sha });
}

/** The head commit recorded in a comment body, if any. */
export function commentHeadSha(body: string): string | undefined {
  return findMarker(body, "head")?.attributes.sha;
}

export interface CommentBodyOptions {
  /** The PR head commit this run checked. */
  headSha: string;
  /** Link to a file (and line) at the head commit. */
  fileUrl?: (path: string, line?: number) => string;
  /** Link to the workflow run, for the footer. */
  runUrl?: string;
  /** The published dashboard (input `pages-url`), linked in the footer. */
  dashboardUrl?: string;
  /** A sentence about what was checked (e.g. the file list was incomplete), shown under the report. */
  scopeNote?: string;
  /** Markdown placed after the report (the maintenance and freeze announcements). */
  appendix?: string;
}

/** The whole comment body, markers included, always within GitHub's limit. */
export function buildCommentBody(report: Report, options: CommentBodyOptions): string {
  const head = `${REPORT_MARKER}\n${headMarker(options.headSha)}\n`;
  const short = options.headSha.slice(0, 7);
  const footerParts = [`Checked commit ${short}`];
  if (options.runUrl) footerParts.push(`[workflow run](${options.runUrl})`);
  if (options.dashboardUrl) footerParts.push(`[dashboard](${options.dashboardUrl})`);
  footerParts.push("this comment is updated on every push");
  const notes = options.scopeNote ? `\n> ${options.scopeNote}\n` : "";
  const footer = `${notes}\n<sub>${footerParts.join(" · ")}</sub>\n`;
  // Leave room for markers and footer; a margin covers GitHub counting some characters differently.
  const appendix = options.appendix ? `\n${options.appendix}` : "";
  const maxChars = COMMENT_MAX_CHARS - head.length - footer.length - appendix.length - 512;
  const markdown = renderMarkdown(report, {
    maxChars,
    ...(options.fileUrl ? { fileUrl: options.fileUrl } : {}),
  });
  return `${head}${markdown}${appendix}${footer}`;
}

export interface ExistingComment {
  id: number;
  body: string;
  /** Login of the comment's author, e.g. "github-actions[bot]". */
  author: string;
  /** "Bot" or "User". */
  authorType: string;
}

/** The login the workflow token (GITHUB_TOKEN) writes comments as. */
export const ACTIONS_BOT = "github-actions[bot]";

/**
 * Our comment among a PR's comments: it carries the report marker and was written by a bot
 * (github-actions[bot] preferred; another bot when the workflow passes a GitHub App token). A person
 * who pastes the marker into their own comment is never picked. The oldest match wins.
 */
export function findStickyComment(comments: readonly ExistingComment[]): ExistingComment | undefined {
  const ours = comments.filter((c) => c.body.includes(REPORT_MARKER) && c.authorType === "Bot");
  return ours.find((c) => c.author === ACTIONS_BOT) ?? ours[0];
}

export type CommentDecision =
  | { action: "create" }
  | { action: "update"; commentId: number }
  | { action: "skip"; reason: "stale" | "unchanged"; message: string };

export interface CommentDecisionInput {
  existing: ExistingComment | undefined;
  body: string;
  /** The head commit this run checked. */
  runSha: string;
  /** The PR's head commit now, from the API. */
  currentHeadSha: string;
}

/**
 * Create, update or skip. A run for a commit that is no longer the PR head writes nothing: the run
 * for the newer commit owns the comment, whatever commit the existing comment records (a re-run of
 * an old commit must not replace the report of a newer one). An identical body is not re-posted.
 */
export function decideComment(input: CommentDecisionInput): CommentDecision {
  if (input.currentHeadSha !== input.runSha) {
    return {
      action: "skip",
      reason: "stale",
      message: `The pull request has moved on to commit ${input.currentHeadSha.slice(0, 7)}; the comment is left to the run for that commit.`,
    };
  }
  if (!input.existing) return { action: "create" };
  if (normalize(input.existing.body) === normalize(input.body)) {
    return { action: "skip", reason: "unchanged", message: "The comment is already up to date." };
  }
  return { action: "update", commentId: input.existing.id };
}

/** GitHub stores bodies with \r\n at times and may trim the end. */
function normalize(body: string): string {
  return body.replace(/\r\n/g, "\n").trimEnd();
}
