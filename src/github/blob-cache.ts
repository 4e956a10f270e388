/**
 * Texts of git blobs, remembered by repository and blob sha. A blob sha names its content, so a
 * cached text can never be stale and the cache changes no result: it only spares the API the same
 * reads on every evaluation (the fast lane reads every campaign file). Bounded by total size,
 * least recently used first out; each replica has its own, and none needs another's.
 */
import { clearCommitCache } from "./commit-cache.js";

const MAX_CACHED_CHARS = 64 * 1024 * 1024;

const texts = new Map<string, string>();
let cachedChars = 0;

function key(owner: string, repo: string, sha: string): string {
  return `${owner.toLowerCase()}/${repo.toLowerCase()}@${sha}`;
}

/** The remembered text of a blob, or undefined. */
export function cachedBlob(owner: string, repo: string, sha: string): string | undefined {
  const k = key(owner, repo, sha);
  const text = texts.get(k);
  if (text !== undefined) {
    // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
    texts.delete(k);
    texts.set(k, text);
  }
  return text;
}

/** Remembers the text of a blob, evicting the least recently used ones beyond the size bound. */
export function rememberBlob(owner: string, repo: string, sha: string, text: string): void {
  if (text.length > MAX_CACHED_CHARS) return;
  const k = key(owner, repo, sha);
  const previous = texts.get(k);
  if (previous !== undefined) {
    texts.delete(k);
    cachedChars -= previous.length;
  }
  texts.set(k, text);
  cachedChars += text.length;
  for (const [oldest, value] of texts) {
    if (cachedChars <= MAX_CACHED_CHARS) break;
    texts.delete(oldest);
    cachedChars -= value.length;
  }
}

/** Forgets everything, the answers cached by commit included (tests). */
export function clearBlobCache(): void {
  clearCommitCache();
  texts.clear();
  cachedChars = 0;
}
