/**
 * The Action's imperative shell: read inputs and the checkout, run the shared check, publish
 * annotations, job summary, JSON report, outputs and the sticky PR comment, and set the exit.
 * Every decision is made by pure functions (runCheck, selectAnnotations, decideComment, …).
 */
import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import { runCheckModel } from "../core/check.js";
import { describePlace, riskOnThread, type RiskPlace } from "../worker/risk-thread.js";
import { parseNow } from "../core/now.js";
import type { Verdict } from "../core/findings.js";
import type { Report } from "../core/report.js";
import { readLocalRepository, UsageError } from "../io/local-repo.js";
import { listCampaignCandidates } from "../io/campaign-candidates.js";
import {
  ANNOTATIONS_PER_LEVEL,
  leftOverNote,
  selectAnnotations,
  type AnnotationBudget,
} from "../report/annotations.js";
import { buildJobSummary, describeScope, type CheckScope } from "../report/job-summary.js";
import { renderJsonParts } from "../report/json.js";
import { parseReportFile, peakUtilization } from "../report/report-file.js";
import type { GitHubClient } from "../github/client.js";
import { announcementsSection } from "./announcements.js";
import { blobUrl, readActionContext, readTriggeringRun, type ActionContext } from "./context.js";
import { changedPaths, listPullFiles } from "../github/pull-files.js";
import { statusOf, upsertStickyComment, type StickyCommentOutcome } from "../github/sticky-comment.js";

export type FailOn = "error" | "warning" | "never";

/**
 * The step's own messages count against GitHub's per-step limit too, so findings leave room for
 * them: the failure message (error), an incomplete file list or failed comment (warnings), the
 * left-over note and a skipped comment (notices). Otherwise GitHub would silently drop some.
 */
const FINDINGS_BUDGET: AnnotationBudget = {
  error: ANNOTATIONS_PER_LEVEL - 1,
  warning: ANNOTATIONS_PER_LEVEL - 2,
  notice: ANNOTATIONS_PER_LEVEL - 2,
};

export interface ActionInputs {
  config?: string;
  token: string;
  comment: boolean;
  failOn: FailOn;
  /** Path of a report.json to publish as the PR comment instead of checking (workflow_run mode). */
  commentFrom?: string;
  /** Write the dashboard (input `dashboard`, default true). */
  dashboard: boolean;
  /** Where the dashboard is published (input `pages-url`), linked from the comment and summary. */
  pagesUrl?: string;
}

/** Whether the verdict fails the step under `fail-on`. */
export function failsStep(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return verdict === "fail" || (failOn === "warning" && verdict === "warn");
}

/** Reads and checks the inputs of action.yml; a wrong value is a plain error. */
export function readInputs(): ActionInputs {
  const failOn = core.getInput("fail-on") || "error";
  if (failOn !== "error" && failOn !== "warning" && failOn !== "never") {
    throw new UsageError(`The input fail-on must be error, warning or never; got "${failOn}".`);
  }
  const comment = (core.getInput("comment") || "true").toLowerCase();
  if (!["true", "false"].includes(comment)) {
    throw new UsageError(`The input comment must be true or false; got "${comment}".`);
  }
  const config = core.getInput("config");
  const commentFrom = core.getInput("comment-from");
  const dashboard = (core.getInput("dashboard") || "true").toLowerCase();
  if (!["true", "false"].includes(dashboard)) {
    throw new UsageError(`The input dashboard must be true or false; got "${dashboard}".`);
  }
  const pagesUrl = core.getInput("pages-url");
  return {
    token: core.getInput("token"),
    comment: comment === "true",
    failOn,
    dashboard: dashboard === "true",
    ...(config ? { config } : {}),
    ...(commentFrom ? { commentFrom } : {}),
    ...(pagesUrl ? { pagesUrl } : {}),
  };
}

