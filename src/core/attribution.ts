/**
 * Attribution and verdict (DESIGN section 3): which findings a pull request is answerable for, and
 * what the check concludes from those.
 */
import { LOAD_RULES } from "./findings.js";
import type { Finding, Verdict } from "./findings.js";

export interface AttributionOptions {
  /** Path of the capacity file: changing it makes every finding counted. */
  capacityFile: string;
  /** Path of the configuration file, when one exists: changing it makes every finding counted. */
  configFile?: string;
  /** Campaign id → path of its file, to find the changed campaigns behind load-based findings. */
  campaignFiles: Map<string, string>;
}

/**
 * Sets `counted` on the findings, copying only those whose flag changes (findings are values: a
 * copy of each of 30,000 findings cost as much as the rest of the attribution). Without a list of
 * changed files every finding counts; a changed capacity file or configuration changes the ground
 * everything stands on, so again every finding counts. Otherwise a finding counts when it lies in a
 * changed file, or when it is load-based and a campaign of a changed file contributes to it.
 */
export function attribute(
  findings: Finding[],
  changed: string[] | undefined,
  opts: AttributionOptions,
): Finding[] {
  if (changed === undefined) return findings.map((f) => withCounted(f, true));
  const changedSet = new Set(changed);
  const everything =
    changedSet.has(opts.capacityFile) || (opts.configFile !== undefined && changedSet.has(opts.configFile));
  return findings.map((f) => withCounted(f, everything || isCounted(f, changedSet, opts.campaignFiles)));
}

function withCounted(f: Finding, counted: boolean): Finding {
  return f.counted === counted ? f : { ...f, counted };
}

function isCounted(f: Finding, changed: Set<string>, campaignFiles: Map<string, string>): boolean {
  if (changed.has(f.file)) return true;
  if (!LOAD_RULES.has(f.rule)) return false;
  return (f.campaigns ?? []).some((id) => {
    const file = campaignFiles.get(id);
    return file !== undefined && changed.has(file);
  });
}

/** `fail` if any counted error, `warn` if any counted warning, else `pass`. */
export function verdictOf(findings: Finding[]): Verdict {
  let verdict: Verdict = "pass";
  for (const f of findings) {
    if (!f.counted) continue;
    if (f.severity === "error") return "fail";
    if (f.severity === "warning") verdict = "warn";
  }
  return verdict;
}
