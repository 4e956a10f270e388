/**
 * Files with several independent problems (test/fixtures/load/multi/): every problem is reported at
 * once, each on its own line and column, and a part with a schema error of its own is not checked
 * further (no cascade). The campaign stays out of the load.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RuleId } from "../../src/core/findings.js";
import { sortFindings } from "../../src/core/findings.js";
import { loadCampaigns, loadCapacity, LEFT_OUT } from "../../src/core/load/index.js";
import { FIXTURES, source } from "./helpers.js";

interface Expected {
  rule: RuleId;
  line: number;
  column: number;
  /** A fragment of the message. */
  message: string;
}

interface Case {
  name: string;
  file: string;
  findings: Expected[];
}

const MULTI = join(FIXTURES, "multi");
const manifest = JSON.parse(readFileSync(join(MULTI, "manifest.json"), "utf8")) as Case[];
const capacity = loadCapacity(source(FIXTURES, "capacity-for-campaigns.yaml"), "capacity-for-campaigns.yaml");

describe("files with several problems", () => {
  it("has several cases, each with more than one problem", () => {
    expect(manifest.length).toBeGreaterThanOrEqual(5);
    expect(manifest.every((c) => c.findings.length > 1)).toBe(true);
    expect(capacity.findings).toEqual([]);
  });

  it.each(manifest.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const file = source(MULTI, c.file);
    const result = loadCampaigns([file], capacity.capacity);
    const findings = sortFindings(result.findings);
    expect(findings.map((f) => ({ rule: f.rule, line: f.line, column: f.column }))).toEqual(
      c.findings.map(({ rule, line, column }) => ({ rule, line, column })),
    );
    findings.forEach((f, i) => {
      expect(f.message).toContain(c.findings[i]!.message);
      expect(f.message.endsWith(LEFT_OUT)).toBe(true);
      expect(f.file).toBe(c.file);
      expect(f.campaign).toBe(c.file.replace(/^m-/, "").replace(/\.yaml$/, ""));
    });
    expect(result.campaigns).toEqual([]);
  });
});
