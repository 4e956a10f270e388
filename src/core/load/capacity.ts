/**
 * Loading the capacity file (DESIGN 1.2). Times here must carry an offset or Z; a date alone is UTC
 * midnight (start) or the next UTC midnight (end) — IT's file has no `timezone` key.
 */
import { finding } from "../findings.js";
import type { Finding } from "../findings.js";
import type {
  BaselineProfile,
  Capacity,
  CapacityDefaults,
  Failover,
  Freeze,
  Maintenance,
  Service,
  Site,
  SourceFile,
} from "../model.js";
import type { CampaignGateCapacity } from "./schema-types.js";
import { dictionary } from "./dictionary.js";
import { canonicalTimeZone, resolveInstant } from "./instants.js";
import { describePath, schemaFindings } from "./schema-errors.js";
import { validators } from "./schemas.js";
import { didYouMean, quote } from "./suggest.js";
import { keyAt, parseYaml, valueAt } from "./yaml-source.js";
import type { DataPath, ParsedYaml } from "./yaml-source.js";

/** DESIGN 1.2 defaults. */
export const CAPACITY_DEFAULTS: CapacityDefaults = {
  target_utilization: 0.7,
  failover_utilization: 0.9,
  notice_days: 14,
  uncertainty: { historical: 1.2, model: 1.5, guess: 2 },
};

/** The capacity file as the schema guarantees it (generated from the schema). */
type CapacityData = CampaignGateCapacity;
type ServiceData = CampaignGateCapacity["services"][string];
type WindowData = { name: string; start: string; end: string };

/** Loads the capacity file; `capacity` is undefined when the file is missing or has any error. */
export function loadCapacity(
  file: SourceFile | undefined,
  expectedPath: string,
): { capacity?: Capacity; findings: Finding[] } {
  if (!file) {
    return {
      findings: [
        finding(
          "syntax",
          expectedPath,
          { line: 1, column: 1 },
          `capacity file not found at ${expectedPath}. IT keeps the infrastructure limits there; create it (see \`campaign-gate init\`) or set \`capacity:\` in .github/campaign-gate.yml to its path.`,
        ),
      ],
    };
  }
  const parsed = parseYaml(file, "capacity file");
  if (!("doc" in parsed)) return { findings: [parsed] };
  const validate = validators().capacity;
  if (!validate(parsed.data)) return { findings: schemaFindings(parsed, validate.errors ?? []) };
  const data = parsed.data as unknown as CapacityData;
  const findings = referenceFindings(parsed, data);
  const services = Object.entries(data.services).map(([name, s]) => toService(parsed, name, s, findings));
  const sites = Object.entries(data.sites).map(([name, s]): Site => {
    const site: Site = {
      name,
      baseline_rps: s.baseline_rps ?? (s.baseline_users ?? 0) * (s.rps_per_user ?? 0),
      uses: dictionary(s.uses),
      at: keyAt(parsed, ["sites", name]),
    };
    if (s.rps_per_user !== undefined) site.rps_per_user = s.rps_per_user;
    if (s.profile) {
      const profile = toProfile(parsed, name, s.profile, findings);
      if (profile) site.profile = profile;
    }
    return site;
  });
  const failover = toFailover(parsed, data, services, findings);
  const maintenance: Maintenance[] = [];
  (data.maintenance ?? []).forEach((m, i) => {
    const w = resolveWindow(parsed, ["maintenance", i], m, findings);
    if (w)
      maintenance.push({
        name: m.name,
        services: [...m.services],
        ...w,
        capacity_factor: m.capacity_factor ?? 0,
        at: valueAt(parsed, ["maintenance", i]),
      });
  });
  const freezes: Freeze[] = [];
  (data.freezes ?? []).forEach((f, i) => {
    const w = resolveWindow(parsed, ["freezes", i], f, findings);
    if (w) freezes.push({ name: f.name, ...w, at: valueAt(parsed, ["freezes", i]) });
  });
  if (findings.length > 0) return { findings };
  const d = data.defaults ?? {};
  const defaults: CapacityDefaults = {
    target_utilization: d.target_utilization ?? CAPACITY_DEFAULTS.target_utilization,
    failover_utilization: d.failover_utilization ?? CAPACITY_DEFAULTS.failover_utilization,
    notice_days: d.notice_days ?? CAPACITY_DEFAULTS.notice_days,
    uncertainty: { ...CAPACITY_DEFAULTS.uncertainty, ...d.uncertainty },
  };
  if (d.max_risk !== undefined) defaults.max_risk = d.max_risk;
  for (const s of services)
    if (s.target_utilization === 0) s.target_utilization = defaults.target_utilization;
  const capacity: Capacity = { file: parsed.file, defaults, services, sites, maintenance, freezes };
  if (failover) capacity.failover = failover;
  return { capacity, findings: [] };
}

