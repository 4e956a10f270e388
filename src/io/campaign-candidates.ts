/**
 * Lists the files that might be campaigns the globs miss (see core/coverage/find-unseen-files):
 * every YAML file of the checkout in any capitalisation (`Sale.YAML`), with the first bytes of
 * those the globs do not match, for the "campaign-shaped" test. Separate from reading the
 * repository on purpose: it only names files, it never loads them as campaigns.
 *
 * The walk is the one the campaign files use (walk-folders.ts), synchronous: a glob library cost
 * a module graph at start-up and a slower walk of a 10,000-file checkout for what is one `readdir`
 * per folder. It lists what
 * `**\/*.{yaml,yml}` matches with a glob library's defaults (test/io/campaign-candidates.test.ts
 * compares the two): no dot files or dot folders, no `node_modules`, links neither listed nor
 * followed.
 */
import { closeSync, constants, lstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { campaignMatcher } from "../core/campaign-files.js";
import type { CandidateFile } from "../core/coverage/find-unseen-files.js";
import type { Config } from "../core/model.js";
import { walkFolders } from "./walk-folders.js";

/** Enough of a file to see its top-level keys. */
const HEAD_BYTES = 4096;
/** Reading the heads of more files than this would slow a huge repository down; the rest go by name. */
const MAX_HEADS = 2000;
const YAML_NAME = /\.ya?ml$/i;
/** A link put in place between the check and the open is refused, not followed (POSIX). */
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export function listCampaignCandidates(root: string, config: Config): Promise<CandidateFile[]> {
  try {
    return Promise.resolve(listCandidatesSync(root, config));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function listCandidatesSync(root: string, config: Config): CandidateFile[] {
  const paths: string[] = [];
  walkFolders(root, ".", {
    walked: new Set(),
    skip: (name) => name.startsWith(".") || name === "node_modules",
    visit: (rel, entry) => {
      if (!entry.name.startsWith(".") && !entry.isSymbolicLink() && YAML_NAME.test(entry.name))
        paths.push(rel);
    },
  });
  const isCampaign = campaignMatcher(config);
  const candidates: CandidateFile[] = [];
  let heads = 0;
  const head = Buffer.alloc(HEAD_BYTES);
  for (const p of paths.sort()) {
    if (isCampaign(p)) continue;
    const text = heads < MAX_HEADS ? readHead(root, p, head) : undefined;
    if (text !== undefined) heads++;
    candidates.push(text === undefined ? { path: p } : { path: p, head: text });
  }
  return candidates;
}

/** The first bytes of a regular file inside the root; nothing for links, special or unreadable files. */
function readHead(root: string, rel: string, buffer: Buffer): string | undefined {
  const full = path.join(root, rel);
  try {
    if (!lstatSync(full).isFile()) return undefined;
    const fd = openSync(full, NO_FOLLOW);
    try {
      const bytesRead = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      return buffer.toString("utf8", 0, bytesRead);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
