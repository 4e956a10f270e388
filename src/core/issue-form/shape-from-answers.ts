/**
 * Reads the form's optional traffic-shape answers (the dropdown plus the plain-language details:
 * peak hours, airing or send times, how fast it fades) into the campaign's `forecast.shape`
 * (docs/DESIGN.md §2.1). Marketers write "12-14, 19:00-22:00" or "10 minutes", so the answers are
 * normalised here to the schema's forms; a missing detail or one that cannot be read becomes a
 * plain-language problem on its own field, and a detail given for another shape is reported
 * rather than silently ignored.
 */
import { SHAPE_KINDS } from "./build-issue-form.js";

/** A problem on one form field (the shape of `FieldProblem`, without importing back up). */
interface FieldProblem {
  field: string;
  message: string;
}

export interface ShapeAnswers {
  shape?: string;
  peak_hours?: string;
  off_peak?: string;
  at?: string;
  half_life?: string;
}

export type Shape =
  | { kind: "daily"; peak_hours: string[]; off_peak?: number }
  | { kind: "spike"; at: string[]; half_life_minutes: number }
  | { kind: "front_loaded"; at?: string; half_life_hours: number };

const LABELS = {
  shape: "Traffic shape",
  peak_hours: "Peak hours (daily)",
  off_peak: "Traffic outside peak hours (daily)",
  at: "Airing or send times (spike, front-loaded)",
  half_life: "How fast it fades (spike, front-loaded)",
} as const;

/** Which details each kind reads. */
const USES: Record<string, (keyof typeof LABELS)[]> = {
  constant: [],
  daily: ["peak_hours", "off_peak"],
  spike: ["at", "half_life"],
  front_loaded: ["at", "half_life"],
};

/** The shape to write (undefined = constant, the default), with problems pushed per field. */
export function shapeFromAnswers(answers: ShapeAnswers, problems: FieldProblem[]): Shape | undefined {
  const choice = answers.shape;
  const kind =
    choice === undefined ? "constant" : (SHAPE_KINDS as Record<string, string | undefined>)[choice];
  if (kind === undefined) {
    problems.push({
      field: "shape",
      message: `**${LABELS.shape}**: "${choice}" is not one of the choices; pick one from the list.`,
    });
    return undefined;
  }
  const before = problems.length;
  for (const key of ["peak_hours", "off_peak", "at", "half_life"] as const)
    if (answers[key] !== undefined && !USES[kind]?.includes(key))
      problems.push({
        field: key,
        message: `**${LABELS[key]}** is filled in, but it only counts for ${usersOf(key)}, and **${LABELS.shape}** is "${choice ?? "constant"}": choose the matching shape, or empty this answer.`,
      });
  if (kind === "daily") {
    const hours = required(answers, "peak_hours", "12:00-14:00, 19:00-22:00", problems);
    const peak_hours = hours === undefined ? undefined : peakHoursOf(hours, problems);
    const off = answers.off_peak === undefined ? undefined : percentOf(answers.off_peak);
    if (answers.off_peak !== undefined && off === undefined)
      problems.push({
        field: "off_peak",
        message: `**${LABELS.off_peak}** must be a percentage of the peak from 0% to 100%, such as 20%; found "${answers.off_peak}".`,
      });
    if (problems.length > before || peak_hours === undefined) return undefined;
    return { kind, peak_hours, ...(off === undefined ? {} : { off_peak: off }) };
  }
  if (kind === "spike" || kind === "front_loaded") {
    const times =
      kind === "spike" ? required(answers, "at", "2026-12-03 20:15, 2026-12-05 20:15", problems) : answers.at;
    const at = times === undefined ? undefined : instantsOf(times, problems);
    if (kind === "front_loaded" && at !== undefined && at.length > 1)
      problems.push({
        field: "at",
        message: `**${LABELS.at}**: an e-mail (front-loaded) campaign has one send time; found ${at.length}.`,
      });
    const fade = required(answers, "half_life", kind === "spike" ? "10 minutes" : "6 hours", problems);
    const minutes = fade === undefined ? undefined : minutesOf(fade, problems);
    if (problems.length > before || minutes === undefined) return undefined;
    if (kind === "spike") return at === undefined ? undefined : { kind, at, half_life_minutes: minutes };
    return { kind, ...(at?.[0] === undefined ? {} : { at: at[0] }), half_life_hours: round(minutes / 60) };
  }
  return undefined;
}

