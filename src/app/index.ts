/**
 * The campaign-gate Probot app: enforces review of campaign pull requests (DESIGN section 5) and
 * keeps both teams moving (reviewer requests, fast lane, IT prep issue, direct-push alarm), and
 * turns campaign request issues into pull requests.
 * Run with `npm start` (probot run ./lib/app/index.js) and APP_ID, PRIVATE_KEY, WEBHOOK_SECRET.
 */
import type { Probot } from "probot";
import { appLoginResolver } from "./app-login.js";
import { registerCoordination } from "./coordination/index.js";
import { registerIssueForm } from "./issue-form/index.js";
import { registerMembershipHandler } from "./membership-handler.js";
import { registerPullHandlers } from "./pull-handlers.js";

/** Registers every webhook handler of the app. */
export default function campaignGateApp(app: Probot): void {
  // The app's own id (Probot reads APP_ID): only its own check runs are found and updated.
  const appId = Number(process.env.APP_ID) || undefined;
  // The app's own login, read when first needed: the review recognises the pull requests it opened.
  const appLogin = appLoginResolver(app);
  registerPullHandlers(app, appId, appLogin);
  registerMembershipHandler(app, appId, appLogin);
  registerCoordination(app);
  registerIssueForm(app);
}
