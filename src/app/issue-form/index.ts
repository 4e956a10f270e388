/**
 * Campaign request issues (issue forms, DESIGN section 5.1): an issue opened, edited, labelled or
 * reopened with the form's label becomes a checked pull request or one comment saying what to fix;
 * closing it closes the pull request. The payload only says which issue: the answer reads the issue
 * again, fresh, under its claim (answer-campaign-request.ts).
 */
import type { Probot } from "probot";
import { ISSUE_FORM_LABEL } from "../../core/issue-form/build-issue-form.js";
import { answerCampaignRequest } from "./answer-campaign-request.js";
import { closeCampaignPull } from "./close-campaign-pull.js";

/** Registers the `issues` handlers. */
export function registerIssueForm(app: Probot): void {
  app.on(["issues.opened", "issues.edited", "issues.labeled", "issues.reopened"], async (context) => {
    const { issue, repository } = context.payload;
    // Cheap tests first: issues without the form's label cost no API call, and of the labels
    // only the form's own starts an answer (the app's needs-changes label must not loop).
    if (!(issue.labels ?? []).some((label) => label?.name === ISSUE_FORM_LABEL)) return;
    if (context.payload.action === "labeled" && context.payload.label?.name !== ISSUE_FORM_LABEL) return;
    const repo = { owner: repository.owner.login, repo: repository.name };
    const outcome = await answerCampaignRequest(
      context.octokit,
      repo,
      issue.number,
      repository.default_branch,
      context.log,
    );
    context.log.info(`campaign request ${repo.owner}/${repo.repo}#${issue.number}: ${outcome}`);
  });

  app.on("issues.closed", async (context) => {
    const { issue, repository } = context.payload;
    if (!(issue.labels ?? []).some((label) => label?.name === ISSUE_FORM_LABEL)) return;
    const repo = { owner: repository.owner.login, repo: repository.name };
    const outcome = await closeCampaignPull(context.octokit, repo, issue.number);
    context.log.info(
      `campaign request ${repo.owner}/${repo.repo}#${issue.number} closed: pull request ${outcome}`,
    );
  });
}
