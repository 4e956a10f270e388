/**
 * The command line: a thin shell that reads files, runs the core and prints a report.
 * Exit status: 0 pass or warn, 1 fail, 2 the command itself was misused, 3 campaign-gate itself
 * failed (a bug). A user's mistake is always one plain line on stderr, never a stack trace.
 *
 * Commands are rows of the COMMANDS table (options, formats, run): a new command is a new row.
 */
import { readFileSync } from "node:fs";
import { readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CalendarKind } from "./core/calendar/calendar-events.js";
import type { Revision } from "./core/calendar/revisions.js";
import { FIT_OPTIONS } from "./cli/options.js";
import { closestName } from "./core/load/suggest.js";

// The core, the readers and the renderers are imported when a command runs, not at start-up:
// `--version`, `--help` and every misuse answer without loading the schemas and their compiler.
const load = {
  check: () => import("./core/check.js"),
  now: () => import("./core/now.js"),
  repo: () => import("./io/local-repo.js"),
  report: () => import("./cli/check-report.js"),
  scaffold: () => import("./init/scaffold.js"),
  issueForm: () => import("./init/issue-form.js"),
  calendar: () => import("./report/calendar.js"),
  calendarKinds: () => import("./core/calendar/calendar-events.js"),
  revisions: () => import("./core/calendar/revisions.js"),
  identity: () => import("./io/repository-identity.js"),
  fit: () => import("./cli/fit.js"),
  html: () => import("./cli/report-html.js"),
  json: () => import("./report/json.js"),
  markdown: () => import("./report/markdown.js"),
  text: () => import("./report/text.js"),
};

/** A mistake in how the command was called: exit status 2 with this message. */
class CommandLineError extends Error {}

export const USAGE = `campaign-gate — campaigns as code, checked against IT capacity

Usage:
  campaign-gate validate [--root DIR] [--config FILE] [--format text|json]
      Syntax, schema and references of every campaign, the capacity file and the configuration.
  campaign-gate check [--root DIR] [--config FILE] [--now ISO-8601] [--changed FILE]...
                      [--format text|json|markdown]
      Everything validate does, plus the capacity model: overlapping campaigns and baseline
      traffic per service against the limits in the capacity file, and the scale-up plan for IT.
  campaign-gate calendar [--root DIR] [--config FILE] [--out FILE.ics] [--now ISO-8601] [--repo OWNER/NAME]
                         [--only campaigns|maintenance|freezes] [--previous FILE.ics]
      Campaigns, maintenance windows and change freezes as one iCalendar feed (to a file, or to
      standard output).
  campaign-gate fit --site SITE (--users N | --rps N) --duration 3d [--from DATE] [--root DIR]
                    [--now ISO-8601] [--format text|json]
      When could an extra campaign of that size run: the earliest starts needing no IT work, and
      those needing IT work that respects notice_days and change freezes (docs/dashboard.md).
  campaign-gate report --html DIR [--root DIR] [--now ISO-8601]
      Writes the dashboard (DIR/index.html, self-contained, works offline) (docs/dashboard.md).
  campaign-gate init [--root DIR] [--issue-form]
      Adds the starter files that are missing: configuration, capacity file, example campaign,
      workflow, campaign issue form. Never overwrites an existing file, except that --issue-form
      regenerates the issue form's site list from the capacity file.

Options:
  --root DIR        the repository (default: the current directory); paths are relative to it
  --config FILE     the configuration file, relative to the root (default: .github/campaign-gate.yml)
  --now ISO-8601    the moment to check at, e.g. 2026-11-23T09:00:00Z (default: now)
  --changed FILE    a file changed by the pull request, relative to the root (repeatable):
                    only findings that change causes count
  --format FORMAT   text (default), json (one document, DESIGN section 4) or markdown
  --out FILE        where calendar writes the .ics file (the folder must exist)
  --repo OWNER/NAME the repository named in every calendar UID (default: GITHUB_REPOSITORY, else
                    the git remote origin, else a hash of the root's path)
  --only KIND       calendar: only campaigns, maintenance or freezes
  --previous FILE   calendar: the feed published before, so changed events get a higher SEQUENCE
  -h, --help        this help
  --version         the version of campaign-gate

Exit status: 0 pass or warnings, 1 the check failed, 2 the command was misused,
3 campaign-gate itself failed (a bug: please report it).`;

