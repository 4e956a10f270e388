/**
 * What must hold for every input, however mangled: the pure core (loader, check, validate,
 * calendar) and every renderer run without an exception and give one report; every finding points
 * inside its file; a broken file is always named; a good campaign next to it is still checked.
 * Violations throw, with the input's file and the broken promise in the message.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runCalendar, runCheck, runValidate } from "../../src/core/check.js";
import { defaultConfig } from "../../src/core/load/index.js";
import type { SourceFile } from "../../src/core/model.js";
import type { Report } from "../../src/core/report.js";
import { renderCalendar } from "../../src/report/calendar.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";

export const EXAMPLE_ROOT = "examples/acme";
export const NOW = Date.parse("2026-11-23T09:00:00Z");

/** The example repository: its capacity file first, then its campaigns. */
export function exampleFiles(): SourceFile[] {
  const read = (rel: string): SourceFile => ({
    path: rel,
    text: readFileSync(path.join(EXAMPLE_ROOT, rel), "utf8"),
  });
  const campaigns = readdirSync(path.join(EXAMPLE_ROOT, "campaigns"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => read(`campaigns/${f}`));
  return [read("infra/capacity.yaml"), ...campaigns];
}

/**
 * The files one input checks: the mutated file, the capacity file (mutated or not) and one or two
 * good campaigns beside it. Fewer files than the whole example keep 100,000 inputs affordable.
 */
export function repositoryFor(files: readonly SourceFile[], target: number, mutated: string): SourceFile[] {
  const [capacity, ...campaigns] = files as [SourceFile, ...SourceFile[]];
  if (target === 0) return [{ ...capacity, text: mutated }, campaigns[0]!, campaigns[1]!];
  const i = target - 1;
  const neighbour = campaigns[(i + 1) % campaigns.length]!;
  return [capacity, { ...campaigns[i]!, text: mutated }, neighbour];
}

function fail(file: string, promise: string): never {
  throw new Error(`${file}: ${promise}`);
}

/** Every number in the report is finite (JSON would turn Infinity and NaN into null). */
function finiteNumbers(value: unknown, where: string): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(where, `the report holds the number ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => finiteNumbers(v, `${where}[${i}]`));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) finiteNumbers(v, `${where}.${k}`);
}

function nonEmpty(text: string, what: string, file: string): void {
  if (typeof text !== "string" || text.trim() === "") fail(file, `${what} printed nothing`);
}

/**
 * Checks one repository whose file `mutatedPath` was mutated. Throws on a broken promise.
 * `everything`: also `validate` and the calendar, which repeat the loading.
 */
export function checkInvariants(files: readonly SourceFile[], mutatedPath: string, everything = true): void {
  const [capacity, ...campaigns] = files as [SourceFile, ...SourceFile[]];
  const input = { config: defaultConfig(), capacity, campaigns, now: NOW };
  let report: Report;
  let validated: Report;
  try {
    report = runCheck(input);
    validated = everything ? runValidate(input) : { ...report, findings: [] };
  } catch (error) {
    fail(mutatedPath, `the check threw ${(error as Error).stack ?? String(error)}`);
  }
  const text = renderText(report, { color: false, command: "check" });
  nonEmpty(text, "text", mutatedPath);
  nonEmpty(renderText(validated, { color: false, command: "validate" }), "validate text", mutatedPath);
  nonEmpty(renderMarkdown(report), "markdown", mutatedPath);
  const json = renderJson(report);
  const parsed = JSON.parse(json) as Report;
  if (parsed.findings.length !== report.findings.length) fail(mutatedPath, "the JSON lost findings");
  finiteNumbers(report, "report");
  if (everything) {
    const c = runCalendar({ ...input, repository: "acme/campaigns" });
    nonEmpty(renderCalendar(c.events, { now: NOW }), "calendar", mutatedPath);
  }

  const byPath = new Map(files.map((f) => [f.path, f.text.split("\n")]));
  for (const f of [...report.findings, ...validated.findings]) {
    const lines = byPath.get(f.file);
    if (!lines) fail(mutatedPath, `a finding names ${f.file}, which is not in the repository`);
    const line = lines[f.line - 1];
    if (!Number.isInteger(f.line) || line === undefined || f.line < 1)
      fail(f.file, `finding at line ${f.line} of ${lines.length}: ${f.message}`);
    if (!Number.isInteger(f.column) || f.column < 1 || f.column > line.length + 1)
      fail(f.file, `finding at ${f.line}:${f.column}, line length ${line.length}: ${f.message}`);
    if (f.message.length > 2000) fail(f.file, `a message of ${f.message.length} characters`);
    if (/\[object |undefined/.test(f.message)) fail(f.file, `message leaks internals: ${f.message}`);
  }

  const named = new Set(report.findings.map((f) => f.file));
  const checked = new Set(report.campaigns.map((c) => c.file));
  const capacityLoaded = !report.findings.some((f) => f.file === capacity.path && f.severity === "error");
  if (mutatedPath === capacity.path) {
    if (!capacityLoaded && !named.has(capacity.path)) fail(capacity.path, "broken but not named");
  } else if (capacityLoaded && !checked.has(mutatedPath) && !named.has(mutatedPath)) {
    fail(mutatedPath, "neither checked nor named in any finding");
  }
  if (capacityLoaded) {
    for (const good of campaigns) {
      if (good.path === mutatedPath) continue;
      if (!checked.has(good.path) && !named.has(good.path))
        fail(good.path, `a good campaign beside ${mutatedPath} went unchecked`);
    }
  }
}
