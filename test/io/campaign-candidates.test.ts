/**
 * The unseen-file candidates come from our own walk; a glob library (tinyglobby, the walk this one
 * replaced, kept as a dev dependency for this comparison) is the reference for which paths
 * `**\/*.{yaml,yml}` names: dot entries, node_modules, links, capitalisation, nesting, spaces.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { glob } from "tinyglobby";
import { afterAll, describe, expect, it } from "vitest";
import { listCampaignCandidates } from "../../src/io/campaign-candidates.js";
import { DEFAULT_CONFIG_PATH, type Config } from "../../src/core/model.js";

const root = mkdtempSync(path.join(tmpdir(), "cg-candidates-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  "campaigns/sale.yaml": "id: sale\n",
  "campaigns/deep/er/winter.yml": "id: winter\n",
  "Promo.YAML": "id: promo\nname: Promo\n",
  "docs/Old.Yml": "name: old\n",
  "infra/capacity.yaml": "services: {}\n",
  ".github/campaign-gate.yml": "campaigns: [campaigns/**/*.yaml]\n",
  ".hidden/h.yaml": "id: hidden\n",
  ".dot.yaml": "id: dot\n",
  "sub/.dot/d.yaml": "id: d\n",
  "node_modules/x/n.yaml": "id: n\n",
  "lib/node_modules/m.yml": "id: m\n",
  "we ird/s p.yaml": "id: spaced\n",
  "notes.txt": "not yaml\n",
  "a/x.yamlx": "not yaml either\n",
  "dir.yaml/inside.yaml": "id: inside\n",
  "big.yaml": `id: big\n${"# padding\n".repeat(1000)}`,
};
for (const [rel, text] of Object.entries(files)) {
  mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}
symlinkSync(path.join(root, "Promo.YAML"), path.join(root, "link.yaml"));
symlinkSync(path.join(root, "docs"), path.join(root, "linked-docs"));
symlinkSync(path.join(root, "missing.yaml"), path.join(root, "broken.yml"));

const config: Config = {
  campaigns: ["campaigns/**/*.yaml"],
  capacity: "infra/capacity.yaml",
  file: DEFAULT_CONFIG_PATH,
};

describe("listCampaignCandidates", () => {
  it("names exactly the YAML files a glob library's **/*.{yaml,yml} names, minus the campaign globs' files", async () => {
    const reference = await glob(["**/*.yaml", "**/*.yml"], {
      cwd: root,
      onlyFiles: true,
      caseSensitiveMatch: false,
      followSymbolicLinks: false,
      expandDirectories: false,
      ignore: ["**/node_modules/**"],
    });
    const candidates = await listCampaignCandidates(root, config);
    const expected = [...new Set(reference)].sort().filter((p) => p !== "campaigns/sale.yaml");
    expect(candidates.map((c) => c.path)).toEqual(expected);
    // The walk above really saw these cases (the comparison is not vacuous).
    expect(expected).toEqual([
      "Promo.YAML",
      "big.yaml",
      "campaigns/deep/er/winter.yml",
      "dir.yaml/inside.yaml",
      "docs/Old.Yml",
      "infra/capacity.yaml",
      "we ird/s p.yaml",
    ]);
  });

  it("gives each candidate its first 4 KB", async () => {
    const byPath = new Map((await listCampaignCandidates(root, config)).map((c) => [c.path, c.head]));
    expect(byPath.get("Promo.YAML")).toBe(files["Promo.YAML"]);
    expect(byPath.get("big.yaml")).toBe(files["big.yaml"]!.slice(0, 4096));
  });
});

describe("Nothing unseen (README): the CLI warns about campaign-looking files no glob takes", () => {
  it("warns for another capitalisation, a near-miss folder and campaign keys elsewhere, and for nothing else", async () => {
    const repo = mkdtempSync(path.join(tmpdir(), "cg-unseen-"));
    try {
      const campaign = (id: string) =>
        `id: ${id}\nname: ${id}\nowner: "@jane"\ntype: email\nwindow: { start: 2026-12-01T10:00:00Z, end: 2026-12-01T12:00:00Z }\ntargets: [{ site: shop }]\nforecast: { peak_concurrent_users: 10, confidence: model, basis: test }\n`;
      const write = (rel: string, text: string) => {
        mkdirSync(path.join(repo, path.dirname(rel)), { recursive: true });
        writeFileSync(path.join(repo, rel), text);
      };
      write(
        "infra/capacity.yaml",
        "services:\n  web:\n    max_rps: 1000\nsites:\n  shop:\n    baseline_rps: 10\n    uses: { web: 1 }\n",
      );
      write("campaigns/ok.yaml", campaign("ok"));
      write("campaigns/Sale.YAML", campaign("sale"));
      write("campaign/near.yaml", campaign("near"));
      write("elsewhere/promo.yml", campaign("promo"));
      write("elsewhere/other.yaml", "title: not a campaign\n");
      write(".hidden/dot.yaml", campaign("dot"));
      const { runCli } = await import("../cli/run-cli.js");
      const r = await runCli(["check", "--root", repo, "--format", "json"]);
      const report = JSON.parse(r.stdout) as { findings: { rule: string; file: string }[] };
      const unseen = report.findings.filter((f) => f.rule === "unseen").map((f) => f.file);
      expect(unseen.sort()).toEqual(["campaign/near.yaml", "campaigns/Sale.YAML", "elsewhere/promo.yml"]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
