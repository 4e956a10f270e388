/**
 * `campaign-gate init`: copies the starter files into a repository. Adds only the files that are
 * missing and never overwrites one (an existing file is kept as it is, even if it differs), so
 * init can be run again after deleting a file, or in a repository that already has some of them.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
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

/**
 * Writes the missing starter files under `root` (created when missing). `now` dates the example
 * campaign. Returns what was created and what was kept.
 */
export async function scaffold(root: string, now: number): Promise<{ created: string[]; kept: string[] }> {
  // The example sits well beyond the notice period, so a fresh scaffold checks clean.
  const start = new Date(now + 60 * DAY_MS).toISOString().slice(0, 10);
  const end = new Date(now + 62 * DAY_MS).toISOString().slice(0, 10);
  const contents = await Promise.all(
    SCAFFOLD_FILES.map(async (rel) =>
      fillTemplate(await readFile(path.join(TEMPLATES, rel), "utf8"), start, end),
    ),
  );
  const created: string[] = [];
  const kept: string[] = [];
  for (const [i, rel] of SCAFFOLD_FILES.entries()) {
    const target = path.join(root, rel);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // "wx": fails when the file exists, so a file appearing meanwhile is never overwritten either.
      await writeFile(target, contents[i] ?? "", { flag: "wx" });
      created.push(rel);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") kept.push(rel);
      else
        throw new UsageError(
          `init could not create ${rel} (${code ?? "error"}); created so far: ${created.join(", ") || "nothing"}`,
        );
    }
  }
  return { created, kept };
}

/** The example campaign's dates. */
export function fillTemplate(text: string, start: string, end: string): string {
  return text.replaceAll("{{START}}", start).replaceAll("{{END}}", end);
}
