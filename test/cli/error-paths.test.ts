// Every documented way to misuse the command line, run as a user runs it: `node bin/campaign-gate.js`
// as a child process (lib/ is built by `npm ci`). Each gives exit status 2 and one plain line on
// stderr — our own words, no stack trace — and leaves no file behind.
import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const BIN = path.resolve("bin/campaign-gate.js");
const ACME = path.resolve("examples/acme");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "cg-errors-"));
  await writeFile(path.join(scratch, "a-file"), "not a folder\n");
});

describe.concurrent("misuse: exit 2, one line, no stack trace", { timeout: 120_000 }, () => {
  const cases: [string, () => string[], RegExp][] = [
    ["an unknown option", () => ["check", "--bogus"], /^campaign-gate: unknown option '--bogus'/],
    [
      "a misspelt option",
      () => ["check", "--rot", "."],
      /unknown option '--rot' \(did you mean '--root'\?\)/,
    ],
    ["an unknown short option", () => ["check", "-x"], /unknown option '-x'/],
    [
      "an option without its value",
      () => ["check", "--now"],
      /--now needs a value, e.g. --now 2026-11-23T09:00:00Z/,
    ],
    ["a value given to a switch", () => ["--help=yes"], /--help takes no value/],
    ["no command", () => [], /missing command/],
    ["an unknown command", () => ["chek"], /unknown command 'chek' \(did you mean 'check'\?\)/],
    ["an extra argument", () => ["check", "extra"], /unexpected argument 'extra'/],
    [
      "an option of another command",
      () => ["init", "--now", "2026-11-23T09:00:00Z"],
      /--now does not apply to 'init'/,
    ],
    [
      "a bad --format",
      () => ["validate", "--format", "markdown"],
      /--format must be one of text, json — found 'markdown'/,
    ],
    [
      "a bad --now",
      () => ["check", "--root", ACME, "--now", "next tuesday"],
      /--now must be an ISO-8601 instant/,
    ],
    [
      "a --root that does not exist",
      () => ["check", "--root", path.join(scratch, "missing")],
      /--root .*missing: no such directory/,
    ],
    [
      "a --root that is a file",
      () => ["validate", "--root", path.join(scratch, "a-file")],
      /--root .*a-file: not a directory/,
    ],
    [
      "an --init root that is a file",
      () => ["init", "--root", path.join(scratch, "a-file")],
      /not a directory/,
    ],
    [
      "a --config that does not exist",
      () => ["check", "--root", ACME, "--config", "nope.yml"],
      /configuration file nope\.yml not found/,
    ],
    [
      "calendar --out into a missing folder",
      () => ["calendar", "--root", ACME, "--out", path.join(scratch, "no/such/dir/c.ics")],
      /the folder .*dir does not exist/,
    ],
    [
      "calendar --out onto a folder",
      () => ["calendar", "--root", ACME, "--out", scratch],
      /is a folder; name a file/,
    ],
    [
      "calendar --out below a file",
      () => ["calendar", "--root", ACME, "--out", path.join(scratch, "a-file", "c.ics")],
      /a-file is not a folder/,
    ],
  ];
  it.each(cases)("%s", async (_name, args, message) => {
    const before = (await readdir(scratch)).sort();
    const { code, stdout, stderr } = await run(args());
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^campaign-gate: [^\n]+ \(see campaign-gate --help\)\n$/);
    expect(stdout).toBe("");
    expect((await readdir(scratch)).sort()).toEqual(before);
  });
});

describe.concurrent("the other exits", { timeout: 120_000 }, () => {
  it("--version prints the package's version", async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("--help prints the usage with every command and exit status", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const word of ["validate", "check", "calendar", "init", "--version", "Exit status: 0"])
      expect(stdout).toContain(word);
  });

  it("exit 1 when the check fails, 0 when it passes", async () => {
    expect((await run(["check", "--root", ACME, "--now", "2026-11-23T09:00:00Z"])).code).toBe(1);
    expect((await run(["validate", "--root", ACME])).code).toBe(0);
  });

  it("calendar --out writes the file and leaves no temporary file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cg-out-"));
    const { code } = await run([
      "calendar",
      "--root",
      ACME,
      "--now",
      "2026-11-23T09:00:00Z",
      "--out",
      path.join(dir, "c.ics"),
    ]);
    expect(code).toBe(0);
    expect(await readdir(dir)).toEqual(["c.ics"]);
  });

  it("stops quietly when the reader of its output goes away (check | head -1)", async () => {
    // Enough findings that the output is far larger than a pipe's buffer.
    const root = await mkdtemp(path.join(tmpdir(), "cg-epipe-"));
    await mkdir(path.join(root, "campaigns"));
    await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        writeFile(path.join(root, `campaigns/c${i}.yaml`), `id: Not A Slug ${i}\nname: x\n`),
      ),
    );
    const child = spawn(process.execPath, [BIN, "validate", "--root", root], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });
});
