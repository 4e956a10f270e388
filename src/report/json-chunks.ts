/**
 * `JSON.stringify(value, null, indent)` in chunks of about CHUNK characters, so a report of tens
 * of thousands of findings goes out without ever being one 40 MB string (and its 40 MB copy in a
 * write buffer). The chunks joined are byte for byte JSON.stringify's text: objects and arrays
 * near the top are walked here with JSON.stringify's rules (key order, undefined/function/symbol
 * members left out of objects and `null` in arrays, toJSON, empty `{}`/`[]`); every element of a
 * walked array, and anything deeper, is JSON.stringify's own text — one native call per BATCH
 * elements, separators included: one call for the whole value is slower (V8 builds a long result
 * from parts and copies it again when it is read), and per batch every string is small and dies
 * young.
 * One difference no report can hit: a toJSON that returns an object with its own toJSON.
 *
 * Each chunk comes as the list of its parts: a writer can encode the parts one after the other
 * into one buffer, without ever making the joined string (joining costs as much as the
 * stringifying).
 */
export function* stringifyInParts(value: unknown, indent = 2, depth = 2): Generator<string[]> {
  const layout = new Layout(" ".repeat(Math.max(0, Math.min(10, Math.trunc(indent)))));
  const root = resolve(value, "");
  if (omitted(root)) return;
  const chunks = new Chunks();
  yield* write(root, 0, depth, layout, chunks);
  yield chunks.take();
}

/**
 * Leaves per native call: a call has a fixed cost (and builds its result from parts that grow
 * from 32 characters), so eight findings at a time take a fifth fewer instructions than one at a
 * time on the 10k stress report (16 at a time: no better; a result past 128 KB would go to V8's
 * large-object space). A chunk may pass CHUNK by up to one batch.
 */
const BATCH = 8;

/** Characters per chunk: large enough for few writes, small enough to stay in V8's young generation. */
const CHUNK = 1 << 16;

/**
 * Parts waiting to become one chunk, handed over as a list once there are CHUNK characters:
 * never concatenated one by one (each `+=` would be a node of a rope that the write has to
 * flatten), and joined only by a reader that wants the string.
 */
class Chunks {
  private parts: string[] = [];
  private size = 0;

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  get full(): boolean {
    return this.size >= CHUNK;
  }

  take(): string[] {
    const parts = this.parts;
    this.parts = [];
    this.size = 0;
    return parts;
  }
}

/**
 * `list.map(map)` as JSON.stringify writes it, made one element at a time as it is written: the
 * mapped copies never all sit in memory together (nor survive long enough to be copied by the
 * garbage collector). Anywhere JSON.stringify meets it, its toJSON makes the whole array.
 */
export function mapLazily<T, U>(list: readonly T[], map: (item: T) => U): MappedList<T, U> {
  return new MappedList(list, map);
}

class MappedList<T, U> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return Array.from(this.items, (item) => this.map(item));
  }
}

/** JSON.stringify's whitespace for one `indent`: line breaks only when there is indentation. */
class Layout {
  readonly newline: string;
  readonly colon: string;
  private readonly lines: string[] = [];
  private readonly wrappers: [prefix: number, suffix: number][] = [];

  constructor(readonly step: string) {
    this.newline = step === "" ? "" : "\n";
    this.colon = step === "" ? ":" : ": ";
  }

  /** A line break and the indentation of `level`. */
  line(level: number): string {
    return (this.lines[level] ??= this.newline + this.step.repeat(level));
  }

  /**
   * `value` (not omitted, toJSON already applied) as JSON.stringify writes it at `level`: its
   * inner lines indented level + 1 steps. Wrapped in `level` arrays, stringified, the wrappers cut
   * off — no second pass over the text to indent it.
   */
  leaf(value: unknown, level: number): string {
    if (value === null || typeof value !== "object" || level === 0)
      return JSON.stringify(value, null, this.step);
    let wrapped = value;
    for (let i = 0; i < level; i++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, this.step);
    const [prefix, suffix] = this.wrapper(level);
    return text.slice(prefix, text.length - suffix);
  }