function usersOf(key: keyof typeof LABELS): string {
  return key === "peak_hours" || key === "off_peak" ? "the daily shape" : "the spike and front-loaded shapes";
}

function required(
  answers: ShapeAnswers,
  key: "peak_hours" | "at" | "half_life",
  example: string,
  problems: FieldProblem[],
): string | undefined {
  const value = answers[key];
  if (value === undefined)
    problems.push({
      field: key,
      message: `**${LABELS[key]}** is empty, and the **${LABELS.shape}** you chose needs it: fill it in, such as ${example}.`,
    });
  return value;
}

/** "12-14, 19:00–22:00" → ["12:00-14:00", "19:00-22:00"]. */
function peakHoursOf(value: string, problems: FieldProblem[]): string[] | undefined {
  const out: string[] = [];
  for (const part of value
    .split(/[,;\n]|\band\b/)
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(?:-|–|—|to)\s*(\d{1,2})(?:[:.h](\d{2}))?$/i.exec(part);
    const h1 = Number(m?.[1] ?? NaN);
    const m1 = Number(m?.[2] ?? 0);
    const h2 = Number(m?.[3] ?? NaN);
    const m2 = Number(m?.[4] ?? 0);
    if (!(h1 <= 23 && h2 <= 24 && m1 <= 59 && m2 <= 59) || (h2 === 24 && m2 !== 0)) {
      problems.push({
        field: "peak_hours",
        message: `**${LABELS.peak_hours}**: "${part}" is not a time range; write ranges such as 12:00-14:00, separated by commas.`,
      });
      return undefined;
    }
    out.push(`${pad(h1)}:${pad(m1)}-${pad(h2)}:${pad(m2)}`);
  }
  return out.length > 0 ? out : undefined;
}

/** "2026-12-03 20:15, 2026-12-05T20:15" → ["2026-12-03T20:15", "2026-12-05T20:15"]. */
function instantsOf(value: string, problems: FieldProblem[]): string[] | undefined {
  const out: string[] = [];
  for (const part of value
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(part);
    if (!m || Number(m[2]) > 23) {
      problems.push({
        field: "at",
        message: `**${LABELS.at}**: "${part}" is not a date and time; write them such as 2026-12-03 20:15, separated by commas.`,
      });
      return undefined;
    }
    out.push(`${m[1]}T${pad(Number(m[2]))}:${m[3]}${m[4] ?? ""}${m[5] ?? ""}`);
  }
  return out.length > 0 ? out : undefined;
}

/** "10 minutes", "10 min", "6 hours", "1.5h" → minutes. */
function minutesOf(value: string, problems: FieldProblem[]): number | undefined {
  const m = /^(\d+(?:[.,]\d+)?)\s*(minutes?|mins?|m|hours?|hrs?|h)$/i.exec(value);
  const n = m?.[1] ? Number(m[1].replace(",", ".")) : NaN;
  if (m && n > 0) return /^h/i.test(m[2] ?? "") ? n * 60 : n;
  problems.push({
    field: "half_life",
    message: `**${LABELS.half_life}** must be a time with its unit, such as 10 minutes or 6 hours; found "${value}".`,
  });
  return undefined;
}

function percentOf(value: string): number | undefined {
  const m = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(value);
  const n = m?.[1] ? Number(m[1].replace(",", ".")) / 100 : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? round(n) : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
