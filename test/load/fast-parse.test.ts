/**
 * The fast parse (src/core/load/fast-parse.ts) is an optimisation, never a second opinion: the
 * reference parse (eemeli/yaml with positions) stays the definition. These tests show both paths
 * give byte-identical JSON reports on the examples, the fixtures, both synthetic repositories and
 * fuzzed inputs, and that whenever the fast parse accepts a file, its data and every position it
 * recorded equal the reference's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: the bench's generator is plain JavaScript
import { shapedRepository, syntheticRepository } from "../../bench/synthetic.js";
import { runCheck, runValidate } from "../../src/core/check.js";
import { loadCampaigns, loadCapacity, loadConfig } from "../../src/core/load/index.js";
import { parseFast, setFastParse } from "../../src/core/load/fast-parse.js";
import { keyAt, parseYaml, valueAt, type DataPath } from "../../src/core/load/yaml-source.js";
import type { SourceFile } from "../../src/core/model.js";
import { renderJson } from "../../src/report/json.js";
import { ACME, FIXTURES, source, yamlFiles } from "./helpers.js";

const NOW = Date.UTC(2026, 10, 23, 9);

afterEach(() => setFastParse(true));

/** Runs `fn` with the fast path on and off; returns both results. */
function bothPaths<T>(fn: () => T): { fast: T; reference: T } {
  setFastParse(true);
  const fast = fn();
  setFastParse(false);
  const reference = fn();
  setFastParse(true);
  return { fast, reference };
}

interface Repo {
  config?: SourceFile;
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
}

/** The JSON reports of `check` and `validate`, and of every file loaded alone. */
function reports(repo: Repo): string {
  const { config, findings: configFindings } = loadConfig(repo.config);
  const input = { config, configFindings, capacity: repo.capacity, campaigns: repo.campaigns, now: NOW };
  return (
    renderJson(runCheck(input)) +
    renderJson(runValidate(input)) +
    renderJson(runCheck({ ...input, changed: repo.campaigns.slice(0, 1).map((c) => c.path) }))
  );
}

function expectIdentical(repo: Repo): void {
  const { fast, reference } = bothPaths(() => reports(repo));
  expect(fast === reference, "fast and reference reports differ").toBe(true);
}

/** A synthetic repository; `shaped`: a third of the campaigns shaped, every site profiled in flow style. */
function synthetic(profile: "stress" | "clean", n: number, shaped = false): Repo {
  const plain = syntheticRepository({ campaigns: n, sites: 40, services: 12, now: NOW, profile });
  const r = (shaped ? shapedRepository(plain) : plain) as { capacity: string; campaigns: SourceFile[] };
  return { capacity: { path: "infra/capacity.yaml", text: r.capacity }, campaigns: r.campaigns };
}

/** Every path in `data` (keys of mappings, indices of lists), depth first. */
function paths(data: unknown, prefix: DataPath = []): DataPath[] {
  const out: DataPath[] = [prefix];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (data && typeof data === "object")
    for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/**
 * The core property: when the fast parse accepts `text`, the reference accepts it too, with equal
 * data, and every key and value position the fast parse recorded equals the reference's.
 */
function expectAgrees(text: string): boolean {
  const fast = parseFast(text);
  if (!fast) return false;
  setFastParse(false);
  const reference = parseYaml({ path: "x.yaml", text }, "campaign file");
  setFastParse(true);
  expect("doc" in reference, `the reference rejects what the fast parse accepted:\n${text}`).toBe(true);
  if (!("doc" in reference)) return false;
  expect(fast.data).toStrictEqual(reference.data);
  for (const p of paths(fast.data)) {
    const value = fast.locate.value(p);
    expect(value, `no value position for ${JSON.stringify(p)}`).toBeDefined();
    expect(value, `value position of ${JSON.stringify(p)} in:\n${text}`).toEqual(valueAt(reference, p));
    if (typeof p[p.length - 1] === "string")
      expect(fast.locate.key(p), `key position of ${JSON.stringify(p)} in:\n${text}`).toEqual(
        keyAt(reference, p),
      );
  }
  return true;
}

const EXAMPLE_TEXTS = [
  ...yamlFiles(ACME, "campaigns"),
  source(ACME, "infra/capacity.yaml"),
  source(ACME, ".github/campaign-gate.yml"),
  ...readdirSync(FIXTURES)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({ path: f, text: readFileSync(join(FIXTURES, f), "utf8") })),
].map((f) => f.text);

