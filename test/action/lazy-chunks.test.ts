/**
 * The Action bundle requires its chunks (action/dist/chunks/, scripts/bundle.js) only when a run
 * uses them: Node's module debug log shows every chunk a run of the committed bundle loads.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runBundle } from "./run-bundle.js";

const ACME = path.join(repoRoot, "examples", "acme");
const dir = mkdtempSync(path.join(tmpdir(), "cg-action-chunks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const push = { ref: "refs/heads/main", after: "0".repeat(40), repository: { full_name: "acme/campaigns" } };

/** A push run of the bundle on `workspace`: its report and the chunks it required. */
async function chunksOf(workspace: string) {
  const run = await runBundle({
    eventName: "push",
    event: push,
    workspace,
    apiUrl: "http://127.0.0.1:9", // a push asks GitHub nothing
    env: { NODE_DEBUG: "module" },
  });
  const report = JSON.parse(readFileSync(run.outputs.report!, "utf8")) as {
    verdict: string;
    campaigns: { file: string }[];
  };
  const chunks = [...new Set([...run.stderr.matchAll(/chunks\/([a-z-]+)\.js/g)].map((m) => m[1]))].sort();
  return { report, chunks };
}

describe("the Action bundle's chunks", () => {
  it("a repository without campaigns or configuration loads only the capacity file's validator", async () => {
    // The repository `npm run bench` starts the Action on (bench/action-cold-start.js).
    const ws = path.join(dir, "empty");
    mkdirSync(path.join(ws, "infra"), { recursive: true });
    const capacity =
      "services:\n  web:\n    max_rps: 100\nsites:\n  shop:\n    baseline_rps: 10\n    uses: { web: 1 }\n";
    writeFileSync(path.join(ws, "infra", "capacity.yaml"), capacity);
    const { report, chunks } = await chunksOf(ws);
    expect(report.verdict).toBe("pass");
    expect(chunks).toEqual(["validate-capacity"]);
  });

  it("the example loads the validators it uses, and no glob compiler for its default globs", async () => {
    const { report, chunks } = await chunksOf(ACME);
    expect(report.campaigns.length).toBeGreaterThan(0);
    // Temporal for its dates in a time zone; eemeli/yaml for the positions of some findings.
    expect(chunks).toEqual(["temporal", "validate-campaign", "validate-capacity", "validate-config", "yaml"]);
  });

  it("globs of a repository's own go through picomatch, and its campaigns are checked", async () => {
    const ws = path.join(dir, "own-globs");
    cpSync(path.join(ACME, "infra"), path.join(ws, "infra"), { recursive: true });
    cpSync(path.join(ACME, "campaigns"), path.join(ws, "plans", "2026"), { recursive: true });
    mkdirSync(path.join(ws, ".github"));
    writeFileSync(path.join(ws, ".github", "campaign-gate.yml"), 'campaigns: ["plans/**/*.yaml"]\n');
    const { report, chunks } = await chunksOf(ws);
    expect(report.campaigns.map((c) => c.file)).toContain("plans/2026/black-friday.yaml");
    expect(chunks).toContain("picomatch");
  });
});
