/**
 * "Nothing unseen": files that look like campaigns but that the campaign globs miss. A campaign
 * saved as `campaign/sale.yaml` or `campaigns/Sale.YAML` would otherwise never be checked, and the
 * check would pass without a word — the way a campaign never reaches IT. Each such file gets an
 * `unseen` warning naming the file and the glob it missed.
 */
import { distance } from "fastest-levenshtein";
import { campaignMatcher } from "../campaign-files.js";
import { finding, type Finding } from "../findings.js";
import { compileGlob } from "../glob/compile-glob.js";
import { DEFAULT_CONFIG_PATH, type Config } from "../model.js";

/** A file the shell listed as a possible campaign: its path and, when read, its first bytes. */
export interface CandidateFile {
  /** Relative to the root, posix slashes. */
  path: string;
  /** The start of the file (a few KiB is plenty), for the "campaign-shaped" test. */
  head?: string;
}

/** Top-level keys every campaign has; a YAML file with three of them is campaign-shaped. */
const CAMPAIGN_KEYS = ["id", "window", "targets", "forecast"];
/** How far a folder name may be from the glob's folder and still be a typo of it. */
const FOLDER_TYPO_DISTANCE = 2;

/** One `unseen` warning per candidate that looks like a campaign but matches no campaign glob. */
export function findUnseenFiles(config: Config, candidates: readonly CandidateFile[]): Finding[] {
  const seen = campaignMatcher(config);
  const skip = new Set([config.capacity, config.file ?? DEFAULT_CONFIG_PATH]);
  // Compiled for the first file the globs miss: most repositories have none.
  let globs: Glob[] | undefined;
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const p = candidate.path;
    if (skip.has(p) || seen(p)) continue;
    globs ??= config.campaigns.map((glob) => {
      const exact = compileGlob(glob);
      return { glob, exact: exact.matches, nocase: compileGlob(glob, { nocase: true }).matches, base: exact.base };
    });
    const message = explain(p, candidate.head, globs);
    if (message) findings.push(finding("unseen", p, { line: 1, column: 1 }, message));
  }
  return findings;
}

interface Glob {
  glob: string;
  exact: (path: string) => boolean;
  nocase: (path: string) => boolean;
  base: string;
}

function explain(p: string, head: string | undefined, globs: Glob[]): string | undefined {
  const intro = `${p} looks like a campaign but is not checked:`;
  for (const g of globs) {
    if (g.nocase(p))
      return `${intro} it does not match the campaign glob \`${g.glob}\`, which is case-sensitive. Rename it to match the glob exactly (for example \`${lowerCaseLike(p, g)}\`).`;
  }
  for (const g of globs) {
    const renamed = withYamlExtension(p, g.exact);
    if (renamed)
      return `${intro} its extension does not match the campaign glob \`${g.glob}\`. Rename it to \`${renamed}\`.`;
  }
  for (const g of globs) {
    const moved = nearMissFolder(p, g);
    if (moved)
      return `${intro} it is in the folder \`${moved.folder}\`, which the campaign glob \`${g.glob}\` does not cover (it covers \`${g.base}\`). Move it to \`${moved.path}\`.`;
  }
  if (head !== undefined && isCampaignShaped(head)) {
    const list = globs.map((g) => `\`${g.glob}\``).join(", ");
    return `${intro} it has the keys of a campaign but matches none of the campaign globs (${list}). Move it under \`${globs[0]?.base || "campaigns"}/\`, or add a glob for it to \`campaigns:\` in the configuration; if it is not a campaign, ignore this warning.`;
  }
  return undefined;
}

/** The path with its extension swapped for a lower-case .yaml or .yml the glob matches, if any. */
function withYamlExtension(p: string, matches: (path: string) => boolean): string | undefined {
  const dot = p.lastIndexOf(".");
  const slash = p.lastIndexOf("/");
  const stem = dot > slash ? p.slice(0, dot) : p;
  for (const ext of [".yaml", ".yml"]) {
    const renamed = `${stem}${ext}`;
    if (renamed !== p && matches(renamed)) return renamed;
  }
  return undefined;
}

/** The glob's folder in the capitalisation the glob has, the rest of the path lower-cased. */
function lowerCaseLike(p: string, g: Glob): string {
  const base = g.base;
  const rest = base && p.toLowerCase().startsWith(`${base.toLowerCase()}/`) ? p.slice(base.length) : p;
  const candidate = base && rest !== p ? `${base}${rest.toLowerCase()}` : p.toLowerCase();
  return g.exact(candidate) ? candidate : p.toLowerCase();
}

/** `campaign/sale.yaml` for the base `campaigns`: the folder is a typo of the glob's folder. */
function nearMissFolder(p: string, g: Glob): { folder: string; path: string } | undefined {
  if (!g.base) return undefined;
  const depth = g.base.split("/").length;
  const parts = p.split("/");
  if (parts.length <= depth) return undefined;
  const folder = parts.slice(0, depth).join("/");
  if (folder === g.base) return undefined;
  if (distance(folder.toLowerCase(), g.base.toLowerCase()) > FOLDER_TYPO_DISTANCE) return undefined;
  const moved = [g.base, ...parts.slice(depth)].join("/");
  if (g.exact(moved) || g.nocase(moved)) return { folder, path: withYamlExtension(moved, g.exact) ?? moved };
  return undefined;
}

function isCampaignShaped(head: string): boolean {
  const keys = new Set<string>();
  for (const match of head.matchAll(/^([a-z_]+)[ \t]*:/gm)) keys.add(match[1] ?? "");
  return CAMPAIGN_KEYS.filter((k) => keys.has(k)).length >= 3;
}
