/**
 * Reading one YAML file safely: size and character checks, YAML 1.2 core parsing with source
 * positions, and hostile-input guards (aliases, nesting depth). Produces plain data without
 * prototype surprises, plus a way to map a data path back to a line and column.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import type { Document, Node as YamlNode, Pair } from "yaml";
import { finding } from "../findings.js";
import { parseFast, type Locator } from "./fast-parse.js";
import type { Finding, Position } from "../findings.js";
import type { SourceFile } from "../model.js";
import { reservedStartSlip, sourceLines, syntaxSlip } from "./slips.js";

/** Files above this size are refused before parsing (bounded time and memory). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deeper nesting than this is refused: no campaign file needs more than a handful of levels. */
export const MAX_DEPTH = 64;
/**
 * More open flow brackets than this are refused before parsing: the YAML parser recurses once per
 * level, and near the stack limit V8 can abort the whole process instead of throwing.
 */
const MAX_FLOW_OPEN = 1000;

/** A parsed YAML file whose root is a mapping. */
export interface ParsedYaml {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  /** The file's text, for messages that quote or correct the line a value is on. */
  text: string;
  /** The root as plain JSON data (objects, arrays, strings, numbers, booleans, null). */
  data: Record<string, unknown>;
  /** Positions recorded by the fast parse (see fast-parse.ts); `doc` is then built only if asked for. */
  locate?: Locator;
}

export type DataPath = readonly (string | number)[];

const START: Position = { line: 1, column: 1 };

/** Characters that never belong in a text file: NUL and other C0 controls, and U+FFFD (invalid UTF-8 after decoding). */
// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** Parses a file; returns either the parsed file or exactly one `syntax` finding. */
export function parseYaml(source: SourceFile, what: string): ParsedYaml | Finding {
  const fast = parseFast(source.text);
  return fast ? new LazilyParsed(source, what, fast.data, fast.locate) : parseReference(source, what);
}

/**
 * The fast parse's result, with the reference syntax tree built only when something asks for a
 * position the fast parse did not record (in practice: a schema error on a missing key). A class:
 * its getters live once on the prototype, not as a closure and accessor pair on each file's object.
 */
class LazilyParsed implements ParsedYaml {
  readonly file: string;
  readonly text: string;
  private reference: ParsedYaml | undefined = undefined;

  constructor(
    private readonly source: SourceFile,
    private readonly what: string,
    readonly data: Record<string, unknown>,
    readonly locate: Locator,
  ) {
    this.file = source.path;
    this.text = source.text;
  }

  get doc(): Document {
    return this.full().doc;
  }

  get lineCounter(): LineCounter {
    return this.full().lineCounter;
  }

  private full(): ParsedYaml {
    if (!this.reference) {
      const parsed = parseReference(this.source, this.what);
      if (!("doc" in parsed))
        throw new Error(`the fast and the reference parse disagree on ${this.source.path}`);
      this.reference = parsed;
    }
    return this.reference;
  }
}

