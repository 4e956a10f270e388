/**
 * Never outside the root: no path the repository controls (configuration paths and globs, links
 * at any level, `..`, absolute paths) makes the CLI read a file outside the repository, and such a
 * path is a finding that names it without echoing what it points to. Unreadable files and special
 * files are findings too, never crashes or hangs; linked campaign files are never skipped silently.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readLocalRepository } from "../../src/io/local-repo.js";
import { runCli } from "../cli/run-cli.js";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = "TOP-SECRET-0xC0FFEE";
const CAPACITY =
  "services:\n  web:\n    max_rps: 1000\nsites:\n  shop:\n    baseline_rps: 10\n    uses: { web: 1 }\n";
const campaign = (id: string, extra = "") =>
  `id: ${id}\nname: ${id}\nowner: "@jane"\ntype: email\nwindow: { start: 2026-12-01T10:00:00Z, end: 2026-12-01T12:00:00Z }\ntargets: [{ site: shop }]\nforecast: { peak_concurrent_users: 10, confidence: model, basis: test }\n${extra}`;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/**
 * A repository at <tmp>/repo with a valid capacity file and one campaign, next to <tmp>/outside
 * holding files whose content must never appear anywhere (a secret capacity file and campaign).
 */
function world(): { repo: string; outside: string } {
  const base = mkdtempSync(path.join(tmpdir(), "cg-safety-"));
  dirs.push(base);
  const repo = path.join(base, "repo");
  const outside = path.join(base, "outside");
  mkdirSync(path.join(repo, "infra"), { recursive: true });
  mkdirSync(path.join(repo, "campaigns"), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(repo, "infra/capacity.yaml"), CAPACITY);
  writeFileSync(path.join(repo, "campaigns/ok.yaml"), campaign("ok"));
  writeFileSync(path.join(outside, "capacity.yaml"), `${SECRET}: [\n`);
  writeFileSync(path.join(outside, "secret.yaml"), campaign("secret-campaign", `notes: ${SECRET}\n`));
  return { repo, outside };
}

async function check(repo: string) {
  const r = await runCli(["check", "--root", repo, "--format", "json"]);
  const all = r.stdout + r.stderr;
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain("secret-campaign");
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const report = JSON.parse(r.stdout) as {
    verdict: string;
    findings: { rule: string; file: string; message: string }[];
  };
  return { ...r, report };
}

const config = (repo: string, text: string) => {
  mkdirSync(path.join(repo, ".github"), { recursive: true });
  writeFileSync(path.join(repo, ".github/campaign-gate.yml"), text);
};

