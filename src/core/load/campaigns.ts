/**
 * Loading campaign files: YAML → schema → rules the schema cannot express → `Campaign`.
 * A file reports all its independent problems at once (the checks run on every well-formed part);
 * a campaign with any error of its own is left out of the load, and every such message says so.
 */
import type { ErrorObject } from "ajv";
import { finding } from "../findings.js";
import type { Finding, Position } from "../findings.js";
import type { Campaign, CampaignTarget, Capacity, SourceFile } from "../model.js";
import type { CampaignGateCampaign } from "./schema-types.js";
import { forecastFindings, targetFindings } from "./campaign-checks.js";
import { checkableParts } from "./campaign-parts.js";
import { resolveWindow } from "./campaign-window.js";
import { resolveShape } from "./campaign-shape.js";
import type { ResolvedWindow } from "./campaign-window.js";
import { canonicalTimeZone } from "./instants.js";
import { LEFT_OUT } from "./left-out.js";
import { schemaFindings } from "./schema-errors.js";
import { validators } from "./schemas.js";
import { keyAt, parseYaml, valueAt } from "./yaml-source.js";
import type { DataPath, ParsedYaml } from "./yaml-source.js";

export { LEFT_OUT };

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
  const loaded = files.map((f) => loadIsolated(f, capacity));
  // The first file of each id, and the groups of files that share one (rare: no list per id).
  const first = new Map<string, LoadedFile>();
  const shared = new Map<string, LoadedFile[]>();
  for (const l of loaded) {
    if (!l.id) continue;
    const seen = first.get(l.id.value);
    if (seen === undefined) first.set(l.id.value, l);
    else {
      const group = shared.get(l.id.value);
      if (group) group.push(l);
      else shared.set(l.id.value, [seen, l]);
    }
  }
  for (const [id, group] of shared) {
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
  // Loops rather than flatMap: a list per file, only to be flattened, was 10,000 lists.
  const campaigns: Campaign[] = [];
  const findings: Finding[] = [];
  for (const l of loaded) {
    if (l.campaign && l.findings.length === 0) campaigns.push(l.campaign);
    for (const f of l.findings) findings.push(f);
  }
  return { campaigns, findings };
}

/**
 * Loads one file, so that a bug of ours on one strange file costs that file alone: the exception
 * becomes a finding on it, and every other campaign is still loaded and checked.
 */
function loadIsolated(source: SourceFile, capacity: Capacity | undefined): LoadedFile {
  try {
    return loadCampaignFile(source, capacity);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : "unknown";
    return {
      file: source.path,
      findings: [
        finding(
          "syntax",
          source.path,
          { line: 1, column: 1 },
          `campaign-gate could not read this campaign file (an internal error: ${reason}); the other campaigns were checked. Please report this file to the campaign-gate maintainers.${LEFT_OUT}`,
        ),
      ],
    };
  }
}

/** Loads one file: every problem it has (schema, then the checks on its well-formed parts), or its campaign. */
function loadCampaignFile(source: SourceFile, capacity: Capacity | undefined): LoadedFile {
  const parsed = parseYaml(source, "campaign file");
  if (!("doc" in parsed))
    return { file: source.path, findings: [{ ...parsed, message: parsed.message + LEFT_OUT }] };
  const rawId = parsed.data.id;
  const id =
    typeof rawId === "string" && rawId !== "" ? { value: rawId, at: valueAt(parsed, ID) } : undefined;
  const validate = validators().campaign;
  const errors = validate(parsed.data) ? NO_ERRORS : (validate.errors ?? NO_ERRORS);
  const parts = checkableParts(parsed.data, errors);
  const window: ResolvedWindow = parts.window ? resolveWindow(parsed, parts.window) : { findings: [] };
  const findings = schemaFindings(parsed, errors, LEFT_OUT).concat(
    forecastFindings(parsed, parts.forecast),
    targetFindings(parsed, parts.targets, parts.forecast, capacity),
    window.findings,
  );
  if (findings.length > 0 || window.start === undefined || window.end === undefined)
    return { file: source.path, id, findings: findings.map((f) => (id ? { ...f, campaign: id.value } : f)) };
  const data = parsed.data as unknown as CampaignData;
  const campaign = toCampaign(parsed, data, window.start, window.end, id?.at ?? valueAt(parsed, ID));
  if (data.forecast.shape) {
    const shape = resolveShape(
      parsed,
      data.forecast.shape,
      campaign.timezone,
      window as { start: number; end: number },
    );
    if (shape.findings.length > 0)
      return {
        file: source.path,
        id,
        findings: shape.findings.map((f) => (id ? { ...f, campaign: id.value } : f)),
      };
    if (shape.shape && shape.shape.kind !== "constant") campaign.forecast.shape = shape.shape;
  }
  return { file: source.path, id, findings: [], campaign };
}

/** No schema errors: one shared empty list for every valid file. */
const NO_ERRORS: readonly ErrorObject[] = Object.freeze([]);

/** The data paths every loaded campaign's positions are looked up at, built once rather than per file. */
const ID: DataPath = ["id"];
const WINDOW: DataPath = ["window"];
const USERS: DataPath = ["forecast", "peak_concurrent_users"];
const RPS: DataPath = ["forecast", "peak_requests_per_second"];
const HIGH: DataPath = ["forecast", "high"];

/** The model's campaign; `idAt` is where the `id` value starts (looked up once, for duplicates too). */
function toCampaign(
  parsed: ParsedYaml,
  data: CampaignData,
  start: number,
  end: number,
  idAt: Position,
): Campaign {
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
      id: idAt,
      window: keyAt(parsed, WINDOW),
      forecast: keyAt(parsed, users ? USERS : RPS),
    },
  };
  if (data.timezone !== undefined) campaign.timezone = canonicalTimeZone(data.timezone);
  if (f.high !== undefined) {
    campaign.forecast.high = f.high;
    campaign.at.high = keyAt(parsed, HIGH);
  }
  if (data.notes !== undefined) campaign.notes = data.notes;
  return campaign;
}
