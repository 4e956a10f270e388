/**
 * The fork-PR case of "never outside the root": the Action checks out a pull request's files, so a
 * fork can commit links and `..` paths. Run as a runner runs the bundle, the files they point to
 * (here a secret next to the workspace) must never be read into any output — annotations, job
 * summary, report, outputs or the PR comment — and each such path must be a finding naming it.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import examples from "@octokit/webhooks-examples" with { type: "json" };
import { afterEach, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { repoRoot, runBundle, workspaceFrom } from "./run-bundle.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook payloads are deep, loosely typed JSON
type Payload = Record<string, any>;
const SECRET = "RUNNER-SECRET-0xBADC0DE";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

let gh: FakeGitHub | undefined;
afterEach(async () => {
  if (gh) {
    expect(gh.violations).toEqual([]);
    await gh.close();
    gh = undefined;
  }
});

it("on a fork PR, links and `..` paths to files outside the workspace are findings, never read or echoed", async () => {
  const synchronize = (examples as unknown as { name: string; examples: Payload[] }[])
    .find((e) => e.name === "pull_request")!
    .examples.find((e) => e.action === "synchronize")!;
  const event = structuredClone(synchronize);
  event.pull_request.head.sha = HEAD;
  event.pull_request.head.repo.fork = true;
  event.pull_request.changed_files = 3;
  const changed = ["infra/capacity.yaml", "campaigns/linked.yaml", ".github/campaign-gate.yml"];

  const ws = await workspaceFrom(path.join(repoRoot, "test/fixtures/action/shop"));
  // Beside the workspace, as on a runner: files the fork must not reach.
  const outside = path.join(path.dirname(ws), `${path.basename(ws)}-outside`);
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, "secret.yaml"), `${SECRET}: [\n`);
  writeFileSync(
    path.join(outside, "campaign.yaml"),
    `id: stolen\nname: ${SECRET}\nowner: "@x"\ntype: email\nwindow: { start: 2026-12-01T10:00:00Z, end: 2026-12-01T12:00:00Z }\ntargets: [{ site: shop }]\nforecast: { peak_concurrent_users: 10, confidence: model, basis: x }\n`,
  );
  symlinkSync(path.join(outside, "campaign.yaml"), path.join(ws, "campaigns/linked.yaml"));
  mkdirSync(path.join(ws, ".github"), { recursive: true });
  writeFileSync(
    path.join(ws, ".github/campaign-gate.yml"),
    `capacity: ../${path.basename(outside)}/secret.yaml\ncampaigns: ["campaigns/**/*.yaml", "../${path.basename(outside)}/*.yaml"]\n`,
  );

  gh = await startFakeGitHub({
    "GET /repos/{owner}/{repo}/pulls/{pull_number}": () => ({ body: event.pull_request }),
    // The capacity file at the base (the trusted branch), for the maintenance announcements.
    "GET /repos/{owner}/{repo}/contents/{path}": () => ({ status: 404, body: { message: "Not Found" } }),
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/files": () => ({
      body: changed.map((filename, i) => ({
        sha: String(i).padStart(40, "a"),
        filename,
        status: "modified",
        additions: 1,
        deletions: 0,
        changes: 1,
        blob_url: `https://github.com/Codertocat/Hello-World/blob/${HEAD}/${filename}`,
        raw_url: `https://github.com/Codertocat/Hello-World/raw/${HEAD}/${filename}`,
        contents_url: `https://api.github.com/repos/Codertocat/Hello-World/contents/${filename}?ref=${HEAD}`,
      })),
    }),
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": () => ({ body: [] }),
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": () => ({
      status: 403,
      body: { message: "Resource not accessible by integration" },
    }),
  });
  const bodies: string[] = [];
  const run = await runBundle({ eventName: "pull_request", event, workspace: ws, apiUrl: gh.url });
  for (const r of gh.requests) bodies.push(JSON.stringify(r.body ?? ""));
  const report = readFileSync(run.outputs.report!, "utf8");
  const everything = [
    run.stdout,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    report,
    ...bodies,
  ].join("\n");
  expect(everything).not.toContain(SECRET);
  expect(everything).not.toContain("stolen");
  expect(run.code).toBe(1);
  const findings = (JSON.parse(report) as { findings: { rule: string; file: string; message: string }[] })
    .findings;
  const messages = findings.map((f) => `${f.file}: ${f.message}`).join("\n");
  expect(messages).toContain(`campaigns/linked.yaml: \`campaigns/linked.yaml\` is a symbolic link`);
  expect(messages).toContain(
    `\`capacity\` \`../${path.basename(outside)}/secret.yaml\` points outside the repository`,
  );
  expect(messages).toContain(
    `The campaigns glob \`../${path.basename(outside)}/*.yaml\` points outside the repository`,
  );
}, 60_000);
