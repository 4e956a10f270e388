/** Loading `.github/campaign-gate.yml` (DESIGN 1.3) with its defaults. */
import { finding } from "../findings.js";
import type { Finding } from "../findings.js";
import { DEFAULT_FREEZE_REMINDER_DAYS } from "../model.js";
import type { Config, ReviewGroup, ReviewPolicy, SourceFile } from "../model.js";
import type { CampaignGateConfiguration, Group } from "./schema-types.js";
import { dictionary } from "./dictionary.js";
import { outsidePathFindings } from "./config-paths.js";
import { canonicalTimeZone } from "./instants.js";
import { schemaFindings } from "./schema-errors.js";
import { validators } from "./schemas.js";
import { didYouMean, quote } from "./suggest.js";
import { keyAt, parseYaml, valueAt } from "./yaml-source.js";
import type { ParsedYaml } from "./yaml-source.js";

/** DESIGN 1.3 defaults: used when there is no configuration file, or it does not load. */
export function defaultConfig(): Config {
  return { campaigns: ["campaigns/**/*.yaml", "campaigns/**/*.yml"], capacity: "infra/capacity.yaml" };
}

/** The configuration file as the schema guarantees it (generated from the schema). */
type ConfigData = CampaignGateConfiguration;
type GroupData = Group;

/**
 * Loads the configuration. No file → the defaults. A broken file → its findings and the defaults
 * (with `file` set), so the check still runs and fails on the findings.
 */
export function loadConfig(file: SourceFile | undefined): { config: Config; findings: Finding[] } {
  if (!file) return { config: defaultConfig(), findings: [] };
  const broken = (findings: Finding[]) => ({ config: { ...defaultConfig(), file: file.path }, findings });
  const parsed = parseYaml(file, "configuration file");
  if (!("doc" in parsed)) return broken([parsed]);
  const validate = validators().config;
  if (!validate(parsed.data)) return broken(schemaFindings(parsed, validate.errors ?? []));
  const data = parsed.data as unknown as ConfigData;
  const findings = [...outsidePathFindings(parsed, data), ...referenceFindings(parsed, data)];
  if (findings.length > 0) return broken(findings);
  const defaults = defaultConfig();
  const config: Config = {
    file: file.path,
    campaigns: data.campaigns ?? defaults.campaigns,
    capacity: data.capacity ?? defaults.capacity,
  };
  if (data.review) config.review = toReview(data.review);
  if (data.coordination)
    config.coordination = {
      freeze_reminder_days: data.coordination.freeze_reminder_days ?? DEFAULT_FREEZE_REMINDER_DAYS,
    };
  return { config, findings: [] };
}

function group(g: GroupData | undefined): ReviewGroup {
  return { teams: [...(g?.teams ?? [])], users: [...(g?.users ?? [])] };
}

function toReview(r: NonNullable<ConfigData["review"]>): ReviewPolicy {
  const review: ReviewPolicy = {
    groups: dictionary(Object.entries(r.groups).map(([name, g]) => [name, group(g)] as const)),
    rules: r.rules.map((rule) => ({ name: rule.name, paths: [...rule.paths], require: [...rule.require] })),
    distinct_reviewers: r.distinct_reviewers ?? true,
    invalidate_on_push: r.invalidate_on_push ?? true,
    request_reviewers: r.request_reviewers ?? true,
  };
  if (r.fast_lane)
    review.fast_lane = { max_utilization: r.fast_lane.max_utilization, waive: [...r.fast_lane.waive] };
  if (r.sla) {
    review.sla = {
      hours: r.sla.hours,
      timezone: canonicalTimeZone(r.sla.timezone ?? "UTC") ?? "UTC",
      days: [...(r.sla.days ?? [1, 2, 3, 4, 5])],
      day_start: r.sla.day_start ?? "09:00",
      day_end: r.sla.day_end ?? "17:00",
      escalate: group(r.sla.escalate),
      label: r.sla.label ?? "review-overdue",
    };
  }
  return review;
}

/** References the schema cannot check: group names in rules and the fast lane, the SLA's zone and hours. */
function referenceFindings(parsed: ParsedYaml, data: ConfigData): Finding[] {
  const review = data.review;
  if (!review) return [];
  const findings: Finding[] = [];
  const groups = Object.keys(review.groups);
  const unknownGroup = (name: string, path: (string | number)[], where: string) =>
    finding(
      "schema",
      parsed.file,
      valueAt(parsed, path),
      `${where} names the group ${quote(name)}, which is not under \`review.groups\`${didYouMean(name, groups)}. Known groups: ${groups.join(", ") || "none"}.`,
    );
  review.rules.forEach((rule, i) =>
    rule.require.forEach((g, j) => {
      if (!Object.hasOwn(review.groups, g))
        findings.push(
          unknownGroup(g, ["review", "rules", i, "require", j], `The review rule ${quote(rule.name)}`),
        );
    }),
  );
  review.fast_lane?.waive.forEach((g, j) => {
    if (!Object.hasOwn(review.groups, g))
      findings.push(unknownGroup(g, ["review", "fast_lane", "waive", j], "`review.fast_lane.waive`"));
  });
  const sla = review.sla;
  if (sla?.timezone !== undefined && !canonicalTimeZone(sla.timezone)) {
    findings.push(
      finding(
        "schema",
        parsed.file,
        valueAt(parsed, ["review", "sla", "timezone"]),
        `\`review.sla.timezone\` is ${quote(sla.timezone)}, which is not a known time zone; use an IANA name like Europe/Berlin or UTC.`,
      ),
    );
  }
  if (sla && (sla.day_end ?? "17:00") <= (sla.day_start ?? "09:00")) {
    findings.push(
      finding(
        "schema",
        parsed.file,
        keyAt(parsed, ["review", "sla", sla.day_end !== undefined ? "day_end" : "day_start"]),
        `\`review.sla.day_end\` (${sla.day_end ?? "17:00"}) must be later than \`review.sla.day_start\` (${sla.day_start ?? "09:00"}).`,
      ),
    );
  }
  return findings;
}
