import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const ACME = "examples/acme";
const NOW = "2026-11-23T09:00:00Z";

describe("campaign-gate validate", () => {
  it("validates the bundled example with a JSON report of DESIGN section 4", async () => {
    const { code, stdout } = await runCli(["validate", "--root", ACME, "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ version: 1, verdict: "pass", findings: [], services: [], plan: [] });
    expect(report.now).toBe("2026-11-23T09:00:00.000Z");
  });

  it("prints findings as clickable file:line:column, without colour off a terminal", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cg-cli-"));
    await mkdir(path.join(root, "campaigns"), { recursive: true });
    await mkdir(path.join(root, "infra"), { recursive: true });
    await writeFile(
      path.join(root, "infra/capacity.yaml"),
      await readFile(path.join(ACME, "infra/capacity.yaml")),
    );
    await writeFile(path.join(root, "campaigns/bad.yaml"), "id: Bad Id\nname: x\n");
    const plain = await runCli(["validate", "--root", root]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^ {2}campaigns\/bad\.yaml:\d+:\d+ {2}error/m);
    expect(plain.stdout).not.toContain("\u001b[");
    expect(plain.stdout).toMatch(/FAIL campaign-gate validate: \d+ errors?/);
    const tty = await runCli(["validate", "--root", root], { isTTY: true });
    expect(tty.stdout).toContain("\u001b[31m");
  });
});

describe("campaign-gate check", () => {
  it("fails on the example with at least one failing and one warning campaign", async () => {
    const { code, stdout } = await runCli(["check", "--root", ACME, "--now", NOW, "--format", "json"]);
    const report = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(report.verdict).toBe("fail");
    const statuses = report.campaigns.map((c: { status: string }) => c.status);
    expect(statuses).toContain("error");
    expect(statuses).toContain("warning");
    for (const f of report.findings) {
      expect(f).toEqual(
        expect.objectContaining({
          rule: expect.any(String),
          file: expect.any(String),
          line: expect.any(Number),
          column: expect.any(Number),
          counted: true,
        }),
      );
    }
    expect(report.services.length).toBeGreaterThan(0);
    expect(report.plan.length).toBeGreaterThan(0);
  });

  it("gives exactly the outcomes examples/acme/README.md explains", async () => {
    const report = JSON.parse(
      (await runCli(["check", "--root", ACME, "--now", NOW, "--format", "json"])).stdout,
    );
    const status = Object.fromEntries(
      report.campaigns.map((c: { id: string; status: string }) => [c.id, c.status]),
    );
    expect(status).toEqual({
      "black-friday-2026": "ok",
      "christmas-2026": "error",
      "tv-spot-season-finale-2027": "warning",
      "outlet-winter-clearance-email": "ok",
      "kids-winter-craft-challenge": "warning",
      "spring-collection-press-launch": "ok",
      "halloween-costume-contest-2026": "past",
      "winter-sale-2027": "ok",
      "winter-sale-email-2027": "ok",
      "winter-sale-tv-spot-2027": "ok",
    });
    expect(report.plan).toEqual([
      { service: "web-shop", instances: 42, by: "2026-12-03T05:00:00.000Z", campaigns: ["christmas-2026"] },
      {
        service: "web-cms",
        instances: 20,
        by: "2026-12-15T00:00:00.000Z",
        campaigns: ["kids-winter-craft-challenge", "tv-spot-season-finale-2027"],
      },
    ]);
    const rules = report.findings.map((f: { rule: string; campaign?: string; service?: string }) =>
      [f.rule, f.campaign, f.service].join(" "),
    );
    expect(rules.sort()).toEqual(
      [
        "capacity christmas-2026 shared-db",
        "notice christmas-2026 web-shop",
        "scale-up christmas-2026 web-shop",
        "scale-up kids-winter-craft-challenge web-cms",
        "scale-up tv-spot-season-finale-2027 web-cms",
        "past halloween-costume-contest-2026 ",
      ].sort(),
    );
  });

  it("counts only what a changed file causes with --changed", async () => {
    const all = JSON.parse(
      (await runCli(["check", "--root", ACME, "--now", NOW, "--format", "json"])).stdout,
    );
    const files = (await readdir(path.join(ACME, "campaigns"))).sort();
    const okCampaign = all.campaigns.find(
      (c: { status: string }) => c.status === "ok" || c.status === "notice",
    );
    expect(okCampaign).toBeDefined();
    const { code, stdout } = await runCli([
      "check",
      "--root",
      ACME,
      "--now",
      NOW,
      "--format",
      "json",
      "--changed",
      okCampaign.file,
    ]);
    const report = JSON.parse(stdout);
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(report.services).toEqual(all.services);
    expect(report.findings.length).toBe(all.findings.length);
    expect(report.findings.some((f: { counted: boolean }) => !f.counted)).toBe(true);
    expect(code).toBe(report.verdict === "fail" ? 1 : 0);
  });

  it("renders markdown and text", async () => {
    const md = await runCli(["check", "--root", ACME, "--now", NOW, "--format", "markdown"]);
    expect(md.stdout).toMatch(/^## ❌ campaign-gate/);
    expect(md.stdout).toContain("### Plan for IT");
    expect(md.stdout).toContain("```mermaid");
    const text = await runCli(["check", "--root", ACME, "--now", NOW]);
    expect(text.stdout).toContain("Plan for IT");
    expect(text.stdout).toMatch(/FAIL campaign-gate check/);
  });
});

describe("misuse exits 2 with a plain message", () => {
  it.each([
    [["check", "--bogus"], /^campaign-gate: unknown option '--bogus' \(see campaign-gate --help\)\n$/],
    [["check", "--now", "next tuesday"], /--now must be an ISO-8601 instant/],
    [["frobnicate"], /unknown command 'frobnicate'/],
    [[], /missing command/],
    [["validate", "--format", "markdown"], /--format must be one of text, json/],
    [["init", "--now", NOW], /--now does not apply to 'init'/],
    [["check", "--root", ACME, "--config", "nope.yml"], /configuration file nope\.yml not found/],
  ])("%j", async (args, message) => {
    const { code, stderr, stdout } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
  });

  it("--help prints usage and exits 0", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("campaign-gate check");
  });
});

describe("campaign-gate init", () => {
  it("scaffolds a repository that checks clean, and never overwrites", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cg-init-"));
    const first = await runCli(["init", "--root", root]);
    expect(first.code).toBe(0);
    const check = await runCli(["check", "--root", root, "--format", "json"]);
    expect(JSON.parse(check.stdout).findings).toEqual([]);
    expect(check.code).toBe(0);
    await writeFile(path.join(root, "infra/capacity.yaml"), "# mine\n");
    const again = await runCli(["init", "--root", root]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to add");
    expect(await readFile(path.join(root, "infra/capacity.yaml"), "utf8")).toBe("# mine\n");
  });

  it("adds only the files that are missing and keeps the others as they are", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cg-init-"));
    await mkdir(path.join(root, "infra"));
    await writeFile(path.join(root, "infra/capacity.yaml"), "# mine\n");
    const { code, stdout } = await runCli(["init", "--root", root]);
    expect(code).toBe(0);
    expect(stdout).toContain("Created:\n  .github/campaign-gate.yml\n  campaigns/example-launch.yaml\n");
    expect(stdout).toContain("Kept (already present, not changed):\n  infra/capacity.yaml\n");
    expect(await readFile(path.join(root, "infra/capacity.yaml"), "utf8")).toBe("# mine\n");
    expect(await readdir(path.join(root, "campaigns"))).toEqual(["example-launch.yaml"]);
  });

  it("creates a root that does not exist yet", async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), "cg-init-")), "new-repo");
    const { code } = await runCli(["init", "--root", root]);
    expect(code).toBe(0);
    expect((await readdir(root)).sort()).toEqual([".github", "campaigns", "infra"]);
  });
});

describe("the bin entry", () => {
  it("runs with plain node", async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      "bin/campaign-gate.js",
      "validate",
      "--root",
      ACME,
      "--format",
      "json",
    ]);
    expect(JSON.parse(stdout).verdict).toBe("pass");
  });
});
