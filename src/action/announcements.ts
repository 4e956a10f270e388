/**
 * The Action's part of "maintenance announced before": on a pull request that changes the capacity
 * file, read that file at the base commit, let the core decide what to announce, and return the
 * markdown for the comment and the job summary. Never fails the step: without the base file the
 * section says nothing rather than something wrong.
 */
import * as core from "@actions/core";
import { announceChanges } from "../core/announce/announce-changes.js";
import type { Report } from "../core/report.js";
import type { LocalRepository } from "../io/local-repo.js";
import { readFileAt, statusOf } from "../github/config-at-base.js";
import type { GitHubClient } from "../github/client.js";
import { renderAnnouncements } from "../report/announcements.js";
import type { ActionContext } from "./context.js";

/**
 * Markdown of the windows the pull request adds or moves, or "" when it does not change the capacity
 * file — or when GitHub could not list every changed file (then it is not known, and a wrong "new"
 * is worse than nothing).
 */
export async function announcementsSection(
  client: GitHubClient,
  ctx: ActionContext,
  repository: LocalRepository,
  report: Report,
  changed: string[] | undefined,
  now: number,
  fileUrl: (path: string, line?: number) => string,
): Promise<string> {
  const capacityPath = repository.config.capacity;
  const baseSha = ctx.pull?.baseSha;
  // Without a readable capacity file at the head there is nothing to compare: skip the base read.
  if (!baseSha || !repository.capacity || !changed?.includes(capacityPath)) return "";
  let baseCapacity;
  try {
    baseCapacity = await readFileAt(client, { owner: ctx.owner, repo: ctx.repo }, capacityPath, baseSha);
  } catch (error) {
    core.warning(
      `campaign-gate could not read ${capacityPath} at the base commit (HTTP ${statusOf(error) ?? "error"}: ${(error as Error).message}), so it cannot say which maintenance windows or freezes this pull request adds. The check result is unaffected.`,
    );
    return "";
  }
  const announcements = announceChanges({
    config: repository.config,
    baseCapacity,
    capacity: repository.capacity,
    campaigns: repository.campaigns,
    report,
    now,
  });
  return renderAnnouncements(announcements, { fileUrl });
}
