/**
 * Loading campaign files: YAML → schema → rules the schema cannot express → `Campaign`.
 * A campaign with any error of its own is left out of the load, and every such message says so.
 */
import { finding } from "../findings.js";
import type { Finding, Position } from "../findings.js";
import type { Campaign, CampaignTarget, Capacity, SourceFile } from "../model.js";
import type { CampaignGateCampaign } from "./schema-types.js";
import { canonicalTimeZone, hasOffset, resolveInstant } from "./instants.js";
import type { WindowEnd } from "./instants.js";
import { schemaFindings } from "./schema-errors.js";
import { validators } from "./schemas.js";
import { didYouMean, quote } from "./suggest.js";
import { keyAt, parseYaml, valueAt } from "./yaml-source.js";
import type { ParsedYaml } from "./yaml-source.js";

/** Appended to every error of a campaign's own: the capacity check runs without it. */
export const LEFT_OUT = " This campaign is left out of the load until this is fixed.";

/** The campaign file as the schema guarantees it (generated from the schema). */
type CampaignData = CampaignGateCampaign;

interface LoadedFile {
  file: string;
  /** The id and its position, when the file has a text `id` (for duplicate detection). */
  id?: { value: string; at: Position };
  campaign?: Campaign;
  findings: Finding[];
}

/** Loads every campaign file. Returns only campaigns without errors of their own, in file order. */
export function loadCampaigns(
  files: SourceFile[],
  capacity: Capacity | undefined,
): { campaigns: Campaign[]; findings: Finding[] } {
  const loaded = files.map((f) => loadCampaignFile(f, capacity));
  const byId = new Map<string, LoadedFile[]>();
  for (const l of loaded) {
    if (l.id) byId.set(l.id.value, [...(byId.get(l.id.value) ?? []), l]);
  }
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const l of group) {
      const others = group.filter((o) => o !== l).map((o) => o.file);
      l.findings.push(
        finding(
          "duplicate-id",
          l.file,
          l.id!.at,
          `The campaign id \`${id}\` is also used by ${others.join(", ")}; every campaign needs its own id. Rename one of them.${LEFT_OUT}`,
          { campaign: id },
        ),
      );
      l.campaign = undefined;
    }
  }
  return {
    campaigns: loaded.flatMap((l) => (l.campaign && l.findings.length === 0 ? [l.campaign] : [])),
    findings: loaded.flatMap((l) => l.findings),
  };
}

function loadCampaignFile(source: SourceFile, capacity: Capacity | undefined): LoadedFile {
  const parsed = parseYaml(source, "campaign file");
  if (!("doc" in parsed))
    return { file: source.path, findings: [{ ...parsed, message: parsed.message + LEFT_OUT }] };
  const rawId = parsed.data.id;
  const id =
    typeof rawId === "string" && rawId !== "" ? { value: rawId, at: valueAt(parsed, ["id"]) } : undefined;
  const validate = validators().campaign;
  if (!validate(parsed.data)) {
    const findings = schemaFindings(parsed, validate.errors ?? [], LEFT_OUT).map((f) =>
      id ? { ...f, campaign: id.value } : f,
    );
    return { file: source.path, id, findings };
  }
  const data = parsed.data as unknown as CampaignData;
  const findings = [...semanticFindings(parsed, data, capacity)];
  const window = resolveWindow(parsed, data);
  findings.push(...window.findings);
  const tagged = findings.map((f) => ({ ...f, campaign: data.id }));
  if (tagged.length > 0 || window.start === undefined || window.end === undefined)
    return { file: source.path, id, findings: tagged };
  return {
    file: source.path,
    id,
    findings: [],
    campaign: toCampaign(parsed, data, window.start, window.end),
  };
}

