/**
 * Turns ajv's errors into findings a marketer understands: one finding per real problem, on the
 * YAML node to change (a missing key: its parent mapping; an unknown key: the key; a wrong value:
 * the value), without the noise ajv produces for oneOf branches.
 */
import type { ErrorObject } from "ajv";
import { finding } from "../findings.js";
import type { Finding } from "../findings.js";
import { formatNumber } from "../format.js";
import { closestName, didYouMean, quote } from "./suggest.js";
import { typeSlipMessage } from "./value-slips.js";
import { keyAt, valueAt } from "./yaml-source.js";
import type { DataPath, ParsedYaml } from "./yaml-source.js";

/** Human descriptions of the schemas' string patterns. */
const PATTERN_HINTS: Record<string, string> = {
  "^[a-z0-9]+(-[a-z0-9]+)*$": "a lowercase name of letters, digits and dashes, like `black-friday-2026`",
  "^([01]\\d|2[0-3]):[0-5]\\d$": "a time of day like `09:00`",
  "^[a-z0-9]+([-_][a-z0-9]+)*$": "lowercase letters, digits, dashes and underscores, like `web-shop`",
};

function patternHint(pattern: string): string {
  const known = PATTERN_HINTS[pattern];
  if (known) return known;
  if (pattern.startsWith("^\\d{4}-\\d{2}-\\d{2}")) {
    return pattern.includes("(Z|[+-]\\d{2}:\\d{2}))?$")
      ? "a date like `2026-12-02` or a date and time with an offset, like `2026-12-02T01:00:00Z`"
      : "a date like `2026-11-27` or a date and time like `2026-11-27T06:00:00-05:00`";
  }
  if (pattern.startsWith("^(@")) return "a GitHub handle like `@jane` or an e-mail address";
  return `text matching ${pattern}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  integer: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of keys to values",
  null: "empty",
};

/** JSON pointer → data path ("/targets/0/site" → ["targets", 0, "site"]). */
export function pointerToPath(pointer: string, data: unknown): DataPath {
  if (pointer === "") return [];
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const key = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(key);
    node =
      node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

/** "forecast.confidence", "targets[2].site" (1-based items, as people count). */
export function describePath(path: DataPath): string {
  let text = "";
  for (const segment of path) {
    // A key can be any length; a message names at most 60 characters of it.
    const key = typeof segment === "string" && segment.length > 60 ? `${segment.slice(0, 57)}...` : segment;
    text += typeof key === "number" ? `[${key + 1}]` : text === "" ? key : `.${key}`;
  }
  return text;
}

function field(path: DataPath): string {
  return path.length === 0 ? "The file" : `\`${describePath(path)}\``;
}

/** A schema limit as people write it: 1,000,000,000 rather than 1000000000. */
function limit(value: unknown): string {
  return typeof value === "number" && Math.abs(value) >= 10_000 ? formatNumber(value) : String(value);
}

/** Keys listed by each oneOf branch (`{ required: [...] }`), e.g. scalable vs fixed service. */
function branches(error: ErrorObject): string[][] {
  const schema: unknown = error.schema;
  if (!Array.isArray(schema)) return [];
  return schema.map((b: unknown) => ((b as { required?: unknown }).required as string[] | undefined) ?? []);
}

