/**
 * Page-by-page listing with a hard ceiling, so one request loop can never run away.
 */
import type { GitHubClient } from "./client.js";

const PER_PAGE = 100;

/**
 * The items of a list endpoint, 100 per page, at most `maxPages` pages (default 30), stopping
 * early when `done(items)` says enough was read. `complete` is false when the last page read was
 * full at the ceiling: there may be more than was read.
 */
export async function listPages<T>(
  client: GitHubClient,
  route: string,
  parameters: Record<string, unknown>,
  options: { maxPages?: number; done?: (items: T[]) => boolean } = {},
): Promise<{ items: T[]; complete: boolean }> {
  const maxPages = options.maxPages ?? 30;
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const response = await client.request(route, { ...parameters, per_page: PER_PAGE, page });
    const batch = response.data as T[];
    items.push(...batch);
    if (batch.length < PER_PAGE || options.done?.(items)) return { items, complete: true };
  }
  return { items, complete: false };
}

/**
 * Every item of a list endpoint (see `listPages`). Throws when the list is longer than
 * `maxPages` pages: callers fail closed on it.
 */
export async function listAll<T>(
  client: GitHubClient,
  route: string,
  parameters: Record<string, unknown>,
  options: { maxPages?: number; done?: (items: T[]) => boolean } = {},
): Promise<T[]> {
  const { items, complete } = await listPages(client, route, parameters, options);
  if (!complete) throw new Error(`GitHub returned more than ${items.length} items for ${route}.`);
  return items;
}
