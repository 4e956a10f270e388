/**
 * Listing the campaign files of a checkout: every path under the campaign globs' folders that the
 * configuration's globs match. A directory walk of our own (not a glob library) because links must
 * be seen, not skipped: a linked campaign file or folder is reported, never followed, never silent.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { finding, type Finding } from "../core/findings.js";
import { compileGlob } from "../core/glob/compile-glob.js";
import { LEFT_OUT } from "../core/load/index.js";
import { escapesRoot } from "../core/repo-path.js";
import type { RootReader } from "./read-inside-root.js";
import { walkFolders } from "./walk-folders.js";

/** Folders never walked: git's own data. */
const SKIPPED = new Set([".git"]);

/**
 * @param matches the campaign matcher (globs, minus the capacity and configuration files)
 * @returns the candidate paths (sorted, posix, relative) and findings for links met on the way
 */
export function listCampaignFiles(
  reader: RootReader,
  globs: readonly string[],
  matches: (p: string) => boolean,
): { paths: string[]; findings: Finding[] } {
  const paths = new Set<string>();
  const findings: Finding[] = [];
  const walked = new Set<string>();
  const bases = globs
    .filter((g) => !escapesRoot(g))
    .map((g) => path.posix.normalize(compileGlob(g).base || "."))
    .sort((a, b) => a.length - b.length);
  for (const base of bases) {
    if (walked.has(base)) continue;
    if (base !== ".") {
      const checked = reader.checkFolder(base);
      if (checked === "missing") {
        // A literal file path as a glob (no wildcard): its base is the file itself.
        if (matches(base)) paths.add(base);
        continue;
      }
      if (checked) {
        walked.add(base);
        findings.push(checked);
        continue;
      }
    }
    walkFolders(reader.root, base, {
      walked,
      skip: (name) => SKIPPED.has(name),
      visit: (rel, entry) => {
        if (
          !matches(rel) &&
          !(entry.isSymbolicLink() && couldHoldCampaigns(rel, matches) && isFolder(reader.root, rel))
        )
          return;
        if (entry.isSymbolicLink()) {
          findings.push(
            finding(
              "unreadable",
              rel,
              { line: 1, column: 1 },
              `\`${rel}\` is a symbolic link; campaign-gate never follows links (one could point outside the repository), so it was not read. Commit the ${matches(rel) ? "file" : "folder"} itself instead of a link.${matches(rel) ? LEFT_OUT : ""}`,
            ),
          );
        } else paths.add(rel);
      },
    });
  }
  return { paths: [...paths].sort(), findings };
}

/** Whether a folder at `rel` could hold files the globs match (then a link there hides campaigns). */
function couldHoldCampaigns(rel: string, matches: (p: string) => boolean): boolean {
  return ["x.yaml", "x.yml", "x/x.yaml", "x/x.yml"].some((name) => matches(`${rel}/${name}`));
}

/** Whether a link points at a folder (stat follows it, but reads nothing and echoes nothing). */
function isFolder(root: string, rel: string): boolean {
  try {
    return statSync(path.join(root, rel)).isDirectory();
  } catch {
    return false;
  }
}
