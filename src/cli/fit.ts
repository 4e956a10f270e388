/**
 * `campaign-gate fit`: reads the repository, runs the check, and asks the core's `findWindows`
 * when an extra campaign of the given size could run. Flags are checked here; the answer is the
 * core's, in the words of src/report/fit-text.ts (the dashboard's form prints the same lines).
 */
import { runCheckModel, type CheckInput } from "../core/check.js";
import { findWindows, FitError } from "../core/fit/index.js";
import { parseNow } from "../core/now.js";
import { UsageError } from "../io/local-repo.js";
import { fitJson, fitLines } from "../report/fit-text.js";

export interface FitFlags {
  site?: string;
  users?: string;
  rps?: string;
  duration?: string;
  from?: string;
  format?: string;
}

const UNITS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/** "3d", "36h", "1d12h", "2w", "90m" → milliseconds; throws UsageError otherwise. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)([wdhm])/g)];
  const ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit!]!, 0);
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text || !(ms > 0)) {
    throw new UsageError(`--duration must be a length such as 3d, 36h, 1d12h, 2w or 90m — found '${text}'`);
  }
  return ms;
}

/** Runs `fit`; returns the exit status: 0 a window was found, 1 none ever fits or the files do not load. */
export function fitCommand(
  input: CheckInput,
  flags: FitFlags,
  out: { stdout: (t: string) => void; stderr: (t: string) => void },
): number {
  if (flags.site === undefined) throw new UsageError("fit needs --site, e.g. --site shop");
  if ((flags.users === undefined) === (flags.rps === undefined))
    throw new UsageError("fit needs exactly one of --users N or --rps N (the campaign's peak)");
  if (flags.duration === undefined) throw new UsageError("fit needs --duration, e.g. --duration 3d");
  const unit = flags.users !== undefined ? "users" : "rps";
  const sizeText = (flags.users ?? flags.rps)!;
  const size = Number(sizeText.replace(/[,_]/g, ""));
  if (!(size > 0) || !Number.isFinite(size))
    throw new UsageError(`--${unit} must be a number above 0, e.g. 20000 — found '${sizeText}'`);
  const duration = parseDuration(flags.duration);
  let from: number | undefined;
  if (flags.from !== undefined) {
    try {
      from = parseNow(flags.from);
    } catch {
      throw new UsageError(
        `--from must be a date such as 2026-12-01 or an instant such as 2026-12-01T09:00:00Z — found '${flags.from}'`,
      );
    }
  }
  const { report, model } = runCheckModel(input);
  if (!model) {
    out.stderr("The capacity file did not load, so there is nothing to fit against:\n");
    for (const f of report.findings.filter((x) => x.severity === "error"))
      out.stderr(`${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}\n`);
    return 1;
  }
  let answer;
  try {
    answer = findWindows(model, {
      site: flags.site,
      size,
      unit,
      duration,
      ...(from !== undefined ? { from } : {}),
    });
  } catch (error) {
    if (error instanceof FitError) throw new UsageError(error.message);
    throw error;
  }
  out.stdout(flags.format === "json" ? fitJson(answer) : `${fitLines(answer).join("\n")}\n`);
  return answer.free.length + answer.work.length > 0 ? 0 : 1;
}
