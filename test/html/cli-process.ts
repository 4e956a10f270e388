// The CLI as a child process, built from the current sources (esbuild, in a temporary folder) so
// the test does not depend on a stale lib/: what a user runs, on files read from disk.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../..");
let entry: Promise<string> | undefined;

async function bundle(): Promise<string> {
  // Inside node_modules so the bundle's external packages resolve as they do for the real CLI.
  await mkdir(path.join(ROOT, "node_modules/.cache"), { recursive: true });
  const dir = await mkdtemp(path.join(ROOT, "node_modules/.cache/campaign-gate-cli-"));
  const main = path.join(dir, "main.ts");
  await writeFile(
    main,
    `import { main } from ${JSON.stringify(path.join(ROOT, "src/cli.ts"))};\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
  const out = path.join(dir, "cli.mjs");
  await build({
    entryPoints: [main],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    absWorkingDir: ROOT,
    logLevel: "warning",
  });
  return out;
}

/** The bundled CLI's file (built once per test file that asks). */
export function cliFile(): Promise<string> {
  return (entry ??= bundle());
}

/** Runs `campaign-gate ...args`; resolves with the exit status and output (never rejects on status). */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = await cliFile();
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [file, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
