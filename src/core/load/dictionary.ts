/** Records keyed by user-chosen names (sites, services, groups). */

/**
 * A copy of `entries` as an object without prototype, so that a lookup of any name a user writes
 * (`constructor`, `toString`) finds only what the file defines.
 */
export function dictionary<T>(
  entries: Iterable<readonly [string, T]> | Record<string, T>,
): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  const pairs = Symbol.iterator in entries ? entries : Object.entries(entries);
  for (const [key, value] of pairs) out[key] = value;
  return out;
}
