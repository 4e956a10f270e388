/**
 * How the bench measures a process (bench/measure.js, docs/performance.md "Method"): its standard
 * output goes to a file, as `check --format json > report.json`, and comes back whole after the
 * clock stops; a failing process is an error that carries its output.
 */
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, test } from "vitest";
// @ts-expect-error: the bench is plain JavaScript
import { alternate, median, nodeStartMs, run } from "../../bench/measure.js";
// @ts-expect-error: the bench is plain JavaScript
import { measureColdStart } from "../../bench/action-cold-start.js";

const leftovers = () => readdirSync(tmpdir()).filter((d) => d.startsWith("cg-measure-")).length;

describe("bench/measure.js", () => {
  test("the process writes its output to a file, read back whole; no file is left behind", () => {
    const before = leftovers();
    const fd = "require('node:fs').fstatSync(1)";
    // 3 MB, more than a pipe holds, and the kind of file descriptor the process was given.
    const script = `process.stdout.write('x'.repeat(3e6) + (${fd}.isFile() ? 'file' : 'not a file'))`;
    const r = run(["-e", script]) as { ms: number; rss: number; stdout: string };
    expect(r.stdout.length).toBe(3e6 + "file".length);
    expect(r.stdout.endsWith("file")).toBe(true);
    expect(r.ms).toBeGreaterThan(0);
    expect(Number.isNaN(r.rss) || r.rss > 10).toBe(true);
    expect(leftovers()).toBe(before);
  });

  test("exit status 0 and 1 are results; any other is an error naming the output", () => {
    expect((run(["-e", "process.exitCode = 1"]) as { stdout: string }).stdout).toBe("");
    expect(() => run(["-e", "console.log('partial'); process.exit(3)"])).toThrow(
      /exited with 3[\s\S]*partial/,
    );
    expect(median([5, 1, 3])).toBe(3);
  });

  test("commands measured alternately give the median, fastest and slowest round, and the last output", () => {
    type Measure = { ms: number; min: number; max: number; rss: number; out: string };
    const r = alternate({ a: ["-e", "process.stdout.write('a')"], b: ["-e", "0"] }, 3) as Record<
      string,
      Measure
    >;
    for (const m of [r.a!, r.b!]) {
      expect(m.min).toBeGreaterThan(0);
      expect(m.min).toBeLessThanOrEqual(m.ms);
      expect(m.ms).toBeLessThanOrEqual(m.max);
    }
    expect(r.a!.out).toBe("a");
    expect(r.b!.out).toBe("");
  });

  test("how busy the machine is: node -e 0, best of a few runs, in milliseconds", () => {
    const ms = nodeStartMs(2) as number;
    expect(ms).toBeGreaterThan(1);
    expect(ms).toBeLessThan(10_000);
  });

  test("the Action's cold start, with another build beside the committed bundle in the same rounds", () => {
    const r = measureColdStart(["action/dist/index.js"], 1) as {
      action: number;
      node: number;
      other: number[];
    };
    expect(r.node).toBeGreaterThan(0);
    expect(r.action).toBeGreaterThan(r.node / 2);
    expect(r.other).toHaveLength(1);
    expect(r.other[0]).toBeGreaterThan(0);
  }, 30_000);
});
