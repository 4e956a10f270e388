/**
 * The app's own login (`<slug>[bot]`), which the review needs to recognise the pull requests the
 * app opened for campaign requests (src/core/review/effective-author.ts). Read with the app's JWT
 * (`GET /app`, which an installation token may not call), once per process, and only when a pull
 * request opened by a bot is reviewed. A failed read is not remembered: the review that needed it
 * fails closed with the reason, and the next one tries again.
 */
import type { Probot } from "probot";

/** Resolves the app's bot login on first use. */
export function appLoginResolver(app: Pick<Probot, "auth">): () => Promise<string> {
  let login: Promise<string> | undefined;
  return () => {
    login ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.request("GET /app");
      if (!data?.slug) throw new Error("GitHub did not say the app's name (GET /app).");
      return `${data.slug}[bot]`;
    })();
    login.catch(() => (login = undefined));
    return login;
  };
}
