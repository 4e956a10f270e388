/**
 * The one directory walk of the checkout readers (campaign files, unseen-file candidates): our own
 * `readdir` per folder, because links must be seen rather than followed or skipped silently, and
 * each caller decides which folders to leave out.
 */
import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";

export interface Walk {
  /** Folders already walked (relative, posix; "." is the root): each is walked once. */
  walked: Set<string>;
  /** Whether to leave a folder out, by its name. */
  skip: (name: string) => boolean;
  /** Sees every entry that is not a real folder (files, links, special files). */
  visit: (rel: string, entry: Dirent) => void;
}

/** Depth-first below `dir` (relative, posix; "." for the root); unreadable folders are passed over. */
export function walkFolders(root: string, dir: string, walk: Walk): void {
  if (walk.walked.has(dir)) return;
  walk.walked.add(dir);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir === "." ? root : path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const rel = dir === "." ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!walk.skip(entry.name)) walkFolders(root, rel, walk);
    } else walk.visit(rel, entry);
  }
}
