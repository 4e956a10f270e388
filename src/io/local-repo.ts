/**
 * Reads a campaigns repository from disk (the CLI and the Action run on a checkout). Everything
 * it returns is plain data for the core; problems with the files themselves become findings there.
 */
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Finding } from "../core/findings.js";
import { campaignMatcher } from "../core/campaign-files.js";
import { loadConfig } from "../core/load/index.js";
import { DEFAULT_CONFIG_PATH, type Config, type SourceFile } from "../core/model.js";

/** Files larger than this are read only this far: the loader reports them as too large. */
const READ_LIMIT_BYTES = 2 * 1024 * 1024;

export interface LocalRepository {
  config: Config;
  configFindings: Finding[];
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
}

/**
 * @param root the repository root; paths in findings are relative to it
 * @param configPath the configuration file relative to root (default .github/campaign-gate.yml);
 *   an explicitly named file that does not exist is an error, the default one is optional
 */
export async function readLocalRepository(root: string, configPath?: string): Promise<LocalRepository> {
  const configRel = toPosix(configPath ?? DEFAULT_CONFIG_PATH);
  const configFile = await readSource(root, configRel);
  if (configPath !== undefined && configFile === undefined) {
    throw new UsageError(`configuration file ${configRel} not found under ${root}`);
  }
  const { config, findings: configFindings } = loadConfig(configFile);
  const capacity = await readSource(root, config.capacity);
  const paths = await glob(config.campaigns, {
    cwd: root,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  const campaignPaths = [...new Set(paths.map(toPosix))].filter(campaignMatcher(config)).sort();
  const campaigns: SourceFile[] = [];
  for (const p of campaignPaths) {
    const file = await readSource(root, p);
    if (file) campaigns.push(file);
  }
  return { config, configFindings, capacity, campaigns };
}

/** A mistake in how the command was called (not in the repository's files): exit status 2. */
export class UsageError extends Error {}

async function readSource(root: string, rel: string): Promise<SourceFile | undefined> {
  const full = path.resolve(root, rel);
  try {
    const info = await stat(full);
    if (!info.isFile()) return undefined;
  } catch {
    return undefined;
  }
  const handle = await open(full, "r");
  try {
    const buffer = Buffer.alloc(READ_LIMIT_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { path: toPosix(rel), text: buffer.subarray(0, length).toString("utf8") };
  } finally {
    await handle.close();
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/").replace(/^\.\//, "");
}