/** For bin/campaign-gate.js, the process entry (see the module for why). */
export { sizeYoungGeneration } from "./io/size-young-generation.js";

export interface Io {
  /** false: the text is queued (a pipe that is full); wait for `drained` before writing more. */
  stdout: (text: string) => unknown;
  /** Resolves when queued stdout has been written (absent: stdout never queues). */
  drained?: () => Promise<void>;
  /**
   * A text given as its parts, written without joining them first (absent: `stdout` of the
   * joined text). A promise when the write is queued (a pipe that is full): wait before the next.
   */
  stdoutParts?: (parts: readonly string[]) => Promise<void> | undefined;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour only there). */
  isTTY: boolean;
  cwd: string;
  /** Epoch ms, for the default of --now. */
  clock: () => number;
}

/** Every option of every command; each command lists the ones it accepts. */
const OPTIONS = {
  root: { type: "string" },
  config: { type: "string" },
  now: { type: "string" },
  changed: { type: "string", multiple: true },
  format: { type: "string" },
  out: { type: "string" },
  repo: { type: "string" },
  only: { type: "string" },
  previous: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  ...FIT_OPTIONS,
  "issue-form": { type: "boolean" },
} as const;
type OptionName = keyof typeof OPTIONS;

interface Values {
  root?: string;
  config?: string;
  now?: string;
  changed?: string[];
  format?: string;
  out?: string;
  repo?: string;
  only?: string;
  previous?: string;
  site?: string;
  users?: string;
  rps?: string;
  duration?: string;
  from?: string;
  html?: string;
  "issue-form"?: boolean;
}

/** What a command's `run` gets: everything already checked. */
interface CommandContext {
  io: Io;
  /** The command's name, as typed. */
  name: string;
  values: Values;
  /** Absolute repository root. */
  root: string;
  /** Epoch ms. */
  now: number;
  format: string;
}

interface Command {
  options: OptionName[];
  /** Accepted --format values, the first is the default; none: --format does not apply. */
  formats?: string[];
  /** Whether the root may be missing (init creates it). */
  createsRoot?: boolean;
  run: (ctx: CommandContext) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: { options: ["root", "config", "format"], formats: ["text", "json"], run: runReport },
  check: {
    options: ["root", "config", "now", "changed", "format"],
    formats: ["text", "json", "markdown"],
    run: runReport,
  },
  calendar: {
    options: ["root", "config", "out", "now", "repo", "only", "previous"],
    run: runCalendarCommand,
  },
  init: { options: ["root", "issue-form"], createsRoot: true, run: runInit },
  fit: {
    options: ["root", "config", "now", "format", "site", "users", "rps", "duration", "from"],
    formats: ["text", "json"],
    run: runFit,
  },
  report: { options: ["root", "config", "now", "html"], run: runHtmlReport },
};

/** The options a command accepts (without the leading `--`); undefined for an unknown command. Docs tests use it. */
export function acceptedOptions(command: string): string[] | undefined {
  return Object.hasOwn(COMMANDS, command) ? [...(COMMANDS[command]?.options ?? []), "help"] : undefined;
}

