/**
 * A campaign glob compiled by picomatch: its regular expression and its base folder. Checks (the
 * CLI's, the Action's) use picomatch through this module only, so that the Action bundle can keep it
 * in a chunk required on first use (scripts/bundle.js): a repository with the default globs never
 * needs it (compile-glob.ts).
 */
import picomatch from "picomatch";

/** What picomatch makes of a glob. */
export interface GlobParts {
  glob: string;
  /** picomatch's regular expression for the glob. */
  regex: RegExp;
  /** The folder the glob's matches are all under ("" for the repository's root). */
  base: string;
}

/** What picomatch makes of `glob`, case-insensitive with `nocase`. */
export function picomatchGlob(glob: string, nocase: boolean): GlobParts {
  return {
    glob,
    regex: picomatch.makeRe(glob, nocase ? { nocase: true } : {}),
    base: picomatch.scan(glob).base,
  };
}
