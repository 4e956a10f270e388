/**
 * Turns a campaign issue (the body GitHub writes from the issue form) into a campaign file, checked
 * by the same `runCheck` as the CLI, the Action and the app's pull request check, so an issue can
 * only become a pull request that would pass. Pure: the caller fetches the files from GitHub.
 * The body is parsed by `@github/issue-parser` with the form as template (fields keyed by id).
 * Every answer is serialised with the YAML library: free text can never inject YAML or a path.
 */
import { parseIssue } from "@github/issue-parser";
import { parse, stringify } from "yaml";
import { runCheck } from "../check.js";
import type { Finding } from "../findings.js";
import type { Config, SourceFile } from "../model.js";
import type { CampaignSummary } from "../report.js";
import { OTHER_ZONE, PEAK_UNITS } from "./build-issue-form.js";
import { BODY_MAX_CHARS } from "./render-ready-file.js";
import { shapeFromAnswers } from "./shape-from-answers.js";
import { sharesFromAnswer } from "./shares-from-answer.js";
import { slugOf } from "./slug-of.js";

/** One problem to show the issue's author, attached to a form field (or `form` for the whole issue). */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface IssueInput {
  body: string;
  /** The issue form's YAML (the template the body was written from). */
  form: string;
  /** GitHub login of the issue's author: the campaign's owner. */
  author: string;
  config: Config;
  capacity: SourceFile | undefined;
  /** The repository's campaign files: ids and paths never collide with these, and the capacity check counts them. */
  campaigns: SourceFile[];
  /** Epoch ms. */
  now: number;
}

export interface IssueCampaign {
  id?: string;
  /** The campaign's name as typed (the pull request's title). */
  name?: string;
  /** Where the campaign file goes, relative to the repository root. */
  path?: string;
  /** The campaign file's text; present even with problems, so a reviewer sees what was built. */
  text?: string;
  problems: FieldProblem[];
  /** The checked findings on the new file (including warnings), for the pull request body. */
  findings: Finding[];
  /** The campaign's row of the capacity check (its highest utilization), when it was checked. */
  summary?: CampaignSummary;
}

const REQUIRED: Record<string, string> = {
  name: "Campaign name",
  type: "Type",
  start: "Start",
  end: "End",
  timezone: "Time zone",
  peak: "Expected peak",
  unit: "Peak unit",
  confidence: "Confidence",
  basis: "Basis",
};

/** Campaign file keys → the form field a person edits to fix them. */
const FIELD_OF_KEY: Record<string, string> = {
  id: "name",
  name: "name",
  owner: "form",
  type: "type",
  window: "start",
  start: "start",
  end: "end",
  timezone: "timezone",
  targets: "sites",
  site: "sites",
  share: "shares",
  shape: "shape",
  kind: "shape",
  peak_hours: "peak_hours",
  off_peak: "off_peak",
  at: "at",
  half_life_minutes: "half_life",
  half_life_hours: "half_life",
  forecast: "peak",
  peak_concurrent_users: "peak",
  peak_requests_per_second: "peak",
  high: "high",
  confidence: "confidence",
  basis: "basis",
  notes: "notes",
};

type Parsed = Record<string, string | string[] | { selected: string[]; unselected: string[] } | undefined>;

