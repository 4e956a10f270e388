/**
 * A fast parse for the plain YAML nearly every campaign-gate file is written in: block mappings,
 * block lists, one-line `{ }` / `[ ]` (also inside each other), plain and simply quoted scalars,
 * comments. It records each key's and value's line and column as it goes, which costs almost
 * nothing, where the reference parse (eemeli/yaml's `parseDocument`) builds a full syntax tree
 * first.
 *
 * It never guesses: on anything outside that subset, anything the YAML 1.2 core schema might read
 * differently, and anything that would be an error (tabs, duplicate keys, aliases, tags, block
 * scalars, multi-line values, …) it gives up and the reference parse does the whole job, so
 * messages and positions always come from one place. Both paths give byte-identical reports
 * (test/load/fast-parse.test.ts); the reference is forced with CAMPAIGN_GATE_REFERENCE_PARSE=1.
 */
import type { Position } from "../findings.js";

type Path = readonly (string | number)[];

/**
 * Positions the fast parse recorded; undefined for a path it did not see, or once a later fast
 * parse has begun (see `Recorded`): the caller then falls back to the reference parse.
 */
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
/** Characters that cannot start a plain scalar (or start something the fast path does not handle), by code. */
const INDICATOR = new Uint8Array(128);
for (const c of "-?:,[]{}#&*!|>'\"%@`") INDICATOR[c.charCodeAt(0)] = 1;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/** The fast parse of `text`, or undefined when the reference parse must do it. */
export function parseFast(text: string): FastParsed | undefined {
  if (!enabled || text.length > MAX_FAST_CHARS || REFUSED_CHARACTER.test(text)) return undefined;
  try {
    return PARSER.parse(text);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * What the last fast parse recorded about each node (the root, every key's value, every list
 * item), in document order: its parent, its segment (key or index), and where its key and value
 * start, packed (-1: none). Parallel lists kept from file to file rather than objects per node:
 * a file's 30-odd nodes then cost nothing at all, where a node object and a list of children each
 * were a third of what parsing 10,000 files allocated. Nearly every position is asked for while
 * the file is loaded, before the next parse; a Locator asked later (its `generation` is over)
 * answers undefined, and the caller takes the position from the reference parse — the same one.
 */
class Recorded {
  readonly parents: number[] = [];
  readonly segments: (string | number)[] = [];
  readonly keys: number[] = [];
  readonly values: number[] = [];
  count = 0;
  generation = 0;

  /** Starts over for the next file; every Locator handed out so far stops answering. */
  reset(): void {
    this.count = 0;
    this.generation++;
  }

  /** A new node under `parent`: the parser never adds one twice (it gives up on duplicate keys). */
  add(parent: number, segment: string | number): number {
    const n = this.count++;
    this.parents[n] = parent;
    this.segments[n] = segment;
    this.keys[n] = -1;
    this.values[n] = -1;
    return n;
  }

  /** The node at `path`, or -1; children come after their parent, so one forward scan per segment. */
  find(path: Path): number {
    let node = 0;
    for (const segment of path) {
      let child = -1;
      for (let n = node + 1; n < this.count; n++)
        if (this.parents[n] === node && this.segments[n] === segment) {
          child = n;
          break;
        }
      if (child === -1) return -1;
      node = child;
    }
    return node;
  }
}

/** The Locator of one parse: a prototype's methods and one small object per file, not two closures. */
class RecordedLocator implements Locator {
  constructor(
    private readonly recorded: Recorded,
    private readonly generation: number,
  ) {}

  key(path: Path): Position | undefined {
    return this.look(path, this.recorded.keys);
  }

  value(path: Path): Position | undefined {
    return this.look(path, this.recorded.values);
  }

  private look(path: Path, packed: number[]): Position | undefined {
    if (this.generation !== this.recorded.generation) return undefined;
    const node = this.recorded.find(path);
    return node === -1 ? undefined : unpack(packed[node]!);
  }
}

/**
 * One Position object per place, shared by every file that has a key or value there: positions are
 * values (nothing changes one after it is made), and files written from one template put their
 * keys at the same places, so 10,000 loaded campaigns keep a few dozen objects instead of 60,000.
 * Bounded: when full it starts over.
 */
const positions = new Map<number, Position>();
const MAX_POSITIONS = 4096;

function unpack(packed: number): Position | undefined {
  if (packed < 0) return undefined;
  let position = positions.get(packed);
  if (position === undefined) {
    if (positions.size >= MAX_POSITIONS) positions.clear();
    position = { line: Math.floor(packed / LINE_FACTOR), column: packed % LINE_FACTOR };
    positions.set(packed, position);
  }
  return position;
}

/**
 * Key names seen so far, by a hash of their characters: a file's keys are nearly always names
 * seen in the files before, and taking the stored string (compared in place) instead of a new
 * slice spares an allocation and gives every data object the same property-name strings.
 * Bounded: a new name simply takes its slot.
 */
const KEY_SLOTS = 512;
const knownKeys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);
/** The hash of the key keyEnd last scanned (a field rather than a pair returned per key). */
let keyHash = 0;

/**
 * Short scalars seen so far, the same way: types, confidences, owners and site names repeat from
 * file to file, and every loaded campaign keeps them. Only strings V8 copies when sliced (up to 12
 * characters): a longer slice would keep its whole file's text alive from the table.
 */
const VALUE_SLOTS = 1024;
const MAX_SHARED_VALUE = 12;
const knownValues: (string | undefined)[] = new Array<string | undefined>(VALUE_SLOTS).fill(undefined);

/** `text` from `at` to `stop`: the string seen before when it is short and was, else a new slice. */
function textOf(text: string, at: number, stop: number): string {
  const length = stop - at;
  if (length > MAX_SHARED_VALUE) return text.slice(at, stop);
  let hash = length;
  for (let i = at; i < stop; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  const slot = (hash ^ (hash >>> 10)) & (VALUE_SLOTS - 1);
  const known = knownValues[slot];
  if (known !== undefined && known.length === length && text.startsWith(known, at)) return known;
  const value = text.slice(at, stop);
  knownValues[slot] = value;
  return value;
}

/**
 * The parser, one for the process and reused file after file (parsing is synchronous, never
 * re-entered): its line lists and its Recorded keep their storage, so a file costs only its data.
 */
class FastParser {
  private text = "";
  /** The lines that hold something (not blank, not only a comment), as parallel lists: a line is its index here. */
  private readonly starts: number[] = [];
  /** Offset of the line's end (its `\n`, or the end of the text). */
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  /** 0-based line numbers in the file. */
  private readonly numbers: number[] = [];
  private lines = 0;
  private i = 0;
  readonly recorded = new Recorded();

  parse(text: string): FastParsed {
    this.text = text;
    this.lines = 0;
    this.i = 0;
    this.recorded.reset();
    try {
      this.split(text);
      if (this.lines === 0 || this.indents[0] !== 0) throw GIVE_UP;
      const root = this.recorded.add(-1, "");
      this.recorded.values[root] = this.pos(0, 0);
      const data = this.map(0, 0, root, 1);
      if (this.i < this.lines) throw GIVE_UP;
      return { data, locate: new RecordedLocator(this.recorded, this.recorded.generation) };
    } finally {
      // Let go of the text: the parser outlives the file.
      this.text = "";
    }
  }

  /** Finds the lines that hold something, with their offsets, indentation and numbers. */
  private split(text: string): void {
    let start = 0;
    let number = 0;
    const length = text.length;
    while (start <= length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = length;
      let first = start;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      if (first < end && text.charCodeAt(first) !== HASH) {
        if (
          first === start &&
          (text.startsWith("---", start) || text.startsWith("...", start) || text.charCodeAt(start) === 0x25)
        )
          throw GIVE_UP;
        const l = this.lines++;
        this.starts[l] = start;
        this.ends[l] = end;
        this.indents[l] = first - start;
        this.numbers[l] = number;
      }
      start = end + 1;
      number++;
    }
  }

  /** The packed position of `column` (0-based) on line `l` (an index into the lists). */
  private pos(l: number, column: number): number {
    return (this.numbers[l]! + 1) * LINE_FACTOR + column + 1;
  }

  /** Whether line `l` exists and is indented less than `column` (it ends the block at `column`). */
  private endsBlock(l: number, column: number): boolean {
    return l >= this.lines || this.indents[l]! < column;
  }

  /** Whether line `l` has a list dash (`-` then a space or the end of the line) at `column`. */
  private isDash(l: number, column: number): boolean {
    const at = this.starts[l]! + column;
    const end = this.ends[l]!;
    return (
      at < end &&
      this.text.charCodeAt(at) === DASH &&
      (at + 1 === end || this.text.charCodeAt(at + 1) === SPACE)
    );
  }

  /** A block mapping whose keys start at `column`; the first key may start mid-line (after `- `). */
  private map(column: number, firstAt: number, node: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const text = this.text;
    const recorded = this.recorded;
    const result: Record<string, unknown> = {};
    let at = firstAt;
    for (;;) {
      const l = this.i;
      const start = this.starts[l]!;
      const end = this.ends[l]!;
      const keyStart = start + at;
      const colon = keyEnd(text, keyStart, end);
      if (colon === -1 || colon === end || text.charCodeAt(colon) !== COLON) throw GIVE_UP;
      const key = keyOf(text, keyStart, colon);
      if (Object.hasOwn(result, key)) throw GIVE_UP;
      const here = recorded.add(node, key);
      recorded.keys[here] = this.pos(l, at);
      let valueAt = colon + 1;
      if (valueAt < end && text.charCodeAt(valueAt) !== SPACE) throw GIVE_UP;
      while (valueAt < end && text.charCodeAt(valueAt) === SPACE) valueAt++;
      if (valueAt === end || text.charCodeAt(valueAt) === HASH) {
        // The value is a block below the key.
        if (valueAt < end && text.charCodeAt(valueAt - 1) !== SPACE) throw GIVE_UP;
        const next = l + 1;
        if (this.endsBlock(next, column + 1)) throw GIVE_UP;
        const indent = this.indents[next]!;
        this.i++;
        if (this.isDash(next, indent)) result[key] = this.seq(indent, here, depth + 1);
        else {
          recorded.values[here] = this.pos(next, indent);
          result[key] = this.map(indent, indent, here, depth + 1);
        }
      } else {
        result[key] = this.inline(l, valueAt, here);
        this.i++;
      }
      const next = this.i;
      if (this.endsBlock(next, column)) return result;
      if (this.indents[next]! > column || this.isDash(next, column)) throw GIVE_UP;
      at = column;
    }
  }

  /** A block list whose dashes stand at `column`. */
  private seq(column: number, node: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const text = this.text;
    const recorded = this.recorded;
    const result: unknown[] = [];
    recorded.values[node] = this.pos(this.i, column);
    for (;;) {
      const l = this.i;
      const start = this.starts[l]!;
      const end = this.ends[l]!;
      let at = start + column + 1;
      if (at >= end || text.charCodeAt(at) !== SPACE) throw GIVE_UP;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      const here = recorded.add(node, result.length);
      if (at === end) throw GIVE_UP;
      const c = text.charCodeAt(at);
      if (c === HASH || c === DASH) throw GIVE_UP;
      const keyStop = keyEnd(text, at, end);
      if (keyStop !== -1 && keyStop < end && text.charCodeAt(keyStop) === COLON) {
        recorded.values[here] = this.pos(l, at - start);
        result.push(this.map(at - start, at - start, here, depth + 1));
      } else {
        result.push(this.inline(l, at, here));
        this.i++;
      }
      const next = this.i;
      if (this.endsBlock(next, column)) return result;
      if (this.indents[next]! > column || !this.isDash(next, column)) throw GIVE_UP;
    }
  }

  /** A value that starts at offset `at` of line `l` and ends there: a scalar or a one-line flow collection. */
  private inline(l: number, at: number, node: number): unknown {
    const text = this.text;
    const start = this.starts[l]!;
    const end = this.ends[l]!;
    this.recorded.values[node] = this.pos(l, at - start);
    const c = text.charCodeAt(at);
    let value: unknown;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) value = this.flow(l, at, node, 0);
    else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) value = quoted(text, at, end);
    else {
      value = plain(text, at, end, false);
      // `a: b` inside a plain value is a nested mapping to the reference parse.
      for (let k = at; k + 2 <= scanEnd; k++)
        if (text.charCodeAt(k) === COLON && text.charCodeAt(k + 1) === SPACE) throw GIVE_UP;
    }
    restOfLine(text, scanEnd, end);
    return value;
  }

  /**
   * `{ key: value, … }` or `[ value, … ]` on one line, of scalars and such collections (a site's
   * `profile: { timezone: …, hours: [ … ] }`), nested at most MAX_DEPTH deep; sets scanEnd past
   * the bracket.
   */
  private flow(l: number, open: number, node: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const text = this.text;
    const recorded = this.recorded;
    const start = this.starts[l]!;
    const end = this.ends[l]!;
    const isMap = text.charCodeAt(open) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    let at = open + 1;
    for (;;) {
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      let here: number;
      let name = "";
      if (isMap) {
        const stop = keyEnd(text, at, end);
        if (stop === -1) throw GIVE_UP;
        name = keyOf(text, at, stop);
        if (Object.hasOwn(map, name)) throw GIVE_UP;
        if (stop + 1 >= end || text.charCodeAt(stop) !== COLON || text.charCodeAt(stop + 1) !== SPACE)
          throw GIVE_UP;
        here = recorded.add(node, name);
        recorded.keys[here] = this.pos(l, at - start);
        at = stop + 1;
        while (at < end && text.charCodeAt(at) === SPACE) at++;
      } else here = recorded.add(node, list.length);
      if (at === end) throw GIVE_UP;
      recorded.values[here] = this.pos(l, at - start);
      const c = text.charCodeAt(at);
      const value =
        c === OPEN_BRACE || c === OPEN_BRACKET
          ? this.flow(l, at, here, depth + 1)
          : c === DOUBLE_QUOTE || c === SINGLE_QUOTE
            ? quoted(text, at, end)
            : plain(text, at, end, true);
      at = scanEnd;
      if (isMap) map[name] = value;
      else list.push(value);
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      if (at < end && text.charCodeAt(at) === COMMA) {
        at++;
        continue;
      }
      if (at < end && text.charCodeAt(at) === close) {
        scanEnd = at + 1;
        return isMap ? map : list;
      }
      throw GIVE_UP;
    }
  }
}

