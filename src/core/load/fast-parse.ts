/**
 * A fast parse for the plain YAML nearly every campaign-gate file is written in: block mappings,
 * block lists, one-line `{ }` / `[ ]`, plain and simply quoted scalars, comments. It records each
 * key's and value's line and column as it goes, which costs almost nothing, where the reference
 * parse (eemeli/yaml's `parseDocument`) builds a full syntax tree first.
 *
 * It never guesses: on anything outside that subset, anything the YAML 1.2 core schema might read
 * differently, and anything that would be an error (tabs, duplicate keys, aliases, tags, block
 * scalars, multi-line values, …) it gives up and the reference parse does the whole job, so
 * messages and positions always come from one place. Both paths give byte-identical reports
 * (test/load/fast-parse.test.ts); the reference is forced with CAMPAIGN_GATE_REFERENCE_PARSE=1.
 */
import type { Position } from "../findings.js";

type Path = readonly (string | number)[];

/** Positions the fast parse recorded; undefined for a path it did not see (the caller falls back). */
export interface Locator {
  /** Where the key naming `path` starts (maps only). */
  key(path: Path): Position | undefined;
  /** Where the value at `path` starts (a scalar, a `{`/`[`, a block list's first `-`, a block map's first key). */
  value(path: Path): Position | undefined;
}

export interface FastParsed {
  data: Record<string, unknown>;
  locate: Locator;
}

/** The fast path is on unless CAMPAIGN_GATE_REFERENCE_PARSE=1 (the reference for the identity test and the bench). */
let enabled = globalThis.process?.env?.CAMPAIGN_GATE_REFERENCE_PARSE !== "1";

/** Turns the fast path on or off (tests compare both). */
export function setFastParse(on: boolean): void {
  enabled = on;
}

