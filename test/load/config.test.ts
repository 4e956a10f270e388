/** Loading .github/campaign-gate.yml: DESIGN 1.3 defaults and the extended SLA section. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/load/index.js";

const file = (text: string) => ({ path: ".github/campaign-gate.yml", text });

describe("loadConfig", () => {
  it("uses the defaults without a file", () => {
    expect(loadConfig(undefined)).toEqual({
      config: { campaigns: ["campaigns/**/*.yaml", "campaigns/**/*.yml"], capacity: "infra/capacity.yaml" },
      findings: [],
    });
  });

  it("uses the defaults for an empty mapping and keeps the file name", () => {
    const { config, findings } = loadConfig(file("# yaml-language-server: $schema=x\n{}\n"));
    expect(findings).toEqual([]);
    expect(config).toEqual({
      file: ".github/campaign-gate.yml",
      campaigns: ["campaigns/**/*.yaml", "campaigns/**/*.yml"],
      capacity: "infra/capacity.yaml",
    });
    expect(config.review).toBeUndefined();
  });

  it("fills the review defaults", () => {
    const { config, findings } = loadConfig(
      file(`campaigns: ["promo/*.yaml"]
capacity: ops/limits.yaml
review:
  groups: { marketing: { teams: [marketing] }, it: { users: [bob] } }
  rules: [{ name: all, paths: ["**"], require: [marketing, it] }]
  sla: { hours: 8 }
`),
    );
    expect(findings).toEqual([]);
    expect(config.campaigns).toEqual(["promo/*.yaml"]);
    expect(config.capacity).toBe("ops/limits.yaml");
    expect(config.review).toEqual({
      groups: { marketing: { teams: ["marketing"], users: [] }, it: { teams: [], users: ["bob"] } },
      rules: [{ name: "all", paths: ["**"], require: ["marketing", "it"] }],
      distinct_reviewers: true,
      invalidate_on_push: true,
      request_reviewers: true,
      sla: {
        hours: 8,
        timezone: "UTC",
        days: [1, 2, 3, 4, 5],
        day_start: "09:00",
        day_end: "17:00",
        escalate: { teams: [], users: [] },
        label: "review-overdue",
      },
    });
    expect(config.review?.fast_lane).toBeUndefined();
    expect(config.review?.groups.constructor).toBeUndefined();
  });

  it("keeps explicit false values", () => {
    const { config } = loadConfig(
      file(
        "review:\n  groups: {}\n  rules: []\n  distinct_reviewers: false\n  invalidate_on_push: false\n  request_reviewers: false\n",
      ),
    );
    expect(config.review).toMatchObject({
      distinct_reviewers: false,
      invalidate_on_push: false,
      request_reviewers: false,
    });
  });

  it("reads coordination.freeze_reminder_days (0 turns the reminder off; an empty section takes the default 3)", () => {
    expect(loadConfig(file("coordination: { freeze_reminder_days: 0 }\n")).config.coordination).toEqual({
      freeze_reminder_days: 0,
    });
    expect(loadConfig(file("coordination: {}\n")).config.coordination).toEqual({ freeze_reminder_days: 3 });
    expect(loadConfig(file("{}\n")).config.coordination).toBeUndefined();
    const wrong = loadConfig(file("coordination:\n  freeze_reminder_days: 2.5\n"));
    expect(wrong.findings).toMatchObject([{ rule: "schema", line: 2 }]);
    expect(wrong.findings[0]!.message).toContain("freeze_reminder_days");
  });

  it("loads the configuration of docs/DESIGN.md section 1.3, whose comments state the defaults", () => {
    const design = readFileSync(join(import.meta.dirname, "../../docs/DESIGN.md"), "utf8");
    const block = /### 1\.3 Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(design)![1]!;
    const { config, findings } = loadConfig(file(block));
    expect(findings).toEqual([]);
    expect(block).toContain("freeze_reminder_days: 3        # default 3");
    expect(config.coordination).toEqual({ freeze_reminder_days: 3 });
  });

  it("returns findings and the defaults for a broken file, so the check still runs and fails", () => {
    const { config, findings } = loadConfig(file("capacity: [\n"));
    expect(findings).toMatchObject([
      { rule: "syntax", file: ".github/campaign-gate.yml", severity: "error" },
    ]);
    expect(config).toEqual({
      file: ".github/campaign-gate.yml",
      campaigns: ["campaigns/**/*.yaml", "campaigns/**/*.yml"],
      capacity: "infra/capacity.yaml",
    });
    const schema = loadConfig(
      file("review:\n  groups: {}\n  rules: [{ name: a, paths: [x], require: [it] }]\n"),
    );
    expect(schema.findings).toMatchObject([{ rule: "schema", line: 3, column: 44 }]);
    expect(schema.config.review).toBeUndefined();
  });
});
