// The command line as the README and docs describe it: the usage lines, every option they show,
// the exit statuses and the README's JSON example are checked against the real command.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptedOptions, main, USAGE } from "../../src/cli.js";
import { LIST_LIMIT } from "../../src/core/format.js";
import { JSON_LIST_LIMIT } from "../../src/report/json.js";
import { runCli } from "../cli/run-cli.js";

const DOCS = [
  "README.md",
  "docs/DESIGN.md",
  "docs/action.md",
  "docs/coordination.md",
  "docs/decisions.md",
  "examples/acme/README.md",
];

/** The first ```lang block after `marker` in `text`. */
function blockAfter(text: string, marker: string, lang: string): string {
  const from = text.indexOf(marker);
  expect(from, marker).toBeGreaterThan(-1);
  const match = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(text.slice(from));
  expect(match, marker).not.toBeNull();
  return match![1]!;
}

/** "campaign-gate check [--root DIR] …" synopsis lines, continuation lines joined, spaces squeezed. */
function synopses(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t.startsWith("campaign-gate ") && !t.includes(" — ")) out.push(t);
    else if (t.startsWith("[") && out.length > 0) out[out.length - 1] += ` ${t}`;
  }
  return out.map((l) => l.replace(/\s+/g, " "));
}

describe("README and DESIGN describe the real command line", () => {
  it("their usage blocks are the usage of --help, plus --version and --help", async () => {
    const expected = [...synopses(USAGE), "campaign-gate --version", "campaign-gate --help"];
    expect(expected.length).toBe(8);
    const readme = await readFile("README.md", "utf8");
    const design = await readFile("docs/DESIGN.md", "utf8");
    expect(synopses(blockAfter(readme, "## Command line", ""))).toEqual(expected);
    expect(synopses(blockAfter(design, "## 4. Command line", ""))).toEqual(expected);
  });

  it("every campaign-gate command written in the docs uses options its command accepts", async () => {
    let commands = 0;
    for (const doc of DOCS) {
      const text = await readFile(doc, "utf8");
      for (const match of text.matchAll(/campaign-gate (validate|check|calendar|init|\w+)\b([^`\n]*)/g)) {
        const [, command, rest] = match;
        const accepted = acceptedOptions(command!);
        if (!accepted) continue; // prose such as "campaign-gate checks"
        commands++;
        for (const [, option] of rest!.matchAll(/--([a-z-]+)/g))
          expect(accepted, `${doc}: ${match[0]}`).toContain(option);
      }
    }
    expect(commands).toBeGreaterThan(8);
  });

  it("the exit statuses they state are the ones --help states", async () => {
    const statuses =
      /Exit status: 0[^.]*?, 1 (the check )?fail(ed)?, 2 the command (itself )?was misused,\s+3 campaign-gate\s+itself failed/;
    expect(USAGE).toMatch(statuses);
    for (const doc of ["README.md", "docs/DESIGN.md"])
      expect(await readFile(doc, "utf8"), doc).toMatch(statuses);
  });

  it("exit status 3: campaign-gate's own failure is one line, no stack trace", async () => {
    let stderr = "";
    const code = await main(["validate", "--root", "examples/acme"], {
      stdout: () => {
        throw new TypeError("cannot write");
      },
      stderr: (t) => (stderr += t),
      isTTY: false,
      cwd: process.cwd(),
      clock: () => 0,
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(
      /^campaign-gate: internal error: cannot write — this is a bug in campaign-gate; please report it .*\n$/,
    );
  });
});

describe("the limits the docs state", () => {
  it("are the limits of the code", async () => {
    const readme = (await readFile("README.md", "utf8")).replace(/\s+/g, " ");
    const design = (await readFile("docs/DESIGN.md", "utf8")).replace(/\s+/g, " ");
    expect(LIST_LIMIT).toBe(5);
    for (const doc of [readme, design]) expect(doc).toContain("name at most five campaigns");
    expect(readme).toContain(`keep their first ${JSON_LIST_LIMIT} ids`);
    expect(design).toContain(`keep their first ${JSON_LIST_LIMIT} and give`);
  });
});

describe("the README's JSON example", () => {
  it("is exactly what check prints for the README's three files", async () => {
    const readme = await readFile("README.md", "utf8");
    const yamlAfter = (heading: string) => blockAfter(readme, `\n${heading}\n`, "yaml");
    const root = await mkdtemp(path.join(tmpdir(), "cg-readme-json-"));
    for (const dir of ["campaigns", "infra", ".github"]) await mkdir(path.join(root, dir));
    await writeFile(path.join(root, "campaigns/black-friday.yaml"), yamlAfter("### A campaign"));
    await writeFile(path.join(root, "infra/capacity.yaml"), yamlAfter("### The capacity file"));
    await writeFile(path.join(root, ".github/campaign-gate.yml"), yamlAfter("### The configuration"));
    const command = /`campaign-gate (check --now (\S+) --format json)` prints/.exec(readme);
    expect(command).not.toBeNull();
    const { code, stdout } = await runCli([...command![1]!.split(" "), "--root", root]);
    expect(code).toBe(1);
    expect(JSON.parse(blockAfter(readme, command![0], "json"))).toEqual(JSON.parse(stdout));
  });
});
