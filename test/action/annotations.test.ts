import { describe, expect, it } from "vitest";
import { finding, type Finding, type RuleId } from "../../src/core/findings.js";
import { ANNOTATIONS_PER_LEVEL, leftOverNote, selectAnnotations } from "../../src/report/annotations.js";

function f(rule: RuleId, file: string, line: number, counted = true): Finding {
  return { ...finding(rule, file, { line, column: 3 }, `${rule} at ${file}:${line}`), counted };
}

describe("selectAnnotations", () => {
  it("orders errors, then warnings, then notices; changed files first within a level", () => {
    const findings = [
      f("forecast", "campaigns/a.yaml", 4),
      f("past", "campaigns/old.yaml", 2),
      f("capacity", "campaigns/a.yaml", 14),
      f("capacity", "campaigns/b.yaml", 14),
      f("schema", "campaigns/b.yaml", 1),
    ];
    const { annotations, leftOver } = selectAnnotations(findings, ["campaigns/b.yaml"]);
    expect(annotations.map((a) => `${a.level} ${a.file}:${a.startLine}`)).toEqual([
      "error campaigns/b.yaml:14",
      "error campaigns/b.yaml:1",
      "error campaigns/a.yaml:14",
      "warning campaigns/a.yaml:4",
      "notice campaigns/old.yaml:2",
    ]);
    expect(annotations[0]).toEqual({
      level: "error",
      title: "capacity",
      message: "capacity at campaigns/b.yaml:14",
      file: "campaigns/b.yaml",
      startLine: 14,
      startColumn: 3,
    });
    expect(leftOver).toEqual({ error: 0, warning: 0, notice: 0 });
  });

  it("shows findings the change did not cause as notices, after the other notices", () => {
    const findings = [f("schema", "campaigns/base.yaml", 3, false), f("past", "campaigns/old.yaml", 2)];
    const { annotations } = selectAnnotations(findings, ["campaigns/new.yaml"]);
    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ["notice", "past"],
      ["notice", "schema (already on the base branch)"],
    ]);
  });

  it("keeps GitHub's 10 per level and counts every finding left over", () => {
    const findings: Finding[] = [];
    for (let i = 1; i <= 100; i++) findings.push(f("forecast", `campaigns/c${i}.yaml`, 12));
    for (let i = 1; i <= 20; i++) findings.push(f("schema", `campaigns/e${i}.yaml`, 1));
    const changed = ["campaigns/e20.yaml", "campaigns/c100.yaml"];
    const { annotations, leftOver } = selectAnnotations(findings, changed);
    expect(annotations).toHaveLength(2 * ANNOTATIONS_PER_LEVEL);
    expect(annotations.filter((a) => a.level === "error")).toHaveLength(10);
    expect(annotations[0]!.file).toBe("campaigns/e20.yaml");
    expect(annotations[10]!.file).toBe("campaigns/c100.yaml");
    expect(leftOver).toEqual({ error: 10, warning: 90, notice: 0 });
    expect(annotations.length + leftOver.error + leftOver.warning + leftOver.notice).toBe(findings.length);
  });

  it("keeps to a smaller budget when the step needs room for its own messages", () => {
    const findings = [f("schema", "a.yaml", 1), f("schema", "b.yaml", 1), f("past", "c.yaml", 1)];
    const { annotations, leftOver } = selectAnnotations(findings, undefined, {
      error: 1,
      warning: 1,
      notice: 0,
    });
    expect(annotations.map((a) => a.file)).toEqual(["a.yaml"]);
    expect(leftOver).toEqual({ error: 1, warning: 0, notice: 1 });
  });
});

describe("leftOverNote", () => {
  it("says nothing when nothing was cut", () => {
    expect(leftOverNote({ error: 0, warning: 0, notice: 0 })).toBeUndefined();
  });
  it("names every cut level in plain words", () => {
    expect(leftOverNote({ error: 10, warning: 90, notice: 1 })).toBe(
      "10 more errors, 90 more warnings and 1 more notice are not marked on the lines (GitHub shows at most 10 of each kind per step); the report below lists every finding.",
    );
    expect(leftOverNote({ error: 1, warning: 0, notice: 0 })).toMatch(/^1 more error is not marked/);
  });
});
