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

const compiled = new Map<string, CompiledGlob>(DEFAULT_GLOBS.map((g) => [g.glob, withMatcher(g)]));
const compiledNocase = new Map<string, CompiledGlob>();

/** The glob compiled (case-insensitive with `nocase`, for suggesting a rename). */
export function compileGlob(glob: string, options: { nocase?: boolean } = {}): CompiledGlob {
  const nocase = options.nocase === true;
  const cache = nocase ? compiledNocase : compiled;
  let entry = cache.get(glob);
  if (!entry) {
    entry = withMatcher(picomatchGlob(glob, nocase));
    cache.set(glob, entry);
  }
  return entry;
}
