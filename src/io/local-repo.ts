/**
 * Reads a campaigns repository from disk (the CLI and the Action run on a checkout). Everything
 * it returns is plain data for the core; problems with the files themselves become findings there.
 * Nothing outside the root is ever read (see read-inside-root.ts).
 */
import type { Finding } from "../core/findings.js";
import { campaignMatcher } from "../core/campaign-files.js";
import { LEFT_OUT, loadConfig } from "../core/load/index.js";
import { DEFAULT_CONFIG_PATH, type Config, type SourceFile } from "../core/model.js";
import { escapesRoot } from "../core/repo-path.js";
import { listCampaignFiles } from "./list-campaign-files.js";
import { RootReader } from "./read-inside-root.js";
import { sizeYoungGeneration } from "./size-young-generation.js";

export interface LocalRepository {
  config: Config;
  /** Findings of loading the configuration, and of files that could not be read safely. */
  configFindings: Finding[];
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
}

/**
 * @param root the repository root; paths in findings are relative to it
 * @param configPath the configuration file relative to root (default .github/campaign-gate.yml);
 *   an explicitly named file that does not exist is an error, the default one is optional
 */
export function readLocalRepository(root: string, configPath?: string): Promise<LocalRepository> {
  try {
    return Promise.resolve(readLocalRepositorySync(root, configPath));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The reads themselves are synchronous: for thousands of small files on a local disk, one
 * syscall after another beats a round trip through the thread pool per file.
 */
function readLocalRepositorySync(root: string, configPath?: string): LocalRepository {
  const configRel = toPosix(configPath ?? DEFAULT_CONFIG_PATH);
  if (escapesRoot(configRel)) {
    throw new UsageError(`configuration file ${configRel} is outside the repository ${root}`);
  }
  const reader = new RootReader(root);
  const readFindings: Finding[] = [];
  const read = (rel: string, left = ""): SourceFile | undefined => {
    const outcome = reader.read(rel, left);
    if ("finding" in outcome) readFindings.push(outcome.finding);
    return "file" in outcome ? outcome.file : undefined;
  };
  const configFile = read(configRel);
  if (configPath !== undefined && configFile === undefined && readFindings.length === 0) {
    throw new UsageError(`configuration file ${configRel} not found under ${root}`);
  }
  const { config, findings: configFindings } = loadConfig(configFile);
  const capacity = read(config.capacity);
  const listed = listCampaignFiles(reader, config.campaigns, campaignMatcher(config));
  readFindings.push(...listed.findings);
  // Before the files are read: the young generation for this many (src/io/size-young-generation.ts).
  sizeYoungGeneration(listed.paths.length);
  const campaigns: SourceFile[] = [];
  for (const p of listed.paths) {
    const file = read(p, LEFT_OUT);
    if (file) campaigns.push(file);
  }
  return { config, configFindings: [...configFindings, ...readFindings], capacity, campaigns };
}

/** A mistake in how the command was called (not in the repository's files): exit status 2. */
export class UsageError extends Error {}

function toPosix(p: string): string {
  return p.replaceAll("\\", "/").replace(/^\.\//, "");
}
