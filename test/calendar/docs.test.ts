// What docs/calendar.md promises, checked against the CLI and the identity lookup.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryFromRemoteUrl, repositoryIdentity } from "../../src/io/repository-identity.js";
import { runCli } from "../cli/run-cli.js";
import { CAPACITY_HEAD, calendar, campaignYaml, parseBoth, writeRepo } from "./helpers.js";

describe("docs/calendar.md", () => {
  it("shows the usage, UID form, PRODID and categories the CLI produces", async () => {
    const doc = await readFile("docs/calendar.md", "utf8");
    const usage = (await runCli(["--help"])).stdout;
    for (const line of /```\n(campaign-gate calendar[^`]*)```/.exec(doc)![1]!.trim().split("\n"))
      expect(usage).toContain(line.trim());
    const { stdout } = await runCli([
      "calendar",
      "--root",
      "examples/acme",
      "--now",
      "2026-11-23T09:00:00Z",
      "--repo",
      "acme/campaigns",
    ]);
    const events = parseBoth(stdout);
    expect(doc).toContain("`campaign-black-friday-2026/acme/campaigns@campaign-gate`");
    expect(events.map((e) => e.uid)).toContain("campaign-black-friday-2026/acme/campaigns@campaign-gate");
    expect(doc).toContain("`-//campaign-gate//Campaign calendar//EN`");
    expect(stdout).toContain("PRODID:-//campaign-gate//Campaign calendar//EN\r\n");
    for (const category of ["Campaign", "IT maintenance", "Change freeze", "Ended"]) {
      expect(doc).toContain(`\`${category}\``);
      expect(
        events.some((e) => e.categories.includes(category)),
        category,
      ).toBe(true);
    }
    expect(events.some((e) => /\[(cannot be held|IT must prepare)\]$/.test(e.summary))).toBe(true);
    expect(stdout.match(/^BEGIN:VEVENT$/gm)!.length).toBe(stdout.match(/^TRANSP:TRANSPARENT\r$/gm)!.length);
  });

  it("leaves campaigns with errors out, says why on standard error, exits 1 and still writes the feed", async () => {
    const root = await writeRepo(CAPACITY_HEAD, {
      good: campaignYaml({
        id: "good",
        window: "window: { start: 2026-12-01T10:00:00Z, end: 2026-12-02T10:00:00Z }",
      }),
      bad: campaignYaml({
        id: "bad",
        site: "nowhere",
        window: "window: { start: 2026-12-01T10:00:00Z, end: 2026-12-02T10:00:00Z }",
      }),
    });
    const { code, stdout, stderr } = await calendar(root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^campaigns\/bad\.yaml:\d+:\d+ {2}unknown-site /);
    expect(parseBoth(stdout).map((e) => e.uid)).toEqual(["campaign-good/acme/campaigns@campaign-gate"]);
  });

  it("finds the repository in --repo, GITHUB_REPOSITORY, the origin remote, else a local hash", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cg-id-"));
    expect(await repositoryIdentity(root, "a/b", { GITHUB_REPOSITORY: "c/d" })).toBe("a/b");
    expect(await repositoryIdentity(root, undefined, { GITHUB_REPOSITORY: "c/d" })).toBe("c/d");
    const local = await repositoryIdentity(root, undefined, {});
    expect(local).toMatch(/^local-[0-9a-f]{16}$/);
    expect(await repositoryIdentity(root, undefined, {})).toBe(local);
    await mkdir(path.join(root, ".git"));
    await writeFile(
      path.join(root, ".git", "config"),
      '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/campaigns.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
    );
    expect(await repositoryIdentity(root, undefined, {})).toBe("acme/campaigns");
    expect(repositoryFromRemoteUrl("https://github.com/acme/campaigns")).toBe("acme/campaigns");
    expect(repositoryFromRemoteUrl("https://ghe.example/acme/campaigns.git/")).toBe("acme/campaigns");
  });
});
