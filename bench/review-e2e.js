// The review app end to end, as `npm start` runs it: two app processes against a local fake GitHub
// (test/app/e2e.test.ts). Prints the API requests per delivered event type (median over 5 pull
// requests; issue 9's target is 6 counted against the rate limit; 304s are printed apart) and the outcome of the randomized races between the replicas.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "campaign-gate-e2e-"));
const report = join(dir, "report");
const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "test/app/e2e.test.ts", "-t", "races|counted"],
  { env: { ...process.env, CAMPAIGN_GATE_E2E_REPORT: report, CAMPAIGN_GATE_RACES: "50" }, encoding: "utf8" },
);
try {
  if (run.status !== 0) {
    const failures = run.stdout.split("\n").filter((line) => /FAIL|Error|×/.test(line));
    console.log(`review app e2e: FAILED (vitest exited ${run.status})\n${failures.join("\n")}`);
  } else {
    const requests = JSON.parse(readFileSync(`${report}.requests.json`, "utf8"));
    const races = JSON.parse(readFileSync(`${report}.races.json`, "utf8"));
    console.log(
      "review app: API requests per delivered event (median of 5 PRs, two replicas; target <= 6 counted against the rate limit)",
    );
    console.log(`  ${"event".padEnd(17)} counted  sent (incl. 304)`);
    for (const [type, { median, all, sent }] of Object.entries(requests))
      console.log(
        `  ${type.padEnd(17)} ${String(median).padStart(7)}  ${String(sent).padStart(4)}  ${median <= 6 ? "met" : "MISSED"}  (${all.join(", ")})`,
      );
    console.log(
      `review app: ${races.correct}/${races.races} randomized replica races ended with the correct check; ` +
        `${races.duplicates} heads got a second run created concurrently; ${races.msPerRace.toFixed(0)} ms per race`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