/** Services named in `uses` and maintenance entries must exist (rule `unknown-site`, DESIGN 3). */
function referenceFindings(parsed: ParsedYaml, data: CapacityData): Finding[] {
  const names = Object.keys(data.services);
  const unknown = (name: string, path: DataPath, where: string) =>
    finding(
      "unknown-site",
      parsed.file,
      path[path.length - 1] === "uses" ? valueAt(parsed, path) : keyAt(parsed, path),
      `${where} names the service ${quote(name)}, which is not under \`services\`${didYouMean(name, names)}. Known services: ${names.join(", ")}.`,
      { service: name },
    );
  const findings: Finding[] = [];
  for (const [site, s] of Object.entries(data.sites)) {
    for (const service of Object.keys(s.uses)) {
      if (!Object.hasOwn(data.services, service))
        findings.push(unknown(service, ["sites", site, "uses", service], `\`sites.${site}.uses\``));
    }
  }
  (data.maintenance ?? []).forEach((m, i) => {
    m.services.forEach((service, j) => {
      if (!Object.hasOwn(data.services, service)) {
        findings.push(
          finding(
            "unknown-site",
            parsed.file,
            valueAt(parsed, ["maintenance", i, "services", j]),
            `The maintenance ${quote(m.name)} names the service ${quote(service)}, which is not under \`services\`${didYouMean(service, names)}. Known services: ${names.join(", ")}.`,
            { service },
          ),
        );
      }
    });
  });
  for (const [name, s] of Object.entries(data.sites)) {
    if (s.baseline_users !== undefined && s.rps_per_user === undefined) {
      findings.push(
        finding(
          "schema",
          parsed.file,
          keyAt(parsed, ["sites", name, "baseline_users"]),
          `\`sites.${name}\` gives \`baseline_users\` but no \`rps_per_user\`, so its ordinary load cannot be computed; add \`rps_per_user\` or give \`baseline_rps\` instead.`,
        ),
      );
    }
  }
  return findings;
}

function toService(parsed: ParsedYaml, name: string, s: ServiceData, findings: Finding[]): Service {
  const base = { name, target_utilization: s.target_utilization ?? 0, at: keyAt(parsed, ["services", name]) };
  if (s.max_rps !== undefined) return { ...base, kind: "fixed", max_rps: s.max_rps };
  const instances = s.instances!;
  const max = s.max_instances!;
  if (instances > max) {
    findings.push(
      finding(
        "schema",
        parsed.file,
        keyAt(parsed, ["services", name, "instances"]),
        `\`services.${name}.instances\` (${instances}) is more than \`max_instances\` (${max}); the running instances cannot exceed the ceiling. Raise \`max_instances\` or correct \`instances\`.`,
        { service: name },
      ),
    );
  }
  return {
    ...base,
    kind: "scalable",
    per_instance_rps: s.per_instance_rps!,
    instances,
    max_instances: max,
    zones: s.zones ?? 1,
  };
}

function resolveWindow(
  parsed: ParsedYaml,
  path: DataPath,
  w: WindowData,
  findings: Finding[],
): { start: number; end: number } | undefined {
  const where = describePath(path);
  const start = resolveInstant(w.start, "start", "UTC");
  const end = resolveInstant(w.end, "end", "UTC");
  if (!start.ok)
    findings.push(
      finding(
        "window",
        parsed.file,
        valueAt(parsed, [...path, "start"]),
        `\`${where}.start\` ${start.problem}.`,
      ),
    );
  if (!end.ok)
    findings.push(
      finding("window", parsed.file, valueAt(parsed, [...path, "end"]), `\`${where}.end\` ${end.problem}.`),
    );
  if (!start.ok || !end.ok) return undefined;
  if (end.ms <= start.ms) {
    findings.push(
      finding(
        "window",
        parsed.file,
        valueAt(parsed, [...path, "end"]),
        `\`${where}.end\` (${w.end}) is not after \`${where}.start\` (${w.start}); the window must end after it starts.`,
      ),
    );
    return undefined;
  }
  return { start: start.ms, end: end.ms };
}

type ProfileData = NonNullable<CampaignGateCapacity["sites"][string]["profile"]>;

/** A site's time-of-week profile; a zone Temporal does not know is a `schema` finding on its line. */
function toProfile(
  parsed: ParsedYaml,
  site: string,
  p: ProfileData,
  findings: Finding[],
): BaselineProfile | undefined {
  const timezone = canonicalTimeZone(p.timezone);
  if (timezone === undefined) {
    findings.push(
      finding(
        "schema",
        parsed.file,
        valueAt(parsed, ["sites", site, "profile", "timezone"]),
        `\`sites.${site}.profile.timezone\` is ${quote(p.timezone)}, which is not a known IANA time zone; write one like Europe/Berlin or America/New_York.`,
      ),
    );
    return undefined;
  }
  return { timezone, hours: [...p.hours], weekdays: p.weekdays ? [...p.weekdays] : [1, 1, 1, 1, 1, 1, 1] };
}

/** The standby environment; unknown services are `unknown-site`, instances of a fixed service `schema`. */
function toFailover(
  parsed: ParsedYaml,
  data: CapacityData,
  services: readonly Service[],
  findings: Finding[],
): Failover | undefined {
  if (!data.failover) return undefined;
  const names = services.map((s) => s.name);
  const entries: Failover["services"] = [];
  for (const [name, e] of Object.entries(data.failover.services)) {
    const at = keyAt(parsed, ["failover", "services", name]);
    const service = services.find((s) => s.name === name);
    if (!service) {
      findings.push(
        finding(
          "unknown-site",
          parsed.file,
          at,
          `\`failover.services\` names the service ${quote(name)}, which is not under \`services\`${didYouMean(name, names)}. Known services: ${names.join(", ")}.`,
          { service: name },
        ),
      );
      continue;
    }
    if (e.instances !== undefined) {
      if (service.kind !== "scalable") {
        findings.push(
          finding(
            "schema",
            parsed.file,
            keyAt(parsed, ["failover", "services", name, "instances"]),
            `\`failover.services.${name}\` gives \`instances\`, but ${name} is a fixed service (max_rps); give its standby capacity as \`max_rps\` instead.`,
            { service: name },
          ),
        );
        continue;
      }
      entries.push({
        service: name,
        rps: e.instances * service.per_instance_rps,
        instances: e.instances,
        at,
      });
    } else entries.push({ service: name, rps: e.max_rps!, at });
  }
  return { name: data.failover.name ?? "failover", services: entries, at: keyAt(parsed, ["failover"]) };
}
