/**
 * Writing a side effect under a claim, so that of two app processes handling the same delivery at
 * the same moment only one writes it. The claim is a label whose create GitHub either performs or
 * refuses with 422 (names, verdicts and why it is atomic: src/core/coordination/claim.ts and
 * docs/coordination.md). Labels need `issues: write`, which the app has for its issues anyway.
 */
import { randomUUID } from "node:crypto";
import {
  CLAIM_GENERATIONS,
  claimDescription,
  claimLabel,
  judgeClaim,
} from "../../core/coordination/claim.js";
import type { GitHubClient } from "../../github/client.js";
import { statusOf } from "../../github/config-at-base.js";

export type Claimed<T> = { won: true; value: T } | { won: false };

/** Octokit's retry plugin must not repeat a create: a repeat of a create that happened is a duplicate. */
export const NO_RETRY = { request: { retries: 0 } } as const;

/**
 * Runs `work` while holding the claim on `key` (a string naming the side effect, e.g. the repository
 * and the marker), or returns `{ won: false }` when another process holds it. `work` must check
 * again that the side effect is missing: the claim only orders the writers, and a holder that
 * finished releases its claim, so a late delivery wins a fresh claim and must find the result.
 */
export async function underClaim<T>(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  key: string,
  work: () => Promise<T>,
  clock: () => number = Date.now,
): Promise<Claimed<T>> {
  const holder = randomUUID().replaceAll("-", "").slice(0, 12);
  const stale: string[] = [];
  for (let generation = 1; generation <= CLAIM_GENERATIONS; generation++) {
    const name = claimLabel(key, generation);
    const verdict = await takeClaim(client, repo, name, holder, clock());
    if (verdict === "held") return { won: false };
    if (verdict === "stale") {
      stale.push(name);
      continue;
    }
    try {
      return { won: true, value: await work() };
    } finally {
      // Abandoned generations go too: the side effect they were for is settled now.
      for (const label of [name, ...stale]) await releaseClaim(client, repo, label);
    }
  }
  throw new Error(
    `the claim labels for "${key}" (${claimLabel(key, 1)} and its generations) were all left behind; ` +
      `delete them in the repository's labels to let the app try again.`,
  );
}

/** Creates the claim label; when the create answers an error, the label in place decides. */
async function takeClaim(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  name: string,
  holder: string,
  now: number,
): Promise<"ours" | "held" | "stale"> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await client.request("POST /repos/{owner}/{repo}/labels", {
        ...repo,
        name,
        color: "ededed",
        description: claimDescription(holder, now),
        ...NO_RETRY,
      });
      return "ours";
    } catch (error) {
      // 422: the name exists. A server error or no answer: it may exist, even as ours. Anything
      // else (403 without `issues: write`, 404) is not about the claim: fail.
      const status = statusOf(error);
      if (status !== 422 && status !== undefined && status < 500) throw error;
    }
    const verdict = judgeClaim(await readClaim(client, repo, name), holder, now);
    // Free: its holder released it between our create and our read (its work is done; our `work`
    // will find the result), or our create did not happen. Either way, claim it again.
    if (verdict !== "free") return verdict;
  }
  throw new Error(`the claim label ${name} could not be created nor read.`);
}

async function readClaim(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  name: string,
): Promise<{ description?: string | null } | undefined> {
  try {
    return (await client.request("GET /repos/{owner}/{repo}/labels/{name}", { ...repo, name })).data as {
      description?: string | null;
    };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Deletes the claim label. A failure only leaves the label behind: it turns stale after
 * CLAIM_TTL_MS and the next claim of the same side effect takes the next generation.
 */
async function releaseClaim(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  name: string,
): Promise<void> {
  await client
    .request("DELETE /repos/{owner}/{repo}/labels/{name}", { ...repo, name })
    .catch(() => undefined);
}
