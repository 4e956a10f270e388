import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/findings.js";
import type { CampaignSummary, Report } from "../../src/core/report.js";
import { renderMarkdown } from "../../src/report/markdown.js";

function campaign(i: number, status: CampaignSummary["status"]): CampaignSummary {
  return {
    id: `campaign-${i}`,
    name: `Campaign ${i} | @everyone <b>`,
    file: `campaigns/c-${i}.yaml`,
    start: "2026-12-01T10:00:00.000Z",
    end: "2026-12-02T10:00:00.000Z",
    sites: ["shop"],
    planning: 1000 + i,
    unit: "users",
    impact: 0.5,
    status,
  };
}

function finding(i: number, counted = true): Finding {
  return {
    rule: "capacity",
    severity: "error",
    message: `shared-db cannot hold 5,600 req/s on Fri 27 Nov (campaign-${i} and others); safe capacity is 3,500 req/s`,
    file: `campaigns/c-${i}.yaml`,
    line: 14,
    column: 3,
    campaign: `campaign-${i}`,
    service: "shared-db",
    counted,
  };
}

function report(n: number): Report {
  return {
    version: 1,
    verdict: "fail",
    now: "2026-11-23T09:00:00.000Z",
    findings: Array.from({ length: n }, (_, i) => finding(i, i % 3 !== 0)),
    services: Array.from({ length: 50 }, (_, i) => ({
      service: `svc-${i}`,
      peak_rps: 1000 * i,
      peak_at: "2026-12-01T10:00:00.000Z",
      capacity_rps: 20_000,
      utilization: (1000 * i) / 20_000,
      contributors: Array.from({ length: Math.min(n, 40) }, (_, k) => `campaign-${k}`),
    })),
    plan: [{ service: "svc-3", instances: 14, by: "2026-11-27T11:00:00.000Z", campaigns: ["campaign-1"] }],
    campaigns: Array.from({ length: n }, (_, i) => campaign(i, i % 2 ? "error" : "ok")),
  };
}

describe("renderMarkdown", () => {
  it("puts the verdict first and has every section", () => {
    const md = renderMarkdown(report(3));
    expect(md.split("\n")[0]).toBe(
      "## ❌ campaign-gate: 2 errors — the infrastructure cannot hold this load",
    );
    for (const heading of [
      "### What to fix",
      "### Campaigns",
      "### Peak load per service",
      "### Plan for IT",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain("```mermaid\ngantt");
    expect(md).toContain("already on the base branch");
  });

  it("escapes table breaks, HTML and mentions in user text", () => {
    const md = renderMarkdown(report(2));
    expect(md).toContain("Campaign 1 \\| @\u200beveryone &lt;b&gt;");
    expect(md).not.toContain("<b>");
  });

  it("stays under the limit with thousands of campaigns and says what it left out", () => {
    const md = renderMarkdown(report(5000), { maxChars: 60_000 });
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).toMatch(/…and \d+ more/);
    expect(md).toMatch(/Chart shows 30 of \d+ upcoming campaigns/);
  });

  it("honours a tiny limit without breaking", () => {
    const md = renderMarkdown(report(100), { maxChars: 500 });
    expect(md.length).toBeLessThanOrEqual(500);
    expect(md).toContain("Report cut to fit");
  });

  it("links files when given a URL builder", () => {
    const md = renderMarkdown(report(1), { fileUrl: (p, line) => `https://example.test/${p}#L${line ?? 1}` });
    expect(md).toContain("[campaigns/c-0.yaml:14](https://example.test/campaigns/c-0.yaml#L14)");
  });
});