function listKeys(keys: readonly string[]): string {
  const quoted = keys.map((k) => `\`${k}\``);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** The one message for an exactly-one-of choice between key sets. */
function oneOfMessage(path: DataPath, data: unknown, options: string[][]): string {
  const present = new Set(data !== null && typeof data === "object" ? Object.keys(data) : []);
  const used = options.filter((keys) => keys.some((k) => present.has(k)));
  const choices = options.map((keys) => listKeys(keys)).join(" or ");
  if (used.length > 1) {
    const found = used.map((keys) => listKeys(keys.filter((k) => present.has(k)))).join(" and ");
    return `${field(path)} has ${found}; it needs exactly one of ${choices}. Remove the one that does not apply.`;
  }
  const partial = used[0];
  if (partial) {
    const missing = partial.filter((k) => !present.has(k));
    return `${field(path)} is missing ${listKeys(missing)} (it has ${listKeys(partial.filter((k) => present.has(k)))}, which needs ${listKeys(partial)}).`;
  }
  return `${field(path)} needs one of ${choices}.`;
}

function messageFor(parsed: ParsedYaml, error: ErrorObject, path: DataPath): string {
  const p = error.params as Record<string, unknown>;
  const value = error.data;
  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperties?: string[] }).missingProperties ?? [
        String(p.missingProperty),
      ];
      return missing.length === 1
        ? `${field(path)} is missing the required key \`${missing[0]}\`.`
        : `${field(path)} is missing the required keys ${listKeys(missing)}.`;
    }
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const hint = allowed.length > 0 ? didYouMean(key, allowed) : "";
      const list = allowed.length > 0 ? ` Allowed keys: ${allowed.join(", ")}.` : "";
      return `${field(path)} has an unknown key ${quote(key)}${hint}.${list}`;
    }
    case "enum":
      return `${field(path)} must be one of ${(p.allowedValues as unknown[]).join(", ")} — found ${quote(value)}.`;
    case "const":
      return `${field(path)} must be ${quote(p.allowedValue)} — found ${quote(value)}.`;
    case "type": {
      const slip = typeSlipMessage(parsed, path, error, field(path));
      if (slip) return slip;
      const wanted = String(p.type)
        .split(",")
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(" or ");
      return `${field(path)} must be ${wanted} — found ${quote(value)}.`;
    }
    case "pattern":
      return `${field(path)} must be ${patternHint(String(p.pattern))} — found ${quote(value)}.`;
    case "minimum":
      return `${field(path)} must be at least ${String(p.limit)} — found ${quote(value)}.`;
    case "maximum":
      return `${field(path)} must be at most ${limit(p.limit)} — found ${quote(value)}.${Number(p.limit) >= 100 ? " Check for extra zeros or a misplaced decimal point." : ""}`;
    case "exclusiveMinimum":
      return `${field(path)} must be more than ${String(p.limit)} — found ${quote(value)}.`;
    case "exclusiveMaximum":
      return `${field(path)} must be less than ${String(p.limit)} — found ${quote(value)}.`;
    case "minLength":
      return `${field(path)} must not be empty.`;
    case "maxLength":
      return `${field(path)} must be at most ${String(p.limit)} characters long.`;
    case "minItems":
      return `${field(path)} needs at least ${String(p.limit)} ${p.limit === 1 ? "entry" : "entries"}.`;
    case "maxItems":
      return `${field(path)} has more than ${String(p.limit)} entries; give exactly the ${String(p.limit)} it needs.`;
    case "false schema":
      // A key another choice allows (a `shape` key of another `kind`, `instances` beside `max_rps`).
      return `${field(path)} does not go with the other keys here (it belongs to another kind); remove it.`;
    case "minProperties":
      return `${field(path)} needs at least ${String(p.limit)} ${p.limit === 1 ? "entry" : "entries"}.`;
    case "uniqueItems":
      return `${field(path)} lists the same value twice (entries ${Number(p.j) + 1} and ${Number(p.i) + 1}).`;
    case "oneOf":
      return oneOfMessage(path, value, branches(error));
    case "propertyNames":
      return `${field(path)} has the name ${quote(p.propertyName)}; names must be lowercase letters, digits, dashes and underscores, like \`web-shop\`.`;
    default:
      return `${field(path)} ${error.message ?? "is not valid"}.`;
  }
}

/** Missing keys of one mapping become one error listing them all (one problem: an incomplete mapping). */
function mergeRequired(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== "required" || isMisspeltRequired(error, errors)) {
      out.push(error);
      continue;
    }
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    const key = `${error.instancePath}|${error.schemaPath}`;
    const first = byPath.get(key);
    if (first) {
      (first.params as { missingProperties: string[] }).missingProperties.push(missing);
    } else {
      const merged = { ...error, params: { ...error.params, missingProperties: [missing] } };
      byPath.set(key, merged);
      out.push(merged);
    }
  }
  return out;
}

/** A missing key whose misspelling is also reported as unknown (`confidnce`): one problem, one finding. */
function isMisspeltRequired(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  if (error.keyword !== "required") return false;
  const missing = String((error.params as { missingProperty: string }).missingProperty);
  return errors.some(
    (e) =>
      e.keyword === "additionalProperties" &&
      e.instancePath === error.instancePath &&
      closestName(String((e.params as { additionalProperty: string }).additionalProperty), [missing]) !==
        undefined,
  );
}

/**
 * Findings for a failed validation. `suffix` is appended to every message (e.g. that the campaign
 * is left out of the load).
 */
export function schemaFindings(parsed: ParsedYaml, errors: readonly ErrorObject[], suffix = ""): Finding[] {
  if (errors.length === 0) return [];
  // Errors inside a failed oneOf branch are noise: the oneOf error itself says what is wrong.
  const oneOfs = errors
    .filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")
    .map((e) => `${e.schemaPath}/`);
  const typed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const error of mergeRequired(errors)) {
    if (oneOfs.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    // The propertyNames error itself names the bad key; its inner pattern error would repeat it.
    if (error.propertyName !== undefined && error.keyword !== "propertyNames") continue;
    if (isMisspeltRequired(error, errors)) continue;
    // A wrongly typed value gets one message, not one per keyword it also breaks.
    if (error.keyword !== "type" && typed.has(error.instancePath)) continue;
    if (error.keyword === "if") continue;
    const path = pointerToPath(error.instancePath, parsed.data);
    const position =
      error.keyword === "required" ||
      error.keyword === "oneOf" ||
      error.keyword === "minProperties" ||
      error.keyword === "minItems"
        ? keyAt(parsed, path)
        : error.keyword === "additionalProperties"
          ? keyAt(parsed, [
              ...path,
              String((error.params as { additionalProperty: string }).additionalProperty),
            ])
          : error.keyword === "propertyNames"
            ? keyAt(parsed, [...path, String((error.params as { propertyName: string }).propertyName)])
            : valueAt(parsed, path);
    const message = messageFor(parsed, error, path) + suffix;
    const key = `${position.line}:${position.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding("schema", parsed.file, position, message));
  }
  return findings;
}
