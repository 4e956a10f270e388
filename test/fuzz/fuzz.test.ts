/**
 * Property-based fuzzing of the example files (fast-check): byte flips, moved and indented lines,
 * swapped value types, unicode, BOM, CRLF, huge numbers, deep nesting, tags, aliases, duplicate
 * keys. CI runs a bounded sample; `npm run fuzz` runs 100,000 inputs through the pure core and a
 * sample through the real CLI as a child process (FUZZ_RUNS, FUZZ_CLI_RUNS and FUZZ_SEED set them).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInvariants, exampleFiles, repositoryFor } from "./invariants.js";
import { applyAll, mutations } from "./mutations.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const FILES = exampleFiles();
const input = fc.record({ target: fc.nat({ max: FILES.length - 1 }), mutations });

describe("fuzzed example files", () => {
  it(
    `keep every promise for ${RUNS} mutated inputs (pure core and every renderer)`,
    () => {
      const started = performance.now();
      // A long run counts every failing input instead of stopping (and shrinking) at the first.
      const tolerant = process.env.FUZZ_RUNS !== undefined;
      const failures: string[] = [];
      let n = 0;
      fc.assert(
        fc.property(input, ({ target, mutations: ms }) => {
          if (tolerant && n > 0 && n % 10_000 === 0)
            console.log(
              `fuzz: ${n} inputs, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s`,
            );
          const mutated = applyAll(FILES[target]!.text, ms);
          const repo = repositoryFor(FILES, target, mutated);
          // `validate` and the calendar repeat the loading: every tenth input is enough for them.
          try {
            checkInvariants(repo, FILES[target]!.path, n++ % 10 === 0);
          } catch (error) {
            if (!tolerant) throw error;
            failures.push(
              `${(error as Error).message.slice(0, 500)}\n  after ${JSON.stringify(ms).slice(0, 500)}`,
            );
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      if (tolerant)
        console.log(
          `fuzz: ${RUNS} inputs, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      expect(failures.slice(0, 5)).toEqual([]);
    },
    RUNS * 100 + 30_000,
  );

  it(
    `keep them through the real CLI for ${CLI_RUNS} mutated repositories`,
    async () => {
      const run = promisify(execFile);
      const samples = fc.sample(input, { numRuns: CLI_RUNS, seed: SEED ?? 11 });
      const formats = ["json", "text", "markdown"] as const;
      for (const [n, { target, mutations: ms }] of samples.entries()) {
        const mutatedPath = FILES[target]!.path;
        const repo = repositoryFor(FILES, target, applyAll(FILES[target]!.text, ms));
        const root = await mkdtemp(path.join(tmpdir(), "cg-fuzz-"));
        try {
          for (const f of repo) {
            await mkdir(path.dirname(path.join(root, f.path)), { recursive: true });
            await writeFile(path.join(root, f.path), f.text);
          }
          const format = formats[n % formats.length]!;
          const args = ["bin/campaign-gate.js", "check", "--root", root, "--now", "2026-11-23T09:00:00Z"];
          let code = 0;
          let stdout = "";
          let stderr = "";
          try {
            ({ stdout, stderr } = await run(process.execPath, [...args, "--format", format], {
              maxBuffer: 64 * 1024 * 1024,
            }));
          } catch (error) {
            const e = error as { code?: number; stdout?: string; stderr?: string };
            ({ code = -1, stdout = "", stderr = "" } = e);
          }
          const where = `${mutatedPath} after ${JSON.stringify(ms)} (--format ${format})`;
          expect([0, 1], where).toContain(code);
          expect(stderr, where).not.toMatch(/\n\s+at /);
          expect(stdout.trim(), where).not.toBe("");
          if (format === "json") {
            const report = JSON.parse(stdout) as {
              findings: { file: string }[];
              campaigns: { file: string }[];
            };
            // A campaign file is always named (a row or a finding); the capacity file and the
            // configuration only when they have a finding (a valid mutation of them gives none).
            const seen = [...report.findings, ...report.campaigns].map((x) => x.file);
            if (mutatedPath.startsWith("campaigns/")) expect(seen, where).toContain(mutatedPath);
          }
        } finally {
          await rm(root, { recursive: true, force: true });
        }
      }
    },
    CLI_RUNS * 5_000 + 30_000,
  );
});