/** Runs the Action; never throws for a user's mistake (those become a failed step with a plain message). */
export async function runAction(
  env: NodeJS.ProcessEnv = process.env,
  /** riskWorker: the risk thread's module (src/worker/risk-thread.ts); without it the chance is computed here. */
  options: { riskWorker?: string } = {},
): Promise<void> {
  try {
    const inputs = readInputs();
    const event = await readEvent(env.GITHUB_EVENT_PATH);
    let ctx: ActionContext;
    try {
      ctx = readActionContext(env, event);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (inputs.commentFrom) {
      await publishFromReport(inputs, ctx, event, inputs.commentFrom);
    } else {
      await check(inputs, ctx, env, options.riskWorker);
    }
  } catch (error) {
    if (error instanceof UsageError) core.setFailed(error.message);
    else core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

async function check(
  inputs: ActionInputs,
  ctx: ActionContext,
  env: NodeJS.ProcessEnv,
  riskWorker: string | undefined,
): Promise<void> {
  let now = Date.now();
  if (env.CAMPAIGN_GATE_NOW) {
    try {
      now = parseNow(env.CAMPAIGN_GATE_NOW);
    } catch {
      throw new UsageError(`CAMPAIGN_GATE_NOW is not an ISO-8601 instant: "${env.CAMPAIGN_GATE_NOW}".`);
    }
  }
  const repository = await readLocalRepository(ctx.workspace, inputs.config);
  const client = ctx.pull ? await githubClient(inputs.token) : undefined;

  let scope: CheckScope = { kind: "everything", eventName: ctx.eventName };
  let changed: string[] | undefined;
  if (ctx.pull && client) {
    try {
      const files = await listPullFiles(client, {
        owner: ctx.owner,
        repo: ctx.repo,
        pull_number: ctx.pull.number,
        ...(ctx.pull.changedFiles !== undefined ? { changed_files: ctx.pull.changedFiles } : {}),
      });
      if (files.complete) {
        changed = changedPaths(files.files);
        scope = { kind: "pull", number: ctx.pull.number, changed: files.files.length };
      } else {
        scope = {
          kind: "pull-incomplete",
          number: ctx.pull.number,
          listed: files.files.length,
          ...(ctx.pull.changedFiles !== undefined ? { total: ctx.pull.changedFiles } : {}),
        };
      }
    } catch (error) {
      scope = {
        kind: "pull-incomplete",
        number: ctx.pull.number,
        listed: 0,
        reason: `GitHub did not list the changed files (HTTP ${statusOf(error) ?? "error"}: ${(error as Error).message})`,
      };
    }
    if (scope.kind === "pull-incomplete") core.warning(describeScope(scope), { title: "campaign-gate" });
  }

  const checked = runCheckModel({
    config: repository.config,
    configFindings: repository.configFindings,
    capacity: repository.capacity,
    campaigns: repository.campaigns,
    candidates: await listCampaignCandidates(ctx.workspace, repository.config),
    now,
    ...(changed ? { changed } : {}),
    // A heavy chance of overload on a second thread while the report is written (as the CLI does).
    // Where it was computed goes to the step debug log only when debugging: a first line on
    // stdout makes Node set up the stream, some 50 M instructions a run that prints nothing else.
    ...(riskWorker
      ? {
          runRisk: riskOnThread({
            entry: riskWorker,
            ...(core.isDebug() ? { onPlace: (place: RiskPlace) => core.debug(describePlace(place)) } : {}),
          }),
        }
      : {}),
  });
  const { report } = checked;

  const reportPath = await writeReport(report, env, ctx.workspace);
  const fileUrl = blobUrl(ctx);
  const dashboardDir = inputs.dashboard
    ? await writeDashboardFor(checked, reportPath, fileUrl(""))
    : undefined;
  const selection = selectAnnotations(report.findings, changed, FINDINGS_BUDGET);
  for (const a of selection.annotations) {
    core[a.level](a.message, {
      title: a.title,
      file: a.file,
      startLine: a.startLine,
      startColumn: a.startColumn,
    });
  }
  const appendix =
    ctx.pull && client
      ? await announcementsSection(client, ctx, repository, report, changed, now, fileUrl)
      : "";

  let commentNote: string | undefined;
  if (ctx.pull && client) {
    if (inputs.comment) {
      const body = (await commentRenderer())(report, {
        headSha: ctx.pull.headSha,
        fileUrl,
        ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
        ...(inputs.pagesUrl ? { dashboardUrl: inputs.pagesUrl } : {}),
        ...(scope.kind === "pull-incomplete" ? { scopeNote: describeScope(scope) } : {}),
        ...(appendix ? { appendix } : {}),
      });
      commentNote = await comment(client, ctx, ctx.pull.number, ctx.pull.headSha, body);
    } else {
      commentNote = "The pull request comment is turned off (input comment: false).";
    }
  }

  const annotationsNote = leftOverNote(selection.leftOver);
  await core.summary
    .addRaw(
      buildJobSummary(report, {
        scope,
        fileUrl,
        ...(annotationsNote ? { annotationsNote } : {}),
        ...(commentNote ? { commentNote } : {}),
        reportPath,
        ...(appendix ? { appendix } : {}),
        ...(dashboardDir
          ? { dashboard: { dir: dashboardDir, ...(inputs.pagesUrl ? { url: inputs.pagesUrl } : {}) } }
          : {}),
      }),
    )
    .write();
  if (annotationsNote)
    core.notice(annotationsNote, { title: "campaign-gate: more findings in the job summary" });

  setOutputs(report, reportPath);
  if (dashboardDir) core.setOutput("dashboard", dashboardDir);
  if (failsStep(report.verdict, inputs.failOn)) {
    core.setFailed(failureMessage(report, inputs.failOn));
  }
}

/** `comment-from` mode: posts a report produced by an earlier run (see docs/action.md). */
async function publishFromReport(
  inputs: ActionInputs,
  ctx: ActionContext,
  event: unknown,
  file: string,
): Promise<void> {
  const reportPath = path.resolve(ctx.workspace, file);
  let text: string;
  try {
    text = await readFile(reportPath, "utf8");
  } catch {
    throw new UsageError(`comment-from: no report at ${file}. Download the artifact with report.json first.`);
  }
  let report: Report;
  try {
    report = parseReportFile(text, file);
  } catch (error) {
    throw new UsageError((error as Error).message); // a wrong file is the user's mistake: no stack trace
  }
  setOutputs(report, reportPath);
  const run = readTriggeringRun(event);
  if (!run)
    throw new UsageError("comment-from works in a workflow triggered by workflow_run (see docs/action.md).");
  if (!inputs.comment) return;
  const client = await githubClient(inputs.token);
  const number =
    run.pullNumbers[0] ?? (await findPullForHead(client, ctx, run.headOwner, run.headBranch, run.headSha));
  if (number === undefined) {
    core.notice(`No open pull request has head commit ${run.headSha.slice(0, 7)}; nothing to comment on.`);
    return;
  }
  const body = (await commentRenderer())(report, {
    headSha: run.headSha,
    fileUrl: blobUrl({ ...ctx, sha: run.headSha }),
    ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
  });
  const note = await comment(client, ctx, number, run.headSha, body);
  await core.summary.addRaw(`campaign-gate: ${note}\n`).write();
}

/** The open PR whose head is `owner:branch` at `sha`, found from the API (not from the untrusted artifact). */
async function findPullForHead(
  client: GitHubClient,
  ctx: ActionContext,
  headOwner: string,
  headBranch: string,
  sha: string,
): Promise<number | undefined> {
  if (!headOwner || !headBranch) return undefined;
  const response = await client.request("GET /repos/{owner}/{repo}/pulls", {
    owner: ctx.owner,
    repo: ctx.repo,
    state: "open",
    head: `${headOwner}:${headBranch}`,
    per_page: 100,
  });
  const pulls = response.data as { number: number; head: { sha: string } }[];
  return pulls.find((p) => p.head.sha === sha)?.number;
}

/** Publishes the sticky comment; returns a sentence for the summary. Never fails the step. */
async function comment(
  client: GitHubClient,
  ctx: ActionContext,
  number: number,
  sha: string,
  body: string,
): Promise<string> {
  let result: StickyCommentOutcome;
  try {
    result = await upsertStickyComment(client, {
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      runSha: sha,
      body,
    });
  } catch (error) {
    const message = `campaign-gate could not update its pull request comment (HTTP ${statusOf(error) ?? "error"}: ${(error as Error).message}). The check result is unaffected.`;
    core.warning(message);
    return message;
  }
  switch (result.outcome) {
    case "created":
      core.info(`Pull request comment created: ${result.url}`);
      return `The report was posted as a [comment on the pull request](${result.url}).`;
    case "updated":
      core.info(`Pull request comment updated: ${result.url}`);
      return `The [pull request comment](${result.url}) was updated.`;
    case "unchanged":
    case "stale":
      core.info(result.message);
      return result.message;
    case "forbidden":
      core.notice(result.message, { title: "campaign-gate: comment skipped" });
      return result.message;
  }
}

/**
 * Writes the dashboard beside report.json; returns its folder, or undefined when the capacity file
 * did not load (nothing to draw). The renderer is imported only here, when a page is written.
 */
async function writeDashboardFor(
  checked: ReturnType<typeof runCheckModel>,
  reportPath: string,
  fileBase: string,
): Promise<string | undefined> {
  const { report, campaigns, capacity, model } = checked;
  if (!capacity || !model) return undefined;
  const { writeDashboard } = await import("../report/html/write-dashboard.js");
  const dir = path.join(path.dirname(reportPath), "dashboard");
  await writeDashboard(
    dir,
    { report, campaigns, capacity, model, repository: process.env.GITHUB_REPOSITORY ?? "local/repository" },
    fileBase,
  );
  return dir;
}

async function writeReport(report: Report, env: NodeJS.ProcessEnv, workspace: string): Promise<string> {
  const dir = path.join(env.RUNNER_TEMP ?? workspace, "campaign-gate");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "report.json");
  // Chunk by chunk: a report with tens of thousands of findings never sits in memory as one string.
  const handle = await open(file, "w");
  try {
    for (const parts of renderJsonParts(report)) await handle.write(parts.join(""));
  } finally {
    await handle.close();
  }
  return file;
}

function setOutputs(report: Report, reportPath: string): void {
  core.setOutput("verdict", report.verdict);
  core.setOutput("report", reportPath);
  core.setOutput("peak-utilization", String(Math.round(peakUtilization(report) * 1e6) / 1e6));
}

function failureMessage(report: Report, failOn: FailOn): string {
  const counted = report.findings.filter((f) => f.counted);
  const errors = counted.filter((f) => f.severity === "error").length;
  const warnings = counted.filter((f) => f.severity === "warning").length;
  if (report.verdict === "fail") {
    return `campaign-gate found ${errors} error${errors === 1 ? "" : "s"} this change must fix; see the annotations and the job summary.`;
  }
  return `campaign-gate found ${warnings} warning${warnings === 1 ? "" : "s"} and fail-on is "${failOn}"; see the job summary.`;
}

/** Octokit for GITHUB_API_URL; loaded only when a run talks to GitHub (push and schedule runs do not). */
/** The PR comment's renderer, loaded only when there is a pull request to comment on (cold start). */
async function commentRenderer() {
  return (await import("../report/pr-comment.js")).buildCommentBody;
}

async function githubClient(token: string): Promise<GitHubClient> {
  const { getOctokit } = await import("@actions/github");
  return getOctokit(token);
}

async function readEvent(eventPath: string | undefined): Promise<unknown> {
  if (!eventPath) return {};
  try {
    return JSON.parse(await readFile(eventPath, "utf8")) as unknown;
  } catch {
    return {};
  }
}
