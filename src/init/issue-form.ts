/**
 * Writes the campaign issue form (`.github/ISSUE_TEMPLATE/campaign.yml`) from the repository's
 * capacity file. `init` adds it when missing; `init --issue-form` rewrites it, so the site
 * checkboxes follow the capacity file after IT adds or renames a site.
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIssueForm, ISSUE_FORM_PATH } from "../core/issue-form/build-issue-form.js";
import { loadCapacity } from "../core/load/index.js";
import { readLocalRepository, UsageError } from "../io/local-repo.js";

/**
 * Returns whether the form was written ("created"/"updated"), left as it was ("kept"), or not
 * written because the capacity file cannot give the sites yet ("skipped"; plain `init` must not
 * fail over a capacity file the user is still writing, `--issue-form` does).
 */
export async function writeIssueForm(
  root: string,
  overwrite: boolean,
): Promise<"created" | "updated" | "kept" | "skipped"> {
  const target = path.join(root, ISSUE_FORM_PATH);
  if (!overwrite && (await exists(target))) return "kept";
  const repo = await readLocalRepository(root);
  const { capacity, findings } = loadCapacity(repo.capacity, repo.config.capacity);
  if (!capacity || capacity.sites.length === 0) {
    if (!overwrite) return "skipped";
  }
  if (!capacity) {
    const first = findings[0];
    throw new UsageError(
      `the issue form lists the sites of ${repo.config.capacity}, which has errors; fix it first (campaign-gate validate)${first ? `: ${first.file}:${first.line} ${first.message}` : ""}`,
    );
  }
  if (capacity.sites.length === 0)
    throw new UsageError(`${repo.config.capacity} lists no sites; the issue form needs at least one`);
  await mkdir(path.dirname(target), { recursive: true });
  const text = buildIssueForm(capacity.sites.map((s) => s.name));
  try {
    await writeFile(target, text, { flag: overwrite ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return "kept";
    throw new UsageError(
      `init could not write ${ISSUE_FORM_PATH} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  return overwrite ? "updated" : "created";
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
