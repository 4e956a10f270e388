/**
 * Which paths are campaign files: the one notion the CLI and the Action (reading a checkout) and
 * the app (reading git trees through the API) share.
 */
import picomatch from "picomatch";
import { DEFAULT_CONFIG_PATH, type Config } from "./model.js";

/**
 * Whether a path is a campaign file under `config`: it matches a campaign glob and is neither the
 * capacity file nor the configuration. As with tinyglobby's defaults, `*` does not match dot files.
 */
export function campaignMatcher(config: Config): (path: string) => boolean {
  const matches = picomatch(config.campaigns);
  const excluded = new Set([config.capacity, config.file ?? DEFAULT_CONFIG_PATH]);
  return (path) => !excluded.has(path) && matches(path);
}
