/**
 * Lists the files that might be campaigns the globs miss (see core/coverage/find-unseen-files):
 * every YAML file of the checkout in any capitalisation (`Sale.YAML`), with the first bytes of
 * those the globs do not match, for the "campaign-shaped" test. Separate from reading the
 * repository on purpose: it only names files, it never loads them as campaigns.
 */
import { lstat, open } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { campaignMatcher } from "../core/campaign-files.js";
import type { CandidateFile } from "../core/coverage/find-unseen-files.js";
import type { Config } from "../core/model.js";

/** Enough of a file to see its top-level keys. */
const HEAD_BYTES = 4096;
/** Reading the heads of more files than this would slow a huge repository down; the rest go by name. */
const MAX_HEADS = 2000;

export async function listCampaignCandidates(root: string, config: Config): Promise<CandidateFile[]> {
  const paths = await glob(["**/*.yaml", "**/*.yml"], {
    cwd: root,
    onlyFiles: true,
    caseSensitiveMatch: false,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: ["**/node_modules/**"],
  });
  const isCampaign = campaignMatcher(config);
  const candidates: CandidateFile[] = [];
  let heads = 0;
  for (const p of [...new Set(paths.map(toPosix))].sort()) {
    if (isCampaign(p)) continue;
    const head = heads < MAX_HEADS ? await readHead(root, p) : undefined;
    if (head !== undefined) heads++;
    candidates.push(head === undefined ? { path: p } : { path: p, head });
  }
  return candidates;
}

/** The first bytes of a regular file inside the root; nothing for links, special or unreadable files. */
async function readHead(root: string, rel: string): Promise<string | undefined> {
  const full = path.join(root, rel);
  try {
    if (!(await lstat(full)).isFile()) return undefined;
    const handle = await open(full, "r");
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/").replace(/^\.\//, "");
}