describe("fast parse vs reference parse", () => {
  it("gives byte-identical reports on the Acme example", () => {
    expectIdentical({
      config: source(ACME, ".github/campaign-gate.yml"),
      capacity: source(ACME, "infra/capacity.yaml"),
      campaigns: yamlFiles(ACME, "campaigns"),
    });
  });

  it("gives byte-identical reports on every loader fixture (as campaign, capacity and configuration)", () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => ({ path: `campaigns/${f}`, text: readFileSync(join(FIXTURES, f), "utf8") }));
    const capacity = source(FIXTURES, "capacity-for-campaigns.yaml");
    expectIdentical({ capacity, campaigns: files });
    for (const f of files) {
      const { fast, reference } = bothPaths(() =>
        JSON.stringify([
          loadCampaigns([f], undefined),
          loadCapacity(f, f.path),
          loadConfig({ ...f, path: ".github/campaign-gate.yml" }),
        ]),
      );
      expect(fast, f.path).toBe(reference);
    }
  });

  it("gives byte-identical reports on both synthetic repositories (stress and clean, 400 campaigns each)", () => {
    for (const profile of ["stress", "clean"] as const) expectIdentical(synthetic(profile, 400));
  });

  it("gives byte-identical reports on both synthetic repositories with shapes and profiled sites", () => {
    for (const profile of ["stress", "clean"] as const) expectIdentical(synthetic(profile, 300, true));
  });

  it("agrees with the reference on flow collections inside flow collections, or leaves them to it", () => {
    const nested = [
      "a: { b: [1, 2], c: { d: x } }\n",
      "a: [[1, 2], [3]]\n",
      "a: [a, [b, 'c d']]\n",
      "a: [1, {b: 2}]\n",
      "sites:\n  web:\n    profile: { timezone: Europe/Berlin, hours: [0.3, 0.2, 1], weekdays: [1, 0.8] }\n",
    ];
    for (const text of nested) expect(expectAgrees(text), text).toBe(true);
    // Outside the subset (empty, unclosed, misplaced, deeper than MAX_DEPTH): the reference decides.
    const deep = `a: ${"[".repeat(20)}1${"]".repeat(20)}\n`;
    for (const text of ["a: { b: [] }\n", "a: { b: [1, 2 }\n", "a: [1, [2, 3]\n", "a: [[1] x]\n", deep])
      expect(parseFast(text), text).toBeUndefined();
  });

  it("takes the fast path for the examples and the synthetic campaigns (else it would prove nothing)", () => {
    const accepted = [...EXAMPLE_TEXTS, ...synthetic("stress", 50).campaigns.map((c) => c.text)].filter(
      (t) => parseFast(t) !== undefined,
    );
    expect(accepted.length).toBeGreaterThan(50);
    for (const c of synthetic("clean", 50).campaigns) expect(parseFast(c.text)).toBeDefined();
    // The capacity file with every site's profile in flow style, and the shaped campaigns.
    const shaped = synthetic("stress", 50, true);
    expect(parseFast(shaped.capacity!.text)).toBeDefined();
    for (const c of shaped.campaigns) expect(parseFast(c.text)).toBeDefined();
  });

  it("answers a position asked after the next file's parse from the reference parse, unchanged", () => {
    const first = { path: "campaigns/a.yaml", text: "id: a\nwindow:\n  start: x\n" };
    // The same keys elsewhere: a stale answer would be this file's position.
    const second = { path: "campaigns/b.yaml", text: "# moved down\n\nid: b\nwindow:\n    start: y\n" };
    const early = parseYaml(first, "campaign file");
    expect("doc" in early && early.locate?.value(["window", "start"])).toEqual({ line: 3, column: 10 });
    parseYaml(second, "campaign file");
    if (!("doc" in early)) throw new Error("the first file did not parse");
    // The fast parse's lists now hold the second file: the first file's Locator no longer answers …
    expect(early.locate?.value(["window", "start"])).toBeUndefined();
    // … and its positions come from the reference parse, where they always were.
    expect(valueAt(early, ["window", "start"])).toEqual({ line: 3, column: 10 });
    expect(keyAt(early, ["window"])).toEqual({ line: 2, column: 1 });
  });

  it("agrees with the reference on data and every position, wherever it accepts a fixture or example", () => {
    for (const text of EXAMPLE_TEXTS) expectAgrees(text);
  });

  it(
    "agrees with the reference on fuzzed files (line edits, YAML-significant characters, indentation)",
    () => {
      const stress = synthetic("stress", 20);
      const shaped = synthetic("stress", 12, true);
      const seeds = [
        ...EXAMPLE_TEXTS,
        stress.capacity!.text,
        ...stress.campaigns.map((c) => c.text),
        shaped.capacity!.text,
        ...shaped.campaigns.map((c) => c.text),
      ];
      const pieces = [
        " ",
        "  ",
        "- ",
        ": ",
        ":",
        "#",
        " #",
        "'",
        '"',
        "{",
        "}",
        "[",
        "]",
        ",",
        "&a",
        "*a",
        "!",
        "|",
        ">",
        "@",
        "%",
        "`",
        "?",
        "~",
        "null",
        "true",
        "False",
        "0x1F",
        "1e3",
        "-1",
        ".5",
        "007",
        "1.50",
        "\\",
        "\t",
        "\r",
        "\uFEFF",
        "é",
        "---",
        "__proto__",
        "\n",
        "\n  ",
        "key: value",
        "- a",
        "{ a: 1 }",
        "b:c",
        "x",
        "0",
      ];
      const mutation = fc.oneof(
        fc.record({ kind: fc.constant("insert"), at: fc.nat(), piece: fc.constantFrom(...pieces) }),
        fc.record({ kind: fc.constant("delete"), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
        fc.record({ kind: fc.constant("swap"), at: fc.nat(), to: fc.nat() }),
        fc.record({ kind: fc.constant("indent"), at: fc.nat(), by: fc.integer({ min: -2, max: 2 }) }),
        // Edits where YAML decides things: right after a key's colon, at the end of a line, after a
        // closing quote or bracket, after a comma of a flow collection.
        {
          weight: 4,
          arbitrary: fc.record({
            kind: fc.constantFrom("after-colon", "end-of-line", "after-close", "after-comma"),
            at: fc.nat(),
            piece: fc.constantFrom(...pieces),
          }),
        },
      );
      const anchors: Record<string, RegExp> = {
        "after-colon": /: ?/g,
        "end-of-line": /$/g,
        "after-close": /["'\]}]/g,
        "after-comma": /, ?/g,
      };
      let accepted = 0;
      fc.assert(
        fc.property(
          fc.constantFrom(...seeds),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (seed, mutations) => {
            let text = seed;
            for (const m of mutations) {
              const lines = text.split("\n");
              if (m.kind === "insert") {
                const at = m.at % (text.length + 1);
                text = text.slice(0, at) + m.piece + text.slice(at);
              } else if (m.kind === "delete") {
                const at = m.at % (text.length + 1);
                text = text.slice(0, at) + text.slice(at + m.length);
              } else if (m.kind === "swap") {
                const a = m.at % lines.length;
                const b = m.to % lines.length;
                [lines[a], lines[b]] = [lines[b]!, lines[a]!];
                text = lines.join("\n");
              } else if (m.kind !== "indent") {
                const a = m.at % lines.length;
                const line = lines[a]!;
                const spots = [...line.matchAll(anchors[m.kind]!)].map((x) => x.index + x[0].length);
                if (spots.length === 0) continue;
                const at = spots[m.at % spots.length]!;
                lines[a] = line.slice(0, at) + m.piece + line.slice(at);
                text = lines.join("\n");
              } else {
                const a = m.at % lines.length;
                lines[a] = m.by > 0 ? " ".repeat(m.by) + lines[a] : lines[a]!.slice(-m.by);
                text = lines.join("\n");
              }
            }
            if (expectAgrees(text)) accepted++;
            // Whole-file identity too: the report of the mutated file alone.
            const file = { path: "campaigns/x.yaml", text };
            const { fast, reference } = bothPaths(() => JSON.stringify(loadCampaigns([file], undefined)));
            expect(fast).toBe(reference);
          },
        ),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), seed: 1010 },
      );
      // The fuzzer must reach the fast path often, or it tests only the fallback.
      expect(accepted).toBeGreaterThan(200);
    },
    60_000 + Number(process.env.FUZZ_RUNS ?? 0) * 20,
  );
});
