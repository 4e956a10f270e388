/**
 * Publishes the review result as THE `campaign-gate/review` check run of the pull request head:
 * one run per head commit, updated in place (issue 9). The app's own newest run of that name (by
 * app id when known) is PATCHed; a run is created only when none exists, or when the newest one is
 * completed and the result is "waiting" again (GitHub cannot reopen a completed run; the newest run
 * of a name is the one branch protection reads). A create is never retried blindly: GitHub may have
 * executed a POST it answered with an error (a 502 after the write), so after a failed create the
 * app looks again and updates what it finds before trying once more. `external_id` records what the
 * evaluation saw (head, base, reviews); an identical result on an identical view is not written
 * again (a redelivery costs one read).
 */
import type { GitHubClient } from "./client.js";

export const REVIEW_CHECK_NAME = "campaign-gate/review";

export interface CheckRunOutput {
  status: "success" | "pending" | "failure";
  title: string;
  summary: string;
  /** The run's details text (carries the recorded evidence, see `evidenceText`). */
  text?: string;
}

export interface CheckTarget {
  owner: string;
  repo: string;
  head_sha: string;
}

export interface PublishOptions {
  /** What the evaluation saw (`seenId`), stored as the run's `external_id`. */
  seen: string;
  /** The app's id: only its own runs of the name are found (another app may use the same name). */
  appId?: number | undefined;
}

export type Published = { id: number; action: "created" | "updated" | "unchanged" };

/** A check run as GitHub lists it (the fields used here). */
export interface ReviewCheckRun {
  id: number;
  name: string;
  external_id?: string | null;
  status: string;
  conclusion?: string | null;
  app?: { id: number } | null;
  output?: { title?: string | null; summary?: string | null; text?: string | null };
}

/**
 * Facts a commit sha fixes forever, as an evaluation read them: the pull request's file list
 * between `base` and `head`, and the paths changed from reviewed commits to `head` (null:
 * unknown). Recorded in the run so that the next evaluation of the same head, on any replica,
 * need not read them again: GitHub is the replicas' only shared store, and only this app can
 * write its own runs.
 */
export interface RecordedEvidence {
  base: string;
  head: string;
  files?: { paths: string[]; complete: boolean };
  changed_since: Record<string, string[] | null>;
}

const EVIDENCE_MARK = "campaign-gate-evidence";
/** Recorded evidence larger than this is left out (a run's text holds at most 65,535 characters). */
const MAX_EVIDENCE_CHARS = 20_000;

/** The run's details text recording `evidence` (invisible in the rendered text), or "" when too large. */
export function evidenceText(evidence: RecordedEvidence): string {
  const json = JSON.stringify(evidence);
  return json.length > MAX_EVIDENCE_CHARS ? "" : `<!-- ${EVIDENCE_MARK} ${json} -->`;
}

/** The evidence a run recorded for this head, if any (anything unreadable: none); the gather checks the base. */
export function recordedEvidence(
  run: ReviewCheckRun | undefined,
  head: string,
): RecordedEvidence | undefined {
  const match = new RegExp(`<!-- ${EVIDENCE_MARK} (\\{.*\\}) -->`).exec(run?.output?.text ?? "");
  if (!match) return undefined;
  try {
    const evidence = JSON.parse(match[1]!) as Partial<RecordedEvidence>;
    if (evidence.head !== head || typeof evidence.base !== "string") return undefined;
    const files = evidence.files;
    const since = evidence.changed_since;
    return {
      base: evidence.base,
      head,
      ...(files && Array.isArray(files.paths) && files.paths.every((p) => typeof p === "string")
        ? { files: { paths: files.paths, complete: files.complete === true } }
        : {}),
      changed_since: Object.fromEntries(
        Object.entries(since && typeof since === "object" ? since : {}).filter(
          ([, paths]) => Array.isArray(paths) && paths.every((p) => typeof p === "string"),
        ),
      ),
    };
  } catch {
    return undefined;
  }
}

/** What an evaluation saw, recorded in the run's `external_id`. */
export interface Seen {
  head_sha: string;
  base_sha: string;
  /** `reviewsFingerprint` of the reviews read, or "-" when the result did not depend on them. */
  reviews: string;
  /** Reviewers (logins, and teams as `@slug`) requested when the run was written. */
  asked: string[];
}

/** A short, stable record of what an evaluation saw, for `external_id` and for comparing views. */
export function seenId(seen: Seen): string {
  return `v1 head=${seen.head_sha} base=${seen.base_sha} reviews=${seen.reviews} asked=${[...seen.asked].sort().join(",")}`;
}

