/**
 * The YAML slips people make who have never written YAML, recognised on the line where they were
 * made and explained in one sentence with the corrected line. The YAML parser reports where it got
 * stuck, which is often a line late (an indented key), at the end of the file (an unclosed quote)
 * or in its own terms ("Nested mappings are not allowed in compact mappings"); a marketer needs the
 * line they typed and what to type instead. Every function here is a guess from the text of one
 * line and its neighbours: it answers only when the pattern is unmistakable, and otherwise leaves
 * the parser's (translated) message in place.
 */
import type { Position } from "../findings.js";

/** A recognised slip: the line (and column) it was made on, and the whole explanation. */
export interface Slip {
  at: Position;
  message: string;
}

/** One `key: value` line, split (the value is raw text, possibly empty). */
interface KeyLine {
  indent: string;
  /** `- ` when the key starts a list entry. */
  dash: string;
  key: string;
  value: string;
}

const KEY_LINE =
  /^([ \t]*)((?:-[ \t]+)?)([A-Za-z0-9_][\w.$-]*(?: [\w.$-]+)*|"[^"]*"|'[^']*'):(?:[ \t]+(.*?))?[ \t]*$/;

/** Splits a `key: value` line; undefined for anything else (comments, list scalars, flow text). */
function keyLine(line: string): KeyLine | undefined {
  const m = KEY_LINE.exec(line);
  if (!m) return undefined;
  return { indent: m[1]!, dash: m[2]!, key: m[3]!, value: m[4] ?? "" };
}

