// The page without a browser: user text stays data, nothing points off the page, the committed
// browser script is fresh, and the Pages workflow that `init` scaffolds publishes the Action's output.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCheckModel } from "../../src/core/check.js";
import { readLocalRepository } from "../../src/io/local-repo.js";
import { SCAFFOLD_FILES } from "../../src/init/scaffold.js";
import { buildJobSummary } from "../../src/report/job-summary.js";
import { buildCommentBody } from "../../src/report/pr-comment.js";
import { CLIENT_SCRIPT } from "../../src/report/html/client-script.generated.js";
import { dashboardData } from "../../src/report/html/dashboard-data.js";
import { renderPage } from "../../src/report/html/render-page.js";
// @ts-expect-error a plain script without types
import { dashboardModule, generatedPath } from "../../scripts/bundle-dashboard.js";

const NOW = Date.parse("2026-11-23T09:00:00Z");

async function acme(extra: { path: string; text: string }[] = []) {
  const repo = await readLocalRepository(path.resolve("examples/acme"));
  return runCheckModel({ ...repo, campaigns: [...repo.campaigns, ...extra], now: NOW });
}

describe("the dashboard page", () => {
  it("keeps user text as data: names cannot open tags or end the data script", async () => {
    const evil = [
      "id: evil",
      'name: "</script><img src=x onerror=alert(1)>"',
      'owner: "@eve"',
      "type: other",
      'window: { start: "2027-02-01T00:00:00Z", end: "2027-02-02T00:00:00Z" }',
      "targets: [{ site: shop }]",
      "forecast: { peak_concurrent_users: 10, confidence: historical, basis: x }",
      "",
    ].join("\n");
    const checked = await acme([{ path: "campaigns/evil.yaml", text: evil }]);
    const html = renderPage(
      dashboardData({ ...checked, capacity: checked.capacity!, model: checked.model! }),
      CLIENT_SCRIPT,
    );
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the data element's and the script's own
    // Nothing is fetched: no src/href to another origin (links to files use the given base).
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("is generated from the committed browser script, which is fresh", async () => {
    expect(await readFile(generatedPath, "utf8")).toBe(await dashboardModule());
  });
});

describe("where people find it", () => {
  it("init scaffolds a workflow publishing the Action's dashboard folder to GitHub Pages", async () => {
    expect(SCAFFOLD_FILES).toContain(".github/workflows/campaign-gate-pages.yml");
    const workflow = parse(
      await readFile("templates/init/.github/workflows/campaign-gate-pages.yml", "utf8"),
    );
    const action = parse(await readFile("action.yml", "utf8"));
    expect(Object.keys(workflow.on)).toEqual(["push", "schedule", "workflow_dispatch"]);
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    const steps = workflow.jobs.build.steps;
    const gate = steps.find((s: { id?: string }) => s.id === "gate");
    expect(gate.uses).toMatch(/^campaign-gate\/campaign-gate@/);
    const upload = steps.find((s: { uses: string }) => s.uses.startsWith("actions/upload-pages-artifact@"));
    const output = /steps\.gate\.outputs\.([\w-]+)/.exec(upload.with.path)![1]!;
    expect(Object.keys(action.outputs)).toContain(output);
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(workflow.jobs.build.if).toContain("github.event.repository.default_branch");
  });

  it("the PR comment and the job summary link to the published dashboard", async () => {
    const { report } = await acme();
    const url = "https://acme.github.io/campaigns/";
    expect(buildCommentBody(report, { headSha: "a".repeat(40), dashboardUrl: url })).toContain(
      `[dashboard](${url})`,
    );
    expect(buildCommentBody(report, { headSha: "a".repeat(40) })).not.toContain("[dashboard]");
    const scope = { kind: "everything" as const, eventName: "push" };
    expect(buildJobSummary(report, { scope, dashboard: { dir: "/tmp/d", url } })).toContain(
      `The [dashboard](${url}) is published`,
    );
    expect(buildJobSummary(report, { scope, dashboard: { dir: "/tmp/d" } })).toContain(
      "The dashboard is in `/tmp/d` (output `dashboard`)",
    );
  });
});
