/**
 * `JSON.stringify(value, null, indent)` in pieces, so a report of tens of thousands of findings
 * goes out without ever being one 40 MB string (and its 40 MB copy in a write buffer). The pieces
 * joined are byte for byte JSON.stringify's text: objects and arrays near the top are walked here
 * with JSON.stringify's rules (key order, undefined/function/symbol members left out of objects
 * and `null` in arrays, toJSON, empty `{}`/`[]`), anything deeper is JSON.stringify's own text
 * re-indented (its line breaks are all structural: a line break inside a string is written `\n`).
 * One difference no report can hit: a toJSON that returns an object with its own toJSON.
 */
export function* stringifyInChunks(value: unknown, indent = 2, depth = 2): Generator<string> {
  // Without indentation there are no line breaks to write between: the whole text at once.
  const text = walk(value, "", "", " ".repeat(Math.min(10, indent)), indent > 0 ? depth : 0);
  if (text === undefined) return;
  yield* text;
}

type Pieces = Iterable<string>;

function walk(value: unknown, key: string, outer: string, step: string, depth: number): Pieces | undefined {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  )
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  if (depth <= 0 || value === null || typeof value !== "object" || !isPlain(value)) {
    const text = JSON.stringify(value, null, step);
    if (text === undefined) return undefined;
    return [outer === "" ? text : text.replaceAll("\n", `\n${outer}`)];
  }
  return Array.isArray(value)
    ? arrayPieces(value, outer, step, depth)
    : objectPieces(value, outer, step, depth);
}

function* arrayPieces(
  list: readonly unknown[],
  outer: string,
  step: string,
  depth: number,
): Generator<string> {
  if (list.length === 0) {
    yield "[]";
    return;
  }
  const inner = outer + step;
  for (let i = 0; i < list.length; i++) {
    yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
    if (depth <= 1) {
      // Elements are leaves here: BATCH of them in one JSON.stringify, already indented.
      const batch = list.slice(i, i + BATCH);
      if (!batch.some(hasToJSON)) {
        yield nestedText(batch, outer.length / step.length, step);
        i += batch.length - 1;
        continue;
      }
    }
    const item = walk(list[i], String(i), inner, step, depth - 1);
    if (item === undefined) yield "null";
    else yield* item;
  }
  yield `\n${outer}]`;
}

const BATCH = 128;

/**
 * The elements of `batch` as JSON.stringify writes them inside an array at `level` steps of
 * indentation: the batch is wrapped in `level` arrays, stringified, and the wrappers cut off.
 * (Elements with toJSON go one by one: toJSON is given the element's own index.)
 */
function nestedText(batch: unknown[], level: number, step: string): string {
  let wrapped: unknown = batch;
  let prefix = "";
  let suffix = "";
  for (let i = 0; i <= level; i++) {
    prefix += `[\n${step.repeat(i + 1)}`;
    suffix = `\n${step.repeat(i)}]${suffix}`;
    if (i < level) wrapped = [wrapped];
  }
  const text = JSON.stringify(wrapped, null, step);
  return text.slice(prefix.length, text.length - suffix.length);
}

function hasToJSON(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  );
}

function* objectPieces(object: object, outer: string, step: string, depth: number): Generator<string> {
  const inner = outer + step;
  let first = true;
  for (const key of Object.keys(object)) {
    const member = walk((object as Record<string, unknown>)[key], key, inner, step, depth - 1);
    if (member === undefined) continue;
    yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* member;
  }
  yield first ? "{}" : `\n${outer}}`;
}

/** Arrays and objects made by literals: anything else (Date, Map, boxed values) is JSON.stringify's. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