const PARSER = new FastParser();

/**
 * Where a key (`[A-Za-z_][A-Za-z0-9_-]*`) starting at `at` ends (at most at `end`, the line's end),
 * or -1 when none starts there; its hash goes to keyHash. Scanned by hand: a regex would need the
 * key sliced off first.
 */
function keyEnd(text: string, at: number, end: number): number {
  if (at >= end) return -1;
  const first = text.charCodeAt(at);
  if (!(isLetter(first) || first === 0x5f)) return -1;
  let hash = first;
  let stop = at + 1;
  for (; stop < end; stop++) {
    const c = text.charCodeAt(stop);
    if (!(isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d)) break;
    hash = (hash * 31 + c) | 0;
  }
  keyHash = hash;
  return stop;
}

/**
 * The key keyEnd just scanned (`text` from `at` to `stop`): the known name when it was seen
 * before, else a new slice, refused (give up) when the core schema reads it as no text or it
 * would reach an object's prototype.
 */
function keyOf(text: string, at: number, stop: number): string {
  const slot = (keyHash ^ (keyHash >>> 9)) & (KEY_SLOTS - 1);
  const known = knownKeys[slot];
  if (known !== undefined && known.length === stop - at && text.startsWith(known, at)) return known;
  const key = text.slice(at, stop);
  if (NON_TEXT_KEY.test(key) || key === "__proto__") throw GIVE_UP;
  knownKeys[slot] = key.length > MAX_SHARED_VALUE ? ownCopy(key) : key;
  return key;
}

