/**
 * The command line: a thin shell that reads files, runs the core and prints a report.
 * Exit status: 0 pass or warn, 1 fail, 2 the command itself was misused.
 */
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { runCalendar, runCheck, runValidate } from "./core/check.js";
import { parseNow } from "./core/now.js";
import { fitCommand } from "./cli/fit.js";
import { FIT_OPTIONS } from "./cli/options.js";
import { reportCommand } from "./cli/report-html.js";
import { scaffold } from "./init/scaffold.js";
import { readLocalRepository, UsageError } from "./io/local-repo.js";
import { renderCalendar } from "./report/calendar.js";
import { renderJson } from "./report/json.js";
import { renderMarkdown } from "./report/markdown.js";
import { renderText } from "./report/text.js";

export const USAGE = `campaign-gate — campaigns as code, checked against IT capacity

Usage:
  campaign-gate validate [--root DIR] [--format text|json]
      Syntax, schema and references of every campaign, the capacity file and the configuration.
  campaign-gate check [--root DIR] [--config FILE] [--now ISO-8601] [--changed FILE]...
                      [--format text|json|markdown]
      Everything validate does, plus the capacity model: overlapping campaigns and baseline
      traffic per service against the limits in the capacity file, and the scale-up plan for IT.
  campaign-gate calendar [--root DIR] [--out FILE.ics] [--now ISO-8601]
      All campaigns as an iCalendar feed (to a file, or to standard output).
  campaign-gate fit --site SITE (--users N | --rps N) --duration 3d [--from DATE] [--root DIR]
                    [--now ISO-8601] [--format text|json]
      When could an extra campaign of that size run: the earliest starts needing no IT work, and
      those needing IT work that respects notice_days and change freezes (docs/dashboard.md).
  campaign-gate report --html DIR [--root DIR] [--now ISO-8601]
      Writes the dashboard (DIR/index.html, self-contained, works offline) (docs/dashboard.md).
  campaign-gate init [--root DIR]
      Scaffolds the configuration, a capacity file, an example campaign and the workflow.
      Never overwrites an existing file.

Options:
  --root DIR        the repository (default: the current directory); paths are relative to it
  --config FILE     the configuration file, relative to the root (default: .github/campaign-gate.yml)
  --now ISO-8601    the moment to check at, e.g. 2026-11-23T09:00:00Z (default: now)
  --changed FILE    a file changed by the pull request, relative to the root (repeatable):
                    only findings that change causes count
  --format FORMAT   text (default), json (one document, DESIGN section 4) or markdown
  --out FILE        where calendar writes the .ics file
  -h, --help        this help

Exit status: 0 pass or warnings, 1 the check failed, 2 the command was misused.`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour only there). */
  isTTY: boolean;
  cwd: string;
  /** Epoch ms, for the default of --now. */
  clock: () => number;
}

const OPTIONS = {
  root: { type: "string" },
  config: { type: "string" },
  now: { type: "string" },
  changed: { type: "string", multiple: true },
  format: { type: "string" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
  ...FIT_OPTIONS,
} satisfies ParseArgsConfig["options"];

const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  validate: ["root", "format", "config"],
  check: ["root", "config", "now", "changed", "format"],
  calendar: ["root", "config", "out", "now"],
  init: ["root"],
  fit: ["root", "config", "now", "format", "site", "users", "rps", "duration", "from"],
  report: ["root", "config", "now", "html"],
};

/** Runs the command line and returns the exit status. Never throws for a user's mistake. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command === undefined) return usage(io, "missing command");
  const allowed = ALLOWED[command];
  if (!allowed) return usage(io, `unknown command '${command}'`);
  if (positionals.length > 1) return usage(io, `unexpected argument '${positionals[1]}'`);
  for (const key of Object.keys(values) as (keyof typeof OPTIONS)[]) {
    if (!allowed.includes(key) && key !== "help") return usage(io, `--${key} does not apply to '${command}'`);
  }

  const root = path.resolve(io.cwd, values.root ?? ".");
  const formats = command === "check" ? ["text", "json", "markdown"] : ["text", "json"];
  const format = values.format ?? "text";
  if (!formats.includes(format))
    return usage(io, `--format must be one of ${formats.join(", ")} — found '${format}'`);
  let now: number;
  try {
    now = values.now === undefined ? io.clock() : parseNow(values.now);
  } catch {
    return usage(
      io,
      `--now must be an ISO-8601 instant such as 2026-11-23T09:00:00Z — found '${values.now}'`,
    );
  }

  try {
    if (command === "init") {
      const created = await scaffold(root, now);
      io.stdout(
        `Created:\n${created.map((p) => `  ${p}`).join("\n")}\nNext: edit infra/capacity.yaml with your real limits, then run campaign-gate check.\n`,
      );
      return 0;
    }
    const configPath = values.config === undefined ? undefined : relativeTo(root, values.config);
    const repo = await readLocalRepository(root, configPath);
    if (command === "calendar") {
      const { campaigns, summaries, errors } = runCalendar({ ...repo, now });
      const ics = renderCalendar(campaigns, { now, summaries });
      if (values.out === undefined) io.stdout(ics);
      else {
        const out = path.resolve(io.cwd, values.out);
        await writeAtomically(out, ics);
        io.stderr(`Wrote ${campaigns.length} campaigns to ${out}\n`);
      }
      for (const f of errors) io.stderr(`${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}\n`);
      return errors.length > 0 ? 1 : 0;
    }
    if (command === "fit") return fitCommand({ ...repo, now }, values, io);
    if (command === "report") return await reportCommand({ ...repo, now }, root, values, io);
    const changed = values.changed?.map((c) => relativeTo(root, c));
    const report =
      command === "validate"
        ? runValidate({ ...repo, now })
        : runCheck({ ...repo, now, ...(changed ? { changed } : {}) });
    if (format === "json") io.stdout(renderJson(report));
    else if (format === "markdown") io.stdout(renderMarkdown(report));
    else
      io.stdout(
        renderText(report, {
          color: io.isTTY && !process.env.NO_COLOR,
          command: command as "check" | "validate",
        }),
      );
    return report.verdict === "fail" ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
}

function usage(io: Io, message: string): number {
  io.stderr(`campaign-gate: ${message}\nRun 'campaign-gate --help' for usage.\n`);
  return 2;
}

/** `--changed` and `--config` name files of the repository: relative to --root (absolute paths are made so). */
function relativeTo(root: string, file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(root, file) : path.normalize(file);
  return rel.split(path.sep).join("/");
}

/** Writes to a temporary file beside the target, then renames: never a half-written file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, "utf8");
  await rename(temp, file);
}

function defaultIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
    clock: () => Date.now(),
  };
}
