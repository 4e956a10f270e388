// Runs the CLI in-process with captured output, as a user's terminal would see it.
import { main } from "../../src/cli.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { cwd?: string; isTTY?: boolean } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: options.isTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
    clock: () => Date.UTC(2026, 10, 23, 9),
  });
  return { code, stdout, stderr };
}