/** Runs the command line and returns the exit status. Never throws. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CommandLineError) return usage(io, error.message);
    // The readers' own misuse errors (a missing --config file, init unable to write).
    if (error instanceof (await load.repo()).UsageError) return usage(io, error.message);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `campaign-gate: internal error: ${firstLine(message)} — this is a bug in campaign-gate; please report it` +
        ` (set CAMPAIGN_GATE_DEBUG=1 to see where it happened)\n`,
    );
    if (process.env.CAMPAIGN_GATE_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 3;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.version) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const name = positionals[0];
  if (values.help || name === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (name === undefined)
    return usage(io, "missing command (validate, check, calendar, fit, report or init)");
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const near = closestName(name, Object.keys(COMMANDS));
    return usage(io, `unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ""}`);
  }
  if (positionals.length > 1) return usage(io, `unexpected argument '${positionals[1]}'`);
  for (const key of Object.keys(values) as OptionName[]) {
    if (!command.options.includes(key) && key !== "help")
      return usage(io, `--${key} does not apply to '${name}'`);
  }

  const format = values.format ?? command.formats?.[0] ?? "text";
  if (command.formats && !command.formats.includes(format))
    return usage(io, `--format must be one of ${command.formats.join(", ")} — found '${format}'`);
  let now: number;
  try {
    now = values.now === undefined ? io.clock() : (await load.now()).parseNow(values.now);
  } catch {
    return usage(
      io,
      `--now must be an ISO-8601 instant such as 2026-11-23T09:00:00Z — found '${values.now}'`,
    );
  }
  const root = path.resolve(io.cwd, values.root ?? ".");
  await checkRoot(root, values.root ?? ".", command.createsRoot === true);
  return command.run({ io, name, values, root, now, format });
}

/**
 * Node's parseArgs, with our own messages: unknown options (with the closest known one), a
 * value missing after an option that needs one, a value given to a switch.
 */
function parseCommandLine(argv: string[]): {
  values: Values & { help?: boolean; version?: boolean };
  positionals: string[];
} {
  const { tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const option = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name as OptionName] : undefined;
    if (!option) {
      const near = closestName(token.name, Object.keys(OPTIONS));
      throw new CommandLineError(
        `unknown option '${token.rawName}'${near ? ` (did you mean '--${near}'?)` : ""}`,
      );
    }
    if (option.type === "string") {
      if (token.value === undefined || token.value === "")
        throw new CommandLineError(
          `${token.rawName} needs a value, e.g. ${token.rawName} ${EXAMPLE_VALUE[token.name] ?? "VALUE"}`,
        );
      if ("multiple" in option)
        values[token.name] = [...((values[token.name] as string[]) ?? []), token.value];
      else values[token.name] = token.value;
    } else {
      if (token.value !== undefined) throw new CommandLineError(`${token.rawName} takes no value`);
      values[token.name] = true;
    }
  }
  return { values, positionals };
}

const EXAMPLE_VALUE: Record<string, string> = {
  root: "path/to/repo",
  config: ".github/campaign-gate.yml",
  now: "2026-11-23T09:00:00Z",
  changed: "campaigns/sale.yaml",
  format: "json",
  out: "campaigns.ics",
  repo: "acme/campaigns",
  only: "maintenance",
  previous: "calendar.ics",
  site: "shop",
  users: "20000",
  rps: "500",
  duration: "3d",
  from: "2026-12-01",
  html: "dashboard",
};

/** The root must be a directory; only `init` may name one that does not exist yet. */
async function checkRoot(root: string, given: string, mayBeMissing: boolean): Promise<void> {
  let info;
  try {
    info = await stat(root);
  } catch {
    if (mayBeMissing) return;
    throw new CommandLineError(`--root ${given}: no such directory`);
  }
  if (!info.isDirectory()) throw new CommandLineError(`--root ${given}: not a directory`);
}

/** `validate` and `check`: read, run the core, print the report in the chosen format. */
async function runReport({ io, name, values, root, now, format }: CommandContext): Promise<number> {
  const { checkReport } = await load.report();
  const report = await checkReport(name === "validate" ? "validate" : "check", root, now, {
    configPath: values.config === undefined ? undefined : relativeTo(root, values.config),
    changed: values.changed?.map((c) => relativeTo(root, c)),
    // With CAMPAIGN_GATE_DEBUG, where the chance of overload was computed (src/worker/risk-thread.ts).
    ...(process.env.CAMPAIGN_GATE_DEBUG
      ? { onRiskPlace: (words: string) => io.stderr(`campaign-gate: ${words}\n`) }
      : {}),
  });
  if (format === "json") {
    // In chunks, waiting whenever a pipe is full: a large report never sits in memory whole.
    for (const parts of (await load.json()).renderJsonParts(report)) {
      if (io.stdoutParts) await io.stdoutParts(parts);
      else if (io.stdout(parts.join("")) === false && io.drained) await io.drained();
    }
  } else if (format === "markdown") io.stdout((await load.markdown()).renderMarkdown(report));
  else
    io.stdout(
      (await load.text()).renderText(report, {
        color: io.isTTY && !process.env.NO_COLOR,
        command: name === "validate" ? "validate" : "check",
      }),
    );
  return report.verdict === "fail" ? 1 : 0;
}

