/**
 * Campaign globs are compiled once per process (src/core/glob/compile-glob.ts), the default ones
 * ahead of time (default-globs.ts): both must decide exactly as picomatch does.
 */
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { compileGlob } from "../../../src/core/glob/compile-glob.js";
import { DEFAULT_GLOBS } from "../../../src/core/glob/default-globs.js";
import { defaultConfig } from "../../../src/core/load/config.js";

const PATHS = [
  "campaigns/black-friday.yaml",
  "campaigns/Black-Friday.YAML",
  "campaigns/a.yml",
  "campaigns/a.YML",
  "campaigns/2026/q4/sale.yaml",
  "campaigns/2026/.drafts/sale.yaml",
  "campaigns/.draft.yaml",
  "campaigns/sale.yaml.bak",
  "campaigns/.yaml",
  "campaigns//x.yaml",
  "Campaigns/x.yaml",
  "campaign/x.yaml",
  "x/campaigns/y.yaml",
  "campaigns",
  "campaigns/",
  "campaigns/**/*.yaml",
  "ops/x.yml",
  "README.md",
];

describe("compileGlob", () => {
  it("has the default globs written out exactly as picomatch compiles them", () => {
    expect(DEFAULT_GLOBS.map((g) => g.glob)).toEqual(defaultConfig().campaigns);
    for (const g of DEFAULT_GLOBS) {
      const regex = picomatch.makeRe(g.glob);
      const base = picomatch.scan(g.glob).base;
      const entry = `{ glob: ${JSON.stringify(g.glob)}, regex: /${regex.source}/${regex.flags}, base: ${JSON.stringify(base)} }`;
      const stale = `src/core/glob/default-globs.ts is stale for ${g.glob}; picomatch gives ${entry}`;
      expect([g.regex.source, g.regex.flags, g.base], stale).toEqual([regex.source, regex.flags, base]);
    }
  });

  it("decides as picomatch's matcher does, case-sensitive and not, default globs and others", () => {
    const globs = [
      ...defaultConfig().campaigns,
      "campaigns/*.{yaml,yml}",
      "**/*.yaml",
      "campaigns/black-friday.yaml",
      "campaigns/[a-c]*.yml",
      "campaigns/?.yml",
    ];
    for (const glob of globs) {
      for (const nocase of [false, true]) {
        const ours = compileGlob(glob, { nocase });
        const theirs = picomatch(glob, nocase ? { nocase: true } : {});
        expect(ours.base, glob).toBe(picomatch.scan(glob).base);
        for (const p of PATHS)
          expect(ours.matches(p), `${glob} (nocase ${nocase}) on "${p}"`).toBe(theirs(p));
      }
    }
  });

  it("compiles each glob once per process", () => {
    expect(compileGlob("plans/**/*.yaml")).toBe(compileGlob("plans/**/*.yaml"));
    expect(compileGlob("plans/**/*.yaml", { nocase: true })).not.toBe(compileGlob("plans/**/*.yaml"));
    expect(compileGlob("campaigns/**/*.yaml").regex).toBe(DEFAULT_GLOBS[0]!.regex);
  });

  it("keeps a bounded number of globs (a long-running app meets many repositories' globs)", () => {
    const first = compileGlob("first/*.yaml");
    for (let i = 0; i < 1000; i++) compileGlob(`repo-${i}/**/*.yaml`);
    const again = compileGlob("first/*.yaml");
    expect(again).not.toBe(first); // compiled again: it had gone
    expect(again.matches("first/a.yaml")).toBe(true);
    expect(compileGlob("repo-999/**/*.yaml")).toBe(compileGlob("repo-999/**/*.yaml"));
  });
});
