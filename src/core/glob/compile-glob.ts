/**
 * Campaign globs compiled once per process: the CLI and the Action match every listed path against
 * them, look for near misses among the files they do not match (find-unseen-files.ts) and walk only
 * their base folders (list-campaign-files.ts), and each of those used to compile the same globs
 * again. The default globs come precompiled (default-globs.ts); any other goes through picomatch.
 */
import { DEFAULT_GLOBS } from "./default-globs.js";
import { picomatchGlob, type GlobParts } from "./picomatch-glob.js";

export interface CompiledGlob extends GlobParts {
  /**
   * Whether a path matches: it equals the glob or the expression matches it, as picomatch's own
   * matcher decides without options (minus the two result objects and the match array it
   * allocates per call).
   */
  matches: (path: string) => boolean;
}

const withMatcher = (parts: GlobParts): CompiledGlob => ({
  ...parts,
  matches: (path) => path === parts.glob || parts.regex.test(path),
});

/**
 * Globs compiled so far, by glob (and case-insensitive ones apart). Bounded, for the app, which
 * runs for weeks and meets the globs of every repository it is installed on: past the bound, the
 * oldest entry goes (compiled again if met again).
 */
const compiled = new Map<string, CompiledGlob>(DEFAULT_GLOBS.map((g) => [g.glob, withMatcher(g)]));
const compiledNocase = new Map<string, CompiledGlob>();
const MAX_COMPILED = 256;

/** The glob compiled (case-insensitive with `nocase`, for suggesting a rename). */
export function compileGlob(glob: string, options: { nocase?: boolean } = {}): CompiledGlob {
  const nocase = options.nocase === true;
  const cache = nocase ? compiledNocase : compiled;
  let entry = cache.get(glob);
  if (!entry) {
    entry = withMatcher(picomatchGlob(glob, nocase));
    if (cache.size >= MAX_COMPILED) cache.delete(cache.keys().next().value!);
    cache.set(glob, entry);
  }
  return entry;
}
