/**
 * Answers that a commit sha fixes forever: the configuration file at a base commit, the file list
 * of a pull request between a given base and head. A sha names its content, so a remembered answer
 * can never be stale and changes no result; it only spares repeated reads when several webhooks
 * arrive for the same commits (open, review, review…). Bounded, least recently used first out;
 * each replica has its own and none needs another's.
 */
const MAX_ENTRIES = 2_000;

const answers = new Map<string, unknown>();

/** The remembered answer for `key`, or undefined. */
export function cachedAtCommit<T>(key: string): T | undefined {
  const value = answers.get(key);
  if (value !== undefined) {
    answers.delete(key);
    answers.set(key, value);
  }
  return value as T | undefined;
}

/** Remembers `value` for `key` (built from repository and shas only). */
export function rememberAtCommit(key: string, value: unknown): void {
  answers.delete(key);
  answers.set(key, value);
  for (const oldest of answers.keys()) {
    if (answers.size <= MAX_ENTRIES) break;
    answers.delete(oldest);
  }
}

/** Forgets everything (tests whose fake worlds reuse shas with other contents). */
export function clearCommitCache(): void {
  answers.clear();
}
