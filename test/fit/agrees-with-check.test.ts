// `fit` must mean what the check means: write the campaign it proposes into the Acme example and
// run the real check. At the earliest start without IT work the new campaign gets no load finding;
// at the earliest start with IT work only scale-up/redundancy warnings; a minute earlier, more.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck, runCheckModel } from "../../src/core/check.js";
import { findWindows } from "../../src/core/fit/index.js";
import { readLocalRepository } from "../../src/io/local-repo.js";

const ACME = path.resolve("examples/acme");
const NOW = Date.parse("2026-11-23T09:00:00Z");
const DAY = 86_400_000;

function candidate(start: number, end: number, site: string, size: number, unit: "users" | "rps"): string {
  const key = unit === "users" ? "peak_concurrent_users" : "peak_requests_per_second";
  return [
    "id: fit-candidate",
    "name: Candidate",
    'owner: "@jane"',
    "type: other",
    `window: { start: "${new Date(start).toISOString()}", end: "${new Date(end).toISOString()}" }`,
    `targets: [{ site: ${site} }]`,
    `forecast: { ${key}: ${size}, high: ${size}, confidence: historical, basis: fit }`,
    "",
  ].join("\n");
}

async function rulesOf(start: number, end: number, site: string, size: number, unit: "users" | "rps") {
  const repo = await readLocalRepository(ACME);
  const report = runCheck({
    ...repo,
    campaigns: [
      ...repo.campaigns,
      { path: "campaigns/candidate.yaml", text: candidate(start, end, site, size, unit) },
    ],
    now: NOW,
  });
  return report.findings.filter((f) => f.campaign === "fit-candidate").map((f) => f.rule);
}

describe("fit agrees with check on the Acme example", async () => {
  const repo = await readLocalRepository(ACME);
  const { model } = runCheckModel({ ...repo, now: NOW });
  const cases = [
    { site: "shop", size: 8000, unit: "users" as const, days: 3 },
    { site: "shop", size: 20000, unit: "users" as const, days: 3 },
    { site: "brand", size: 10000, unit: "users" as const, days: 2 },
    { site: "kids", size: 900, unit: "rps" as const, days: 1 },
  ];
  for (const c of cases) {
    it(`${c.size} ${c.unit} on ${c.site} for ${c.days} days`, async () => {
      const answer = findWindows(model!, { ...c, duration: c.days * DAY });
      expect(answer.free.length + answer.work.length).toBeGreaterThan(0);
      for (const w of answer.free.slice(0, 2)) {
        expect(await rulesOf(w.earliest, w.earliest + c.days * DAY, c.site, c.size, c.unit)).toEqual([]);
        if (w.earliest - 60_000 > answer.from) {
          const before = await rulesOf(
            w.earliest - 60_000,
            w.earliest - 60_000 + c.days * DAY,
            c.site,
            c.size,
            c.unit,
          );
          expect(before.length).toBeGreaterThan(0);
        }
      }
      for (const w of answer.work.slice(0, 2)) {
        const rules = await rulesOf(w.earliest, w.earliest + c.days * DAY, c.site, c.size, c.unit);
        expect(rules.length).toBeGreaterThan(0);
        expect(rules.every((r) => r === "scale-up" || r === "redundancy")).toBe(true);
      }
    });
  }
});
