/** Hostile input: every case must end in findings within bounded time, never in a crash or pollution. */
import { describe, expect, it } from "vitest";
import { loadCampaigns, loadCapacity, loadConfig } from "../../src/core/load/index.js";
import type { Finding } from "../../src/core/findings.js";

const VALID = `id: sample
name: Sample
owner: "@jane"
type: email
window: { start: 2026-12-01T10:00:00Z, end: 2026-12-01T12:00:00Z }
targets: [{ site: shop }]
forecast: { peak_concurrent_users: 1000, confidence: model, basis: test }
`;

/** Loads `text` as campaign, capacity and configuration; returns the findings and the time taken. */
function loadAll(text: string): { findings: Finding[][]; ms: number } {
  const start = performance.now();
  const file = { path: "x.yaml", text };
  const findings = [
    loadCampaigns([file], undefined).findings,
    loadCapacity(file, "x.yaml").findings,
    loadConfig(file).findings,
  ];
  return { findings, ms: performance.now() - start };
}

/**
 * `maxMs` guards against runaway (exponential) parsing only; it is generous because CI machines
 * are shared. Speed targets live in `npm run bench`.
 */
function expectOneSyntaxError(text: string, fragment: string, maxMs = 15_000) {
  const { findings, ms } = loadAll(text);
  for (const f of findings) {
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "syntax", severity: "error" });
    expect(f[0]!.message).toContain(fragment);
    expect(f[0]!.message.length).toBeLessThan(400);
  }
  expect(ms).toBeLessThan(maxMs);
}

describe("hostile input", () => {
  it("rejects a billion-laughs alias bomb without expanding it", () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(",")}]`);
    expectOneSyntaxError(lines.join("\n") + "\n", "alias");
  });

  it("rejects 10,000 levels of flow nesting", () => {
    expectOneSyntaxError(`id: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, "YAML");
  });

  it("rejects deep block nesting (1,000 levels; 10,000 would exceed the size cap first)", () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " x\n";
    expectOneSyntaxError(text, "nested too deeply");
    const hundred = Array.from({ length: 100 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " x\n";
    expectOneSyntaxError(hundred, "nested more than 64 levels");
  });

  it("refuses a file larger than 1 MiB before parsing it", () => {
    const text = VALID + `notes: "${"x".repeat(1024 * 1024)}"\n`;
    expectOneSyntaxError(text, "larger than 1 MiB", 5_000);
    expect(loadAll(text).findings[0]![0]).toMatchObject({ line: 1, column: 1 });
  });

  it("counts bytes, not characters, against the size limit", () => {
    const text = VALID + `notes: "${"é".repeat(600 * 1024)}"\n`;
    expectOneSyntaxError(text, "larger than 1 MiB", 5_000);
  });

  it("loads a large but allowed file", () => {
    const text = VALID + `notes: "${"x".repeat(900 * 1024)}"\n`;
    const r = loadCampaigns([{ path: "x.yaml", text }], undefined);
    expect(r.findings).toEqual([]);
    expect(r.campaigns[0]!.notes).toHaveLength(900 * 1024);
  });

  it("rejects binary garbage", () => {
    let seed = 42;
    const bytes = Buffer.from(
      Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff),
    );
    expectOneSyntaxError(bytes.toString("utf8"), "save it as plain UTF-8 text");
  });

  it("rejects NUL bytes and invalid UTF-8 with their position", () => {
    const nul = loadCampaigns(
      [{ path: "x.yaml", text: VALID.replace("Sample", "Sam\u0000ple") }],
      undefined,
    ).findings;
    expect(nul).toMatchObject([{ rule: "syntax", line: 2, column: 10 }]);
    const invalid = Buffer.concat([
      Buffer.from("id: "),
      Buffer.from([0xc3, 0x28]),
      Buffer.from("\n"),
    ]).toString("utf8");
    expect(loadCampaigns([{ path: "x.yaml", text: invalid }], undefined).findings).toMatchObject([
      { rule: "syntax", line: 1, column: 5 },
    ]);
  });

  it("accepts a byte-order mark and Windows line endings, with the same positions", () => {
    const text = "\uFEFF" + VALID.replace(/\n/g, "\r\n");
    const r = loadCampaigns([{ path: "x.yaml", text }], undefined);
    expect(r.findings).toEqual([]);
    expect(r.campaigns[0]!.at.forecast).toEqual({ line: 7, column: 13 });
  });

  it("reports duplicate keys and tabs as syntax errors", () => {
    expectOneSyntaxError("a: 1\na: 2\n", "Line 2 repeats the key `a`, which line 1 already sets");
    expectOneSyntaxError("a:\n\tb: 1\n", "tab");
  });

  it("never lets __proto__ or constructor keys reach prototypes", () => {
    const texts = [
      VALID + "__proto__: { polluted: true }\n",
      VALID.replace("forecast: {", "forecast: { __proto__: { polluted: true },"),
      "services:\n  __proto__: { max_rps: 1, polluted: true }\nsites:\n  constructor: { baseline_rps: 1, uses: { __proto__: 1 } }\n",
      "review:\n  groups: { __proto__: { teams: [x] } }\n  rules: []\n",
    ];
    for (const text of texts) {
      const { findings } = loadAll(text);
      expect(findings.every((f) => f.length > 0)).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.prototype).not.toHaveProperty("max_rps");
  });

  it("handles many problems in one file without flooding: one finding per problem, quoted values shortened", () => {
    const text = VALID.replace("type: email", `type: ${"z".repeat(10_000)}`);
    const f = loadCampaigns([{ path: "x.yaml", text }], undefined).findings;
    expect(f).toHaveLength(1);
    expect(f[0]!.message.length).toBeLessThan(300);
  });
});

describe("one file cannot take the others down", () => {
  it("turns an exception while loading one campaign into a finding on it, and loads the rest", () => {
    const broken = {
      path: "campaigns/broken.yaml",
      get text(): string {
        throw new Error("read failed");
      },
    };
    const good = { path: "campaigns/good.yaml", text: VALID };
    const result = loadCampaigns([broken, good], undefined);
    expect(result.campaigns.map((c) => c.file)).toEqual(["campaigns/good.yaml"]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      file: "campaigns/broken.yaml",
      line: 1,
      column: 1,
      rule: "syntax",
    });
    expect(result.findings[0]!.message).toContain("an internal error: read failed");
  });
});