/** Builds and checks the campaign an issue asks for. */
export function campaignFromIssue(input: IssueInput): IssueCampaign {
  // GitHub refuses longer bodies; one that reached us anyway is not read further.
  if (input.body.length > BODY_MAX_CHARS)
    return {
      problems: [
        {
          field: "form",
          message: `This issue is longer than GitHub allows (${BODY_MAX_CHARS} characters): shorten the **Basis** and **Notes** answers.`,
        },
      ],
      findings: [],
    };
  let parsed: Parsed;
  try {
    parsed = parseIssue(input.body, input.form);
  } catch {
    parsed = {};
  }
  const problems: FieldProblem[] = [];
  if (!Object.keys(REQUIRED).some((k) => parsed[k] !== undefined)) {
    return {
      problems: [
        {
          field: "form",
          message:
            "This issue no longer follows the campaign form (its `### ` headings were changed or removed). Open a new issue from the campaign form, or restore the headings.",
        },
      ],
      findings: [],
    };
  }
  const text = (k: string): string | undefined => {
    const v = parsed[k];
    const s = Array.isArray(v) ? v[0] : typeof v === "string" ? v : undefined;
    return s?.trim() === "" ? undefined : s?.trim();
  };
  for (const [k, label] of Object.entries(REQUIRED))
    if (text(k) === undefined)
      problems.push({ field: k, message: `**${label}** is empty: please fill it in.` });
  const sitesAnswer = parsed.sites;
  const sites =
    sitesAnswer && !Array.isArray(sitesAnswer) && typeof sitesAnswer === "object" ? sitesAnswer.selected : [];
  if (sites.length === 0) problems.push({ field: "sites", message: "**Sites**: tick at least one site." });
  // The sites offered, in the form's order (the answer lists ticked ones first).
  const answered =
    sitesAnswer && !Array.isArray(sitesAnswer) && typeof sitesAnswer === "object"
      ? [...sitesAnswer.selected, ...sitesAnswer.unselected]
      : [];
  const offered = formSites(input.form).filter((s) => answered.includes(s));
  const shares = sharesFromAnswer(text("shares"), sites, offered, problems);

  const zoneChoice = text("timezone");
  const timezone = zoneChoice === OTHER_ZONE ? text("timezone_other") : zoneChoice;
  if (zoneChoice === OTHER_ZONE && timezone === undefined)
    problems.push({
      field: "timezone_other",
      message: `**Other time zone** is empty although **Time zone** says "${OTHER_ZONE}": type a zone such as Europe/Madrid.`,
    });
  const peak = numberOf(text("peak"), "Expected peak", "peak", problems);
  const high = numberOf(text("high"), "Pessimistic estimate", "high", problems);
  const shape = shapeFromAnswers(
    {
      shape: text("shape"),
      peak_hours: text("peak_hours"),
      off_peak: text("off_peak"),
      at: text("at"),
      half_life: text("half_life"),
    },
    problems,
  );
  const unitKey = PEAK_UNITS[(text("unit") ?? "") as keyof typeof PEAK_UNITS] as string | undefined;

  const name = text("name");
  const taken = new Set(input.campaigns.map((f) => f.path));
  const existingIds = new Set(input.campaigns.flatMap((f) => idOf(f.text)));
  const id = name === undefined ? undefined : freeId(slugOf(name), existingIds, taken);
  if (problems.length > 0 || id === undefined) return { problems, findings: [] };

  const campaign = {
    id,
    name,
    owner: `@${input.author}`,
    type: text("type"),
    window: { start: text("start"), end: text("end") },
    timezone,
    targets: sites.map((site) => {
      const share = shares.get(site);
      return share === undefined ? { site } : { site, share };
    }),
    forecast: {
      [unitKey ?? "peak_concurrent_users"]: peak,
      ...(high === undefined ? {} : { high }),
      confidence: text("confidence"),
      basis: text("basis"),
      ...(shape === undefined ? {} : { shape }),
    },
    ...(text("notes") === undefined ? {} : { notes: text("notes") }),
  };
  const path = `campaigns/${id}.yaml`;
  const fileText = `# From a campaign request issue; edit the issue to change it.\n${stringify(campaign, { lineWidth: 0 })}`;
  const report = runCheck({
    config: input.config,
    capacity: input.capacity,
    campaigns: [...input.campaigns, { path, text: fileText }],
    now: input.now,
    changed: [path],
  });
  const mine = report.findings.filter((f) => f.file === path || (f.campaigns ?? []).includes(id));
  const lines = fileText.split("\n");
  for (const f of mine.filter((x) => x.severity === "error"))
    problems.push({ field: f.file === path ? fieldAt(lines, f.line) : "form", message: f.message });
  const summary = report.campaigns.find((c) => c.id === id);
  return { id, name, path, text: fileText, problems, findings: mine, ...(summary ? { summary } : {}) };
}

/** The labels of the form's site checkboxes, in order ([] for a form that cannot be read). */
function formSites(form: string): string[] {
  try {
    const body = (
      parse(form) as { body?: { id?: string; attributes?: { options?: { label?: unknown }[] } }[] }
    ).body;
    const options = body?.find((e) => e.id === "sites")?.attributes?.options ?? [];
    return options.flatMap((o) => (typeof o.label === "string" ? [o.label] : []));
  } catch {
    return [];
  }
}

/** The slug, or slug-2, slug-3… : never another campaign's id or file. */
function freeId(slug: string, ids: Set<string>, paths: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? slug : `${slug}-${n}`;
    if (!ids.has(id) && !paths.has(`campaigns/${id}.yaml`)) return id;
  }
}

function idOf(text: string): string[] {
  const m = /^id:\s*["']?([a-z0-9-]+)/m.exec(text);
  return m?.[1] ? [m[1]] : [];
}

function numberOf(
  value: string | undefined,
  label: string,
  field: string,
  problems: FieldProblem[],
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[\s,_']/g, ""));
  if (Number.isFinite(n) && n > 0) return n;
  problems.push({
    field,
    message: `**${label}** must be a number above 0, such as 40000: found "${value}".`,
  });
  return undefined;
}

/**
 * The form field behind the file's line `line` (1-based): the key on that line, or, for an item of
 * a list of plain values (an airing time, a peak-hours range), the key of the list above it.
 */
function fieldAt(lines: string[], line: number): string {
  for (let i = line - 1; i >= 0 && i < lines.length; i--) {
    const key = /^\s*(?:-\s*)?([a-z_]+):/.exec(lines[i] ?? "")?.[1];
    if (key) return FIELD_OF_KEY[key] ?? "form";
    if (!/^\s*-\s/.test(lines[i] ?? "")) return "form";
  }
  return "form";
}
