/**
 * Rules of DESIGN 1.1 a JSON Schema cannot express, on the well-formed parts of a campaign file:
 * `high` vs the expected value, and the targets vs each other and the capacity file.
 */
import { finding } from "../findings.js";
import type { Finding } from "../findings.js";
import type { Capacity, Site } from "../model.js";
import type { ForecastNumbers, TargetPart } from "./campaign-parts.js";
import { LEFT_OUT } from "./left-out.js";
import { didYouMean, quote } from "./suggest.js";
import { keyAt, valueAt } from "./yaml-source.js";
import type { ParsedYaml } from "./yaml-source.js";

/** `high` below the expected value (a `schema` finding on `high`), or nothing. */
export function forecastFindings(parsed: ParsedYaml, forecast: ForecastNumbers | undefined): Finding[] {
  if (forecast?.high === undefined || forecast.high >= forecast.expected) return [];
  return [
    finding(
      "schema",
      parsed.file,
      keyAt(parsed, ["forecast", "high"]),
      `\`forecast.high\` (${forecast.high}) is below the expected \`forecast.${forecast.unitKey}\` (${forecast.expected}); \`high\` is the pessimistic estimate and must be at least the expected value.${LEFT_OUT}`,
    ),
  ];
}

/**
 * Per target: a site listed twice, a site the capacity file does not know, or a users forecast on a
 * site without `rps_per_user` (that last one only when the forecast's numbers are well-formed).
 */
export function targetFindings(
  parsed: ParsedYaml,
  targets: readonly TargetPart[],
  forecast: ForecastNumbers | undefined,
  capacity: Capacity | undefined,
): Finding[] {
  const seen = new Set<string>();
  return targets.flatMap((target) => {
    if (seen.has(target.site)) return [siteTwice(parsed, target)];
    seen.add(target.site);
    return capacity ? siteFindings(parsed, target, forecast, capacity) : [];
  });
}

function siteTwice(parsed: ParsedYaml, target: TargetPart): Finding {
  return finding(
    "schema",
    parsed.file,
    valueAt(parsed, ["targets", target.index, "site"]),
    `The site \`${target.site}\` is targeted twice; list each site once and use \`share\` to split the forecast.${LEFT_OUT}`,
  );
}

/** The target's site checked against the capacity file. */
function siteFindings(
  parsed: ParsedYaml,
  target: TargetPart,
  forecast: ForecastNumbers | undefined,
  capacity: Capacity,
): Finding[] {
  const at = valueAt(parsed, ["targets", target.index, "site"]);
  const site = sitesByName(capacity).get(target.site);
  if (!site) {
    const names = capacity.sites.map((s) => s.name);
    return [
      finding(
        "unknown-site",
        parsed.file,
        at,
        `\`targets[${target.index + 1}].site\` is ${quote(target.site)}, which is not a site in ${capacity.file}${didYouMean(target.site, names)}. Known sites: ${names.join(", ")}.${LEFT_OUT}`,
      ),
    ];
  }
  if (forecast?.unitKey !== "peak_concurrent_users" || site.rps_per_user !== undefined) return [];
  return [
    finding(
      "schema",
      parsed.file,
      at,
      `The site \`${target.site}\` has no \`rps_per_user\` in ${capacity.file}, so a forecast in concurrent users cannot be turned into load there; give \`peak_requests_per_second\` instead, or ask IT to add \`rps_per_user\` for \`${target.site}\`.${LEFT_OUT}`,
    ),
  ];
}

const siteIndex = new WeakMap<Capacity, Map<string, Site>>();

/**
 * The capacity file's sites by name (the first of a name, as a search would find it), built once
 * per capacity: every target of 10,000 campaigns would otherwise scan all the sites.
 */
function sitesByName(capacity: Capacity): Map<string, Site> {
  let index = siteIndex.get(capacity);
  if (!index) {
    index = new Map();
    for (const site of capacity.sites) if (!index.has(site.name)) index.set(site.name, site);
    siteIndex.set(capacity, index);
  }
  return index;
}