/** `calendar`: the feed to stdout, or atomically to --out. */
async function runCalendarCommand({ io, values, root, now }: CommandContext): Promise<number> {
  const out =
    values.out === undefined ? undefined : await checkOut(path.resolve(io.cwd, values.out), values.out);
  const options = await calendarOptions(root, io.cwd, values);
  const configPath = values.config === undefined ? undefined : relativeTo(root, values.config);
  const repo = await (await load.repo()).readLocalRepository(root, configPath);
  const { events, errors } = (await load.check()).runCalendar({ ...repo, now, ...options });
  const ics = (await load.calendar()).renderCalendar(events, { now });
  if (out === undefined) io.stdout(ics);
  else {
    await writeAtomically(out, ics, values.out ?? out);
    io.stderr(`Wrote ${events.length} ${events.length === 1 ? "event" : "events"} to ${out}\n`);
  }
  for (const f of errors) io.stderr(`${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}\n`);
  return errors.length > 0 ? 1 : 0;
}

/** The calendar's own options, checked; a wrong value is a misuse (exit 2). */
async function calendarOptions(
  root: string,
  cwd: string,
  values: Values,
): Promise<{
  repository: string;
  only?: CalendarKind;
  previous?: Map<string, Revision>;
}> {
  const { isRepositoryName, repositoryIdentity } = await load.identity();
  const { CALENDAR_KINDS } = await load.calendarKinds();
  if (values.repo !== undefined && !isRepositoryName(values.repo))
    throw new CommandLineError(
      `--repo must look like owner/name, e.g. acme/campaigns — found '${values.repo}'`,
    );
  const only = CALENDAR_KINDS.find((kind) => kind === values.only);
  if (values.only !== undefined && only === undefined)
    throw new CommandLineError(`--only must be one of ${CALENDAR_KINDS.join(", ")} — found '${values.only}'`);
  let previous: Map<string, Revision> | undefined;
  if (values.previous !== undefined) {
    let text: string;
    try {
      text = await readFile(path.resolve(cwd, values.previous), "utf8");
    } catch {
      throw new CommandLineError(`--previous ${values.previous}: cannot read that file`);
    }
    previous = (await load.revisions()).readRevisions(text);
  }
  return {
    repository: await repositoryIdentity(root, values.repo, process.env),
    ...(only ? { only } : {}),
    ...(previous ? { previous } : {}),
  };
}

/** `fit`: when an extra campaign of the given size could run (src/cli/fit.ts). */
async function runFit({ io, values, root, now, format }: CommandContext): Promise<number> {
  const configPath = values.config === undefined ? undefined : relativeTo(root, values.config);
  const repo = await (await load.repo()).readLocalRepository(root, configPath);
  return (await load.fit()).fitCommand({ ...repo, now }, { ...values, format }, io);
}

/** `report --html DIR`: the dashboard (src/cli/report-html.ts). */
async function runHtmlReport({ io, values, root, now }: CommandContext): Promise<number> {
  const configPath = values.config === undefined ? undefined : relativeTo(root, values.config);
  const repo = await (await load.repo()).readLocalRepository(root, configPath);
  return (await load.html()).reportCommand({ ...repo, now }, root, values, io);
}