/** Replaces `infra` by a link to `outside`: the capacity file on it is refused, naming the folder. */
async function expectLinkedInfraRefused(repo: string, outside: string): Promise<void> {
  rmSync(path.join(repo, "infra"), { recursive: true });
  symlinkSync(outside, path.join(repo, "infra"));
  const { report } = await check(repo);
  const f = report.findings.find((x) => x.rule === "unreadable");
  expect(f).toMatchObject({ file: "infra/capacity.yaml" });
  expect(f!.message).toContain("The folder `infra` is a symbolic link");
}
describe("never outside the root", () => {
  it("does not follow a capacity file that is a link to a file outside", async () => {
    const { repo, outside } = world();
    rmSync(path.join(repo, "infra/capacity.yaml"));
    symlinkSync(path.join(outside, "capacity.yaml"), path.join(repo, "infra/capacity.yaml"));
    const { code, report } = await check(repo);
    expect(code).toBe(1);
    const f = report.findings.find((x) => x.rule === "unreadable");
    expect(f).toMatchObject({ file: "infra/capacity.yaml" });
    expect(f!.message).toContain("symbolic link");
  });

  it("does not follow a linked folder on the capacity file's path (`infra` → outside)", async () => {
    const { repo, outside } = world();
    await expectLinkedInfraRefused(repo, outside);
  });

  it("reads a path written unevenly (`./`, `//`, `/./`) under any spelling of the root, and still refuses a linked folder on it", async () => {
    for (const p of ["./infra/capacity.yaml", "infra//capacity.yaml", "infra/./capacity.yaml"]) {
      const { repo, outside } = world();
      config(repo, `capacity: ${p}\n`);
      const relative = path.relative(process.cwd(), repo);
      for (const root of [repo, `${repo}/`, `${repo}/.`, relative]) {
        const read = await readLocalRepository(root);
        expect(read.capacity).toEqual({ path: "infra/capacity.yaml", text: CAPACITY });
        expect(read.campaigns.map((c) => c.path)).toEqual(["campaigns/ok.yaml"]);
      }
      await expectLinkedInfraRefused(repo, outside);
    }
  });

  it("refuses `capacity: ../outside/capacity.yaml` and an absolute capacity path, naming them", async () => {
    for (const p of ["../outside/capacity.yaml", "/etc/passwd", "infra/../../outside/capacity.yaml"]) {
      const { repo } = world();
      config(repo, `capacity: ${p}\n`);
      const { code, report } = await check(repo);
      expect(code).toBe(1);
      const f = report.findings.find((x) => x.file === ".github/campaign-gate.yml");
      expect(f?.message).toContain(`\`${p}\``);
      expect(f?.message).toContain("outside the repository");
    }
  });

  it("refuses campaign globs that leave the repository (`..`, absolute, inside braces)", async () => {
    for (const glob of ["../outside/*.yaml", "/tmp/**/*.yaml", "{campaigns,../outside}/*.yaml"]) {
      const { repo } = world();
      config(repo, `campaigns: ["${glob}"]\n`);
      const { report } = await check(repo);
      const f = report.findings.find((x) => x.file === ".github/campaign-gate.yml");
      expect(f?.message, glob).toContain("outside the repository");
    }
  });

  it("reports a linked campaign file (to outside, and even inside) instead of skipping it", async () => {
    const { repo, outside } = world();
    symlinkSync(path.join(outside, "secret.yaml"), path.join(repo, "campaigns/linked.yaml"));
    symlinkSync(path.join(repo, "campaigns/ok.yaml"), path.join(repo, "campaigns/alias.yaml"));
    const { code, report } = await check(repo);
    expect(code).toBe(1);
    const files = report.findings.filter((x) => x.rule === "unreadable").map((x) => x.file);
    expect(files).toEqual(["campaigns/alias.yaml", "campaigns/linked.yaml"]);
  });

  it("reports a linked folder inside the campaigns folder, and a campaigns folder that is a link", async () => {
    const { repo, outside } = world();
    symlinkSync(outside, path.join(repo, "campaigns/more"));
    const first = await check(repo);
    expect(first.report.findings.filter((x) => x.rule === "unreadable").map((x) => x.file)).toEqual([
      "campaigns/more",
    ]);
    const other = world();
    rmSync(path.join(other.repo, "campaigns"), { recursive: true });
    symlinkSync(other.outside, path.join(other.repo, "campaigns"));
    const second = await check(other.repo);
    expect(second.report.findings.filter((x) => x.rule === "unreadable").map((x) => x.file)).toEqual([
      "campaigns",
    ]);
  });

  it("refuses --config outside the root (exit 2, one line)", async () => {
    const { repo, outside } = world();
    writeFileSync(path.join(outside, "c.yml"), `capacity: ${SECRET}\n`);
    const r = await runCli(["check", "--root", repo, "--config", path.join(outside, "c.yml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("outside the repository");
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });
});

describe("files that cannot be read", () => {
  it("reports a named pipe (FIFO) as a finding, without hanging on it", async () => {
    const { repo } = world();
    const fifo = path.join(repo, "campaigns/pipe.yaml");
    const made = spawnSync("mkfifo", [fifo]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
    const { code, report } = await check(repo);
    expect(code).toBe(1);
    const f = report.findings.find((x) => x.rule === "unreadable");
    expect(f).toMatchObject({ file: "campaigns/pipe.yaml" });
    expect(f!.message).toContain("not a regular file");
  }, 20_000);

  it("reports a capacity file that is a named pipe", async () => {
    const { repo } = world();
    rmSync(path.join(repo, "infra/capacity.yaml"));
    spawnSync("mkfifo", [path.join(repo, "infra/capacity.yaml")]);
    const { report } = await check(repo);
    expect(report.findings.some((x) => x.rule === "unreadable" && x.file === "infra/capacity.yaml")).toBe(
      true,
    );
  }, 20_000);

  it("reports an unreadable campaign file (EACCES) as a finding, not a crash", () => {
    const { repo } = world();
    const file = path.join(repo, "campaigns/locked.yaml");
    writeFileSync(file, campaign("locked"));
    chmodSync(file, 0o000);
    // root reads through permission bits, so as root the CLI runs as an unprivileged user instead.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      for (let d = repo; d !== path.dirname(d); d = path.dirname(d)) {
        if (d.startsWith(tmpdir()) || d === tmpdir()) chmodSync(d, 0o755);
      }
      chmodSync(path.join(repo, "campaigns"), 0o755);
    }
    const r = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, "bin/campaign-gate.js"), "check", "--root", repo, "--format", "json"],
      { encoding: "utf8", ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; file: string; message: string }[] };
    const f = report.findings.find((x) => x.rule === "unreadable");
    expect(f).toMatchObject({ file: "campaigns/locked.yaml" });
    expect(f!.message).toContain("permission denied");
  }, 20_000);

  it("reads 2,000 campaign files of one folder in file order, with exact sizes (incl. empty and multi-byte)", async () => {
    const { repo } = world();
    for (let i = 0; i < 2000; i++)
      writeFileSync(
        path.join(repo, `campaigns/c-${String(i).padStart(4, "0")}.yaml`),
        campaign(`c-${i}`, "notes: été ✓\n"),
      );
    writeFileSync(path.join(repo, "campaigns/empty.yaml"), "");
    const read = await readLocalRepository(repo);
    expect(read.campaigns).toHaveLength(2002);
    expect(read.campaigns[0]!.path).toBe("campaigns/c-0000.yaml");
    expect(read.campaigns[1999]!.text).toBe(campaign("c-1999", "notes: été ✓\n"));
    expect(read.campaigns.find((c) => c.path === "campaigns/empty.yaml")!.text).toBe("");
  });

  it("reads each file whole and alone, around the shared read buffer's size and past the read limit", async () => {
    const { repo } = world();
    // Sizes around 64 KiB (the shared buffer), a multi-byte character across its edge, and a
    // file past the 2 MiB read limit (read only that far, so the loader reports it as too large).
    const texts = new Map<string, string>();
    for (const [name, bytes] of [
      ["a-small", 100],
      ["b-edge-1", 64 * 1024 - 2],
      ["c-edge", 64 * 1024 - 1],
      ["d-edge+1", 64 * 1024],
      ["e-small", 50],
      ["f-big", 300_000],
      ["g-small", 30],
    ] as const) {
      const text = `# ${name}\n${"x".repeat(bytes - name.length - 6)}é\n`;
      texts.set(`campaigns/${name}.yaml`, text);
      writeFileSync(path.join(repo, `campaigns/${name}.yaml`), text);
    }
    writeFileSync(path.join(repo, "campaigns/h-huge.yaml"), Buffer.alloc(3 * 1024 * 1024, 0x61));
    const read = await readLocalRepository(repo);
    for (const [file, text] of texts) expect(read.campaigns.find((c) => c.path === file)!.text).toBe(text);
    expect(read.campaigns.find((c) => c.path === "campaigns/h-huge.yaml")!.text).toBe(
      "a".repeat(2 * 1024 * 1024 + 1),
    );
  });
});
