import { readFileSync } from "node:fs";
import { issueFormBody } from "../helpers/issue-form-body.js";
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
  return issueFormBody({
    "Campaign name": "Soldes d'été — Übergröße ☀️",
    Type: "email",
    Start: "2026-11-27",
    End: "2026-11-30",
    "Time zone": "Europe/Paris",
    Sites: "- [X] www",
    "Expected peak": "1 200",
    "Peak unit": "people on the site at the same time",
    Confidence: "historical",
    Basis: "Last year peaked at 1,000.\nThe list grew 20%.",
    ...answers,
  });
}

const run = (b: string, campaigns: { path: string; text: string }[] = [], template = form) =>
  campaignFromIssue({
    body: b,
    form: template,
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

  describe("traffic shape", () => {
    const forecastOf = (out: { text?: string }) =>
      (parse(out.text ?? "") as { forecast: Record<string, unknown> }).forecast;

    it("writes no shape when none is chosen (constant, the default)", () => {
      const out = run(body({ "Traffic shape": "constant: the same all through the campaign (default)" }));
      expect(out.problems).toEqual([]);
      expect(forecastOf(out).shape).toBeUndefined();
      expect(forecastOf(run(body())).shape).toBeUndefined();
    });

    it("daily: peak hours written loosely become the schema's ranges, the off-peak % a share", () => {
      const out = run(
        body({
          "Traffic shape": "daily: busiest at the same hours every day",
          "Peak hours (daily)": "12-14, 19:00 – 22:00 and 22:00-02:00",
          "Traffic outside peak hours (daily)": "10%",
        }),
      );
      expect(out.problems).toEqual([]);
      expect(forecastOf(out).shape).toEqual({
        kind: "daily",
        peak_hours: ["12:00-14:00", "19:00-22:00", "22:00-02:00"],
        off_peak: 0.1,
      });
    });

    it("spike: airing times and a half-life in hours or minutes", () => {
      const out = run(
        body({
          "Traffic shape": "spike: TV or radio ads or push messages that fade after each airing",
          "Airing or send times (spike, front-loaded)": "2026-11-27 20:15, 2026-11-29T9:05",
          "How fast it fades (spike, front-loaded)": "0.5 hours",
        }),
      );
      expect(out.problems).toEqual([]);
      expect(forecastOf(out).shape).toEqual({
        kind: "spike",
        at: ["2026-11-27T20:15", "2026-11-29T09:05"],
        half_life_minutes: 30,
      });
    });

    it("front-loaded: the send time is optional, the half-life becomes hours", () => {
      const shape = "front-loaded: an e-mail that is busiest right after the send";
      const fade = { "How fast it fades (spike, front-loaded)": "90 min" };
      const out = run(body({ "Traffic shape": shape, ...fade }));
      expect(out.problems).toEqual([]);
      expect(forecastOf(out).shape).toEqual({ kind: "front_loaded", half_life_hours: 1.5 });
      const sent = run(
        body({
          "Traffic shape": shape,
          ...fade,
          "Airing or send times (spike, front-loaded)": "2026-11-28 08:00",
        }),
      );
      expect(forecastOf(sent).shape).toEqual({
        kind: "front_loaded",
        at: "2026-11-28T08:00",
        half_life_hours: 1.5,
      });
    });

    it("missing, unreadable or misplaced details are problems on their own field", () => {
      const spike = run(
        body({
          "Traffic shape": "spike: TV or radio ads or push messages that fade after each airing",
          "How fast it fades (spike, front-loaded)": "10",
          "Peak hours (daily)": "12:00-14:00",
        }),
      );
      expect(spike.text).toBeUndefined();
      expect(spike.problems.map((p) => p.field)).toEqual(["peak_hours", "at", "half_life"]);
      expect(spike.problems[0]?.message).toContain("only counts for the daily shape");
      expect(spike.problems[1]?.message).toContain("**Airing or send times (spike, front-loaded)** is empty");
      expect(spike.problems[2]?.message).toContain('such as 10 minutes or 6 hours; found "10"');
      const daily = run(
        body({
          "Traffic shape": "daily: busiest at the same hours every day",
          "Peak hours (daily)": "lunchtime",
          "Traffic outside peak hours (daily)": "150%",
        }),
      );
      expect(daily.problems).toEqual([
        { field: "peak_hours", message: expect.stringContaining('"lunchtime" is not a time range') },
        { field: "off_peak", message: expect.stringContaining('found "150%"') },
      ]);
      const typed = run(body({ "Traffic shape": "wave" }));
      expect(typed.problems).toEqual([{ field: "shape", message: expect.stringContaining('"wave"') }]);
    });

    it("maps the core check's finding on an airing outside the window back to the airing field", () => {
      const out = run(
        body({
          "Traffic shape": "spike: TV or radio ads or push messages that fade after each airing",
          "Airing or send times (spike, front-loaded)": "2026-11-27 20:15, 2026-12-24 20:15",
          "How fast it fades (spike, front-loaded)": "10 minutes",
        }),
      );
      expect(out.text).toContain("2026-12-24T20:15");
      expect(out.problems).toEqual([
        { field: "at", message: expect.stringContaining("outside the campaign's window") },
      ]);
    });
  });

  describe("share per site", () => {
    const acme = {
      path: "infra/capacity.yaml",
      text: readFileSync(new URL("../../examples/acme/infra/capacity.yaml", import.meta.url), "utf8"),
    };
    const twoSites = buildIssueForm(["shop", "brand", "outlet"]);
    const runAcme = (answers: Partial<Record<string, string>>) =>
      campaignFromIssue({
        body: body({ Sites: "- [X] shop\n- [ ] brand\n- [X] outlet", ...answers }),
        form: twoSites,
        author: "jane-doe",
        config: defaultConfig(),
        capacity: acme,
        campaigns: [],
        now: NOW,
      });

    it("gives each listed site its share; a ticked site without a line keeps the whole peak", () => {
      const out = runAcme({ "Share per site": "- outlet: 30 %\n\n" });
      expect(out.problems).toEqual([]);
      expect((parse(out.text ?? "") as { targets: unknown }).targets).toEqual([
        { site: "shop" },
        { site: "outlet", share: 0.3 },
      ]);
      const both = runAcme({ "Share per site": "Shop: 70%\noutlet = 0.3" });
      expect((parse(both.text ?? "") as { targets: unknown }).targets).toEqual([
        { site: "shop", share: 0.7 },
        { site: "outlet", share: 0.3 },
      ]);
    });

    it("a share for a site not ticked, not a number or out of range is a problem on the field", () => {
      const out = runAcme({
        "Share per site": "brand: 20%\nshop: lots\noutlet: 0%\nwhatever\nstore: 10%",
      });
      expect(out.text).toBeUndefined();
      expect(out.problems).toEqual([
        { field: "shares", message: expect.stringContaining('"brand", which is not ticked under **Sites**') },
        { field: "shares", message: expect.stringContaining('share of "shop" must be a percentage') },
        { field: "shares", message: expect.stringContaining('found "0%"') },
        { field: "shares", message: expect.stringContaining('such as `shop: 70%`; found "whatever"') },
        {
          field: "shares",
          message: expect.stringContaining(
            '"store", which is not one of the **Sites** (shop, brand, outlet)',
          ),
        },
      ]);
    });
  });
});
