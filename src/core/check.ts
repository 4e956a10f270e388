/**
 * The whole check as one pure function: files in, report out. The CLI, the Action and the app
 * gather the files their own way and all call this, so they always agree.
 */
import { attribute, verdictOf } from "./attribution.js";
import { findUnseenFiles, type CandidateFile } from "./coverage/find-unseen-files.js";
import { uncheckedCampaigns } from "./coverage/unchecked-campaigns.js";
import { checkCapacity, type CapacityResult } from "./capacity/index.js";
import { calendarEvents, type CalendarEvent, type CalendarInput } from "./calendar/calendar-events.js";
import { sortFindings, type Finding } from "./findings.js";
import { loadRepository } from "./load/index.js";
import { fitModel, type FitModel } from "./fit/index.js";
import { DEFAULT_CONFIG_PATH, type Campaign, type Capacity, type Config, type SourceFile } from "./model.js";
import type { Report } from "./report.js";
import type { RiskRunner } from "./risk/index.js";

export interface CheckInput {
  config: Config;
  /** Findings of loading the configuration itself (see `loadConfig`). */
  configFindings?: Finding[];
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
  /** Epoch ms. */
  now: number;
  /** Files that might be campaigns outside the globs (see `findUnseenFiles`); undefined: not looked for. */
  candidates?: CandidateFile[];
  /** Paths changed by the pull request; undefined: every finding counts. */
  changed?: string[];
  /**
   * Where the chance of overload is computed (this thread by default): the report's `risk` is
   * then a getter that waits for it, read last when the report is written in key order.
   */
  runRisk?: RiskRunner;
}

/** `validate`: syntax, schema and references only, no capacity model. */
export function runValidate(input: Omit<CheckInput, "changed">): Report {
  const loaded = loadRepository(input);
  const findings = sortFindings([
    ...(input.configFindings ?? []),
    ...loaded.findings,
    ...findUnseenFiles(input.config, input.candidates ?? []),
  ]);
  return {
    version: 1,
    verdict: verdictOf(findings),
    now: new Date(input.now).toISOString(),
    campaign_files: { found: input.campaigns.length, checked: input.campaigns.length },
    findings,
    services: [],
    plan: [],
    campaigns: [],
  };
}

/** `check`: everything of DESIGN sections 2 and 3. */
export function runCheck(input: CheckInput): Report {
  return checkRepository(input, false).report;
}

/**
 * `check`, plus what `fit` and the dashboard draw on: the loaded campaigns and capacity and the
 * fit model of each service's load steps (undefined when the capacity file did not load).
 */
export function runCheckModel(input: CheckInput): CheckedModel {
  return checkRepository(input, true);
}

interface CheckedModel {
  report: Report;
  campaigns: Campaign[];
  capacity?: Capacity;
  model?: FitModel;
}

/** The check; `withModel`: also the fit model (a copy of every service's steps `check` never reads). */
function checkRepository(input: CheckInput, withModel: boolean): CheckedModel {
  const loaded = loadRepository(input);
  let model: FitModel | undefined;
  let findings: Finding[] = [
    ...(input.configFindings ?? []),
    ...loaded.findings,
    ...findUnseenFiles(input.config, input.candidates ?? []),
  ];
  let services: Report["services"] = [];
  let plan: Report["plan"] = [];
  let campaigns: Report["campaigns"] = [];
  let result: CapacityResult | undefined;
  if (loaded.capacity) {
    result = checkCapacity({
      campaigns: loaded.campaigns,
      capacity: loaded.capacity,
      now: input.now,
      runRisk: input.runRisk,
    });
    // Not push(...): tens of thousands of arguments can overflow the stack.
    findings = findings.concat(result.findings);
    ({ services, plan, campaigns } = result);
    if (withModel) model = fitModel(loaded.capacity, result.states, input.now);
  } else {
    findings.push(...uncheckedCampaigns(input.config.capacity, loaded.campaigns));
  }
  findings = attribute(findings, input.changed, {
    capacityFile: input.config.capacity,
    // A deleted configuration is a change too: compare against the path it would be read from.
    configFile: input.config.file ?? DEFAULT_CONFIG_PATH,
    campaignFiles: new Map(loaded.campaigns.map((c) => [c.id, c.file])),
  });
  findings = sortFindings(findings);
  const report: Report = {
    version: 1,
    verdict: verdictOf(findings),
    now: new Date(input.now).toISOString(),
    campaign_files: {
      found: input.campaigns.length,
      checked: loaded.capacity ? loaded.campaigns.length : 0,
    },
    findings,
    services,
    plan,
    campaigns,
  };
  // The last key, read when it is written (CapacityResult.risk): a getter, not the value.
  const capacityResult = result;
  if (capacityResult)
    Object.defineProperty(report, "risk", {
      enumerable: true,
      configurable: true,
      get: () => capacityResult.risk,
    });
  return {
    report,
    campaigns: loaded.campaigns,
    ...(loaded.capacity ? { capacity: loaded.capacity } : {}),
    ...(model ? { model } : {}),
  };
}

/**
 * `calendar`: the feed's events (campaigns that load, maintenance windows and freezes of a capacity
 * file that loads) and the errors that kept something out of the feed.
 */
export function runCalendar(
  input: Omit<CheckInput, "changed"> & Pick<CalendarInput, "repository" | "only" | "previous">,
): { events: CalendarEvent[]; errors: Finding[] } {
  const loaded = loadRepository(input);
  const summaries = loaded.capacity
    ? checkCapacity({ campaigns: loaded.campaigns, capacity: loaded.capacity, now: input.now }).campaigns
    : [];
  const errors = sortFindings([...(input.configFindings ?? []), ...loaded.findings]).filter(
    (f) => f.severity === "error",
  );
  const events = calendarEvents({
    campaigns: loaded.campaigns,
    summaries,
    ...(loaded.capacity ? { capacity: loaded.capacity } : {}),
    now: input.now,
    repository: input.repository,
    ...(input.only ? { only: input.only } : {}),
    ...(input.previous ? { previous: input.previous } : {}),
  });
  return { events, errors };
}
