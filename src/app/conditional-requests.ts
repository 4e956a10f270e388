/**
 * Conditional requests for the app's Octokit (issue 9: fewer requests). GitHub answers every GET
 * with an `ETag`; asked again with `If-None-Match`, it answers 304 Not Modified when nothing
 * changed, and a 304 does not count against the rate limit. So each process remembers the last
 * answers it got (per installation, bounded), sends their ETags, and on 304 returns the remembered
 * answer. GitHub decides freshness on every request: a remembered answer is never used unasked,
 * so nothing stale can come of it. Typical savings: the re-read of the reviews after writing the
 * check (almost always unchanged), the installation's repositories, the reviews on a replica that
 * already read them.
 */

/** Answers remembered per process: enough for the pull requests in flight, bounded in memory. */
const MAX_REMEMBERED = 500;

interface Remembered {
  etag: string;
  response: { status: number; url: string; headers: Record<string, unknown>; data: unknown };
}

const remembered = new Map<string, Remembered>();

type Request = (options: Record<string, unknown>) => Promise<Remembered["response"]>;

interface PluginOctokit {
  request: { endpoint: { parse(options: Record<string, unknown>): { method: string; url: string } } };
  hook: {
    wrap(
      name: "request",
      wrapper: (request: Request, options: Record<string, unknown>) => Promise<unknown>,
    ): void;
  };
}

/** Octokit plugin: ETag-conditional GET requests for installation clients (see the module comment). */
export function conditionalRequests(octokit: PluginOctokit, options: { auth?: unknown }): void {
  const installation = (options.auth as { installationId?: unknown } | undefined)?.installationId;
  // Only installation clients: their answers are scoped by the installation id in the key.
  if (typeof installation !== "number" && typeof installation !== "string") return;
  octokit.hook.wrap("request", async (request, requestOptions) => {
    const { method, url } = octokit.request.endpoint.parse(requestOptions);
    if (method !== "GET") return request(requestOptions);
    const key = `${String(installation)} ${url}`;
    const known = remembered.get(key);
    // In place: the hooks around this one call `request` with the options object they were given.
    if (known)
      requestOptions.headers = {
        ...(requestOptions.headers as Record<string, unknown>),
        "if-none-match": known.etag,
      };
    try {
      const response = await request(requestOptions);
      const etag = response.headers.etag;
      remembered.delete(key);
      if (typeof etag === "string") {
        remembered.set(key, { etag, response: { ...response, data: structuredClone(response.data) } });
        if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      }
      return response;
    } catch (error) {
      if (!known || (error as { status?: unknown }).status !== 304) throw error;
      // Least recently used goes first: this one moves to the back.
      remembered.delete(key);
      remembered.set(key, known);
      return { ...known.response, data: structuredClone(known.response.data) };
    }
  });
}
