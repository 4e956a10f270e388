/**
 * The answer of `fit` in words and as JSON. The CLI prints these lines and the dashboard's form
 * shows the very same lines (this module is bundled into the page), so both say the same thing.
 */
import type { FitAnswer, FitWindow, WorkWindow } from "../core/fit/index.js";
import { formatInstant, formatNumber, listIds } from "../core/format.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "3 days", "1 day 6 hours", "90 minutes". */
export function formatDuration(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms - days * DAY) / HOUR);
  const minutes = Math.round((ms - days * DAY - hours * HOUR) / 60_000);
  const part = (n: number, unit: string): string => (n === 0 ? "" : `${n} ${unit}${n === 1 ? "" : "s"}`);
  return (
    [part(days, "day"), part(hours, "hour"), part(minutes, "minute")].filter(Boolean).join(" ") || "0 minutes"
  );
}

const unitName = (unit: "users" | "rps"): string => (unit === "users" ? "users" : "requests/s");

function span(w: FitWindow): string {
  if (w.latest === undefined) return `start on ${formatInstant(w.earliest)} or any time later`;
  if (w.latest === w.earliest) return `start exactly on ${formatInstant(w.earliest)}`;
  return `start between ${formatInstant(w.earliest)} and ${formatInstant(w.latest)}`;
}

function workLine(w: WorkWindow): string {
  const parts: string[] = [];
  if (w.scale.length > 0) {
    const scale = w.scale.map((s) => `${s.service} to ${s.instances} instances (${s.today} today)`);
    const by = w.deadline === undefined ? "" : ` ready by ${formatInstant(w.deadline)}`;
    const freeze = w.freeze === undefined ? "" : ` (when the change freeze "${w.freeze}" starts)`;
    parts.push(`IT scales ${listIds(scale)}${by}${freeze}`);
  }
  if (w.redundancy.length > 0)
    parts.push(`${listIds(w.redundancy)} could not survive losing a zone even at max scale (a warning)`);
  return `${span(w)}: ${parts.join("; ")}`;
}

/** The answer as lines of plain text (no trailing newline), for the terminal and the page. */
export function fitLines(answer: FitAnswer): string[] {
  const size = `${formatNumber(answer.size)} ${unitName(answer.unit)}`;
  const added = answer.added.map((a) => `${formatNumber(a.rps)} requests/s to ${a.service}`);
  const lines = [
    `A campaign of ${size} on ${answer.site} for ${formatDuration(answer.duration)}, starting on ${formatInstant(
      answer.from,
    )} or later, adds ${added.length > 0 ? listIds(added) : "no load to any service"}.`,
  ];
  if (answer.free.length === 0 && answer.work.length === 0) {
    lines.push(
      `It never fits: even fully scaled, ${answer.site} can take at most ${formatNumber(answer.largest)} ${unitName(
        answer.unit,
      )} more. Make it smaller, spread it over several sites or campaigns, or agree with IT on raising the limits.`,
    );
    return lines;
  }
  lines.push("Without IT work:");
  if (answer.free.length === 0) lines.push("  - no window: every start needs IT work or cannot be held.");
  for (const w of answer.free) lines.push(`  - ${span(w)}`);
  if (answer.work.length > 0) {
    lines.push("With IT work, with enough notice and outside change freezes:");
    for (const w of answer.work) lines.push(`  - ${workLine(w)}`);
  }
  return lines;
}

/** The answer as one JSON document: instants as UTC ISO strings, durations in ms. */
export function fitJson(answer: FitAnswer): string {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const window = (w: FitWindow): Record<string, unknown> => ({
    earliest: iso(w.earliest),
    latest: w.latest === undefined ? null : iso(w.latest),
  });
  return `${JSON.stringify(
    {
      version: 1,
      site: answer.site,
      unit: answer.unit,
      size: answer.size,
      duration_ms: answer.duration,
      from: iso(answer.from),
      added: answer.added,
      free: answer.free.map(window),
      work: answer.work.map((w) => ({
        ...window(w),
        deadline: w.deadline === undefined ? null : iso(w.deadline),
        freeze: w.freeze ?? null,
        scale: w.scale,
        redundancy: w.redundancy,
      })),
      largest: answer.largest,
    },
    null,
    2,
  )}\n`;
}
