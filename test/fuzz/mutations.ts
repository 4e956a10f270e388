/**
 * Mutations of the example files, as fast-check arbitraries: what an editor, a copy-paste, a tired
 * marketer or an attacker does to a YAML file. Positions are drawn as plain numbers and taken
 * modulo the text's length when applied, so a mutation fits any text (and shrinks well).
 */
import fc from "fast-check";

export type Mutation =
  | { kind: "flip"; at: number; char: string }
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "move-line"; from: number; to: number }
  | { kind: "duplicate-line"; line: number }
  | { kind: "delete-line"; line: number }
  | { kind: "indent"; line: number; by: number; tab: boolean }
  | { kind: "value"; line: number; value: string }
  | { kind: "prefix-value"; line: number; prefix: string }
  | { kind: "bom" }
  | { kind: "crlf"; lone: boolean }
  | { kind: "deep"; line: number; depth: number; flow: boolean }
  | { kind: "anchor-alias"; anchorLine: number; aliasLine: number }
  | { kind: "add-line"; line: number; text: string };

/** Characters YAML gives a meaning to, plus some that break text files. */
const YAML_CHARS = [..."-:#@`*&!%|>[]{},?'\"\\\t\n\r ~"];

/** Values swapped in for a value: other types, the number slips, extremes, and hostile text. */
const VALUES = [
  "0",
  "-1",
  "1e308",
  "1.7976931348623157e308",
  "-1.7976931348623157e308",
  "5e-324",
  ".inf",
  "-.inf",
  ".nan",
  "123456789012345678901234567890",
  "0x1F",
  "0o17",
  "true",
  "no",
  "on",
  "null",
  "~",
  '""',
  "''",
  "[]",
  "{}",
  "[1, 2]",
  "{ a: 1 }",
  '"1200"',
  "50%",
  "40k",
  "40,000",
  "1.10",
  "2026-13-45",
  "2026-11-27T25:00:00Z",
  "2026-03-08T02:30:00",
  '"+05:00"',
  "Europe/Nowhere",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "!!binary aGVsbG8=",
  "!!str 12",
  "!custom x",
  "*missing",
  "&anchor value",
  "|\n  block text",
  ">\n  folded text",
  "Spring sale: 20% off",
  "#1 newsletter",
  "@jane",
  "\u202Eevil\u202C",
  "💥".repeat(40),
  "x".repeat(5000),
];

const position = fc.nat({ max: 1_000_000 });
const line = fc.nat({ max: 10_000 });
const unicode = fc.string({ unit: "binary", minLength: 1, maxLength: 8 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    at: position,
    char: fc.oneof(fc.constantFrom(...YAML_CHARS), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: position,
    text: fc.oneof(unicode, fc.constantFrom(...VALUES)),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
  fc.record({ kind: fc.constant("move-line" as const), from: line, to: line }),
  fc.record({ kind: fc.constant("duplicate-line" as const), line }),
  fc.record({ kind: fc.constant("delete-line" as const), line }),
  fc.record({
    kind: fc.constant("indent" as const),
    line,
    by: fc.integer({ min: -4, max: 4 }),
    tab: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("value" as const), line, value: fc.constantFrom(...VALUES) }),
  fc.record({
    kind: fc.constant("prefix-value" as const),
    line,
    prefix: fc.constantFrom("@", "`", "*", "&", "!", "%", "|", ">", "#", "[", "{", '"', "'", "? ", "- "),
  }),
  fc.constant({ kind: "bom" as const }),
  fc.record({ kind: fc.constant("crlf" as const), lone: fc.boolean() }),
  fc.record({
    kind: fc.constant("deep" as const),
    line,
    depth: fc.oneof(fc.integer({ min: 2, max: 80 }), fc.integer({ min: 900, max: 3000 })),
    flow: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("anchor-alias" as const), anchorLine: line, aliasLine: line }),
  fc.record({
    kind: fc.constant("add-line" as const),
    line,
    text: fc.constantFrom(
      "? [a, b]: [1]",
      "? { a: 1 }: x",
      "---",
      "...",
      "%YAML 1.1",
      "<<: { id: merged }",
      "__proto__: { polluted: true }",
      "id: other-id",
      "timezone: +05:00",
      "name: &n Sale",
      "notes: *n",
      "\t- tabbed",
      "   - stray",
      "unknown_key: 1",
    ),
  }),
);

/** One to three mutations in a row. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 3 });

function lines(text: string): string[] {
  return text.split("\n");
}

function valueStart(l: string): number {
  const m = /^(\s*(?:-\s+)?[^:#\s][^:#]*:\s+)/.exec(l);
  return m ? m[1]!.length : -1;
}

/** Applies one mutation. */
export function apply(text: string, m: Mutation): string {
  const ls = lines(text);
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const li = (n: number) => n % Math.max(ls.length, 1);
  switch (m.kind) {
    case "flip": {
      const i = at(m.at);
      return text.slice(0, i) + m.char + text.slice(i + 1);
    }
    case "insert": {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case "delete": {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case "truncate":
      return text.slice(0, at(m.at));
    case "move-line": {
      const [moved] = ls.splice(li(m.from), 1);
      ls.splice(li(m.to), 0, moved ?? "");
      return ls.join("\n");
    }
    case "duplicate-line": {
      const i = li(m.line);
      ls.splice(i, 0, ls[i] ?? "");
      return ls.join("\n");
    }
    case "delete-line":
      ls.splice(li(m.line), 1);
      return ls.join("\n");
    case "indent": {
      const i = li(m.line);
      const l = ls[i] ?? "";
      ls[i] = m.by >= 0 ? (m.tab ? "\t" : " ".repeat(m.by)) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), "");
      return ls.join("\n");
    }
    case "value":
    case "prefix-value": {
      const i = li(m.line);
      const l = ls[i] ?? "";
      const v = valueStart(l);
      if (v < 0) return text;
      ls[i] = m.kind === "value" ? l.slice(0, v) + m.value : l.slice(0, v) + m.prefix + l.slice(v);
      return ls.join("\n");
    }
    case "bom":
      return `\uFEFF${text}`;
    case "crlf":
      return text.replace(/\n/g, m.lone ? "\r" : "\r\n");
    case "deep": {
      const i = li(m.line);
      const l = ls[i] ?? "";
      const v = valueStart(l);
      if (v < 0) return text;
      if (m.flow) ls[i] = l.slice(0, v) + "[".repeat(m.depth) + "1" + "]".repeat(m.depth);
      else {
        const nested = Array.from({ length: m.depth }, (_, d) => `${" ".repeat(v + 2 * d)}k${d}:`);
        ls.splice(i, 1, l.slice(0, v).trimEnd(), ...nested.map((n, d) => (d === m.depth - 1 ? `${n} x` : n)));
      }
      return ls.join("\n");
    }
    case "anchor-alias": {
      const a = li(m.anchorLine);
      const b = li(m.aliasLine);
      const va = valueStart(ls[a] ?? "");
      const vb = valueStart(ls[b] ?? "");
      if (va < 0 || vb < 0) return text;
      ls[a] = ls[a]!.slice(0, va) + "&x " + ls[a]!.slice(va);
      ls[b] = ls[b]!.slice(0, vb) + "*x";
      return ls.join("\n");
    }
    case "add-line":
      ls.splice(li(m.line), 0, m.text);
      return ls.join("\n");
  }
}

/** Applies mutations in order. */
export function applyAll(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(apply, text);
}
