/**
 * Which parts of a file its schema errors leave intact. The checks beyond the schema (windows, site
 * references, `high` vs expected) run on every part that is well-formed, so a file with several
 * problems reports them all at once — and never on a part with a schema error of its own, so one
 * mistake never cascades into a second finding.
 */
import type { ErrorObject } from "ajv";
import { pointerToPath } from "./schema-errors.js";
import type { DataPath } from "./yaml-source.js";

/** True when `prefix` is `path` itself or one of its ancestors. */
function startsWith(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * Whether an error on a mapping or list that encloses `path` concerns `path`: a missing key names it,
 * and a wrong type or an exactly-one-of choice puts everything inside in doubt.
 */
function concernsChild(error: ErrorObject, child: string | number): boolean {
  switch (error.keyword) {
    case "required":
      return (error.params as { missingProperty?: unknown }).missingProperty === child;
    case "type":
    case "oneOf":
    case "anyOf":
      return true;
    default:
      return false;
  }
}

/** Whether one schema error is about the data at `path`: the value, anything inside it, or its absence. */
function touches(error: ErrorObject, path: DataPath, data: unknown): boolean {
  const errorPath = pointerToPath(error.instancePath, data);
  if (startsWith(errorPath, path)) return true;
  const child = path[errorPath.length];
  return startsWith(path, errorPath) && child !== undefined && concernsChild(error, child);
}

/**
 * True when none of `errors` (ajv's, for `data`) is about the data at `path`. An optional key that is
 * simply absent is well-formed; a required one that is missing is not.
 */
export function isWellFormed(errors: readonly ErrorObject[], data: unknown, path: DataPath): boolean {
  return !errors.some((error) => touches(error, path, data));
}
