// The bundled command line (`node bin/campaign-gate.js`, lib/ built by `npm ci`) loads eemeli/yaml
// and Temporal only when a run needs them (scripts/bundle-cli.js): Node's module debug log shows
// every `require` of their chunks, lib/cli-chunks/yaml.cjs and temporal.cjs.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const BIN = path.resolve("bin/campaign-gate.js");
const ACME = path.resolve("examples/acme");
const NOW = "2026-11-23T09:00:00Z";

/** The bundled CLI as a child process, with the lazy chunks it required. */
function runBundled(args: string[]): Promise<{ code: number; stdout: string; chunks: string[] }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, NODE_DEBUG: "module" }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        const chunks = [...new Set(stderr.match(/cli-chunks\/[a-z]+\.cjs/g) ?? [])].sort();
        resolve({ code: error ? Number(error.code) : 0, stdout, chunks });
      },
    );
  });
}

describe("the bundled CLI's lazy chunks", () => {
  let dir: string;
  beforeAll(() => {
    // The Acme capacity file (UTC windows only) and no campaign yet.
    dir = mkdtempSync(path.join(tmpdir(), "cg-lazy-"));
    cpSync(path.join(ACME, "infra"), path.join(dir, "infra"), { recursive: true });
    mkdirSync(path.join(dir, "campaigns"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a check that needs neither loads neither, --now included", async () => {
    const run = await runBundled(["check", "--root", dir, "--now", NOW, "--format", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: "pass", now: "2026-11-23T09:00:00.000Z" });
    expect(run.chunks).toEqual([]);
  });

  it("Acme (dates in a time zone among them) loads both, and its report is the source's", async () => {
    const args = ["check", "--root", ACME, "--now", NOW, "--format", "json"];
    const [bundled, source] = await Promise.all([runBundled(args), runCli(args)]);
    expect(bundled.chunks).toEqual(["cli-chunks/temporal.cjs", "cli-chunks/yaml.cjs"]);
    expect(bundled.code).toBe(source.code);
    expect(bundled.stdout).toBe(source.stdout);
  });
});