/**
 * `name` as a string of its own: V8 makes a slice of 13 or more characters point into the file's
 * text, which the table would then keep alive; a property name is always a string of its own.
 */
function ownCopy(name: string): string {
  for (const own in { [name]: true }) return own;
  return name;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Only spaces and a comment (after a space) may follow a value, up to the line's `end`. */
function restOfLine(text: string, from: number, end: number): void {
  let at = from;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  if (at === end) return;
  if (text.charCodeAt(at) === HASH && at > from) return;
  throw GIVE_UP;
}

/**
 * Where the value last scanned (by quoted, plain or flow) ends: a field rather than a [value, end]
 * pair returned per scalar, which cost one array for every value of every file.
 */
let scanEnd = 0;

/** A quoted scalar without escapes on one line: `"…"` without `\`, `'…'` without `''`. */
function quoted(text: string, at: number, end: number): string {
  const q = text.charCodeAt(at);
  let close = at + 1;
  while (close < end && text.charCodeAt(close) !== q) close++;
  if (close === end) throw GIVE_UP;
  const value = textOf(text, at + 1, close);
  if (q === DOUBLE_QUOTE && value.includes("\\")) throw GIVE_UP;
  if (q === SINGLE_QUOTE && close + 1 < end && text.charCodeAt(close + 1) === SINGLE_QUOTE) throw GIVE_UP;
  scanEnd = close + 1;
  return value;
}

/** A plain scalar up to a comment, the line's `end`, or (in a flow collection) `,` `]` `}`. */
function plain(text: string, at: number, end: number, inFlow: boolean): unknown {
  const first = text.charCodeAt(at);
  if (first < 128 && INDICATOR[first] === 1) throw GIVE_UP;
  let stop = at;
  for (; stop < end; stop++) {
    const c = text.charCodeAt(stop);
    if (c === HASH && text.charCodeAt(stop - 1) === SPACE) break;
    if (inFlow) {
      if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === OPEN_BRACKET || c === OPEN_BRACE)
        break;
      if (c === COLON) throw GIVE_UP;
    }
  }
  let last = stop;
  while (text.charCodeAt(last - 1) === SPACE) last--;
  if (text.charCodeAt(last - 1) === COLON) throw GIVE_UP;
  scanEnd = last;
  return resolve(textOf(text, at, last));
}

/** The core schema's reading of a plain scalar, for the cases the fast path is sure of. */
function resolve(source: string): unknown {
  if (!CORE_NON_TEXT.test(source)) return source;
  if (SIMPLE_NUMBER.test(source)) return Number(source);
  if (source === "true" || source === "True" || source === "TRUE") return true;
  if (source === "false" || source === "False" || source === "FALSE") return false;
  throw GIVE_UP;
}
