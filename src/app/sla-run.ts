/**
 * The review SLA sweep as a one-shot command, for a scheduled GitHub workflow in the campaigns
 * repository: `node lib/app/sla-run.js` with GITHUB_TOKEN (the app's installation token, see
 * examples/acme/.github/workflows/campaign-gate-sla.yml), GITHUB_REPOSITORY ("owner/name") and
 * optionally GITHUB_API_URL. GitHub starts each scheduled run once, so however many replicas of
 * the app serve webhooks, nobody needs a cron; the escalation markers make a repeated run harmless,
 * and each escalation is posted under a claim, so two runs at the same moment post it once.
 * The configuration is read from the default branch.
 */
import { pathToFileURL } from "node:url";
import { Octokit } from "@octokit/rest";
import { DEFAULT_CONFIG_PATH } from "../core/model.js";
import { parseNow } from "../core/now.js";
import type { GitHubClient } from "../github/client.js";
import { sweepAnnouncements } from "./coordination/announcement-sweep.js";
import { configAt } from "./coordination/index.js";
import { escalateOverdue, type EscalationOutcome } from "./coordination/escalate.js";

/** Reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL. */
export type SlaRunEnv = Record<string, string | undefined>;

/**
 * Runs one sweep. Returns the exit status: 0 done (or nothing configured), 1 the sweep or one pull
 * request failed, or the configuration does not load, 2 the environment is incomplete. Messages go to `out`/`err`.
 */
export async function runSla(
  env: SlaRunEnv,
  options: {
    now?: number;
    client?: GitHubClient;
    out?: (line: string) => void;
    err?: (line: string) => void;
  } = {},
): Promise<number> {
  const out = options.out ?? ((line) => console.log(line));
  const err = options.err ?? ((line) => console.error(line));
  const [owner, name] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !name || (!env.GITHUB_TOKEN && !options.client)) {
    err("campaign-gate SLA: set GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name).");
    return 2;
  }
  const client: GitHubClient =
    options.client ??
    new Octokit({ auth: env.GITHUB_TOKEN, baseUrl: env.GITHUB_API_URL ?? "https://api.github.com" });
  const repo = { owner, repo: name };
  let now = options.now ?? Date.now();
  if (options.now === undefined && env.CAMPAIGN_GATE_NOW) {
    try {
      now = parseNow(env.CAMPAIGN_GATE_NOW);
    } catch {
      err(`campaign-gate SLA: CAMPAIGN_GATE_NOW is not an ISO-8601 instant: "${env.CAMPAIGN_GATE_NOW}".`);
      return 2;
    }
  }
  try {
    const { default_branch } = (await client.request("GET /repos/{owner}/{repo}", repo)).data as {
      default_branch: string;
    };
    const config = await configAt(client, repo, default_branch, { error: err });
    if (!config) return 1;
    // Issue 14: announcements are closed after their window, and freezes reminded of, by the same run.
    for (const line of await sweepAnnouncements(client, repo, config, default_branch, now)) out(line);
    if (!config.review?.sla) {
      out(
        `campaign-gate SLA: ${DEFAULT_CONFIG_PATH} on ${default_branch} sets no review.sla; nothing to do.`,
      );
      return 0;
    }
    const outcomes = await escalateOverdue(client, repo, config, now);
    out(summary(outcomes));
    return outcomes.some((outcome) => outcome.error !== undefined) ? 1 : 0;
  } catch (error) {
    const e = error as { status?: number; message?: string };
    err(
      `campaign-gate SLA: the sweep failed${e.status ? ` (GitHub answered ${e.status})` : ""}: ${e.message ?? String(error)}`,
    );
    return 1;
  }
}

function summary(outcomes: EscalationOutcome[]): string {
  if (outcomes.length === 0) return "campaign-gate SLA: no review is overdue.";
  return outcomes
    .map((o) =>
      o.error !== undefined
        ? `campaign-gate SLA: #${o.number} could not be checked: ${o.error}`
        : `campaign-gate SLA: #${o.number} escalated ${o.escalated.join(", ")}`,
    )
    .join("\n");
}

// Run when executed directly (`node lib/app/sla-run.js`), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runSla(process.env);
}
