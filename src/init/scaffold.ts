/**
 * `campaign-gate init`: copies the starter files into a repository. All-or-nothing: when any
 * target exists, nothing is written and the user is told which files are in the way.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../io/local-repo.js";

/** Template files, relative to templates/init/ and to the target repository alike. */
export const SCAFFOLD_FILES = [
  ".github/campaign-gate.yml",
  "infra/capacity.yaml",
  "campaigns/example-launch.yaml",
  ".github/workflows/campaign-gate.yml",
  ".github/workflows/campaign-gate-pages.yml",
] as const;

const TEMPLATES = fileURLToPath(new URL("../../templates/init/", import.meta.url));
const DAY_MS = 86_400_000;

/** Writes the starter files under `root`; returns the paths created. `now` dates the example campaign. */
export async function scaffold(root: string, now: number): Promise<string[]> {
  const existing: string[] = [];
  for (const rel of SCAFFOLD_FILES) {
    if (await exists(path.join(root, rel))) existing.push(rel);
  }
  if (existing.length > 0) {
    throw new UsageError(`init never overwrites files; already present: ${existing.join(", ")}`);
  }
  // The example sits well beyond the notice period, so a fresh scaffold checks clean.
  const start = new Date(now + 60 * DAY_MS).toISOString().slice(0, 10);
  const end = new Date(now + 62 * DAY_MS).toISOString().slice(0, 10);
  const contents = await Promise.all(
    SCAFFOLD_FILES.map(async (rel) =>
      (await readFile(path.join(TEMPLATES, rel), "utf8")).replace("{{START}}", start).replace("{{END}}", end),
    ),
  );
  for (const [i, rel] of SCAFFOLD_FILES.entries()) {
    const target = path.join(root, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents[i] ?? "", { flag: "wx" });
  }
  return [...SCAFFOLD_FILES];
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
