// The README's file examples are what users copy first: they must validate as they stand.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

/** The first ```yaml block after a heading of the README. */
function yamlAfter(readme: string, heading: string): string {
  const from = readme.indexOf(`\n${heading}\n`);
  expect(from, heading).toBeGreaterThan(-1);
  const match = /```yaml\n([\s\S]*?)```/.exec(readme.slice(from));
  expect(match, heading).not.toBeNull();
  return match![1]!;
}

describe("README examples", () => {
  it("the campaign, capacity file and configuration validate together", async () => {
    const readme = await readFile("README.md", "utf8");
    const root = await mkdtemp(path.join(tmpdir(), "cg-readme-"));
    for (const dir of ["campaigns", "infra", ".github"]) await mkdir(path.join(root, dir));
    await writeFile(path.join(root, "campaigns/black-friday.yaml"), yamlAfter(readme, "### A campaign"));
    await writeFile(path.join(root, "infra/capacity.yaml"), yamlAfter(readme, "### The capacity file"));
    await writeFile(path.join(root, ".github/campaign-gate.yml"), yamlAfter(readme, "### The configuration"));
    const { code, stdout } = await runCli(["validate", "--root", root, "--format", "json"]);
    expect(JSON.parse(stdout).findings).toEqual([]);
    expect(code).toBe(0);
  });
});