/** The file's lines without line-break characters, as the YAML parser numbers them (1-based). */
export function sourceLines(text: string): string[] {
  return text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** `value` as a YAML string that reads back as exactly `value`. */
export function yamlString(value: string): string {
  if (!value.includes('"') && !value.includes("\\")) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function rebuild(k: KeyLine, value: string): string {
  return `${k.indent}${k.dash}${k.key}: ${value}`;
}

function isBlank(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** The column (0-based) where a line's content starts, after its indentation and any list dash. */
function indentOf(line: string): number {
  const m = /^( *)(- +)?/.exec(line)!;
  return m[1]!.length + (m[2]?.length ?? 0);
}

/** What a character at the start of a plain value makes YAML do, for the reserved ones. */
const RESERVED_START: Record<string, string> = {
  "@": "YAML does not allow a value to start with `@`",
  "`": "YAML does not allow a value to start with a backtick (`)",
  "%": "YAML does not allow a value to start with `%`",
  "*": "`*` at the start of a value makes YAML look for a reference (an alias) instead of reading text",
  "&": "`&` at the start of a value makes YAML take the first word as an anchor name and drop it from the value",
  "!": "`!` at the start of a value makes YAML take the first word as a type tag and drop it from the value",
  "|": "`|` at the start of a value makes YAML expect a block of text on the lines below, not on the same line",
  ">": "`>` at the start of a value makes YAML expect a block of text on the lines below, not on the same line",
  "#": "`#` starts a comment in YAML, so everything from it to the end of the line is ignored and the value is empty",
  "[": "`[` at the start of a value makes YAML read a list that ends at `]`",
  "{": "`{` at the start of a value makes YAML read a mapping that ends at `}`",
};

/** A piece of the file quoted in a message, shortened so a hostile line cannot flood the report. */
export function code(text: string, max = 120): string {
  return `\`${text.length > max ? `${text.slice(0, max - 3)}...` : text}\``;
}

/** Line `n` (1-based) when its value starts with a character YAML reserves (`only`: that one): quote the value. */
export function reservedStartSlip(lines: readonly string[], n: number, only?: string): Slip | undefined {
  const k = keyLine(lines[n - 1] ?? "");
  const first = k?.value[0];
  if (!k || first === undefined || (only !== undefined && first !== only)) return undefined;
  const what = RESERVED_START[first];
  if (!what) return undefined;
  // A complete flow list or mapping (`[a, b]`) is meant as one; only text after its end is a slip.
  if ((first === "[" && k.value.endsWith("]")) || (first === "{" && k.value.endsWith("}"))) return undefined;
  return {
    at: { line: n, column: k.indent.length + k.dash.length + k.key.length + 3 },
    message: `Line ${n}: ${what}. Put the value in quotes: ${code(rebuild(k, yamlString(k.value)))}.`,
  };
}

/** A value with `: ` (or ending in `:`) outside quotes and brackets, which YAML reads as a second key. */
function colonSlip(lines: readonly string[], n: number): Slip | undefined {
  const k = keyLine(lines[n - 1] ?? "");
  if (!k || k.value === "" || /^["'[{|>]/.test(k.value)) return undefined;
  const text = k.value.replace(/\s+#.*$/, "");
  const colon = /:(\s|$)/.exec(text);
  if (!colon) return undefined;
  return {
    at: { line: n, column: k.indent.length + k.dash.length + k.key.length + 3 },
    message: `Line ${n}: the colon after ${code(text.slice(0, colon.index).trim())} makes YAML read the rest as another key inside the value of ${code(k.key)}. Put the whole value in quotes: ${code(rebuild(k, yamlString(k.value)))}.`,
  };
}

/** Line `n` indented with a tab (YAML indents with spaces only). */
function tabSlip(lines: readonly string[], upTo: number): Slip | undefined {
  for (let n = 1; n <= Math.min(upTo, lines.length); n++) {
    const line = lines[n - 1]!;
    const lead = /^[ \t]*/.exec(line)![0];
    if (!lead.includes("\t") || isBlank(line)) continue;
    const fixed = lead.replace(/\t/g, "  ") + line.slice(lead.length);
    return {
      at: { line: n, column: lead.indexOf("\t") + 1 },
      message: `Line ${n} is indented with a tab, and YAML accepts only spaces for indentation. Indent it with spaces: ${code(fixed)}.`,
    };
  }
  return undefined;
}

/** Where the quote opened at `from` in `line` closes, or -1 (`''` and `\"` are escapes). */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === "\\") {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/**
 * A value that opens a quote the line does not close, when the quoted text runs up to the error (or
 * past the end of the file); or a quoted value followed by more text (`"Spring" sale`).
 */
function quoteSlip(lines: readonly string[], errorLine: number): Slip | undefined {
  for (let n = 1; n <= Math.min(errorLine, lines.length); n++) {
    const k = keyLine(lines[n - 1]!);
    const q = k?.value[0];
    if (!k || (q !== '"' && q !== "'")) continue;
    const column = k.indent.length + k.dash.length + k.key.length + 3;
    const end = closingQuote(k.value, 1, q);
    if (end === -1) {
      // Where does it close? Only a quote still open at the error line is the culprit.
      let closesAt: number | undefined;
      for (let m = n + 1; m <= lines.length && closesAt === undefined; m++)
        if (closingQuote(lines[m - 1]!, 0, q) !== -1) closesAt = m;
      if (closesAt !== undefined && closesAt < errorLine) continue;
      const inner = k.value.slice(1).trimEnd();
      return {
        at: { line: n, column },
        message: `Line ${n} opens a quote (${q}) that the line never closes, so YAML reads the lines after it as part of the value. Close the quote at the end of the value: ${code(rebuild(k, `${q}${inner}${q}`))}.`,
      };
    }
    const rest = k.value.slice(end + 1).trim();
    if (n === errorLine && rest !== "" && !rest.startsWith("#")) {
      return {
        at: { line: n, column },
        message: `Line ${n}: the value starts with a quote, so YAML ends it at the closing quote and cannot read ${code(rest)} after it. Put the whole value in quotes: ${code(rebuild(k, yamlString(k.value)))}.`,
      };
    }
  }
  return undefined;
}

/** The next line after `n` that holds something (not blank, not only a comment). */
function nextContentLine(lines: readonly string[], n: number): number | undefined {
  for (let m = n + 1; m <= lines.length; m++) if (!isBlank(lines[m - 1]!)) return m;
  return undefined;
}

/** The closest line before `n` that holds something. */
function previousContentLine(lines: readonly string[], n: number): number | undefined {
  for (let m = n - 1; m >= 1; m--) if (!isBlank(lines[m - 1]!)) return m;
  return undefined;
}

/**
 * A key indented further than the key above it, which has a value on its own line: YAML reads the
 * indented line as more of that value and reports the line above.
 */
function indentedKeySlip(lines: readonly string[], n: number): Slip | undefined {
  const above = keyLine(lines[n - 1] ?? "");
  if (!above || above.value === "" || /^[|>]/.test(above.value)) return undefined;
  const m = nextContentLine(lines, n);
  if (m === undefined) return undefined;
  const line = lines[m - 1]!;
  const k = keyLine(line);
  if (!k || k.dash !== "" || k.indent.length <= above.indent.length + above.dash.length) return undefined;
  const fixed = " ".repeat(above.indent.length + above.dash.length) + line.trimStart();
  return {
    at: { line: m, column: k.indent.length + 1 },
    message: `Line ${m} starts further right than ${code(`${above.key}:`)} on the line above, so YAML reads it as more of the value of ${code(above.key)}. Line it up with the keys around it: ${code(fixed)}.`,
  };
}

/**
 * A line indented less (or more) than its neighbours: a list entry without its dash when the entry
 * above has one at that indentation, else a key out of line with the key above.
 */
function badIndentSlip(lines: readonly string[], n: number): Slip | undefined {
  const line = lines[n - 1] ?? "";
  const k = keyLine(line);
  if (!k || k.dash !== "") return undefined;
  const indent = k.indent.length;
  for (let m = n - 1; m >= 1; m--) {
    const other = lines[m - 1]!;
    if (isBlank(other)) continue;
    const lead = /^ */.exec(other)![0].length;
    if (lead < indent) break;
    if (lead === indent && /^ *- /.test(other)) {
      return {
        at: { line: n, column: indent + 1 },
        message: `Line ${n} looks like a new entry of the list above it but has no dash, so YAML cannot tell where it belongs. Start the entry with a dash: ${code(`${k.indent}- ${line.trimStart()}`)}.`,
      };
    }
    if (lead === indent) break;
  }
  const p = previousContentLine(lines, n);
  const above = p === undefined ? undefined : keyLine(lines[p - 1]!);
  if (!above || indentOf(lines[p! - 1]!) === indent) return undefined;
  const column = above.value === "" ? indentOf(lines[p! - 1]!) + 2 : indentOf(lines[p! - 1]!);
  const fixed = " ".repeat(column) + line.trimStart();
  return {
    at: { line: n, column: indent + 1 },
    message: `Line ${n} is not lined up with ${code(`${above.key}:`)} on line ${p}, so YAML cannot tell which part of the file it belongs to. Indent it like the keys it belongs with, for example: ${code(fixed)}.`,
  };
}

/** A line of words with no colon after the first (`type flash_sale`), or no space after it (`name:Sale`). */
function missingColonSlip(lines: readonly string[], n: number): Slip | undefined {
  const line = lines[n - 1] ?? "";
  const noSpace = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s:/].*)$/.exec(line);
  if (noSpace && !/^\d/.test(noSpace[3]!)) {
    return {
      at: { line: n, column: noSpace[1]!.length + 1 },
      message: `Line ${n} has no space after the colon, so YAML reads ${code(line.trim())} as one piece of text instead of a key and its value. Add a space after the colon: ${code(`${noSpace[1]}${noSpace[2]}: ${noSpace[3]}`)}.`,
    };
  }
  const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)(?:\s+(\S.*?))?\s*$/.exec(line);
  if (!m || line.includes(": ") || line.trimEnd().endsWith(":")) return undefined;
  const [, lead, key, value] = m;
  if (value === undefined) {
    const next = nextContentLine(lines, n);
    if (next === undefined || indentOf(lines[next - 1]!) <= lead!.length) return undefined;
  }
  return {
    at: { line: n, column: lead!.length + 1 },
    message: `Line ${n} has no colon after ${code(key!)}, so YAML cannot tell the key from its value. Add the colon: ${code(`${lead}${key}:${value === undefined ? "" : ` ${value}`}`)}.`,
  };
}

/**
 * A key that appears twice in one mapping. Inside a list entry it is most often a new entry whose
 * dash was forgotten; elsewhere one of the two has to go.
 */
function duplicateKeySlip(lines: readonly string[], n: number): Slip | undefined {
  const line = lines[n - 1] ?? "";
  const k = keyLine(line);
  if (!k || k.dash !== "") return undefined;
  const indent = k.indent.length;
  let first: number | undefined;
  for (let m = n - 1; m >= 1; m--) {
    const other = lines[m - 1]!;
    if (isBlank(other)) continue;
    const o = keyLine(other);
    const column = indentOf(other);
    if (column < indent) break;
    if (column > indent) continue;
    if (o?.key === k.key) first ??= m;
    if (o?.dash) {
      // Line m starts the list entry that holds line n.
      if (first === undefined) break;
      return {
        at: { line: n, column: indent + 1 },
        message: `Line ${n} repeats ${code(k.key)} inside the list entry that starts on line ${m}; if it starts a new entry, begin it with a dash: ${code(`${o.indent}- ${line.trimStart()}`)}.`,
      };
    }
  }
  return {
    at: { line: n, column: indent + 1 },
    message: `Line ${n} repeats the key ${code(k.key)}${first === undefined ? "" : `, which line ${first} already sets`}; a key may appear only once in the same mapping, so keep one of the two lines.`,
  };
}

/** The parser's error codes a typing slip can cause (not, say, a file nested a thousand levels deep). */
const SLIP_CODES = new Set([
  "BAD_INDENT",
  "BAD_SCALAR_START",
  "BLOCK_AS_IMPLICIT_KEY",
  "DUPLICATE_KEY",
  "MISSING_CHAR",
  "MULTILINE_IMPLICIT_KEY",
  "TAB_AS_INDENT",
  "TAG_RESOLVE_FAILED",
  "UNEXPECTED_TOKEN",
]);

/**
 * The slip behind a YAML parse error (`code` and position as the parser reports them), or undefined
 * when none is recognised.
 */
export function syntaxSlip(lines: readonly string[], code: string, at: Position): Slip | undefined {
  if (!SLIP_CODES.has(code)) return undefined;
  const n = at.line;
  const early = tabSlip(lines, n) ?? quoteSlip(lines, n);
  if (early) return early;
  switch (code) {
    case "DUPLICATE_KEY":
      return duplicateKeySlip(lines, n);
    case "BAD_INDENT":
      return badIndentSlip(lines, n) ?? missingColonSlip(lines, n);
    default:
      return (
        reservedStartSlip(lines, n) ??
        colonSlip(lines, n) ??
        indentedKeySlip(lines, n) ??
        missingColonSlip(lines, n) ??
        badIndentSlip(lines, n)
      );
  }
}
