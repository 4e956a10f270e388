/**
 * The app's Octokit: Probot's, with its throttling plugin (@octokit/plugin-throttling) configured
 * to honour GitHub's `retry-after` for primary and secondary rate limits a bounded number of times,
 * each wait bounded too, so one webhook cannot hang for an hour. Past the bound the request fails
 * and the review check waits with the reason instead of failing (see `isRateLimit`). GET requests
 * are conditional (conditional-requests.ts): an unchanged answer costs a 304, outside the rate limit.
 */
import { ProbotOctokit } from "probot";
import { conditionalRequests } from "./conditional-requests.js";

/** Retries of one request after a rate limit answer. */
export const RATE_LIMIT_RETRIES = 2;
/** The longest `retry-after` the app waits for, in seconds (GitHub's secondary limits ask for up to a minute). */
export const RATE_LIMIT_MAX_WAIT_SECONDS = 60;

interface Limited {
  method: string;
  url: string;
}

/** Whether to wait `retryAfter` seconds and retry (the plugin counts `retryCount` per request). */
export function retryRateLimit(retryAfter: number, retryCount: number): boolean {
  return retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_SECONDS;
}

type Log = { warn(message: string): void };

export const AppOctokit: typeof ProbotOctokit = ProbotOctokit.plugin(
  // The plugin names only the parts of Octokit it uses.
  conditionalRequests as unknown as Parameters<typeof ProbotOctokit.plugin>[0],
).defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: {
    ...(options.throttle as object | undefined),
    onRateLimit: (retryAfter: number, request: Limited, octokit: { log: Log }, retryCount: number) => {
      const retry = retryRateLimit(retryAfter, retryCount);
      octokit.log.warn(
        `Rate limit hit with "${request.method} ${request.url}"; ${retry ? `retrying in ${retryAfter} s` : "giving up"}.`,
      );
      return retry;
    },
    onSecondaryRateLimit: (
      retryAfter: number,
      request: Limited,
      octokit: { log: Log },
      retryCount: number,
    ) => {
      const retry = retryRateLimit(retryAfter, retryCount);
      octokit.log.warn(
        `Secondary rate limit hit with "${request.method} ${request.url}"; ${retry ? `retrying in ${retryAfter} s` : "giving up"}.`,
      );
      return retry;
    },
  },
}));
