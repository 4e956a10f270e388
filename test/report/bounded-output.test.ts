// 1,000 overlapping campaigns: every message names a handful of them, and each report grows with
// the number of findings, not with findings × campaigns (it used to be 61 MB of text).
import { beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../src/core/check.js";
import { LIST_LIMIT } from "../../src/core/format.js";
import { defaultConfig } from "../../src/core/load/config.js";
import type { SourceFile } from "../../src/core/model.js";
import type { Report } from "../../src/core/report.js";
import { JSON_LIST_LIMIT, renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";

const CAPACITY = `services:
  web: { per_instance_rps: 100, instances: 2, max_instances: 10 }
  db: { max_rps: 1000 }
sites:
  shop: { rps_per_user: 1, baseline_rps: 1, uses: { web: 1, db: 1 } }
`;

function campaigns(n: number): SourceFile[] {
  return Array.from({ length: n }, (_, i) => ({
    path: `campaigns/c-${String(i).padStart(4, "0")}.yaml`,
    text: `id: c-${String(i).padStart(4, "0")}
name: Campaign ${i}
owner: "@jane"
type: email
window: { start: "2027-03-01T10:00:00Z", end: "2027-03-02T10:00:00Z" }
targets: [{ site: shop }]
forecast: { peak_concurrent_users: 10, high: 10, confidence: model, basis: test }
`,
  }));
}

function check(n: number) {
  return runCheck({
    config: defaultConfig(),
    capacity: { path: "infra/capacity.yaml", text: CAPACITY },
    campaigns: campaigns(n),
    now: Date.UTC(2026, 10, 23, 9),
  });
}

describe("bounded output", () => {
  let small: Report;
  let large: Report;
  beforeAll(() => {
    small = check(100);
    large = check(1000);
  });

  it("names at most a handful of campaigns per message and says how many more", () => {
    const report = large;
    const breach = report.findings.find((f) => f.rule === "capacity");
    expect(breach?.campaigns).toHaveLength(1000);
    expect(breach?.message).toContain(`and ${(1000 - LIST_LIMIT).toLocaleString("en-US")} more`);
    for (const f of report.findings) expect(f.message.length).toBeLessThan(1000);
  });

  it("text, markdown and JSON grow with the findings, not with findings × campaigns", () => {
    const perFinding = (text: string, r: Report) => text.length / Math.max(1, r.findings.length);
    const render = {
      text: (r: Report) => renderText(r, { color: false, command: "check" }),
      markdown: (r: Report) => renderMarkdown(r, { maxChars: Number.MAX_SAFE_INTEGER }),
      json: (r: Report) => renderJson(r),
    };
    expect(large.findings.length).toBeGreaterThan(500);
    for (const [name, fn] of Object.entries(render)) {
      const a = perFinding(fn(small), small);
      const b = perFinding(fn(large), large);
      // Ten times the campaigns (and the findings): the size per finding stays about the same.
      expect(b / a, name).toBeLessThan(1.5);
      expect(b, name).toBeLessThan(4000);
    }
    const json = JSON.parse(renderJson(large));
    const listed = json.findings.find((f: { campaigns_total?: number }) => f.campaigns_total === 1000);
    expect(listed.campaigns).toHaveLength(JSON_LIST_LIMIT);
    expect(
      json.services.every((s: { contributors: string[] }) => s.contributors.length <= JSON_LIST_LIMIT),
    ).toBe(true);
  });
});