/** The reference parse: eemeli/yaml's full syntax tree with source positions. */
function parseReference(source: SourceFile, what: string): ParsedYaml | Finding {
  const fail = (at: Position, message: string): Finding => finding("syntax", source.path, at, message);
  const text = source.text;
  if (text.length > MAX_FILE_BYTES || Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) {
    return fail(
      START,
      `This ${what} is larger than 1 MiB, which is far more than it ever needs; it was not read. Check that the right file was committed.`,
    );
  }
  const bad = BAD_CHARACTER.exec(text);
  if (bad) {
    const at = positionOfOffset(text, bad.index);
    const kind =
      bad[0] === "\uFFFD" ? "bytes that are not valid UTF-8 text" : "binary data (control characters)";
    return fail(
      at,
      `This ${what} contains ${kind} at line ${at.line}, column ${at.column}; save it as plain UTF-8 text.`,
    );
  }
  const deep = deepFlowOffset(text);
  if (deep !== undefined) {
    const at = positionOfOffset(text, deep);
    return fail(
      at,
      `This ${what} is not valid YAML: ${yamlProblem("RESOURCE_EXHAUSTION", "")} (line ${at.line}, column ${at.column}).`,
    );
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {
      lineCounter,
      version: "1.2",
      schema: "core",
      prettyErrors: true,
      uniqueKeys: true,
    });
  } catch {
    return fail(START, `This ${what} could not be read as YAML.`);
  }
  // A warning is an error here: the parser's warnings are tags it does not know, whose values it changed.
  const error = doc.errors[0] ?? doc.warnings[0];
  if (error) {
    const at = error.linePos ? { line: error.linePos[0].line, column: error.linePos[0].col } : START;
    const slip = syntaxSlip(sourceLines(text), error.code, at);
    if (slip) return fail(slip.at, `This ${what} is not valid YAML. ${slip.message}`);
    return fail(
      at,
      `This ${what} is not valid YAML: ${yamlProblem(error.code, error.message)} (line ${at.line}, column ${at.column}).`,
    );
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) {
    return fail(START, `This ${what} is empty; it needs YAML keys such as the example in the documentation.`);
  }
  if (!isMap(root)) {
    const at = positionOf(lineCounter, root.range?.[0] ?? 0);
    return fail(
      at,
      `This ${what} must be a YAML mapping of keys to values (like \`id: my-campaign\`), not a single value or a list.`,
    );
  }
  const guard = guardStructure(root, lineCounter);
  if (guard) {
    // An alias or anchor is most often a value that starts with `*` or `&` by accident.
    const slip = guard.slip ? reservedStartSlip(sourceLines(text), guard.at.line, guard.slip) : undefined;
    if (slip) return fail(slip.at, `This ${what} is not valid YAML. ${slip.message}`);
    return fail(guard.at, `This ${what} ${guard.message}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return fail(START, `This ${what} could not be read as YAML.`);
  }
  return { file: source.path, doc, lineCounter, text, data: data as Record<string, unknown> };
}

/**
 * Offset of the first `[` or `{` that leaves more than MAX_FLOW_OPEN brackets open, counted over the
 * raw text (quotes ignored: only absurd files get near the limit either way).
 */
function deepFlowOffset(text: string): number | undefined {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++open > MAX_FLOW_OPEN) return i;
    } else if ((c === 0x5d || c === 0x7d) && open > 0) open--;
  }
  return undefined;
}

/** Plain-language versions of the YAML parser's error codes; falls back to its first line. */
function yamlProblem(code: string, message: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "the same key appears twice in one mapping; keep one";
    case "TAB_AS_INDENT":
      return "a tab is used for indentation; indent with spaces";
    case "MISSING_CHAR":
      return "a closing quote or bracket is missing";
    case "BAD_INDENT":
      return "the indentation is off, or a bracket is not closed; keys of the same level must start in the same column";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "the indentation is off; keys of the same level must start in the same column";
    case "RESOURCE_EXHAUSTION":
      return "it is nested too deeply or too large to read safely";
    case "MULTIPLE_DOCS":
      return "the file holds more than one YAML document (separated by `---`); keep only one";
    case "BAD_DQ_ESCAPE":
      return "a backslash inside double quotes starts an invalid escape; use single quotes instead";
    case "TAG_RESOLVE_FAILED":
      return "a value starts with a YAML tag (`!` or `!!`) that is not known here; put the value in quotes";
    default:
      return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
  }
}

/**
 * Rejects aliases (no alias bombs, and campaign files never need them), anchors (they only matter
 * for aliases, and `&` typed by accident silently drops a word), keys that are lists or mappings
 * (they have no place in these files, and JavaScript objects cannot hold them), and excessive
 * nesting, iteratively. `slip`: the problem may be a value typed with a reserved first character.
 */
function guardStructure(
  root: YamlNode,
  lineCounter: LineCounter,
): { at: Position; message: string; slip?: "*" | "&" } | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      return {
        at: positionOf(lineCounter, node.range?.[0] ?? 0),
        message: `uses a YAML alias (\`*${node.source}\`); aliases are not supported here: write the value out in full.`,
        slip: "*",
      };
    }
    if ((isScalar(node) || isCollection(node)) && node.anchor) {
      return {
        at: positionOf(lineCounter, node.range?.[0] ?? 0),
        message: `uses a YAML anchor (\`&${node.anchor}\`), which only serves aliases; anchors and aliases are not supported here: remove it, or put the value in quotes if it starts with \`&\`.`,
        ...(isScalar(node) ? { slip: "&" as const } : {}),
      };
    }
    if (isPair(node)) {
      if (node.key !== null && !isScalar(node.key)) {
        const key = node.key as YamlNode;
        return {
          at: positionOf(lineCounter, key.range?.[0] ?? 0),
          message: `uses a list or a mapping as a key (written with \`? \` or brackets before a colon); keys here are plain names followed by a colon, like \`name:\`.`,
        };
      }
      if (node.key && typeof node.key === "object") stack.push({ node: node.key, depth });
      if (node.value && typeof node.value === "object") stack.push({ node: node.value, depth });
    } else if (isCollection(node)) {
      if (depth > MAX_DEPTH) {
        return {
          at: positionOf(lineCounter, node.range?.[0] ?? 0),
          message: `is nested more than ${MAX_DEPTH} levels deep; campaign-gate files need only a few levels.`,
        };
      }
      for (const item of node.items)
        if (item && typeof item === "object") stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The pair holding `key` inside the mapping at `path`, if both exist. */
function pairAt(parsed: ParsedYaml, path: DataPath, key: string | number): Pair | undefined {
  const parent = path.length === 0 ? parsed.doc.contents : parsed.doc.getIn(path, true);
  if (!isMap(parent)) return undefined;
  return parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
}

/** Position of the node at `path` itself (the value, or the whole mapping/list). */
export function valueAt(parsed: ParsedYaml, path: DataPath): Position {
  const fast = parsed.locate?.value(path);
  if (fast) return fast;
  const node = path.length === 0 ? parsed.doc.contents : parsed.doc.getIn(path, true);
  const range = (node as YamlNode | undefined)?.range;
  if (range) return positionOf(parsed.lineCounter, range[0]);
  return path.length > 0 ? keyAt(parsed, path) : START;
}

/** Position of the key naming `path` (`forecast:` for ["forecast"]); for a list item, the item; for the root, line 1 column 1 of the first key. */
export function keyAt(parsed: ParsedYaml, path: DataPath): Position {
  const fast = typeof path[path.length - 1] === "string" ? parsed.locate?.key(path) : undefined;
  if (fast) return fast;
  if (path.length === 0) {
    const first = isMap(parsed.doc.contents) ? parsed.doc.contents.items[0]?.key : undefined;
    const range = (first as YamlNode | undefined)?.range;
    return range ? positionOf(parsed.lineCounter, range[0]) : START;
  }
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  if (typeof last === "number") return valueAt(parsed, path);
  const pair = pairAt(parsed, parentPath, last);
  const range = (pair?.key as YamlNode | undefined)?.range;
  if (range) return positionOf(parsed.lineCounter, range[0]);
  return parentPath.length > 0 ? keyAt(parsed, parentPath) : START;
}

/** Position of the key when the data path names a key, else of the value. */
export function at(parsed: ParsedYaml, path: DataPath): Position {
  return typeof path[path.length - 1] === "string" ? keyAt(parsed, path) : valueAt(parsed, path);
}
