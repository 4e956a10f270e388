// A real install: the packed tarball, installed globally into an empty folder, runs without
// TypeScript, without a build and without the app's dependencies.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const exec = promisify(execFile);
const ACME = path.resolve("examples/acme");

describe("npm pack, then npm install --global of the tarball", () => {
  it("installs the CLI alone and it validates the example", { timeout: 240_000 }, async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as {
      version: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    // The release tarball carries lib/, built by prepack (and by prepare at `npm ci`, which this
    // test relies on: packing here skips the scripts to stay fast).
    expect(pkg.scripts.prepack).toBe("npm run build");
    const dir = await mkdtemp(path.join(tmpdir(), "cg-pack-"));
    const { stdout: packed } = await exec("npm", [
      "pack",
      "--ignore-scripts",
      "--json",
      "--pack-destination",
      dir,
    ]);
    const [info] = JSON.parse(packed) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toContain("lib/cli.js");
    expect(files).toContain("schemas/campaign.schema.json");
    expect(files).toContain("templates/init/infra/capacity.yaml");
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);

    const prefix = path.join(dir, "global");
    await exec(
      "npm",
      [
        "install",
        "--global",
        "--prefix",
        prefix,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        path.join(dir, info!.filename),
      ],
      { cwd: dir },
    );
    const installed = path.join(prefix, "lib/node_modules");
    const modules = await readdir(installed);
    expect(modules).toEqual(["campaign-gate"]);
    const deps = await readdir(path.join(installed, "campaign-gate/node_modules"));
    // The CLI's dependencies only: the app's (probot, octokit) and the Action's (bundled) stay out.
    for (const name of Object.keys(pkg.dependencies)) expect(deps).toContain(name.split("/")[0]);
    expect(deps).not.toContain("probot");
    expect(deps).not.toContain("@octokit");
    expect(deps).not.toContain("@actions");
    expect(deps).not.toContain("typescript");

    const bin = path.join(prefix, "bin/campaign-gate");
    expect((await exec(bin, ["--version"])).stdout).toBe(`${pkg.version}\n`);
    const { stdout } = await exec(bin, ["validate", "--root", ACME]);
    const acmeFiles = (await readdir(path.join(ACME, "campaigns"))).filter((f) => f.endsWith(".yaml")).length;
    expect(stdout).toContain(
      `PASS campaign-gate validate: 0 errors, 0 warnings, 0 notices (${acmeFiles} campaign files found, ${acmeFiles} checked)\n`,
    );
    const init = path.join(dir, "new-repo");
    await exec(bin, ["init", "--root", init]);
    const check = await exec(bin, ["check", "--root", init]);
    expect(check.stdout).toMatch(/^PASS campaign-gate check/m);
  });
});
