/**
 * The parts of a campaign file that the checks beyond the schema read, each taken only when its
 * schema errors (if any) leave it intact — see well-formed.ts.
 */
import type { ErrorObject } from "ajv";
import type { CampaignGateCampaign } from "./schema-types.js";
import { isWellFormed } from "./well-formed.js";
import type { DataPath } from "./yaml-source.js";

/** The window and the zone its local times are read in. */
export interface WindowPart {
  start: string;
  end: string;
  timezone?: string;
}

/** The forecast's numbers: the expected value, its key, and the optional pessimistic estimate. */
export interface ForecastNumbers {
  unitKey: "peak_concurrent_users" | "peak_requests_per_second";
  expected: number;
  high?: number;
}

/** One well-formed entry of `targets`, with its index in the list (for positions and messages). */
export interface TargetPart {
  index: number;
  site: string;
}

/** The checkable parts of one campaign file; a part with a schema error of its own is absent. */
export interface CampaignParts {
  window?: WindowPart;
  forecast?: ForecastNumbers;
  targets: TargetPart[];
}

/**
 * Picks the well-formed parts of `data` given ajv's `errors` for it (none for a valid file). A part
 * is well-formed when no error is about it; then the schema's types hold for it, hence the casts.
 */
export function checkableParts(data: Record<string, unknown>, errors: readonly ErrorObject[]): CampaignParts {
  // A valid file (nearly all of them) has every part intact: `valid ||` first, so no errors are
  // scanned for it, and no closure or path list is built at all.
  const valid = errors.length === 0;
  const campaign = data as Partial<CampaignGateCampaign>;
  const parts: CampaignParts = { targets: targetParts(campaign, valid, errors) };
  if (campaign.window && (valid || intact(errors, data, WINDOW_PATHS))) {
    parts.window = { start: campaign.window.start, end: campaign.window.end };
    if (campaign.timezone !== undefined) parts.window.timezone = campaign.timezone;
  }
  const forecast = campaign.forecast;
  if (forecast && (valid || intact(errors, data, NUMBER_PATHS))) {
    // Exactly one of the two is present: a file with both or neither has a oneOf error on `forecast`.
    const users = forecast.peak_concurrent_users !== undefined;
    parts.forecast = {
      unitKey: users ? "peak_concurrent_users" : "peak_requests_per_second",
      expected: (users ? forecast.peak_concurrent_users : forecast.peak_requests_per_second)!,
    };
    if (forecast.high !== undefined) parts.forecast.high = forecast.high;
  }
  return parts;
}

/** What the window part needs intact: the window and the zone its local times are read in. */
const WINDOW_PATHS: readonly DataPath[] = [["window"], ["timezone"]];
/** What the forecast's numbers need intact. */
const NUMBER_PATHS: readonly DataPath[] = [
  ["forecast", "peak_concurrent_users"],
  ["forecast", "peak_requests_per_second"],
  ["forecast", "high"],
];

/** Whether no error touches any of `paths`. */
function intact(errors: readonly ErrorObject[], data: unknown, paths: readonly DataPath[]): boolean {
  return paths.every((path) => isWellFormed(errors, data, path));
}

/** The well-formed entries of `targets` (none when `targets` itself is not a list). */
function targetParts(
  campaign: Partial<CampaignGateCampaign>,
  valid: boolean,
  errors: readonly ErrorObject[],
): TargetPart[] {
  const targets: unknown = campaign.targets;
  if (!Array.isArray(targets)) return [];
  const list = targets as CampaignGateCampaign["targets"];
  const parts: TargetPart[] = [];
  for (let index = 0; index < list.length; index++)
    if (valid || isWellFormed(errors, campaign, ["targets", index]))
      parts.push({ index, site: list[index]!.site });
  return parts;
}
