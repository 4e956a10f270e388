/**
 * Runs the committed Action bundle exactly as a runner does: `node action/dist/index.js` with the
 * runner's environment variables, an event payload file, and GITHUB_API_URL at a fake GitHub.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bundle = path.join(repoRoot, "action", "dist", "index.js");

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Parsed `::command props::message` lines. */
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  /** The GITHUB_OUTPUT file as written (heredoc entries with their delimiters). */
  outputFile: string;
  summary: string;
  runnerTemp: string;
}

export interface RunOptions {
  eventName: string;
  event: unknown;
  workspace: string;
  apiUrl: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** Copies a fixture directory into a fresh temporary workspace. */
export async function workspaceFrom(...dirs: string[]): Promise<string> {
  const ws = await mkdtemp(path.join(tmpdir(), "cg-ws-"));
  for (const dir of dirs) await cp(dir, ws, { recursive: true });
  return ws;
}

export async function runBundle(options: RunOptions): Promise<BundleRun> {
  const dir = await mkdtemp(path.join(tmpdir(), "cg-runner-"));
  const eventPath = path.join(dir, "event.json");
  const outputPath = path.join(dir, "output.txt");
  const summaryPath = path.join(dir, "summary.md");
  const runnerTemp = path.join(dir, "temp");
  await writeFile(eventPath, JSON.stringify(options.event));
  await writeFile(outputPath, "");
  await writeFile(summaryPath, "");
  const event = options.event as { repository?: { full_name?: string } };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: event.repository?.full_name ?? "acme/campaigns",
    GITHUB_SHA: "0000000000000000000000000000000000000000",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    RUNNER_TEMP: runnerTemp,
    CAMPAIGN_GATE_NOW: "2026-11-23T09:00:00Z",
    // Defaults the runner fills from action.yml.
    INPUT_TOKEN: "ghs_fake_token",
    INPUT_COMMENT: "true",
    "INPUT_FAIL-ON": "error",
    INPUT_CONFIG: "",
    "INPUT_COMMENT-FROM": "",
    INPUT_DASHBOARD: "true",
    "INPUT_PAGES-URL": "",
    ...Object.fromEntries(
      Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    ),
    ...options.env,
  };
  const child = spawn(process.execPath, [bundle], { cwd: options.workspace, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    code,
    stdout,
    stderr,
    commands: parseCommands(stdout),
    outputs: parseOutputs(await readFile(outputPath, "utf8")),
    outputFile: await readFile(outputPath, "utf8"),
    summary: await readFile(summaryPath, "utf8"),
    runnerTemp,
  };
}

/** `::error title=capacity,file=a.yaml,line=3,col=5::message` with @actions/core's escaping undone. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const i = pair.indexOf("=");
      properties[pair.slice(0, i)] = unescape(pair.slice(i + 1));
    }
    out.push({ command: m[1]!, properties, message: unescape(m[3] ?? "") });
  }
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/%2C/g, ",")
    .replace(/%3A/g, ":")
    .replace(/%0A/g, "\n")
    .replace(/%0D/g, "\r")
    .replace(/%25/g, "%");
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join("\n");
  }
  return outputs;
}
