/**
 * The configuration's own paths (`capacity:` and the `campaigns:` globs) must stay inside the
 * repository: the configuration is part of the pull request, and a `..` or an absolute path would
 * otherwise make the check read (and echo) files outside the checkout.
 */
import { finding, type Finding } from "../findings.js";
import { escapesRoot } from "../repo-path.js";
import type { CampaignGateConfiguration } from "./schema-types.js";
import { quote } from "./suggest.js";
import { valueAt, type ParsedYaml } from "./yaml-source.js";

/** One finding per configured path that is absolute or climbs out of the repository with `..`. */
export function outsidePathFindings(parsed: ParsedYaml, data: CampaignGateConfiguration): Finding[] {
  const findings: Finding[] = [];
  const outside = (value: string, at: (string | number)[], what: string) =>
    finding(
      "schema",
      parsed.file,
      valueAt(parsed, at),
      `${what} ${quote(value)} points outside the repository; campaign-gate reads only files inside it. Write a path relative to the repository root, without \`..\` or a leading \`/\`, such as ${quote(what === "`capacity`" ? "infra/capacity.yaml" : "campaigns/**/*.yaml")}.`,
    );
  if (data.capacity !== undefined && escapesRoot(data.capacity))
    findings.push(outside(data.capacity, ["capacity"], "`capacity`"));
  data.campaigns?.forEach((glob, i) => {
    if (escapesRoot(glob)) findings.push(outside(glob, ["campaigns", i], "The campaigns glob"));
  });
  return findings;
}
