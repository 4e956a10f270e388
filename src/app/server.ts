/**
 * `npm start` and the container's command: Probot's server (`probot run`) with the app and its
 * bounded rate-limit retries (octokit.ts). Environment: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,
 * WEBHOOK_SECRET, and optionally PORT, HOST, LOG_LEVEL, GHE_HOST. On SIGTERM (a replica being
 * stopped or rolled) it stops accepting connections, lets the webhooks in flight finish, and exits
 * 0; a webhook it never answered is redelivered by GitHub or handled by another replica.
 */
import { run } from "probot";
import campaignGateApp from "./index.js";
import { AppOctokit } from "./octokit.js";

/** How long in-flight webhooks may take after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 20_000;

const server = await run(campaignGateApp, { Octokit: AppOctokit });

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    server.stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  });
}
