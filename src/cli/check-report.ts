/**
 * `validate` and `check` up to their report: the repository read, the unseen-file candidates
 * listed, the core run. One module that src/cli.ts imports when such a command runs, rather than
 * one import each for the core, the reader and the candidates: in the bundle that is one chunk
 * (and the few it shares with other commands) instead of three entry chunks and their own shared
 * pieces, four fewer modules for Node's ESM loader to resolve, read, compile and link on every
 * check (about 20 M of some 250 M instructions above `node -e 0` on a repository without campaigns).
 */
import { runCheck, runValidate } from "../core/check.js";
import type { Report } from "../core/report.js";
import { listCampaignCandidates } from "../io/campaign-candidates.js";
import { readLocalRepository } from "../io/local-repo.js";
import { describePlace, riskOnThread, type RiskPlace } from "../worker/risk-thread.js";
import { riskWorkerEntry } from "../worker/risk-worker-entry.js";

export async function checkReport(
  command: "validate" | "check",
  root: string,
  now: number,
  options: {
    configPath?: string | undefined;
    changed?: string[] | undefined;
    /** Told in words where the chance of overload was computed (describePlace). */
    onRiskPlace?: (words: string) => void;
  },
): Promise<Report> {
  const repo = await readLocalRepository(root, options.configPath);
  const candidates = await listCampaignCandidates(root, repo.config);
  const input = { ...repo, candidates, now };
  if (command === "validate") return runValidate(input);
  const { onRiskPlace } = options;
  // A heavy chance of overload is computed on a second thread while the report is written.
  return runCheck({
    ...input,
    ...(options.changed ? { changed: options.changed } : {}),
    runRisk: riskOnThread({
      entry: riskWorkerEntry(),
      ...(onRiskPlace ? { onPlace: (place: RiskPlace) => onRiskPlace(describePlace(place)) } : {}),
    }),
  });
}
