/**
 * The malformed-file corpus: every fixture in test/fixtures/load/ has exactly one problem, and the
 * loader must report exactly one finding for it, with the expected rule, line, column and wording.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RuleId } from "../../src/core/findings.js";
import { loadCampaigns, loadCapacity, loadConfig, LEFT_OUT } from "../../src/core/load/index.js";
import { FIXTURES, source } from "./helpers.js";

interface Case {
  name: string;
  file: string;
  kind: "campaign" | "capacity" | "config";
  rule: RuleId;
  line: number;
  column: number;
  message: string;
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, "manifest.json"), "utf8")) as Case[];
const capacity = loadCapacity(source(FIXTURES, "capacity-for-campaigns.yaml"), "capacity-for-campaigns.yaml");

function load(c: Case) {
  const file = source(FIXTURES, c.file);
  if (c.kind === "campaign") return loadCampaigns([file], capacity.capacity);
  if (c.kind === "capacity") return loadCapacity(file, c.file);
  return loadConfig(file);
}

describe("malformed-file corpus", () => {
  it("has at least 40 fixtures, each with a distinct file", () => {
    expect(manifest.length).toBeGreaterThanOrEqual(40);
    expect(new Set(manifest.map((c) => c.file)).size).toBe(manifest.length);
    expect(capacity.findings).toEqual([]);
  });

  it.each(manifest.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = load(c);
    expect(
      result.findings.map((f) => ({ rule: f.rule, line: f.line, column: f.column, file: f.file })),
    ).toEqual([{ rule: c.rule, line: c.line, column: c.column, file: c.file }]);
    const [found] = result.findings;
    expect(found?.message).toContain(c.message);
    expect(found?.severity).toBe("error");
    if (c.kind === "campaign") {
      expect(found?.message).toContain("left out of the load");
      expect((result as ReturnType<typeof loadCampaigns>).campaigns).toEqual([]);
    }
    if (c.kind === "capacity") expect((result as ReturnType<typeof loadCapacity>).capacity).toBeUndefined();
  });

  it("marks every campaign error with the same left-out sentence", () => {
    expect(LEFT_OUT).toContain("left out of the load");
  });
});
