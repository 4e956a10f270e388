/**
 * Lists the files a pull request changes. GitHub's "list pull request files" endpoint stops at
 * 3,000 files; past that the list is incomplete, which callers must treat as "unknown" (the
 * Action then checks everything, the app fails closed).
 */
import type { GitHubClient } from "./client.js";
import { listPages } from "./paginate.js";

/** GitHub returns at most this many files for a pull request. */
export const PULL_FILES_LIMIT = 3000;

export interface PullFile {
  filename: string;
  status: string;
  /** The path before a rename. */
  previous_filename?: string;
  sha: string | null;
}

export interface PullFiles {
  files: PullFile[];
  /** False when GitHub cut the list short (the PR changes more files than the API returns). */
  complete: boolean;
}

interface PullRef {
  owner: string;
  repo: string;
  pull_number: number;
  /** `changed_files` of the pull request payload, when known, to detect truncation exactly. */
  changed_files?: number;
}

export async function listPullFiles(client: GitHubClient, ref: PullRef): Promise<PullFiles> {
  const listed = await listPages<PullFile>(
    client,
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
    { owner: ref.owner, repo: ref.repo, pull_number: ref.pull_number },
    { maxPages: PULL_FILES_LIMIT / 100 },
  );
  const files = listed.items.map((f) => ({
    filename: f.filename,
    status: f.status,
    sha: f.sha ?? null,
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
  }));
  const complete = ref.changed_files !== undefined ? files.length >= ref.changed_files : listed.complete;
  return { files, complete };
}

/** Every path a pull request touches, old names of renamed files included. */
export function changedPaths(files: PullFile[]): string[] {
  const paths = new Set<string>();
  for (const f of files) {
    paths.add(f.filename);
    if (f.previous_filename) paths.add(f.previous_filename);
  }
  return [...paths];
}
