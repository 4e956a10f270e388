/**
 * The alarm for campaign files that reach the default branch without a reviewed pull request
 * (a direct push, or a bypass of branch protection): IT must hear about load nobody checked.
 *
 * A commit is fine when GitHub lists a merged pull request for it ("list pull requests associated
 * with a commit"): that covers merge commits, squash merges and rebase merges, and the commits of
 * a merged branch that arrive with its merge commit. One alarm per push, marked with the pushed
 * head's sha, so a redelivered push event opens nothing new.
 */
import { escapeMarkdown } from "../format.js";
import { hiddenMarker } from "../markers.js";

/** The label of direct-push alarms. */
export const DIRECT_PUSH_LABEL = "unreviewed-campaign-change";

export interface PushCommit {
  id: string;
  message: string;
  author: { name: string; username?: string };
  added: string[];
  modified: string[];
  removed: string[];
}

export interface DirectPushInput {
  /** The pushed ref, e.g. "refs/heads/main". */
  ref: string;
  defaultBranch: string;
  /** The push's commits, oldest first (as in the push payload). */
  commits: PushCommit[];
  isCampaignFile: (path: string) => boolean;
  /** Commit sha → the pull requests GitHub associates with it (only needed for commits that touch campaigns). */
  associatedPulls: Record<string, { number: number; merged: boolean }[]>;
  /** e.g. "https://github.com/acme/campaigns". */
  repoUrl: string;
}

export interface DirectPushAlarm {
  title: string;
  body: string;
  labels: string[];
  marker: string;
}

/** The marker of the alarm for one push, identified by its head commit. */
export function directPushMarker(headSha: string): string {
  return hiddenMarker("direct-push", { sha: headSha });
}

/** Commits of the push that change campaign files and belong to no merged pull request. */
export function unreviewedCampaignCommits(input: DirectPushInput): { commit: PushCommit; files: string[] }[] {
  if (input.ref !== `refs/heads/${input.defaultBranch}`) return [];
  return input.commits
    .map((commit) => ({
      commit,
      files: [...commit.added, ...commit.modified, ...commit.removed].filter(input.isCampaignFile),
    }))
    .filter(
      ({ commit, files }) =>
        files.length > 0 && !(input.associatedPulls[commit.id] ?? []).some((pr) => pr.merged),
    );
}

/** The alarm issue for a push to the default branch with unreviewed campaign changes, or undefined. */
export function directPushAlarm(input: DirectPushInput): DirectPushAlarm | undefined {
  const offending = unreviewedCampaignCommits(input);
  const head = input.commits.at(-1);
  if (offending.length === 0 || !head) return undefined;
  const marker = directPushMarker(head.id);
  const authors = [...new Set(offending.map(({ commit }) => person(commit.author)))];
  const rows = offending.map(({ commit, files }) => {
    const link = `[\`${commit.id.slice(0, 7)}\`](${input.repoUrl}/commit/${commit.id})`;
    const subject = escapeMarkdown(commit.message.split("\n")[0] ?? "");
    return `| ${link} | ${commit.author.username ? `@${commit.author.username}` : escapeMarkdown(commit.author.name)} | ${subject} | ${files.map((f) => `\`${f}\``).join("<br>")} |`;
  });
  const count = offending.length === 1 ? "A commit" : `${offending.length} commits`;
  // Issue titles are short (GitHub allows 256 characters): name three authors at most.
  const named =
    authors.length > 3
      ? `${authors.slice(0, 3).join(", ")} and ${authors.length - 3} more`
      : authors.join(", ");
  const title = `Campaign files changed on ${input.defaultBranch} without review (${head.id.slice(0, 7)} by ${named})`;
  const body = [
    `⚠️ ${count} changed campaign files on **${input.defaultBranch}** without a reviewed pull request. ` +
      `Nobody from IT has checked the load these campaigns add.`,
    "",
    "| commit | author | message | campaign files |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "What to do:",
    "- [ ] IT: run the capacity check on the current branch and prepare what it asks for",
    "- [ ] Author: next time, propose campaign changes through a pull request",
    "- [ ] Repository admins: check that branch protection requires the campaign-gate checks",
    "",
    marker,
  ].join("\n");
  return { title, body, labels: [DIRECT_PUSH_LABEL], marker };
}

/**
 * The fields of a GitHub `push` webhook payload that `directPushAlarm` reads. Tags, branch
 * deletions and pushes to other branches give no commits to look at.
 */
export function pushCommitsFromPayload(payload: {
  ref: string;
  deleted?: boolean;
  commits: {
    id: string;
    message: string;
    author: { name: string; username?: string };
    added?: string[];
    modified?: string[];
    removed?: string[];
  }[];
  repository: {
    default_branch?: string;
    master_branch?: string;
    html_url: string;
    /** When the push happened: epoch seconds in push events. */
    pushed_at?: number | string | null;
  };
}): Pick<DirectPushInput, "ref" | "defaultBranch" | "commits" | "repoUrl"> {
  const defaultBranch = payload.repository.default_branch ?? payload.repository.master_branch ?? "main";
  return {
    ref: payload.ref,
    defaultBranch,
    commits: payload.deleted
      ? []
      : payload.commits.map((commit) => ({
          id: commit.id,
          message: commit.message,
          author: {
            name: commit.author.name,
            ...(commit.author.username ? { username: commit.author.username } : {}),
          },
          added: commit.added ?? [],
          modified: commit.modified ?? [],
          removed: commit.removed ?? [],
        })),
    repoUrl: payload.repository.html_url,
  };
}

/**
 * How long GitHub may take, after a push, to list a just-merged pull request for the pushed
 * commits: a merge's push event can arrive before "pull requests associated with a commit" shows
 * the pull request as merged, and the alarm would then be false.
 */
export const ASSOCIATION_SETTLE_MS = 10_000;

/**
 * How long to wait before reading the associated pull requests once more, when the first read left
 * campaign commits unreviewed: until the push is `ASSOCIATION_SETTLE_MS` old, so 0 for a push
 * handled late (a redelivery). A push of unknown time waits the whole settle time.
 */
export function recheckDelay(pushedAt: number | string | null | undefined, now: number): number {
  const at =
    typeof pushedAt === "number"
      ? pushedAt * 1000
      : typeof pushedAt === "string"
        ? Date.parse(pushedAt)
        : NaN;
  if (Number.isNaN(at)) return ASSOCIATION_SETTLE_MS;
  return Math.min(ASSOCIATION_SETTLE_MS, Math.max(0, at + ASSOCIATION_SETTLE_MS - now));
}

/** "@login" when GitHub knows the account (it notifies them), else the plain git name. */
function person(author: PushCommit["author"]): string {
  return author.username ? `@${author.username}` : author.name;
}