/** The reviewers a run recorded as requested (`asked=`), to avoid asking twice on a redelivery. */
export function askedIn(run: ReviewCheckRun | undefined): { users: string[]; teams: string[] } {
  const asked = /(?:^| )asked=(\S*)/.exec(run?.external_id ?? "")?.[1] ?? "";
  const names = asked.split(",").filter((name) => name !== "");
  return {
    users: names.filter((name) => !name.startsWith("@")),
    teams: names.filter((name) => name.startsWith("@")).map((name) => name.slice(1)),
  };
}

/** The app's runs of the review check on the head, oldest first: the last one is in force. */
export async function findReviewCheck(
  client: GitHubClient,
  target: CheckTarget,
  appId?: number,
): Promise<ReviewCheckRun[]> {
  return findRuns(client, target, appId);
}

/**
 * Writes `output` to the app's run for the head (`existing`, from `findReviewCheck`): updates it,
 * or creates one when there is none.
 */
export async function publishReviewCheck(
  client: GitHubClient,
  target: CheckTarget,
  output: CheckRunOutput,
  options: PublishOptions & { existing: ReviewCheckRun[] },
): Promise<Published> {
  const body = runBody(output, options.seen);
  const newest = options.existing[options.existing.length - 1];
  // Two replicas that both found no run may both have created one: an older run still in
  // progress is kept in step, so no stale "waiting" lingers next to the run in force.
  for (const run of options.existing.slice(0, -1))
    if (run.status !== "completed" && !sameAs(run, body)) await updateRun(client, target, run.id, body);
  if (newest && sameAs(newest, body)) return { id: newest.id, action: "unchanged" };
  if (!newest || (newest.status === "completed" && body.status === "in_progress"))
    return createOnce(client, target, body, options.appId, newest?.id ?? 0);
  await updateRun(client, target, newest.id, body);
  return { id: newest.id, action: "updated" };
}

interface RunBody {
  external_id: string;
  status: "in_progress" | "completed";
  conclusion?: "success" | "failure";
  output: { title: string; summary: string; text?: string };
}

function runBody(output: CheckRunOutput, seen: string): RunBody {
  return {
    external_id: seen,
    ...(output.status === "pending"
      ? { status: "in_progress" as const }
      : { status: "completed" as const, conclusion: output.status }),
    output: {
      title: output.title,
      summary: output.summary,
      ...(output.text ? { text: output.text } : {}),
    },
  };
}

function sameAs(run: ReviewCheckRun, body: RunBody): boolean {
  return (
    run.external_id === body.external_id &&
    run.status === body.status &&
    (run.conclusion ?? undefined) === body.conclusion &&
    run.output?.title === body.output.title &&
    run.output?.summary === body.output.summary
  );
}

/** The app's runs of the review check on the head, oldest first (the last one is in force). */
async function findRuns(
  client: GitHubClient,
  target: CheckTarget,
  appId?: number,
): Promise<ReviewCheckRun[]> {
  const data = (
    await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner: target.owner,
      repo: target.repo,
      ref: target.head_sha,
      check_name: REVIEW_CHECK_NAME,
      filter: "all",
      per_page: 100,
      ...(appId !== undefined ? { app_id: appId } : {}),
    })
  ).data as { check_runs: ReviewCheckRun[] };
  return data.check_runs
    .filter((run) => run.name === REVIEW_CHECK_NAME && (appId === undefined || run.app?.id === appId))
    .sort((a, b) => a.id - b.id);
}

/**
 * Creates the run with Octokit's retries off for this one request. On an error answer the POST may
 * still have happened: look first, and update a run newer than `after` instead of creating a second.
 */
async function createOnce(
  client: GitHubClient,
  target: CheckTarget,
  body: RunBody,
  appId: number | undefined,
  after: number,
): Promise<Published> {
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await client.request("POST /repos/{owner}/{repo}/check-runs", {
        owner: target.owner,
        repo: target.repo,
        name: REVIEW_CHECK_NAME,
        head_sha: target.head_sha,
        ...body,
        request: { retries: 0 },
      });
      return { id: (created.data as { id: number }).id, action: "created" };
    } catch (error) {
      const found = (await findRuns(client, target, appId)).filter((run) => run.id > after).pop();
      if (found) {
        if (!sameAs(found, body)) await updateRun(client, target, found.id, body);
        return { id: found.id, action: "updated" };
      }
      if (attempt >= 2) throw error;
    }
  }
}

async function updateRun(
  client: GitHubClient,
  target: CheckTarget,
  id: number,
  body: RunBody,
): Promise<void> {
  await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner: target.owner,
    repo: target.repo,
    check_run_id: id,
    ...body,
  });
}
