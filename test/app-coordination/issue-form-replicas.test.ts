/**
 * Campaign request issues with two real app processes (`probot run` on the compiled app, see
 * test/helpers/two-apps.ts) sharing one fake GitHub that holds every request for a random 0-10 ms
 * before and after handling it, so the processes interleave differently every round. Each round:
 * one delivery to both processes at the same moment, then the same delivery again to both (a
 * redelivery), then an edit to both. Whatever the interleaving: one branch, one pull request and
 * one comment per issue, and no claim label left behind.
 */
import { describe, expect, it } from "vitest";
import { replicaSuite } from "./replica-suite.js";
import { addRequest, issuePayload, requestBody, requestWorld } from "./campaign-requests.js";
import { serveWorld } from "./world.js";

const SANDBOX = "campaign-gate-issue-form-replicas";
const ROUNDS = 4;
// The processes run on the real clock: a campaign far in the future stays checkable.
const DAY = "2036-03-02";

const suite = replicaSuite(SANDBOX);

/** Delivers to both processes at once and waits until `count` outcomes for the issue are logged in all. */
async function deliverToBoth(payload: object, issue: number, count: number): Promise<string[]> {
  await suite.deliver("issues", payload);
  return outcomes(issue, count);
}

/** Waits until `count` outcomes for issue `issue` are logged, across the processes. */
async function outcomes(issue: number, count: number): Promise<string[]> {
  const pattern = new RegExp(`^campaign request \\S+#${issue}: `);
  await suite.until(() => suite.logged(pattern).length >= count, `outcomes for #${issue}`);
  return suite.logged(pattern);
}

describe("two app processes answering one campaign request at the same moment", () => {
  it(`leave one branch, one pull request and one comment per issue, ${ROUNDS} issues in a row`, async () => {
    const dated = { Start: DAY, End: DAY };
    const { world } = requestWorld();
    world.issues = [];
    world.latency = () => Math.random() * 10;
    const served = await serveWorld(world);
    await suite.start(served.fake.url);

    for (let round = 1; round <= ROUNDS; round++) {
      const issue = addRequest(
        world,
        round,
        requestBody({ ...dated, "Campaign name": `Easter mail ${round}` }),
      );
      const payload = issuePayload("opened", issue);
      await deliverToBoth(payload, round, 2);
      await deliverToBoth(payload, round, 4);
      issue.body = requestBody({ ...dated, "Campaign name": `Easter mail ${round}`, "Expected peak": "150" });
      const outcomes = await deliverToBoth(issuePayload("edited", issue), round, 6);

      const branch = `campaign-gate/issue-${round}`;
      const pulls = world.pulls.filter((p) => p.head_ref === branch);
      expect(pulls, suite.replicas.output.join("\n---\n")).toHaveLength(1);
      expect(pulls[0]!.body).toContain(`Closes #${round}`);
      expect(Object.keys(world.branches ?? {}).filter((b) => b === branch)).toHaveLength(1);
      const file = world.commits[world.branches![branch]!]![`campaigns/easter-mail-${round}.yaml`]!;
      expect(file).toContain("peak_requests_per_second: 150");
      expect(world.comments.filter((c) => c.issue_number === round)).toHaveLength(1);
      // Each delivery was answered by both: at least one wrote, the other found it done.
      expect(outcomes.filter((o) => / opened$/.test(o))).toHaveLength(1);
      expect(outcomes.filter((o) => / updated$/.test(o))).toHaveLength(1);
      expect([...world.repoLabels.keys()]).toEqual([]);
    }
    expect(world.pulls).toHaveLength(ROUNDS);
    expect(world.comments).toHaveLength(ROUNDS);
  }, 240_000);

  it("end with the newest text when two quick edits each reach both processes", async () => {
    const { world, issue } = requestWorld(requestBody({ Start: DAY, End: DAY }));
    world.latency = () => Math.random() * 10;
    const served = await serveWorld(world);
    await suite.start(served.fake.url);
    await deliverToBoth(issuePayload("opened", issue), 1, 2);
    // The issue is edited twice in quick succession; whichever process holds the claim when the
    // second edit lands, the last answer reads the issue after it.
    issue.body = requestBody({ Start: DAY, End: DAY, "Expected peak": "150" });
    const first = suite.replicas.deliver("issues", issuePayload("edited", issue));
    issue.body = requestBody({ Start: DAY, End: DAY, "Expected peak": "170" });
    const second = suite.replicas.deliver("issues", issuePayload("edited", issue));
    await Promise.all([first, second]);
    await outcomes(1, 6);
    const file = world.commits[world.branches!["campaign-gate/issue-1"]!]!["campaigns/easter-mail.yaml"]!;
    expect(file).toContain("peak_requests_per_second: 170");
    expect(world.pulls).toHaveLength(1);
    expect(world.comments).toHaveLength(1);
  }, 120_000);
});