/** `init`: adds the starter files that are missing, keeps the others. */
async function runInit({ io, root, now, values }: CommandContext): Promise<number> {
  const { created, kept } = await (await load.scaffold()).scaffold(root, now);
  // The campaign issue form lists the capacity file's sites; --issue-form rewrites it.
  const form = await (await load.issueForm()).writeIssueForm(root, values["issue-form"] === true);
  const formPath = ".github/ISSUE_TEMPLATE/campaign.yml";
  if (form === "kept") kept.push(formPath);
  else if (form !== "skipped")
    created.push(form === "updated" ? `${formPath} (regenerated from the capacity file)` : formPath);
  const lines: string[] = [];
  if (created.length > 0) lines.push("Created:", ...created.map((p) => `  ${p}`));
  if (kept.length > 0) lines.push("Kept (already present, not changed):", ...kept.map((p) => `  ${p}`));
  lines.push(
    created.length > 0
      ? "Next: edit infra/capacity.yaml with your real limits, then run campaign-gate check."
      : "Nothing to add: every starter file is already there.",
  );
  if (form === "skipped")
    lines.push(
      `Not created: ${formPath} (the capacity file has errors or no sites; fix it, then run campaign-gate init --issue-form).`,
    );
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

function usage(io: Io, message: string): number {
  io.stderr(`campaign-gate: ${message} (see campaign-gate --help)\n`);
  return 2;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

/** The package's version, from its package.json (beside lib/ and src/ alike). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** `--changed` and `--config` name files of the repository: relative to --root (absolute paths are made so). */
function relativeTo(root: string, file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(root, file) : path.normalize(file);
  return rel.split(path.sep).join("/");
}

/** --out must name a file in an existing folder; checked before any work so nothing is half-done. */
async function checkOut(file: string, given: string): Promise<string> {
  const folder = path.dirname(file);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory())
    throw new CommandLineError(
      `--out ${given} is a folder; name a file, e.g. ${path.join(given, "campaigns.ics")}`,
    );
  const parent = await stat(folder).catch(() => undefined);
  if (!parent) throw new CommandLineError(`--out ${given}: the folder ${folder} does not exist`);
  if (!parent.isDirectory()) throw new CommandLineError(`--out ${given}: ${folder} is not a folder`);
  return file;
}

/** Writes to a temporary file beside the target, then renames: never a half-written file, no temp file left. */
async function writeAtomically(file: string, text: string, given: string): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandLineError(
      `could not write --out ${given}${code ? ` (${code})` : ""}: ${firstLine((error as Error).message)}`,
    );
  }
}

function defaultIo(): Io {
  // `campaign-gate check | head`: the reader went away; stop quietly instead of crashing on EPIPE.
  const quiet = (error: NodeJS.ErrnoException): void => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  };
  process.stdout.on("error", quiet);
  process.stderr.on("error", quiet);
  return {
    stdout: (t) => process.stdout.write(t),
    drained: () => new Promise((resolve) => process.stdout.once("drain", resolve)),
    stdoutParts: writeParts(process.stdout),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
    clock: () => Date.now(),
  };
}

/**
 * Writes texts given in parts through one reused buffer: each part is encoded straight into it,
 * so there is no joined string and no new Buffer per write (joining alone cost as much as
 * stringifying the 34 MB stress report). The buffer is written again only once the stream has
 * let go of it: the returned promise, when the write was queued, resolves then.
 */
function writeParts(stream: NodeJS.WriteStream): (parts: readonly string[]) => Promise<void> | undefined {
  const reused = Buffer.allocUnsafe(1 << 18);
  return (parts) => {
    let length = 0;
    for (const part of parts) length += part.length;
    // At most 3 bytes of UTF-8 per UTF-16 code unit; a larger text gets a buffer of its own.
    const buffer = 3 * length <= reused.length ? reused : Buffer.allocUnsafe(3 * length);
    let at = 0;
    for (const part of parts) at += buffer.write(part, at);
    let written = (): void => {};
    const queued = new Promise<void>((resolve) => (written = resolve));
    stream.write(buffer.subarray(0, at), () => written());
    return stream.writableLength > 0 ? queued : undefined;
  };
}
