/**
 * The JSON report goes out in pieces (src/report/json-chunks.ts) so a 30,000-finding report never
 * sits in memory whole. The pieces joined must be exactly JSON.stringify's text: fuzzed values
 * against JSON.stringify itself, a synthetic report through the real CLI (in-process with its
 * piece sizes and waits, and as a child process writing to a file and to a slowly read pipe).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: the bench's generator is plain JavaScript
import { syntheticRepository, writeRepository } from "../../bench/synthetic.js";
import { mapLazily, stringifyInParts } from "../../src/report/json-chunks.js";
import { main } from "../../src/cli.js";
import { runCli } from "../cli/run-cli.js";
import { cliFile } from "../html/cli-process.js";

/** The chunks of stringifyInParts, each joined from its parts. */
const chunksOf = (value: unknown, indent?: number, depth?: number) =>
  [...stringifyInParts(value, indent, depth)].map((parts) => parts.join(""));
const join = (pieces: Iterable<string>) => [...pieces].join("");

/** Values JSON.stringify treats specially, mixed into JSON-like data. */
const special = fc.oneof(
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Symbol("s")),
  fc.constant(new Date(Date.UTC(2026, 10, 23, 9))),
  fc.constant({ toJSON: (key: string) => `key:${key}` }),
  fc.constant({ toJSON: () => undefined }),
  fc.constant(Object.create(null) as object),
  fc.constant(new Map([["a", 1]])),
  fc.constant(Number.NaN),
  fc.constant(-0),
  fc.constant('line\nbreak \u2028 "quoted" \\'),
);
/** A lazily mapped list: each element wrapped in an object, or turned into JSON.stringify's specials. */
const mapped = (list: unknown[]) =>
  fc
    .constantFrom(
      (item: unknown) => ({ item }),
      (item: unknown) => (typeof item === "number" ? undefined : item),
      (item: unknown) => ({ toJSON: (key: string) => [key, item] }),
    )
    .map((map) => mapLazily(list, map));
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    special,
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie("node"), { maxKeys: 4 }),
    fc.array(tie("node"), { maxLength: 4 }).chain(mapped),
  ),
})).node;

describe("JSON in pieces", () => {
  it("joins to JSON.stringify's text for any value, indent and depth", () => {
    fc.assert(
      fc.property(
        value,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (v, indent, depth) => {
          const expected = JSON.stringify(v, null, indent);
          const pieces = join(chunksOf(v, indent, depth));
          expect(pieces).toBe(expected ?? "");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a lazily mapped list is mapped one element at a time, just before it is written", () => {
    const made: number[] = [];
    const list = mapLazily(
      Array.from({ length: 5000 }, (_, i) => i),
      (i) => {
        made.push(i);
        return { i, text: "x".repeat(100) };
      },
    );
    const value = { before: 1, list, after: [2] };
    let chunks = 0;
    for (const parts of stringifyInParts(value)) {
      chunks++;
      const written = parts.join("").match(/"i": \d+/g) ?? [];
      // Only the elements of this chunk and (at most) the first of the next are made so far.
      if (written.length > 0) expect(made.length).toBeLessThanOrEqual(Number(written.at(-1)!.slice(5)) + 2);
    }
    expect(chunks).toBeGreaterThan(5);
    expect(made).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(join(chunksOf(value))).toBe(JSON.stringify(value, null, 2));
  });

  it("long arrays at every level, with a toJSON element among them, in chunks of about 64 K characters", () => {
    const items = Array.from({ length: 1000 }, (_, i) =>
      i === 700
        ? { toJSON: (key: string) => ({ key }) }
        : { n: i, s: `x\ny${i}`, list: [i, { deep: [i] }], none: undefined },
    );
    for (const v of [items, { findings: items, other: [] }, { a: { b: items } }, [[items]]]) {
      for (const depth of [0, 1, 2, 3, 4])
        for (const indent of [0, 2]) {
          const chunks = chunksOf(v, indent, depth);
          expect(chunks.join("")).toBe(JSON.stringify(v, null, indent));
          // Deep enough to reach the long list (never deeper than 2 here): no chunk is much more
          // than 64 K (it may pass it by one batch of 8 elements, about 100 characters each here).
          if (depth >= 3)
            for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeLessThan(65_536 + 8 * 200);
        }
    }
  });

  describe("through the CLI", () => {
    const now = Date.UTC(2026, 10, 23, 9);
    let dir: string;
    let args: string[];
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "cg-json-chunks-"));
      writeRepository(dir, syntheticRepository({ campaigns: 400, sites: 40, services: 12, now }));
      args = ["check", "--format", "json", "--root", dir, "--now", new Date(now).toISOString()];
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const io = { stderr: () => {}, isTTY: false, cwd: process.cwd(), clock: () => now };

    it("the JSON report is JSON.stringify's text of itself, written in several pieces", async () => {
      const r = await runCli(args);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { findings: unknown[] };
      expect(report.findings.length).toBeGreaterThan(100);
      expect(r.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
      // runCli concatenates; count the pieces through a second capturing run, whose stdout is a
      // pipe that is always full: the CLI waits for it to drain before every next piece.
      const pieces: string[] = [];
      let waiting = false;
      let waits = 0;
      await main(args, {
        ...io,
        stdout: (t) => {
          expect(waiting, "wrote while the pipe was full").toBe(false);
          pieces.push(t);
          waiting = true;
          return false;
        },
        drained: async () => {
          await new Promise((resolve) => setImmediate(resolve));
          waits++;
          waiting = false;
        },
      });
      expect(pieces.join("")).toBe(r.stdout);
      expect(pieces.length).toBeGreaterThan(2);
      expect(waits).toBe(pieces.length);
      for (const p of pieces.slice(0, -1)) expect(p.length).toBeLessThan(2 * 65_536);
    });

    it("given an Io that takes parts, the parts are the same text, the next written once a queued write is done", async () => {
      const expected = (await runCli(args)).stdout;
      const chunks: string[] = [];
      let queued = false;
      await main(args, {
        ...io,
        stdout: () => expect.fail("the JSON report goes through stdoutParts"),
        stdoutParts: (parts) => {
          expect(queued, "wrote while a write was queued").toBe(false);
          chunks.push(parts.join(""));
          if (chunks.length % 2 === 1) return undefined;
          queued = true;
          return new Promise<void>((resolve) =>
            setTimeout(() => {
              queued = false;
              resolve();
            }, 1),
          );
        },
      });
      expect(chunks.join("")).toBe(expected);
      expect(chunks.length).toBeGreaterThan(4);
    });

    it("as a child process, to a file and to a pipe read slowly: the same bytes", async () => {
      const expected = (await runCli(args)).stdout;
      const file = await cliFile();
      const out = path.join(dir, "report.json");
      const quote = (a: string) => `'${a.replaceAll("'", "'\\''")}'`;
      const command = [process.execPath, file, ...args].map(quote).join(" ");
      const shell = promisify(execFile);
      // The report (~1 MB, with non-ASCII characters) is far larger than a pipe's 64 KB: the
      // writes queue until the reader, asleep at first, takes them.
      const piped = await shell("sh", ["-c", `${command} | (sleep 1; cat)`], { maxBuffer: 1 << 26 });
      expect(piped.stdout).toBe(expected);
      await shell("sh", ["-c", `${command} > ${quote(out)}; test $? = 1`]);
      expect(readFileSync(out, "utf8")).toBe(expected);
    });
  });
});
