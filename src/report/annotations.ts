/**
 * Which findings become workflow annotations on the YAML lines. GitHub keeps at most 10 errors,
 * 10 warnings and 10 notices per step and silently drops the rest, so we choose which ones to send
 * (the most important first) and count what is left over for the job summary to mention.
 */
import type { Finding, Severity } from "../core/findings.js";

/** GitHub's per-step limit for each annotation level. */
export const ANNOTATIONS_PER_LEVEL = 10;

/** How many annotations of each level may go to findings. */
export type AnnotationBudget = Record<Severity, number>;

/** The whole per-step limit for findings (a step that emits other messages reserves room for them). */
export const FULL_BUDGET: AnnotationBudget = {
  error: ANNOTATIONS_PER_LEVEL,
  warning: ANNOTATIONS_PER_LEVEL,
  notice: ANNOTATIONS_PER_LEVEL,
};

export interface Annotation {
  level: Severity;
  /** The rule id, with "(already on the base branch)" for findings this change is not answerable for. */
  title: string;
  message: string;
  file: string;
  startLine: number;
  startColumn: number;
}

export interface AnnotationSelection {
  /** In the order to emit them: errors, warnings, notices; within a level, changed files first. */
  annotations: Annotation[];
  /** Findings that did not fit, per annotation level. */
  leftOver: Record<Severity, number>;
}

const LEVEL_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Chooses the annotations for a report's findings.
 *
 * A finding the change is not answerable for (`counted: false`, "already on the base branch") is
 * shown as a notice whatever its severity: a red error on a file the PR did not touch, on a check
 * that passes, would only confuse. Within a level, findings in changed files come first, then other
 * counted findings, then the rest; ties keep the report's order (file, line).
 *
 * @param changed paths the pull request changes; undefined when everything was checked
 * @param budget annotations per level available to findings
 */
export function selectAnnotations(
  findings: readonly Finding[],
  changed?: readonly string[],
  budget: AnnotationBudget = FULL_BUDGET,
): AnnotationSelection {
  const changedSet = new Set(changed ?? []);
  const ranked = findings.map((f, index) => {
    const level: Severity = f.counted ? f.severity : "notice";
    const nearness = changedSet.has(f.file) ? 0 : f.counted ? 1 : 2;
    return { f, index, level, nearness };
  });
  ranked.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.nearness - b.nearness ||
      LEVEL_ORDER[a.f.severity] - LEVEL_ORDER[b.f.severity] ||
      a.index - b.index,
  );
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const leftOver: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  for (const { f, level } of ranked) {
    if (used[level] >= budget[level]) {
      leftOver[level]++;
      continue;
    }
    used[level]++;
    annotations.push({
      level,
      title: f.counted ? f.rule : `${f.rule} (already on the base branch)`,
      message: f.message,
      file: f.file,
      startLine: f.line,
      startColumn: f.column,
    });
  }
  return { annotations, leftOver };
}

/**
 * One sentence for the job summary when GitHub's limit cut annotations, e.g. "12 more errors and
 * 3 more warnings are not marked on the lines (GitHub shows at most 10 of each per step); the
 * report below lists every finding." Undefined when nothing was left over.
 */
export function leftOverNote(
  leftOver: Record<Severity, number>,
  perLevel = ANNOTATIONS_PER_LEVEL,
): string | undefined {
  const parts = (["error", "warning", "notice"] as const)
    .filter((level) => leftOver[level] > 0)
    .map((level) => `${leftOver[level]} more ${level}${leftOver[level] === 1 ? "" : "s"}`);
  if (parts.length === 0) return undefined;
  const list =
    parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]!}`;
  const verb = parts.length === 1 && Object.values(leftOver).reduce((a, b) => a + b, 0) === 1 ? "is" : "are";
  return `${list} ${verb} not marked on the lines (GitHub shows at most ${perLevel} of each kind per step); the report below lists every finding.`;
}
