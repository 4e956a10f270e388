/**
 * Reads a campaigns repository at one commit through the API (git trees and blobs), for the app,
 * which has no checkout. It only reads text: nothing from the repository is ever executed.
 * Bounded: at most MAX_CAMPAIGN_FILES campaign files of at most MAX_FILE_BYTES each are read;
 * anything beyond (or a tree GitHub truncated) makes the result `complete: false`, and callers
 * fail closed on it.
 */
import { cachedBlob, rememberBlob } from "./blob-cache.js";
import { campaignMatcher } from "../core/campaign-files.js";
import type { Config, SourceFile } from "../core/model.js";
import type { GitHubClient } from "./client.js";

/** Campaign files read per commit at most. */
export const MAX_CAMPAIGN_FILES = 1000;
/** A campaign or capacity file larger than this is not read (the loader refuses larger files anyway). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Blobs fetched in parallel: fast, without tripping GitHub's secondary rate limits. */
const PARALLEL_READS = 8;

export interface RepositoryFiles {
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
  /** False when some campaign or capacity file could not be read (truncated tree, over a cap). */
  complete: boolean;
}

interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
}

/** The capacity file and the campaign files of the repository at commit `ref.sha`. */
export async function readRepositoryAt(
  client: GitHubClient,
  ref: { owner: string; repo: string; sha: string },
  config: Config,
): Promise<RepositoryFiles> {
  const repo = { owner: ref.owner, repo: ref.repo };
  const tree = (
    await client.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      ...repo,
      tree_sha: ref.sha,
      recursive: "1",
    })
  ).data as { truncated?: boolean; tree: TreeEntry[] };
  let complete = tree.truncated !== true;
  // Regular files only: symlinks (mode 120000) and submodules are not campaign files.
  const blobs = tree.tree.filter((entry) => entry.type === "blob" && entry.mode !== "120000");
  const readable = (entry: TreeEntry): boolean => {
    if ((entry.size ?? 0) <= MAX_FILE_BYTES) return true;
    complete = false;
    return false;
  };

  const capacityEntry = blobs.find((entry) => entry.path === config.capacity);
  const isCampaign = campaignMatcher(config);
  const campaignEntries = blobs
    .filter((entry) => isCampaign(entry.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (campaignEntries.length > MAX_CAMPAIGN_FILES) complete = false;

  const wanted = [
    ...(capacityEntry && readable(capacityEntry) ? [capacityEntry] : []),
    ...campaignEntries.slice(0, MAX_CAMPAIGN_FILES).filter(readable),
  ];
  const files: SourceFile[] = [];
  for (let i = 0; i < wanted.length; i += PARALLEL_READS) {
    const batch = wanted.slice(i, i + PARALLEL_READS);
    files.push(...(await Promise.all(batch.map((entry) => readBlob(client, repo, entry)))));
  }
  const capacity = capacityEntry ? files.find((file) => file.path === capacityEntry.path) : undefined;
  return { capacity, campaigns: files.filter((file) => file !== capacity), complete };
}

async function readBlob(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  entry: TreeEntry,
): Promise<SourceFile> {
  const cached = cachedBlob(repo.owner, repo.repo, entry.sha);
  if (cached !== undefined) return { path: entry.path, text: cached };
  const blob = (
    await client.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...repo, file_sha: entry.sha })
  ).data as { content: string; encoding: string };
  const bytes = Buffer.from(blob.content, blob.encoding === "base64" ? "base64" : "utf8");
  const text = bytes.toString("utf8");
  rememberBlob(repo.owner, repo.repo, entry.sha, text);
  return { path: entry.path, text };
}
