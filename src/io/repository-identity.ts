/**
 * The repository identity that goes into every calendar UID, so two repositories' feeds never
 * share a UID. In order: `--repo owner/name`, GITHUB_REPOSITORY (every Actions run has it), the
 * `origin` remote of the checkout's git configuration, and finally `local-<hash of the root's
 * absolute path>`, which is stable on one machine only (publish with --repo or from Actions).
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** True for an `owner/name` a UID can carry as is. */
export function isRepositoryName(text: string): boolean {
  return REPOSITORY.test(text);
}

export async function repositoryIdentity(
  root: string,
  option: string | undefined,
  env: Record<string, string | undefined>,
): Promise<string> {
  if (option !== undefined) return option;
  if (env.GITHUB_REPOSITORY && isRepositoryName(env.GITHUB_REPOSITORY)) return env.GITHUB_REPOSITORY;
  const remote = await originRemote(root);
  if (remote) return remote;
  return `local-${createHash("sha256").update(path.resolve(root)).digest("hex").slice(0, 16)}`;
}

/** owner/name from `[remote "origin"] url = …` (https, ssh or scp-like), or undefined. */
export function repositoryFromRemoteUrl(url: string): string | undefined {
  const m = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

async function originRemote(root: string): Promise<string | undefined> {
  const config = await gitConfigText(path.join(root, ".git"));
  const section = /\[remote "origin"\]([^[]*)/.exec(config ?? "")?.[1];
  const url = /^\s*url\s*=\s*(.+)$/m.exec(section ?? "")?.[1];
  return url ? repositoryFromRemoteUrl(url) : undefined;
}

/** The git configuration of a checkout (`.git` a folder, or a file pointing at a worktree's git dir). */
async function gitConfigText(dotGit: string): Promise<string | undefined> {
  try {
    let dir = dotGit;
    if ((await stat(dotGit)).isFile()) {
      const gitdir = /^gitdir:\s*(.+)$/m.exec(await readFile(dotGit, "utf8"))?.[1]?.trim();
      if (!gitdir) return undefined;
      dir = path.resolve(path.dirname(dotGit), gitdir);
      const common = await readFile(path.join(dir, "commondir"), "utf8").catch(() => undefined);
      if (common) dir = path.resolve(dir, common.trim());
    }
    return await readFile(path.join(dir, "config"), "utf8");
  } catch {
    return undefined;
  }
}
