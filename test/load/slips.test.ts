/**
 * The slip table: each common YAML slip a marketer makes, the exact message campaign-gate answers
 * with, and the line and column it points at (the line the slip was typed on). A row without a
 * message is a slip YAML 1.2 reads as meant (`no`, `on`, a date as text): the file loads.
 */
import { describe, expect, it } from "vitest";
import { loadCampaigns, loadCapacity, loadConfig, LEFT_OUT } from "../../src/core/load/index.js";
import { edit, editLines } from "./slips-cases.js";

interface Row {
  slip: string;
  text: string;
  line?: number;
  column?: number;
  message?: string;
}

const CAMPAIGN_SLIPS: Row[] = [
  {
    slip: "colon and space inside a value",
    text: edit(2, "name: Spring sale: 20% off"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: the colon after `Spring sale` makes YAML read the rest as another key inside the value of `name`. Put the whole value in quotes: `name: "Spring sale: 20% off"`.',
  },
  {
    slip: "`#` at the start of a value",
    text: edit(2, "name: #1 newsletter"),
    line: 2,
    column: 7,
    message:
      '`name` is empty because `#` starts a comment in YAML, which hides the rest of the line; put the value in quotes: `name: "#1 newsletter"`.',
  },
  {
    slip: "`@` at the start of a value",
    text: edit(3, "owner: @jane"),
    line: 3,
    column: 8,
    message:
      'This campaign file is not valid YAML. Line 3: YAML does not allow a value to start with `@`. Put the value in quotes: `owner: "@jane"`.',
  },
  {
    slip: "backtick at the start of a value",
    text: edit(2, "name: `Deal` of the day"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: YAML does not allow a value to start with a backtick (`). Put the value in quotes: `name: "`Deal` of the day"`.',
  },
  {
    slip: "`*` at the start of a value (text after it)",
    text: edit(2, "name: *Deal* of the day"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: `*` at the start of a value makes YAML look for a reference (an alias) instead of reading text. Put the value in quotes: `name: "*Deal* of the day"`.',
  },
  {
    slip: "`*` at the start of a value (one word)",
    text: edit(2, "name: *deals"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: `*` at the start of a value makes YAML look for a reference (an alias) instead of reading text. Put the value in quotes: `name: "*deals"`.',
  },
  {
    slip: "`&` at the start of a value",
    text: edit(2, "name: &Co spring sale"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: `&` at the start of a value makes YAML take the first word as an anchor name and drop it from the value. Put the value in quotes: `name: "&Co spring sale"`.',
  },
  {
    slip: "`!` at the start of a value",
    text: edit(2, "name: !Important sale"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: `!` at the start of a value makes YAML take the first word as a type tag and drop it from the value. Put the value in quotes: `name: "!Important sale"`.',
  },
  {
    slip: "`%` at the start of a value",
    text: edit(2, "name: %20 off everything"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: YAML does not allow a value to start with `%`. Put the value in quotes: `name: "%20 off everything"`.',
  },
  {
    slip: "`|` at the start of a value",
    text: edit(2, "name: | Spring | Summer |"),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2: `|` at the start of a value makes YAML expect a block of text on the lines below, not on the same line. Put the value in quotes: `name: "| Spring | Summer |"`.',
  },
  {
    slip: "`>` at the start of a value",
    text: edit(14, "  basis: > 30% growth since 2025"),
    line: 14,
    column: 10,
    message:
      'This campaign file is not valid YAML. Line 14: `>` at the start of a value makes YAML expect a block of text on the lines below, not on the same line. Put the value in quotes: `  basis: "> 30% growth since 2025"`.',
  },
  {
    slip: "a key indented by mistake",
    text: edit(3, '  owner: "@jane"'),
    line: 3,
    column: 3,
    message:
      'This campaign file is not valid YAML. Line 3 starts further right than `name:` on the line above, so YAML reads it as more of the value of `name`. Line it up with the keys around it: `owner: "@jane"`.',
  },
  {
    slip: "a key indented less than its neighbours",
    text: edit(13, " confidence: model"),
    line: 13,
    column: 2,
    message:
      "This campaign file is not valid YAML. Line 13 is not lined up with `peak_concurrent_users:` on line 12, so YAML cannot tell which part of the file it belongs to. Indent it like the keys it belongs with, for example: `  confidence: model`.",
  },
  {
    slip: "a missing colon",
    text: edit(4, "type email"),
    line: 4,
    column: 1,
    message:
      "This campaign file is not valid YAML. Line 4 has no colon after `type`, so YAML cannot tell the key from its value. Add the colon: `type: email`.",
  },
  {
    slip: "no space after the colon",
    text: edit(4, "type:email"),
    line: 4,
    column: 1,
    message:
      "This campaign file is not valid YAML. Line 4 has no space after the colon, so YAML reads `type:email` as one piece of text instead of a key and its value. Add a space after the colon: `type: email`.",
  },
  {
    slip: "a list written without dashes",
    text: editLines(9, 10, "  site: shop", "  share: 1"),
    line: 9,
    column: 3,
    message:
      "`targets` must be a list, and every entry of a list starts with a dash (`- `); write line 9 as `  - site: shop` and indent the other lines of that entry to line up with it.",
  },
  {
    slip: "a missing dash before the next list entry",
    text: edit(10, "    share: 0.5", "  site: outlet", "  share: 0.5"),
    line: 11,
    column: 3,
    message:
      "This campaign file is not valid YAML. Line 11 looks like a new entry of the list above it but has no dash, so YAML cannot tell where it belongs. Start the entry with a dash: `  - site: outlet`.",
  },
  {
    slip: "a missing dash inside a list entry",
    text: edit(10, "    share: 0.5", "    site: outlet", "    share: 0.5"),
    line: 11,
    column: 5,
    message:
      "This campaign file is not valid YAML. Line 11 repeats `site` inside the list entry that starts on line 9; if it starts a new entry, begin it with a dash: `  - site: outlet`.",
  },
  {
    slip: "a tab as indentation",
    text: edit(6, "\tstart: 2026-12-01T10:00:00Z"),
    line: 6,
    column: 1,
    message:
      "This campaign file is not valid YAML. Line 6 is indented with a tab, and YAML accepts only spaces for indentation. Indent it with spaces: `  start: 2026-12-01T10:00:00Z`.",
  },
  {
    slip: "an unclosed double quote",
    text: edit(2, 'name: "Spring sale'),
    line: 2,
    column: 7,
    message:
      'This campaign file is not valid YAML. Line 2 opens a quote (") that the line never closes, so YAML reads the lines after it as part of the value. Close the quote at the end of the value: `name: "Spring sale"`.',
  },
  {
    slip: "an unclosed single quote",
    text: edit(2, "name: 'Spring sale"),
    line: 2,
    column: 7,
    message:
      "This campaign file is not valid YAML. Line 2 opens a quote (') that the line never closes, so YAML reads the lines after it as part of the value. Close the quote at the end of the value: `name: 'Spring sale'`.",
  },
  {
    slip: "text after a closing quote",
    text: edit(2, 'name: "Spring" sale'),
    line: 2,
    column: 7,
    message:
      "This campaign file is not valid YAML. Line 2: the value starts with a quote, so YAML ends it at the closing quote and cannot read `sale` after it. Put the whole value in quotes: `name: '\"Spring\" sale'`.",
  },
  {
    slip: "a number where text is meant (1.10)",
    text: edit(2, "name: 1.10"),
    line: 2,
    column: 7,
    message:
      '`name` is `1.10`, which YAML reads as the number 1.1, not as text; put it in quotes: `name: "1.10"`.',
  },
  {
    slip: "a yes/no where text is meant (true)",
    text: edit(2, "name: true"),
    line: 2,
    column: 7,
    message:
      '`name` is `true`, which YAML reads as a yes/no value (true or false), not as text; put it in quotes: `name: "true"`.',
  },
  { slip: "`no` where text is meant (YAML 1.2: text)", text: edit(2, "name: no") },
  { slip: "`on` where text is meant (YAML 1.2: text)", text: edit(2, "name: on") },
  { slip: "a date where text is meant (YAML 1.2: text)", text: edit(2, "name: 2026-12-01") },
  {
    slip: "`~` where text is meant",
    text: edit(2, "name: ~"),
    line: 2,
    column: 7,
    message:
      '`name` is `~`, which YAML reads as "empty", not as text; put it in quotes if you mean the word.',
  },
  {
    slip: "a percentage where a fraction is meant (50%)",
    text: edit(10, "    share: 50%"),
    line: 10,
    column: 12,
    message:
      "`targets[1].share` is `50%`, which YAML reads as text, not as a number; write it as a fraction of 1 (50% is 0.5): `share: 0.5`.",
  },
  {
    slip: "a thousands suffix (40k)",
    text: edit(12, "  peak_concurrent_users: 40k"),
    line: 12,
    column: 26,
    message:
      "`forecast.peak_concurrent_users` is `40k`, which YAML reads as text, not as a number; write the whole number: `peak_concurrent_users: 40000`.",
  },
  {
    slip: "thousands separators (40,000)",
    text: edit(12, "  peak_concurrent_users: 40,000"),
    line: 12,
    column: 26,
    message:
      "`forecast.peak_concurrent_users` is `40,000`, which YAML reads as text, not as a number; write it without thousands separators: `peak_concurrent_users: 40000`.",
  },
  {
    slip: 'a quoted number ("40000")',
    text: edit(12, '  peak_concurrent_users: "40000"'),
    line: 12,
    column: 26,
    message:
      '`forecast.peak_concurrent_users` is `"40000"` in quotes, which YAML reads as text, not as a number; write it without the quotes: `peak_concurrent_users: 40000`.',
  },
  {
    slip: "a number with a unit (1200 users)",
    text: edit(12, "  peak_concurrent_users: 1200 users"),
    line: 12,
    column: 26,
    message:
      "`forecast.peak_concurrent_users` is `1200 users`, which YAML reads as text, not as a number; write only the number, without a unit: `peak_concurrent_users: 1200`.",
  },
  {
    slip: "a decimal comma (0,5)",
    text: edit(10, "    share: 0,5"),
    line: 10,
    column: 12,
    message:
      "`targets[1].share` is `0,5`, which YAML reads as text, not as a number; write decimals with a dot: `share: 0.5`.",
  },
  {
    slip: "an offset as time zone (+05:00)",
    text: edit(15, "notes: x", 'timezone: "+05:00"'),
    line: 16,
    column: 11,
    message:
      "`timezone` is `+05:00`, an offset rather than a time zone; write the offset on the times instead (like `start: 2026-11-27T06:00:00+05:00`) and remove `timezone`, or use a zone name like Asia/Karachi or America/New_York.",
  },
  {
    slip: "a number beyond any forecast (1.8e308)",
    text: edit(12, "  peak_concurrent_users: 1.7976931348623157e308"),
    line: 12,
    column: 26,
    message:
      "`forecast.peak_concurrent_users` must be at most 1,000,000,000 — found `1.7976931348623157e+308`. Check for extra zeros or a misplaced decimal point.",
  },
  {
    slip: "a list as a key (? [a, b])",
    text: edit(15, "notes: x", "? [a, b]: [1]"),
    line: 16,
    column: 3,
    message:
      "This campaign file uses a list or a mapping as a key (written with `? ` or brackets before a colon); keys here are plain names followed by a colon, like `name:`.",
  },
  {
    slip: "the same key twice",
    text: edit(3, 'owner: "@jane"', "name: Other sale"),
    line: 4,
    column: 1,
    message:
      "This campaign file is not valid YAML. Line 4 repeats the key `name`, which line 2 already sets; a key may appear only once in the same mapping, so keep one of the two lines.",
  },
];

const FILE = "campaigns/spring-sale.yaml";

describe("slip table: campaign files", () => {
  it("covers every slip of the issue", () => {
    expect(CAMPAIGN_SLIPS.length).toBeGreaterThanOrEqual(35);
  });

  it.each(CAMPAIGN_SLIPS.map((row) => [row.slip, row] as const))("%s", (_slip, row) => {
    const result = loadCampaigns([{ path: FILE, text: row.text }], undefined);
    if (row.message === undefined) {
      expect(result.findings).toEqual([]);
      expect(result.campaigns).toHaveLength(1);
      return;
    }
    expect(
      result.findings.map((f) => ({ file: f.file, line: f.line, column: f.column, message: f.message })),
    ).toEqual([{ file: FILE, line: row.line, column: row.column, message: row.message + LEFT_OUT }]);
    expect(result.campaigns).toEqual([]);
  });
});

const CAPACITY = `services:
  web-shop:
    per_instance_rps: 300
    instances: 4
    max_instances: 20
    zones: 2
  shared-db:
    max_rps: 5000
sites:
  shop:
    rps_per_user: 0.25
    baseline_users: 3000
    uses:
      web-shop: 1
      shared-db: 0.4
`;

const CONFIG = `review:
  groups:
    marketing:
      teams: [marketing]
  rules:
    - name: campaigns
      paths: [campaigns/**]
      require: [marketing]
  distinct_reviewers: true
`;

/** `text` with its one `from` replaced by `to`. */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no ${from} in the base file`);
  return text.replace(from, to);
}

const CAPACITY_SLIPS: Row[] = [
  {
    slip: "thousands separators (5,000)",
    text: swap(CAPACITY, "max_rps: 5000", "max_rps: 5,000"),
    line: 8,
    column: 14,
    message:
      "`services.shared-db.max_rps` is `5,000`, which YAML reads as text, not as a number; write it without thousands separators: `max_rps: 5000`.",
  },
  {
    slip: 'a quoted number ("300")',
    text: swap(CAPACITY, "per_instance_rps: 300", 'per_instance_rps: "300"'),
    line: 3,
    column: 23,
    message:
      '`services.web-shop.per_instance_rps` is `"300"` in quotes, which YAML reads as text, not as a number; write it without the quotes: `per_instance_rps: 300`.',
  },
  {
    slip: "a percentage where a fraction is meant (25%)",
    text: swap(CAPACITY, "rps_per_user: 0.25", "rps_per_user: 25%"),
    line: 11,
    column: 19,
    message:
      "`sites.shop.rps_per_user` is `25%`, which YAML reads as text, not as a number; write it as a fraction of 1 (25% is 0.25): `rps_per_user: 0.25`.",
  },
  {
    slip: "a thousands suffix (3k)",
    text: swap(CAPACITY, "baseline_users: 3000", "baseline_users: 3k"),
    line: 12,
    column: 21,
    message:
      "`sites.shop.baseline_users` is `3k`, which YAML reads as text, not as a number; write the whole number: `baseline_users: 3000`.",
  },
  {
    slip: "a number beyond any fleet (1e12 instances)",
    text: swap(CAPACITY, "instances: 4", "instances: 1e12"),
    line: 4,
    column: 16,
    message:
      "`services.web-shop.instances` must be at most 1,000,000 — found `1000000000000`. Check for extra zeros or a misplaced decimal point.",
  },
];

const CONFIG_SLIPS: Row[] = [
  {
    slip: "`yes` where true is meant",
    text: swap(CONFIG, "distinct_reviewers: true", "distinct_reviewers: yes"),
    line: 9,
    column: 23,
    message:
      "`review.distinct_reviewers` is `yes`, which YAML reads as text; write `true` or `false`: `distinct_reviewers: true`.",
  },
  {
    slip: "one value where a list is meant",
    text: swap(CONFIG, "paths: [campaigns/**]", "paths: campaigns/**"),
    line: 7,
    column: 14,
    message:
      "`review.rules[1].paths` must be a list, even of one entry; write the value in brackets: `paths: [campaigns/**]`.",
  },
];

describe("slip table: the capacity file and the configuration", () => {
  it("loads both base files cleanly", () => {
    expect(
      loadCapacity({ path: "infra/capacity.yaml", text: CAPACITY }, "infra/capacity.yaml").findings,
    ).toEqual([]);
    expect(loadConfig({ path: ".github/campaign-gate.yml", text: CONFIG }).findings).toEqual([]);
  });

  it.each(CAPACITY_SLIPS.map((row) => [row.slip, row] as const))("capacity: %s", (_slip, row) => {
    const result = loadCapacity({ path: "infra/capacity.yaml", text: row.text }, "infra/capacity.yaml");
    expect(result.findings.map((f) => ({ line: f.line, column: f.column, message: f.message }))).toEqual([
      { line: row.line, column: row.column, message: row.message },
    ]);
    expect(result.capacity).toBeUndefined();
  });

  it.each(CONFIG_SLIPS.map((row) => [row.slip, row] as const))("configuration: %s", (_slip, row) => {
    const result = loadConfig({ path: ".github/campaign-gate.yml", text: row.text });
    expect(result.findings.map((f) => ({ line: f.line, column: f.column, message: f.message }))).toEqual([
      { line: row.line, column: row.column, message: row.message },
    ]);
  });
});

describe("slips YAML 1.2 reads as meant", () => {
  it("keeps `no`, `on` and a date as the text typed", () => {
    for (const value of ["no", "on", "2026-12-01"]) {
      const result = loadCampaigns([{ path: FILE, text: edit(2, `name: ${value}`) }], undefined);
      expect(result.campaigns[0]?.name).toBe(value);
    }
  });
});