/** Rules of DESIGN 1.1 a JSON Schema cannot express: `high` vs expected, targets vs the capacity file. */
function semanticFindings(parsed: ParsedYaml, data: CampaignData, capacity: Capacity | undefined): Finding[] {
  const findings: Finding[] = [];
  const f = data.forecast;
  const expected = f.peak_concurrent_users ?? f.peak_requests_per_second ?? 0;
  const unitKey =
    f.peak_concurrent_users !== undefined ? "peak_concurrent_users" : "peak_requests_per_second";
  if (f.high !== undefined && f.high < expected) {
    findings.push(
      finding(
        "schema",
        parsed.file,
        keyAt(parsed, ["forecast", "high"]),
        `\`forecast.high\` (${f.high}) is below the expected \`forecast.${unitKey}\` (${expected}); \`high\` is the pessimistic estimate and must be at least the expected value.${LEFT_OUT}`,
      ),
    );
  }
  const seen = new Set<string>();
  data.targets.forEach((t, i) => {
    const siteAt = valueAt(parsed, ["targets", i, "site"]);
    if (seen.has(t.site)) {
      findings.push(
        finding(
          "schema",
          parsed.file,
          siteAt,
          `The site \`${t.site}\` is targeted twice; list each site once and use \`share\` to split the forecast.${LEFT_OUT}`,
        ),
      );
      return;
    }
    seen.add(t.site);
    if (!capacity) return;
    const site = capacity.sites.find((s) => s.name === t.site);
    const names = capacity.sites.map((s) => s.name);
    if (!site) {
      findings.push(
        finding(
          "unknown-site",
          parsed.file,
          siteAt,
          `\`targets[${i + 1}].site\` is ${quote(t.site)}, which is not a site in ${capacity.file}${didYouMean(t.site, names)}. Known sites: ${names.join(", ")}.${LEFT_OUT}`,
        ),
      );
    } else if (f.peak_concurrent_users !== undefined && site.rps_per_user === undefined) {
      findings.push(
        finding(
          "schema",
          parsed.file,
          siteAt,
          `The site \`${t.site}\` has no \`rps_per_user\` in ${capacity.file}, so a forecast in concurrent users cannot be turned into load there; give \`peak_requests_per_second\` instead, or ask IT to add \`rps_per_user\` for \`${t.site}\`.${LEFT_OUT}`,
        ),
      );
    }
  });
  return findings;
}

/** Resolves the window (DESIGN 1.1 "Times"); at most one `window` finding per real problem. */
function resolveWindow(
  parsed: ParsedYaml,
  data: CampaignData,
): { start?: number; end?: number; findings: Finding[] } {
  const problem = (position: Position, message: string) => ({
    findings: [finding("window", parsed.file, position, message + LEFT_OUT)],
  });
  let zone: string | undefined;
  if (data.timezone !== undefined) {
    zone = canonicalTimeZone(data.timezone);
    if (!zone) {
      return problem(
        valueAt(parsed, ["timezone"]),
        `\`timezone\` is ${quote(data.timezone)}, which is not a known time zone${didYouMean(data.timezone, knownZones())}; use an IANA name like Europe/Berlin or America/New_York.`,
      );
    }
  }
  const resolved: Partial<Record<WindowEnd, number>> = {};
  for (const end of ["start", "end"] as const) {
    const text = data.window[end];
    const position = valueAt(parsed, ["window", end]);
    if (!hasOffset(text) && zone === undefined) {
      return problem(
        position,
        `\`window.${end}\` is ${quote(text)}, which has no offset, and the campaign has no \`timezone\`; add a line like \`timezone: America/New_York\` (the zone the campaign runs in), or write the offset, like ${text.includes("T") ? text : `${text}T00:00`}-05:00.`,
      );
    }
    const r = resolveInstant(text, end, zone ?? "UTC");
    if (!r.ok) return problem(position, `\`window.${end}\` ${r.problem}.`);
    resolved[end] = r.ms;
  }
  if (resolved.end! <= resolved.start!) {
    return problem(
      valueAt(parsed, ["window", "end"]),
      `\`window.end\` (${data.window.end}) is not after \`window.start\` (${data.window.start}); the campaign must end after it starts.`,
    );
  }
  return { start: resolved.start, end: resolved.end, findings: [] };
}

let zones: string[] | undefined;
function knownZones(): string[] {
  zones ??= Intl.supportedValuesOf("timeZone");
  return zones;
}

function toCampaign(parsed: ParsedYaml, data: CampaignData, start: number, end: number): Campaign {
  const f = data.forecast;
  const users = f.peak_concurrent_users !== undefined;
  const targets: CampaignTarget[] = data.targets.map((t, i) => ({
    site: t.site,
    share: t.share ?? 1,
    at: valueAt(parsed, ["targets", i]),
  }));
  const campaign: Campaign = {
    file: parsed.file,
    id: data.id,
    name: data.name,
    owner: data.owner,
    type: data.type,
    start,
    end,
    targets,
    forecast: {
      unit: users ? "users" : "rps",
      expected: (users ? f.peak_concurrent_users : f.peak_requests_per_second)!,
      confidence: f.confidence,
      basis: f.basis,
    },
    at: {
      id: valueAt(parsed, ["id"]),
      window: keyAt(parsed, ["window"]),
      forecast: keyAt(parsed, ["forecast", users ? "peak_concurrent_users" : "peak_requests_per_second"]),
    },
  };
  if (data.timezone !== undefined) campaign.timezone = canonicalTimeZone(data.timezone);
  if (f.high !== undefined) {
    campaign.forecast.high = f.high;
    campaign.at.high = keyAt(parsed, ["forecast", "high"]);
  }
  if (data.notes !== undefined) campaign.notes = data.notes;
  return campaign;
}
