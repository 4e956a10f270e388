/**
 * Which paths are campaign files: the one notion the CLI and the Action (reading a checkout) and
 * the app (reading git trees through the API) share.
 */
import { compileGlob } from "./glob/compile-glob.js";
import { DEFAULT_CONFIG_PATH, type Config } from "./model.js";

/**
 * Whether a path is a campaign file under `config`: it matches a campaign glob and is neither the
 * capacity file nor the configuration. As with tinyglobby's defaults, `*` does not match dot files.
 * Each glob's regular expression is tested directly (compile-glob.ts): what picomatch's matcher
 * decides without options, minus the two result objects and the match array it allocates per call
 * — ~350 bytes for each of 10,000 listed files.
 */
export function campaignMatcher(config: Config): (path: string) => boolean {
  const globs = config.campaigns.map((glob) => compileGlob(glob));
  const excluded = new Set([config.capacity, config.file ?? DEFAULT_CONFIG_PATH]);
  return (path) => {
    if (path === "" || excluded.has(path)) return false;
    for (const g of globs) if (g.matches(path)) return true;
    return false;
  };
}
