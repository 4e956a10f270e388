/**
 * The Action's job summary and the sentences that say what a run checked. Pure: the Action
 * passes in what it learned and writes the result to GITHUB_STEP_SUMMARY.
 */
import type { Report } from "../core/report.js";
import { formatNumber, plural } from "../core/format.js";
import { renderMarkdown } from "./markdown.js";

/** What a run checked and why. */
export type CheckScope =
  | { kind: "pull"; number: number; changed: number }
  | { kind: "pull-incomplete"; number: number; listed: number; total?: number; reason?: string }
  | { kind: "everything"; eventName: string };

/** One plain sentence about the scope, for the summary and the comment. */
export function describeScope(scope: CheckScope): string {
  switch (scope.kind) {
    case "pull":
      return `Pull request #${scope.number} changes ${plural(scope.changed, "file")}; findings it did not cause are listed as "already on the base branch" and do not fail the check.`;
    case "pull-incomplete": {
      const why =
        scope.reason ??
        `GitHub lists only ${formatNumber(scope.listed)} of the ${scope.total !== undefined ? formatNumber(scope.total) + " " : ""}files this pull request changes`;
      return `${why}, so every finding in the repository counts for pull request #${scope.number}.`;
    }
    case "everything":
      return `Checked the whole repository (event: ${scope.eventName || "unknown"}); every finding counts.`;
  }
}

export interface JobSummaryOptions {
  scope: CheckScope;
  fileUrl?: (path: string, line?: number) => string;
  /** From `leftOverNote`: annotations GitHub's limit cut. */
  annotationsNote?: string;
  /** What happened to the PR comment, when relevant. */
  commentNote?: string;
  /** Path of the JSON report written for later steps. */
  reportPath?: string;
  /** Markdown placed after the report (the maintenance and freeze announcements). */
  appendix?: string;
  /** The folder the dashboard was written to (output `dashboard`), and its published URL if configured. */
  dashboard?: { dir: string; url?: string };
}

/** GitHub accepts 1 MiB of summary per step; the report stays far below so other steps have room. */
const SUMMARY_MAX_CHARS = 200_000;

/** Verdict and report first, then a short "about this run" list. */
export function buildJobSummary(report: Report, options: JobSummaryOptions): string {
  const markdown = renderMarkdown(report, {
    maxChars: SUMMARY_MAX_CHARS,
    ...(options.fileUrl ? { fileUrl: options.fileUrl } : {}),
  });
  const about = [describeScope(options.scope)];
  if (options.annotationsNote) about.push(options.annotationsNote);
  if (options.commentNote) about.push(options.commentNote);
  if (options.reportPath) about.push(`The JSON report is in \`${options.reportPath}\` (output \`report\`).`);
  if (options.dashboard)
    about.push(
      options.dashboard.url
        ? `The [dashboard](${options.dashboard.url}) is published; this run wrote it to \`${options.dashboard.dir}\` (output \`dashboard\`).`
        : `The dashboard is in \`${options.dashboard.dir}\` (output \`dashboard\`); keep it with actions/upload-artifact or publish it to GitHub Pages (docs/dashboard.md).`,
    );
  const appendix = options.appendix ? `\n${options.appendix}` : "";
  return `${markdown}${appendix}\n---\n\n**About this run**\n\n${about.map((line) => `- ${line}`).join("\n")}\n`;
}
