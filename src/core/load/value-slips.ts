/**
 * Slips in values that YAML reads without complaint but as the wrong kind of thing: `50%`, `40k`,
 * `40,000` or a quoted `"8000"` where a number belongs (all text to YAML), `1.10` or `true` where
 * text belongs (a number and a yes/no to YAML), a `#` that turns the rest of the line into a
 * comment, a list written without its dashes. Each message says what YAML made of the value and
 * shows the corrected line, built from the line the person typed.
 *
 * Quoted numbers are refused, not accepted (docs/decisions.md): every editor that reads the schema
 * flags them too, and one spelling per value keeps the files diff-friendly.
 */
import type { ErrorObject } from "ajv";
import { isMap, isScalar } from "yaml";
import type { Node as YamlNode } from "yaml";
import { code, sourceLines, yamlString } from "./slips.js";
import { keyAt } from "./yaml-source.js";
import type { DataPath, ParsedYaml } from "./yaml-source.js";

/** What to write instead of a text value where a number belongs, and why; undefined when unclear. */
export function numberFromText(text: string, quoted: boolean): { number: number; why: string } | undefined {
  const s = text.trim();
  const tidy = (n: number) => Number(n.toPrecision(12));
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s) && Number.isFinite(Number(s)))
    return quoted ? { number: Number(s), why: "write it without the quotes" } : undefined;
  let m = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/.exec(s);
  if (m) {
    const n = tidy(Number(m[1]!.replace(",", ".")) / 100);
    return {
      number: n,
      why: `write it as a fraction of 1 (${s} is ${n})`,
    };
  }
  m = /^([+-]?\d+(?:\.\d+)?)\s*([kKmM])$/.exec(s);
  if (m) {
    const n = tidy(Number(m[1]) * (m[2]!.toLowerCase() === "k" ? 1_000 : 1_000_000));
    return { number: n, why: "write the whole number" };
  }
  m = /^(\d{1,3})([,' _])\d{3}(?:\2\d{3})*(\.\d+)?$/.exec(s);
  if (m) {
    return {
      number: Number(s.split(m[2]!).join("")),
      why: "write it without thousands separators",
    };
  }
  m = /^(\d+),(\d+)$/.exec(s);
  if (m) return { number: Number(`${m[1]}.${m[2]}`), why: "write decimals with a dot" };
  m = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*[A-Za-z][A-Za-z /]*$/.exec(s);
  if (m && /^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(m[1]!)) {
    return { number: Number(m[1]!.replace(/,/g, "")), why: "write only the number, without a unit" };
  }
  return undefined;
}

const YES_NO: Record<string, boolean> = { yes: true, y: true, on: true, no: false, n: false, off: false };

/** The source line holding `node`'s value, with the value's text replaced by `replacement`. */
function correctedLine(parsed: ParsedYaml, node: YamlNode, replacement: string): string | undefined {
  const range = node.range;
  if (!range) return undefined;
  const { line } = parsed.lineCounter.linePos(range[0]);
  const lineStart = parsed.lineCounter.lineStarts[line - 1] ?? 0;
  const text = sourceLines(parsed.text)[line - 1];
  if (text === undefined) return undefined;
  const from = range[0] - lineStart;
  const to = Math.min(range[1] - lineStart, text.length);
  if (from < 0 || from > text.length) return undefined;
  return (text.slice(0, from) + replacement + text.slice(Math.max(from, to))).trimEnd();
}

/** The typed line of the key at `path`, for values YAML left empty (`name: #1 newsletter`). */
function keyLineText(parsed: ParsedYaml, path: DataPath): { line: number; text: string } | undefined {
  if (typeof path[path.length - 1] !== "string") return undefined;
  const { line } = keyAt(parsed, path);
  const text = sourceLines(parsed.text)[line - 1];
  return text === undefined ? undefined : { line, text };
}

/**
 * The message for a `type` error caused by a recognised slip, or undefined (then the plain
 * "must be ... — found ..." message stands). `field` is how messages name the value.
 */
export function typeSlipMessage(
  parsed: ParsedYaml,
  path: DataPath,
  error: ErrorObject,
  field: string,
): string | undefined {
  const wanted = String((error.params as { type?: unknown }).type);
  const node = (path.length === 0 ? parsed.doc.contents : parsed.doc.getIn(path, true)) as
    YamlNode | undefined;
  const value: unknown = error.data;
  if ((wanted === "number" || wanted === "integer") && typeof value === "string" && isScalar(node)) {
    const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
    const fix = numberFromText(value, quoted);
    if (!fix) return undefined;
    const line = correctedLine(parsed, node, String(fix.number));
    const shown = quoted
      ? `${code(node.type === "QUOTE_SINGLE" ? `'${value}'` : `"${value}"`)} in quotes`
      : code(value);
    return `${field} is ${shown}, which YAML reads as text, not as a number; ${fix.why}${line ? `: ${code(line.trim())}` : ` (${fix.number})`}.`;
  }
  if (wanted === "string" && (typeof value === "number" || typeof value === "boolean") && isScalar(node)) {
    const source = typeof node.source === "string" && node.source !== "" ? node.source : String(value);
    const line = correctedLine(parsed, node, yamlString(source));
    const reads =
      typeof value === "number" ? `the number ${String(value)}` : "a yes/no value (true or false)";
    return `${field} is ${code(source)}, which YAML reads as ${reads}, not as text; put it in quotes${line ? `: ${code(line.trim())}` : ""}.`;
  }
  if (wanted === "string" && value === null) {
    const typed = keyLineText(parsed, path);
    const comment = typed ? /^(\s*(?:-\s+)?[^:#]+:\s+)(#.*?)\s*$/.exec(typed.text) : null;
    if (comment) {
      return `${field} is empty because \`#\` starts a comment in YAML, which hides the rest of the line; put the value in quotes: ${code((comment[1]! + yamlString(comment[2]!)).trim())}.`;
    }
    const source = isScalar(node) && typeof node.source === "string" ? node.source : "";
    if (source !== "")
      return `${field} is ${code(source)}, which YAML reads as "empty", not as text; put it in quotes if you mean the word.`;
    return undefined;
  }
  if (wanted === "array" && isMap(node)) {
    const first = node.items[0]?.key as YamlNode | undefined;
    const range = first?.range;
    if (!range) return undefined;
    const { line } = parsed.lineCounter.linePos(range[0]);
    const text = sourceLines(parsed.text)[line - 1] ?? "";
    const indent = /^ */.exec(text)![0];
    return `${field} must be a list, and every entry of a list starts with a dash (\`- \`); write line ${line} as ${code(`${indent}- ${text.trim()}`)} and indent the other lines of that entry to line up with it.`;
  }
  if (wanted === "array" && isScalar(node) && typeof value === "string") {
    const line = correctedLine(parsed, node, `[${value}]`);
    return `${field} must be a list, even of one entry; write the value in brackets${line ? `: ${code(line.trim())}` : ""}.`;
  }
  if (wanted === "boolean" && typeof value === "string" && isScalar(node)) {
    const meant = YES_NO[value.trim().toLowerCase()];
    if (meant === undefined) return undefined;
    const line = correctedLine(parsed, node, String(meant));
    return `${field} is ${code(value)}, which YAML reads as text; write \`true\` or \`false\`${line ? `: ${code(line.trim())}` : ""}.`;
  }
  return undefined;
}
