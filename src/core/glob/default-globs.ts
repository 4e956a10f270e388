/**
 * The default campaign globs (src/core/load/config.ts) as picomatch 4 compiles them, written out so
 * that a repository without a `campaigns:` setting compiles no glob at start-up: picomatch is some
 * 35 KB of the Action bundle (62 KB of source) to parse and compile, about 5 % of a run's
 * instructions on a repository without campaigns. test/core/glob/compile-glob.test.ts fails when
 * picomatch compiles them otherwise (after an upgrade, say), and prints the entries to put here.
 */
import type { GlobParts } from "./picomatch-glob.js";

export const DEFAULT_GLOBS: readonly GlobParts[] = [
  {
    glob: "campaigns/**/*.yaml",
    regex: /^(?:campaigns(?:\/(?!\.)(?:(?:(?!(?:^|\/)\.).)*?)\/|\/|$)(?!\.)(?=.)[^/]*?\.yaml)$/,
    base: "campaigns",
  },
  {
    glob: "campaigns/**/*.yml",
    regex: /^(?:campaigns(?:\/(?!\.)(?:(?:(?!(?:^|\/)\.).)*?)\/|\/|$)(?!\.)(?=.)[^/]*?\.yml)$/,
    base: "campaigns",
  },
];
