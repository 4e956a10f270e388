/**
 * A Probot instance with the campaign-gate app loaded and GitHub replaced by the fake world
 * (test/helpers/app-github.ts) through nock. Payloads come from @octokit/webhooks-examples.
 */
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import nock from "nock";
import { Probot, ProbotOctokit, type ApplicationFunction } from "probot";
import app from "../../src/app/index.js";
import { clearBlobCache } from "../../src/github/blob-cache.js";
import { answer, type RecordedRequest, type World } from "./app-github.js";

export const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;

/**
 * A Probot with `appFn` (default: the whole app), retries and throttling off (TOOLCHAIN.md: pass a
 * function to defaults); `baseUrl` points it at a local fake GitHub instead of nock.
 */
export async function appProbot(appFn: ApplicationFunction = app, baseUrl?: string): Promise<Probot> {
  // Each test's world reuses the same shas with other contents: forget what an earlier one answered.
  clearBlobCache();
  const probot = new Probot({
    appId: 1,
    privateKey: PRIVATE_KEY,
    ...(baseUrl ? { baseUrl } : {}),
    Octokit: ProbotOctokit.defaults((options: object) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
    logLevel: "fatal",
  });
  await probot.load(appFn);
  return probot;
}

/** Routes every request to api.github.com to `world`; returns the live request log. */
export function interceptGitHub(world: World): RecordedRequest[] {
  const log: RecordedRequest[] = [];
  const reply = (method: string) =>
    function (
      this: { req: { path: string } },
      uri: string,
      body: unknown,
    ): [number, unknown, Record<string, string>] {
      const parsed =
        typeof body === "string" && body !== ""
          ? (JSON.parse(body) as unknown)
          : body === ""
            ? undefined
            : body;
      const a = answer(world, log, method, uri, parsed);
      return [a.status, a.body, a.headers ?? {}];
    };
  const scope = nock("https://api.github.com").persist();
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"])
    scope.intercept(/.*/, method).reply(reply(method));
  return log;
}

type Definitions = { name: string; examples: Record<string, unknown>[] }[];
/** A webhook payload whose nested fields tests adjust freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- example payloads are untyped JSON edited by tests
export type Payload = Record<string, any>;
const definitions = createRequire(import.meta.url)("@octokit/webhooks-examples") as Definitions;

/** A deep copy of the first example payload of `event` with `action` (and an installation). */
export function examplePayload(event: string, action: string): Payload {
  const found = definitions
    .find((d) => d.name === event)
    ?.examples.find((e) => e.action === action && e.installation !== undefined);
  if (!found) throw new Error(`no ${event}.${action} example with an installation`);
  return structuredClone(found);
}
