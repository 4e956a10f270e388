/**
 * Rules of DESIGN 1.1 a JSON Schema cannot express, on the well-formed parts of a campaign file:
 * `high` vs the expected value, and the targets vs each other and the capacity file.
 */
import { finding } from "../findings.js";
import type { Finding, Position } from "../findings.js";
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
  // A loop into one list: nearly every target has no finding, and flatMap cost a list per target.
  const findings: Finding[] = [];
  // The sites seen so far: for the few targets of nearly every file, the earlier entries
  // themselves (a Set per file was most of what this check allocated); a Set for long lists.
  const seen = targets.length > FEW_TARGETS ? new Set<string>() : undefined;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    if (seen ? seen.has(target.site) : siteBefore(targets, i)) findings.push(siteTwice(parsed, target));
    else {
      seen?.add(target.site);
      if (capacity) siteFinding(parsed, target, forecast, capacity, findings);
    }
  }
  return findings;
}

const FEW_TARGETS = 8;

/** Whether a target before `i` names the same site. */
function siteBefore(targets: readonly TargetPart[], i: number): boolean {
  for (let j = 0; j < i; j++) if (targets[j]!.site === targets[i]!.site) return true;
  return false;
}

/** Where a target's `site` value starts. */
function siteAt(parsed: ParsedYaml, target: TargetPart): Position {
  return valueAt(parsed, ["targets", target.index, "site"]);
}

function siteTwice(parsed: ParsedYaml, target: TargetPart): Finding {
  return finding(
    "schema",
    parsed.file,
    siteAt(parsed, target),
    `The site \`${target.site}\` is targeted twice; list each site once and use \`share\` to split the forecast.${LEFT_OUT}`,
  );
}

/**
 * The target's site checked against the capacity file; a finding goes into `findings`. The
 * position is looked up only for a finding (nearly every target has none).
 */
function siteFinding(
  parsed: ParsedYaml,
  target: TargetPart,
  forecast: ForecastNumbers | undefined,
  capacity: Capacity,
  findings: Finding[],
): void {
  const site = sitesByName(capacity).get(target.site);
  if (!site) {
    const names = capacity.sites.map((s) => s.name);
    findings.push(
      finding(
        "unknown-site",
        parsed.file,
        siteAt(parsed, target),
        `\`targets[${target.index + 1}].site\` is ${quote(target.site)}, which is not a site in ${capacity.file}${didYouMean(target.site, names)}. Known sites: ${names.join(", ")}.${LEFT_OUT}`,
      ),
    );
    return;
  }
  if (forecast?.unitKey !== "peak_concurrent_users" || site.rps_per_user !== undefined) return;
  findings.push(
    finding(
      "schema",
      parsed.file,
      siteAt(parsed, target),
      `The site \`${target.site}\` has no \`rps_per_user\` in ${capacity.file}, so a forecast in concurrent users cannot be turned into load there; give \`peak_requests_per_second\` instead, or ask IT to add \`rps_per_user\` for \`${target.site}\`.${LEFT_OUT}`,
    ),
  );
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
