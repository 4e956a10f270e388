// The README's dashboard section: its fit example is what the command prints, its picture exists.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

describe("README: dashboard and fit", () => {
  it("shows the output `campaign-gate fit` prints", async () => {
    const readme = await readFile("README.md", "utf8");
    const section = readme.slice(readme.indexOf('## Dashboard and "when can I run it?"'));
    const block = /```\n\$ campaign-gate (.*)\n([\s\S]*?)```/.exec(section)!;
    const { code, stdout } = await runCli(block[1]!.split(" "));
    expect(stdout).toBe(block[2]);
    expect(code).toBe(0);
    expect(section).toContain("![The dashboard of the Acme example](docs/img/dashboard.png)");
    expect(existsSync("docs/img/dashboard.png")).toBe(true);
  });
});
