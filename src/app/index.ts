/**
 * The campaign-gate Probot app: enforces review of campaign pull requests (DESIGN section 5) and
 * keeps both teams moving (reviewer requests, fast lane, IT prep issue, direct-push alarm).
 * Run with `npm start` (probot run ./lib/app/index.js) and APP_ID, PRIVATE_KEY, WEBHOOK_SECRET.
 */
import type { Probot } from "probot";
import { registerCoordination } from "./coordination/index.js";
import { registerMembershipHandler } from "./membership-handler.js";
import { registerPullHandlers } from "./pull-handlers.js";

/** Registers every webhook handler of the app. */
export default function campaignGateApp(app: Probot): void {
  // The app's own id (Probot reads APP_ID): only its own check runs are found and updated.
  const appId = Number(process.env.APP_ID) || undefined;
  registerPullHandlers(app, appId);
  registerMembershipHandler(app, appId);
  registerCoordination(app);
}
