/**
 * Pull request and review webhooks: each re-evaluates the pull request it names, starting from the
 * pull request the payload carries (one read fewer). The "Re-run" button of the check
 * (check_run.rerequested) does the same for the pull requests of that head, reading them fresh,
 * and updates the same check run.
 */
import type { Context, Probot } from "probot";
import { REVIEW_CHECK_NAME } from "../github/check-run.js";
import type { ApiPull } from "../github/review-state.js";
import { reviewPull } from "./review-pull.js";

const PULL_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
  "pull_request_review.submitted",
  "pull_request_review.edited",
  "pull_request_review.dismissed",
] as const;

type PullContext = Context<"pull_request" | "pull_request_review">;

/** Registers the pull request and review handlers; `appId` finds the app's own check runs. */
export function registerPullHandlers(app: Probot, appId?: number, appLogin?: () => Promise<string>): void {
  app.on([...PULL_EVENTS], (context) => evaluate(context, appId, appLogin));
  // Only a retargeted base changes the review (its rules come from the base); title edits do not.
  app.on("pull_request.edited", async (context) => {
    if (context.payload.changes.base) await evaluate(context, appId, appLogin);
  });
  app.on("check_run.rerequested", async (context) => {
    const { check_run, repository } = context.payload;
    if (check_run.name !== REVIEW_CHECK_NAME) return;
    for (const pull of check_run.pull_requests) {
      await reviewPull(
        context.octokit,
        {
          owner: repository.owner.login,
          repo: repository.name,
          number: pull.number,
          head_sha: check_run.head_sha,
        },
        context.log,
        { appId, appLogin },
      );
    }
  });
}

async function evaluate(
  context: PullContext,
  appId: number | undefined,
  appLogin?: () => Promise<string>,
): Promise<void> {
  const { repository, pull_request } = context.payload;
  await reviewPull(
    context.octokit,
    {
      owner: repository.owner.login,
      repo: repository.name,
      number: pull_request.number,
      head_sha: pull_request.head.sha,
    },
    context.log,
    {
      pull: pull_request as unknown as ApiPull,
      opened: context.name === "pull_request" && context.payload.action === "opened",
      newHead:
        context.name === "pull_request" &&
        (context.payload.action === "opened" || context.payload.action === "synchronize"),
      appId,
      appLogin,
    },
  );
}
