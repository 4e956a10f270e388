/**
 * Team membership changes: a person joining or leaving a team can fill or empty a review group on
 * any open pull request. The app re-evaluates the open pull requests of the repositories its
 * installation can see, bounded so one event cannot run away.
 */
import type { Probot } from "probot";
import type { GitHubClient } from "../github/client.js";
import type { ApiPull } from "../github/review-state.js";
import { reviewPull } from "./review-pull.js";

/** At most this many open pull requests are re-evaluated per membership event (newest updated first). */
export const MEMBERSHIP_PULL_LIMIT = 100;

/** Registers the membership handler; `appId` finds the app's own check runs. */
export function registerMembershipHandler(
  app: Probot,
  appId?: number,
  appLogin?: () => Promise<string>,
): void {
  app.on(["membership.added", "membership.removed"], async (context) => {
    const client: GitHubClient = context.octokit;
    const repositories = await installationRepositories(client);
    let left = MEMBERSHIP_PULL_LIMIT;
    for (const repo of repositories) {
      if (left <= 0) {
        context.log.info(`membership change: stopped after ${MEMBERSHIP_PULL_LIMIT} open pull requests`);
        break;
      }
      const pulls = (
        await client.request("GET /repos/{owner}/{repo}/pulls", {
          ...repo,
          state: "open",
          sort: "updated",
          direction: "desc",
          per_page: Math.min(left, 100),
        })
      ).data as ApiPull[];
      for (const pull of pulls.slice(0, left)) {
        // One pull request whose check cannot be written must not stop the others.
        await reviewPull(
          client,
          { ...repo, number: pull.number, head_sha: pull.head.sha },
          context.log,
          // The listed pull request is as fresh as a read of it (only changed_files is missing).
          { pull, appId, appLogin },
        ).catch((error: unknown) =>
          context.log.error(`${repo.owner}/${repo.repo}#${pull.number}: ${String(error)}`),
        );
        left--;
      }
    }
  });
}

/** The repositories of the installation (one page per 100, at most 1,000). */
async function installationRepositories(client: GitHubClient): Promise<{ owner: string; repo: string }[]> {
  const repos: { owner: string; repo: string }[] = [];
  for (let page = 1; page <= 10; page++) {
    const data = (await client.request("GET /installation/repositories", { per_page: 100, page })).data as {
      repositories: { name: string; owner: { login: string } }[];
    };
    repos.push(...data.repositories.map((r) => ({ owner: r.owner.login, repo: r.name })));
    if (data.repositories.length < 100) break;
  }
  return repos;
}
