/**
 * Page-by-page listing with a hard ceiling, so one request loop can never run away.
 */
import type { GitHubClient } from "./client.js";

const PER_PAGE = 100;

/**
 * Every item of a list endpoint, 100 per page, stopping early when `done(items)` says enough was
 * read. Throws when the list is longer than `maxPages` pages: callers fail closed on it.
 */
export async function listAll<T>(
  client: GitHubClient,
  route: string,
  parameters: Record<string, unknown>,
  options: { maxPages?: number; done?: (items: T[]) => boolean } = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 30;
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const response = await client.request(route, { ...parameters, per_page: PER_PAGE, page });
    const batch = response.data as T[];
    items.push(...batch);
    if (batch.length < PER_PAGE || options.done?.(items)) return items;
  }
  throw new Error(`GitHub returned more than ${maxPages * PER_PAGE} items for ${route}.`);
}
