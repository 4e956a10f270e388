import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildIssueForm } from "../../src/core/issue-form/build-issue-form.js";
import { campaignFromIssue } from "../../src/core/issue-form/campaign-from-issue.js";
import { slugOf } from "../../src/core/issue-form/slug-of.js";
import { defaultConfig } from "../../src/core/load/index.js";

const capacity = {
  path: "infra/capacity.yaml",
  text: readFileSync(new URL("../../templates/init/infra/capacity.yaml", import.meta.url), "utf8"),
};
const form = buildIssueForm(["www"]);
const NOW = Date.parse("2026-09-01T00:00:00Z");

/** An issue body exactly as GitHub writes it from the form (headings = labels, "_No response_"). */
function body(answers: Partial<Record<string, string>> = {}): string {
  const a: Record<string, string> = {
    "Campaign name": "Soldes d'été — Übergröße ☀️",
    Type: "email",
    Start: "2026-11-27",
    End: "2026-11-30",
    "Time zone": "Europe/Paris",
    "Other time zone": "_No response_",
    Sites: "- [X] www",
    "Expected peak": "1 200",
    "Peak unit": "people on the site at the same time",
    "Pessimistic estimate": "_No response_",
    Confidence: "historical",
    Basis: "Last year peaked at 1,000.\nThe list grew 20%.",
    Notes: "_No response_",
    ...answers,
  };
  return Object.entries(a)
    .map(([k, v]) => `### ${k}\n\n${v}`)
    .join("\n\n");
}

const run = (b: string, campaigns: { path: string; text: string }[] = []) =>
  campaignFromIssue({
    body: b,
    form,
    author: "jane-doe",
    config: defaultConfig(),
    capacity,
    campaigns,
    now: NOW,
  });

describe("campaignFromIssue", () => {
  it("builds a campaign file that the core check accepts, from a real form body", () => {
    const out = run(body());
    expect(out.problems).toEqual([]);
    expect(out.path).toBe("campaigns/soldes-d-ete-ubergrosse.yaml");
    expect(parse(out.text ?? "")).toEqual({
      id: "soldes-d-ete-ubergrosse",
      name: "Soldes d'été — Übergröße ☀️",
      owner: "@jane-doe",
      type: "email",
      window: { start: "2026-11-27", end: "2026-11-30" },
      timezone: "Europe/Paris",
      targets: [{ site: "www" }],
      forecast: {
        peak_concurrent_users: 1200,
        confidence: "historical",
        basis: "Last year peaked at 1,000.\nThe list grew 20%.",
      },
    });
  });

  it("reports every empty required field and a bad number, per field, in plain language", () => {
    const out = run(
      body({ Type: "_No response_", "Expected peak": "lots", Sites: "- [ ] www", Basis: "_No response_" }),
    );
    expect(out.text).toBeUndefined();
    expect(out.problems.map((p) => p.field).sort()).toEqual(["basis", "peak", "sites", "type"]);
    expect(out.problems.find((p) => p.field === "peak")?.message).toContain('found "lots"');
  });

  it("maps the core check's findings back to the field to edit (an impossible date)", () => {
    const out = run(body({ End: "2026-02-31" }));
    expect(out.problems.length).toBeGreaterThan(0);
    expect(out.problems.map((p) => p.field)).toContain("end");
  });

  it("keeps free text as data: YAML in the notes stays a string, the name cannot make a path", () => {
    const out = run(
      body({ "Campaign name": "../../etc/passwd", Notes: "id: hacked\nowner: '@evil'\n- [X] x" }),
    );
    expect(out.problems).toEqual([]);
    expect(out.path).toBe("campaigns/etc-passwd.yaml");
    const data = parse(out.text ?? "") as { id: string; owner: string; notes: string };
    expect(data.id).toBe("etc-passwd");
    expect(data.owner).toBe("@jane-doe");
    expect(data.notes).toBe("id: hacked\nowner: '@evil'\n- [X] x");
  });

  it("never takes another campaign's id: suffixes it", () => {
    const existing = { path: "campaigns/x.yaml", text: "id: soldes-d-ete-ubergrosse\n" };
    expect(run(body(), [existing]).id).toBe("soldes-d-ete-ubergrosse-2");
  });

  it("uses the other time zone and the pessimistic estimate when given", () => {
    const out = run(
      body({
        "Time zone": "other (type it below)",
        "Other time zone": "Europe/Madrid",
        "Pessimistic estimate": "2000",
      }),
    );
    const data = parse(out.text ?? "") as { timezone: string; forecast: { high: number } };
    expect(data.timezone).toBe("Europe/Madrid");
    expect(data.forecast.high).toBe(2000);
  });

  it("says so when the body was edited by hand into something else", () => {
    const out = run("Hi team, can we do a sale next week? Thanks!");
    expect(out.problems).toEqual([
      { field: "form", message: expect.stringContaining("no longer follows the campaign form") },
    ]);
  });

  it("slugs names into the schema's id pattern", () => {
    for (const name of ["Black Friday 2026!", "☀️", "Ça va", "a".repeat(200)])
      expect(slugOf(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