/** Larger files go to the reference parse, which also enforces the size limit. */
const MAX_FAST_CHARS = 64 * 1024;
const MAX_DEPTH = 16;
/** Positions are kept packed (line × 2^17 + column) until asked for: MAX_FAST_CHARS keeps both below 2^17. */
const LINE_FACTOR = 0x20000;
/** Everything the fast path refuses to look at: controls, tabs, CR, BOM, odd line breaks, U+FFFD. */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARACTER = /[\u0000-\u0009\u000B-\u001F\u007F\u0085\u2028\u2029\uFEFF\uFFFD]/;
/** Keys the core schema reads as something other than text. */
const NON_TEXT_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Numbers the fast path converts itself (exactly what the core schema's int/float give). */
const SIMPLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;
/** Everything the core schema reads as null, a boolean or a number (then: not simple → give up). */
const CORE_NON_TEXT =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)?$/;
/** Characters that cannot start a plain scalar (or start something the fast path does not handle). */
const INDICATOR = new Set("-?:,[]{}#&*!|>'\"%@`");

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/** The fast parse of `text`, or undefined when the reference parse must do it. */
export function parseFast(text: string): FastParsed | undefined {
  if (!enabled || text.length > MAX_FAST_CHARS || REFUSED_CHARACTER.test(text)) return undefined;
  try {
    return new FastParser(text).parse();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * What the fast parse recorded about one node: where its key (in a mapping) and its value start,
 * packed, and its children by key or index. A tree rather than a map of encoded paths: a file's
 * 30-odd nodes then cost no path arrays and no path strings, only a lookup walks a path. Children
 * sit in one flat list (segment, spot, segment, spot, …) rather than a Map: a node has a handful,
 * and a Map per node was a third of what parsing 10,000 files allocated.
 */
class Spot {
  key = -1;
  value = -1;
  children: (string | number | Spot)[] | undefined = undefined;

  /** A new child at `segment`: the parser never adds one twice (it gives up on duplicate keys). */
  child(segment: string | number): Spot {
    const spot = new Spot();
    (this.children ??= []).push(segment, spot);
    return spot;
  }

  /** The child at `segment`, if any; list items are added in order, so item i is usually the i-th pair. */
  find(segment: string | number): Spot | undefined {
    const children = this.children;
    if (!children) return undefined;
    if (typeof segment === "number" && children[2 * segment] === segment)
      return children[2 * segment + 1] as Spot;
    for (let i = 0; i < children.length; i += 2) if (children[i] === segment) return children[i + 1] as Spot;
    return undefined;
  }
}

function find(root: Spot, path: Path): Spot | undefined {
  let spot: Spot | undefined = root;
  for (const segment of path) {
    spot = spot.find(segment);
    if (!spot) return undefined;
  }
  return spot;
}

function unpack(packed: number | undefined): Position | undefined {
  if (packed === undefined || packed < 0) return undefined;
  return { line: Math.floor(packed / LINE_FACTOR), column: packed % LINE_FACTOR };
}

class FastParser {
  /**
   * The lines that hold something (not blank, not only a comment), as parallel lists rather than
   * one object per line: a line is its index here.
   */
  private readonly texts: string[] = [];
  private readonly indents: number[] = [];
  /** 0-based line numbers in the file. */
  private readonly numbers: number[] = [];
  private i = 0;
  private readonly root = new Spot();

  constructor(text: string) {
    let start = 0;
    let number = 0;
    while (start <= text.length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end);
      let indent = 0;
      while (line.charCodeAt(indent) === 0x20) indent++;
      if (indent < line.length && line[indent] !== "#") {
        if (indent === 0 && (line.startsWith("---") || line.startsWith("...") || line[0] === "%"))
          throw GIVE_UP;
        this.texts.push(line);
        this.indents.push(indent);
        this.numbers.push(number);
      }
      start = end + 1;
      number++;
    }
  }

  parse(): FastParsed {
    if (this.texts.length === 0 || this.indents[0] !== 0) throw GIVE_UP;
    const root = this.root;
    root.value = this.pos(0, 0);
    const data = this.map(0, 0, root, 1);
    if (this.i < this.texts.length) throw GIVE_UP;
    return {
      data,
      locate: {
        key: (path) => unpack(find(root, path)?.key),
        value: (path) => unpack(find(root, path)?.value),
      },
    };
  }

  /** The packed position of `column` (0-based) on line `l` (an index into the lists). */
  private pos(l: number, column: number): number {
    return (this.numbers[l]! + 1) * LINE_FACTOR + column + 1;
  }

  /** Whether line `l` exists and is indented less than `column` (it ends the block at `column`). */
  private endsBlock(l: number, column: number): boolean {
    return l >= this.texts.length || this.indents[l]! < column;
  }

  /** A block mapping whose keys start at `column`; the first key may start mid-line (after `- `). */
  private map(column: number, firstAt: number, spot: Spot, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const result: Record<string, unknown> = {};
    let at = firstAt;
    for (;;) {
      const l = this.i;
      const line = this.texts[l]!;
      const colon = keyEnd(line, at);
      if (colon === -1) throw GIVE_UP;
      const key = line.slice(at, colon);
      if (line[colon] !== ":" || NON_TEXT_KEY.test(key) || key === "__proto__") throw GIVE_UP;
      if (Object.hasOwn(result, key)) throw GIVE_UP;
      const here = spot.child(key);
      here.key = this.pos(l, at);
      let valueAt = colon + 1;
      if (valueAt < line.length && line[valueAt] !== " ") throw GIVE_UP;
      while (line[valueAt] === " ") valueAt++;
      if (valueAt >= line.length || line[valueAt] === "#") {
        // The value is a block below the key.
        if (valueAt < line.length && line[valueAt - 1] !== " ") throw GIVE_UP;
        const next = l + 1;
        if (this.endsBlock(next, column + 1)) throw GIVE_UP;
        const indent = this.indents[next]!;
        this.i++;
        if (isDash(this.texts[next]!, indent)) result[key] = this.seq(indent, here, depth + 1);
        else {
          here.value = this.pos(next, indent);
          result[key] = this.map(indent, indent, here, depth + 1);
        }
      } else {
        result[key] = this.inline(l, valueAt, here);
        this.i++;
      }
      const next = this.i;
      if (this.endsBlock(next, column)) return result;
      if (this.indents[next]! > column || isDash(this.texts[next]!, column)) throw GIVE_UP;
      at = column;
    }
  }

  /** A block list whose dashes stand at `column`. */
  private seq(column: number, spot: Spot, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const result: unknown[] = [];
    spot.value = this.pos(this.i, column);
    for (;;) {
      const l = this.i;
      const line = this.texts[l]!;
      let at = column + 1;
      if (line[at] !== " ") throw GIVE_UP;
      while (line[at] === " ") at++;
      const here = spot.child(result.length);
      const c = line[at];
      if (c === undefined || c === "#" || c === "-") throw GIVE_UP;
      const keyStop = keyEnd(line, at);
      if (keyStop !== -1 && line[keyStop] === ":") {
        here.value = this.pos(l, at);
        result.push(this.map(at, at, here, depth + 1));
      } else {
        result.push(this.inline(l, at, here));
        this.i++;
      }
      const next = this.i;
      if (this.endsBlock(next, column)) return result;
      if (this.indents[next]! > column || !isDash(this.texts[next]!, column)) throw GIVE_UP;
    }
  }

  /** A value that starts on the key's line and ends there: a scalar or a one-line flow collection. */
  private inline(l: number, at: number, spot: Spot): unknown {
    const text = this.texts[l]!;
    spot.value = this.pos(l, at);
    const c = text[at]!;
    let value: unknown;
    if (c === "{" || c === "[") value = this.flow(l, at, spot);
    else if (c === '"' || c === "'") value = quoted(text, at);
    else {
      value = plain(text, at, false);
      const colon = text.indexOf(": ", at);
      if (colon !== -1 && colon + 2 <= scanEnd) throw GIVE_UP;
    }
    restOfLine(text, scanEnd);
    return value;
  }

  /** `{ key: value, … }` or `[ value, … ]` on one line, scalars only; sets scanEnd past the bracket. */
  private flow(l: number, open: number, spot: Spot): unknown {
    const text = this.texts[l]!;
    const isMap = text[open] === "{";
    const close = isMap ? "}" : "]";
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    let at = open + 1;
    for (;;) {
      while (text[at] === " ") at++;
      let here: Spot;
      let name = "";
      if (isMap) {
        const stop = keyEnd(text, at);
        if (stop === -1) throw GIVE_UP;
        name = text.slice(at, stop);
        if (NON_TEXT_KEY.test(name) || name === "__proto__" || Object.hasOwn(map, name)) throw GIVE_UP;
        if (text[stop] !== ":" || text[stop + 1] !== " ") throw GIVE_UP;
        here = spot.child(name);
        here.key = this.pos(l, at);
        at = stop + 1;
        while (text[at] === " ") at++;
      } else here = spot.child(list.length);
      const c = text[at];
      if (c === undefined) throw GIVE_UP;
      here.value = this.pos(l, at);
      let value: unknown;
      if (c === '"' || c === "'") value = quoted(text, at);
      else value = plain(text, at, true);
      at = scanEnd;
      if (isMap) map[name] = value;
      else list.push(value);
      while (text[at] === " ") at++;
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === close) {
        scanEnd = at + 1;
        return isMap ? map : list;
      }
      throw GIVE_UP;
    }
  }
}