  /**
   * `items` (none omitted, toJSON already applied) as JSON.stringify writes them as elements at
   * `level` (>= 1), with the separators between them: their array wrapped in level - 1 arrays,
   * stringified, the wrappers and the array's own brackets cut off.
   */
  leaves(items: readonly unknown[], level: number): string {
    let wrapped: unknown = items;
    for (let i = 1; i < level; i++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, this.step);
    const [prefix, suffix] = this.wrapper(level - 1);
    const open = 1 + this.line(level).length;
    const close = this.line(level - 1).length + 1;
    return text.slice(prefix + open, text.length - suffix - close);
  }

  /** Lengths of the text `level` wrapping arrays add before and after their content. */
  private wrapper(level: number): [number, number] {
    let known = this.wrappers[level];
    if (known === undefined) {
      let prefix = 0;
      let suffix = 0;
      for (let i = 0; i < level; i++) {
        prefix += 1 + this.line(i + 1).length;
        suffix += 1 + this.line(i).length;
      }
      known = this.wrappers[level] = [prefix, suffix];
    }
    return known;
  }
}

/**
 * Writes `value` at `level`. Objects are walked while depth lasts; an array is walked whenever
 * its holder was (its elements are leaves once depth is down to 1), so a long list deep in the
 * report still goes out element by element instead of as one long string.
 */
function* write(
  value: unknown,
  level: number,
  depth: number,
  layout: Layout,
  chunks: Chunks,
): Generator<string[]> {
  if (value instanceof MappedList) {
    yield* writeArray(value.items, level, depth, layout, chunks, value.map);
  } else if (value === null || typeof value !== "object" || !isPlain(value)) {
    chunks.add(layout.leaf(value, level));
  } else if (Array.isArray(value)) {
    yield* writeArray(value, level, depth, layout, chunks);
  } else if (depth > 0) {
    yield* writeObject(value, level, depth, layout, chunks);
  } else {
    chunks.add(layout.leaf(value, level));
  }
  if (chunks.full) yield chunks.take();
}

function* writeArray(
  list: readonly unknown[],
  level: number,
  depth: number,
  layout: Layout,
  chunks: Chunks,
  map?: (item: unknown) => unknown,
): Generator<string[]> {
  if (list.length === 0) {
    chunks.add("[]");
    return;
  }
  const inner = level + 1;
  const first = `[${layout.line(inner)}`;
  const between = `,${layout.line(inner)}`;
  if (depth <= 1) {
    // Leaves, BATCH at a time: one native call writes them and the separators between them.
    const batch: unknown[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = resolve(map ? map(list[i]) : list[i], String(i));
      batch.push(omitted(item) ? null : item);
      if (batch.length === BATCH || i === list.length - 1) {
        chunks.add(i < BATCH ? first : between);
        chunks.add(layout.leaves(batch, inner));
        batch.length = 0;
        if (chunks.full) yield chunks.take();
      }
    }
  } else {
    for (let i = 0; i < list.length; i++) {
      chunks.add(i === 0 ? first : between);
      const item = resolve(map ? map(list[i]) : list[i], String(i));
      if (omitted(item)) chunks.add("null");
      else yield* write(item, inner, depth - 1, layout, chunks);
      if (chunks.full) yield chunks.take();
    }
  }
  chunks.add(`${layout.line(level)}]`);
}

function* writeObject(
  object: object,
  level: number,
  depth: number,
  layout: Layout,
  chunks: Chunks,
): Generator<string[]> {
  const inner = level + 1;
  let first = true;
  for (const key of Object.keys(object)) {
    const member = resolve((object as Record<string, unknown>)[key], key);
    if (omitted(member)) continue;
    chunks.add(`${first ? "{" : ","}${layout.line(inner)}${JSON.stringify(key)}${layout.colon}`);
    first = false;
    yield* write(member, inner, depth - 1, layout, chunks);
  }
  chunks.add(first ? "{}" : `${layout.line(level)}}`);
}

/**
 * The value JSON.stringify writes for `value` under `key`: its toJSON's result if it has one
 * (a lazily mapped list stays itself: written here, it is mapped one element at a time).
 */
function resolve(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object" && !(value instanceof MappedList)) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return (toJSON as (key: string) => unknown).call(value, key);
  }
  return value;
}

/** What JSON.stringify leaves out of an object (and writes as `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** Arrays and objects made by literals: anything else (Map, boxed values) is JSON.stringify's. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
