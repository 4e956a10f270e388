/**
 * `campaign-gate report --html DIR`: runs the check and writes the dashboard into DIR. Campaign
 * file links point back to the repository root relative to DIR, so they open from file:// too.
 */
import path from "node:path";
import { runCheckModel, type CheckInput } from "../core/check.js";
import { UsageError } from "../io/local-repo.js";
import { repositoryIdentity } from "../io/repository-identity.js";

/** Returns the exit status: 0 the page was written, 1 the capacity file did not load (no page). */
export async function reportCommand(
  input: CheckInput,
  root: string,
  flags: { html?: string },
  io: { cwd: string; stderr: (t: string) => void },
): Promise<number> {
  if (flags.html === undefined)
    throw new UsageError("report needs --html DIR, the folder to write the dashboard to");
  const dir = path.resolve(io.cwd, flags.html);
  const { report, campaigns, capacity, model } = runCheckModel(input);
  if (!capacity || !model) {
    io.stderr("The capacity file did not load, so there is no dashboard to draw:\n");
    for (const f of report.findings.filter((x) => x.severity === "error"))
      io.stderr(`${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}\n`);
    return 1;
  }
  // Loaded lazily: the renderer is only needed when a page is asked for.
  const { writeDashboard } = await import("../report/html/write-dashboard.js");
  const relative = path.relative(dir, root).split(path.sep).join("/");
  const file = await writeDashboard(
    dir,
    {
      report,
      campaigns,
      capacity,
      model,
      repository: await repositoryIdentity(root, undefined, process.env),
    },
    relative === "" ? "" : `${relative}/`,
  );
  io.stderr(`Wrote the dashboard to ${file}\n`);
  return 0;
}