/**
 * Where a key (`[A-Za-z_][A-Za-z0-9_-]*`) starting at `at` ends, or -1 when none starts there.
 * Scanned by hand: a regex would need the rest of the line sliced off first.
 */
function keyEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (!(isLetter(first) || first === 0x5f)) return -1;
  let end = at + 1;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (!(isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d)) break;
  }
  return end;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDash(text: string, at: number): boolean {
  return text[at] === "-" && (text[at + 1] === " " || text[at + 1] === undefined);
}

/** Only spaces and a comment (after a space) may follow a value. */
function restOfLine(text: string, end: number): void {
  let at = end;
  while (text[at] === " ") at++;
  if (at === text.length) return;
  if (text[at] === "#" && at > end) return;
  throw GIVE_UP;
}

/**
 * Where the value last scanned (by quoted, plain or flow) ends: a field rather than a [value, end]
 * pair returned per scalar, which cost one array for every value of every file.
 */
let scanEnd = 0;

/** A quoted scalar without escapes: `"…"` without `\`, `'…'` without `''`. */
function quoted(text: string, at: number): string {
  const q = text[at]!;
  const end = text.indexOf(q, at + 1);
  if (end === -1) throw GIVE_UP;
  const value = text.slice(at + 1, end);
  if (q === '"' && value.includes("\\")) throw GIVE_UP;
  if (q === "'" && text[end + 1] === "'") throw GIVE_UP;
  scanEnd = end + 1;
  return value;
}

/** A plain scalar up to a comment, the end of the line, or (in a flow collection) `,` `]` `}`. */
function plain(text: string, at: number, inFlow: boolean): unknown {
  if (INDICATOR.has(text[at]!)) throw GIVE_UP;
  let end = at;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === "#" && text[end - 1] === " ") break;
    if (inFlow && (c === "," || c === "]" || c === "}" || c === "[" || c === "{")) break;
    if (inFlow && c === ":") throw GIVE_UP;
  }
  let last = end;
  while (text[last - 1] === " ") last--;
  const source = text.slice(at, last);
  if (source.endsWith(":")) throw GIVE_UP;
  scanEnd = last;
  return resolve(source);
}

/** The core schema's reading of a plain scalar, for the cases the fast path is sure of. */
function resolve(source: string): unknown {
  if (!CORE_NON_TEXT.test(source)) return source;
  if (SIMPLE_NUMBER.test(source)) return Number(source);
  if (source === "true" || source === "True" || source === "TRUE") return true;
  if (source === "false" || source === "False" || source === "FALSE") return false;
  throw GIVE_UP;
}
