/**
 * Lists the files a pull request changes. GitHub's "list pull request files" endpoint stops at
 * 3,000 files; past that the list is incomplete, which callers must treat as "unknown" (the
 * Action then checks everything, the app fails closed).
 */
import type { GitHubClient } from "./client.js";

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
  const files: PullFile[] = [];
  const per_page = 100;
  for (let page = 1; page <= PULL_FILES_LIMIT / per_page; page++) {
    const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      owner: ref.owner,
      repo: ref.repo,
      pull_number: ref.pull_number,
      per_page,
      page,
    });
    const batch = response.data as PullFile[];
    for (const f of batch) {
      files.push({
        filename: f.filename,
        status: f.status,
        sha: f.sha ?? null,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      });
    }
    if (batch.length < per_page) break;
  }
  const complete =
    ref.changed_files !== undefined ? files.length >= ref.changed_files : files.length < PULL_FILES_LIMIT;
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
