/**
 * Renders the review result as the check run's title and markdown summary, in plain language.
 */
import type { GroupResult, ReviewResult } from "../core/review/evaluate.js";
import type { StaleApproval } from "../core/review/staleness.js";

/** GitHub rejects check run summaries longer than this. */
export const SUMMARY_LIMIT = 65_535;

export interface ReviewSummary {
  title: string;
  summary: string;
}

const at = (login: string) => (login.startsWith("@") ? login : `@${login}`);
const list = (logins: readonly string[]) => logins.map(at).join(", ");

/** Title and summary of the `campaign-gate/review` check run. */
export function renderReviewSummary(result: ReviewResult): ReviewSummary {
  const { title, lines } = render(result);
  return { title, summary: fit(lines) };
}

function render(result: ReviewResult): { title: string; lines: string[] } {
  switch (result.outcome) {
    case "not-configured":
      return {
        title: "campaign-gate review is not configured",
        lines: [
          "The base branch has no `review` section in `.github/campaign-gate.yml`, so no review is enforced.",
        ],
      };
    case "no-review-required":
      return {
        title: "No review required",
        lines: ["No review rule matches the files this pull request changes."],
      };
    case "invalid-config":
      return {
        title: "The review configuration does not load",
        lines: [
          "The review cannot be checked until `.github/campaign-gate.yml` on the base branch is fixed:",
          "",
          ...(result.findings ?? []).map((f) => `- \`${f.file}\` line ${f.line}: ${f.message}`),
        ],
      };
    case "incomplete-files":
      return {
        title: "Too many files to check the review",
        lines: [
          "GitHub lists at most 3,000 changed files for a pull request, and this one changes more. " +
            "The review rules cannot be checked on an incomplete list; split the pull request into smaller ones.",
        ],
      };
    case "rate-limited":
      return {
        title: "Waiting for GitHub's rate limit",
        lines: [
          `GitHub asked campaign-gate to slow down and the review could not be read in time: ${result.message ?? "rate limit"}`,
          "",
          "The check waits instead of failing. It is evaluated again on the next push or review, or when you press Re-run.",
        ],
      };
    case "error":
      return {
        title: "The review could not be checked",
        lines: [
          `campaign-gate could not read the pull request's state from GitHub: ${result.message ?? "unknown error"}`,
          "",
          "The check fails until it can be evaluated. Re-run it, or push again, once GitHub answers.",
        ],
      };
    default:
      return {
        title: groupsTitle(result),
        lines: [
          "| Group | Review | Rules |",
          "|---|---|---|",
          ...result.groups.map(row),
          ...(result.note !== undefined ? ["", `**Fast lane:** ${result.note}.`] : []),
        ],
      };
  }
}

function groupsTitle(result: ReviewResult): string {
  const named = (state: GroupResult["state"]) =>
    result.groups.filter((g) => g.state === state).map((g) => g.group);
  if (result.outcome === "changes-requested")
    return `Changes requested by ${list([...new Set(result.groups.flatMap((g) => (g.state === "changes_requested" ? g.by : [])))])}`;
  if (result.outcome === "waiting") return `Waiting for review: ${named("waiting").join(", ")}`;
  const approved = result.groups.flatMap((g) =>
    g.state === "approved" ? [`${g.group} by ${at(g.by)}`] : [],
  );
  const waived = named("waived").map((group) => `${group} waived`);
  return `Approved: ${[...approved, ...waived].join(", ")}`;
}

function row(g: GroupResult): string {
  return `| ${g.group} | ${cell(g)} | ${g.rules.join(", ")} |`;
}

function cell(g: GroupResult): string {
  switch (g.state) {
    case "approved":
      return `✅ approved by ${at(g.by)}`;
    case "changes_requested":
      return `❌ changes requested by ${list(g.by)}`;
    case "waived":
      return `waived: ${g.reason}`;
    case "waiting": {
      const notes = [
        g.requested.length > 0 ? `requested: ${list(g.requested)}` : "no reviewer requested yet",
        ...g.stale.map(staleNote),
        ...(g.taken.length > 0 ? [`${list(g.taken)} already fills another group`] : []),
      ];
      return `⏳ waiting (${notes.join("; ")})`;
    }
  }
}

const short = (sha: string) => sha.slice(0, 7);

/** "approval by @ann on 1a2b3c4 invalidated by push of 9f8e7d6: `infra/x.yaml` changed". */
function staleNote(stale: StaleApproval): string {
  const on = stale.reviewed ? ` on ${short(stale.reviewed)}` : "";
  const why =
    stale.file !== null
      ? `\`${stale.file}\` changed`
      : "the changes since could not be compared (force push, or more than 300 files), so it counts as changed";
  return `approval by ${at(stale.user)}${on} invalidated by push of ${short(stale.head)}: ${why}`;
}

/** Joins lines, dropping whole lines from the end (with a note) so the summary fits GitHub's limit. */
function fit(lines: string[]): string {
  const text = lines.join("\n");
  if (text.length <= SUMMARY_LIMIT) return text;
  const kept: string[] = [];
  let length = 0;
  const reserve = 100;
  for (const line of lines) {
    if (length + line.length + 1 > SUMMARY_LIMIT - reserve) break;
    kept.push(line);
    length += line.length + 1;
  }
  kept.push("", `… ${lines.length - kept.length} more lines not shown.`);
  return kept.join("\n");
}
