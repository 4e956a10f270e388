/**
 * The whole check as one pure function: files in, report out. The CLI, the Action and the app
 * gather the files their own way and all call this, so they always agree.
 */
import { attribute, verdictOf } from "./attribution.js";
import { checkCapacity } from "./capacity/index.js";
import { sortFindings, type Finding } from "./findings.js";
import { loadRepository } from "./load/index.js";
import { DEFAULT_CONFIG_PATH, type Campaign, type Config, type SourceFile } from "./model.js";
import type { CampaignSummary, Report } from "./report.js";

export interface CheckInput {
  config: Config;
  /** Findings of loading the configuration itself (see `loadConfig`). */
  configFindings?: Finding[];
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
  /** Epoch ms. */
  now: number;
  /** Paths changed by the pull request; undefined: every finding counts. */
  changed?: string[];
}

/** `validate`: syntax, schema and references only, no capacity model. */
export function runValidate(input: Omit<CheckInput, "changed">): Report {
  const loaded = loadRepository(input);
  const findings = sortFindings([...(input.configFindings ?? []), ...loaded.findings]);
  return {
    version: 1,
    verdict: verdictOf(findings),
    now: new Date(input.now).toISOString(),
    findings,
    services: [],
    plan: [],
    campaigns: [],
  };
}

/** `check`: everything of DESIGN sections 2 and 3. */
export function runCheck(input: CheckInput): Report {
  const loaded = loadRepository(input);
  let findings: Finding[] = [...(input.configFindings ?? []), ...loaded.findings];
  let services: Report["services"] = [];
  let plan: Report["plan"] = [];
  let campaigns: Report["campaigns"] = [];
  let risk: Report["risk"];
  if (loaded.capacity) {
    const result = checkCapacity({ campaigns: loaded.campaigns, capacity: loaded.capacity, now: input.now });
    findings.push(...result.findings);
    ({ services, plan, campaigns, risk } = result);
  }
  findings = attribute(findings, input.changed, {
    capacityFile: input.config.capacity,
    // A deleted configuration is a change too: compare against the path it would be read from.
    configFile: input.config.file ?? DEFAULT_CONFIG_PATH,
    campaignFiles: new Map(loaded.campaigns.map((c) => [c.id, c.file])),
  });
  findings = sortFindings(findings);
  return {
    version: 1,
    verdict: verdictOf(findings),
    now: new Date(input.now).toISOString(),
    findings,
    services,
    plan,
    campaigns,
    ...(risk ? { risk } : {}),
  };
}

/**
 * `calendar`: the campaigns that load, with their capacity-check rows (for the status shown in
 * each event), and the errors that kept other campaigns out of the feed.
 */
export function runCalendar(input: Omit<CheckInput, "changed">): {
  campaigns: Campaign[];
  summaries: CampaignSummary[];
  errors: Finding[];
} {
  const loaded = loadRepository(input);
  const summaries = loaded.capacity
    ? checkCapacity({ campaigns: loaded.campaigns, capacity: loaded.capacity, now: input.now }).campaigns
    : [];
  const errors = sortFindings([...(input.configFindings ?? []), ...loaded.findings]).filter(
    (f) => f.severity === "error",
  );
  return { campaigns: loaded.campaigns, summaries, errors };
}
