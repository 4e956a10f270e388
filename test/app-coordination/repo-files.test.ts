import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/load/index.js";
import { MAX_FILE_BYTES, readRepositoryAt } from "../../src/github/repo-files.js";
import { BASE_SHA, OWNER, REPO, newWorld, serveWorld, type Served, closeWorld } from "./world.js";

const config = loadConfig({
  path: ".github/campaign-gate.yml",
  text: 'campaigns: ["campaigns/**/*.yaml"]\n',
}).config;
let served: Served | undefined;
afterEach(closeWorld);

describe("readRepositoryAt", () => {
  it("reads the capacity file and the campaign files only, as text", async () => {
    const world = newWorld();
    world.commits[BASE_SHA]!["campaigns/deep/autumn.yaml"] = "id: autumn # ü\n";
    world.commits[BASE_SHA]!["campaigns/notes.txt"] = "not a campaign";
    world.commits[BASE_SHA]!["campaigns/alias.link.yaml"] = "spring-mail.yaml";
    served = await serveWorld(world);
    const files = await readRepositoryAt(served.client, { owner: OWNER, repo: REPO, sha: BASE_SHA }, config);
    expect(files.complete).toBe(true);
    expect(files.capacity?.path).toBe("infra/capacity.yaml");
    expect(files.capacity?.text).toContain("per_instance_rps: 100");
    expect(files.campaigns.map((f) => f.path)).toEqual([
      "campaigns/deep/autumn.yaml",
      "campaigns/spring-mail.yaml",
    ]);
    expect(files.campaigns[0]!.text).toBe("id: autumn # ü\n");
    // One tree, then one blob per file read: nothing for README, notes or the symlink.
    expect(served.fake.calls().filter((c) => c.includes("/git/blobs/"))).toHaveLength(3);
  });

  it("reads a blob once: a later evaluation reuses the text by its sha", async () => {
    const world = newWorld();
    served = await serveWorld(world);
    const ref = { owner: OWNER, repo: REPO, sha: BASE_SHA };
    const first = await readRepositoryAt(served.client, ref, config);
    const blobReads = () => served!.fake.calls().filter((c) => c.includes("/git/blobs/")).length;
    const afterFirst = blobReads();
    const second = await readRepositoryAt(served.client, ref, config);
    expect(second).toEqual(first);
    expect(blobReads()).toBe(afterFirst);
    // Another repository with the same blob sha is read on its own.
    await readRepositoryAt(served.client, { ...ref, repo: "Other" }, config).catch(() => undefined);
    expect(blobReads()).toBeGreaterThan(afterFirst);
  });

  it("says incomplete when GitHub truncated the tree", async () => {
    const world = newWorld();
    world.truncatedTrees.add(BASE_SHA);
    served = await serveWorld(world);
    const files = await readRepositoryAt(served.client, { owner: OWNER, repo: REPO, sha: BASE_SHA }, config);
    expect(files.complete).toBe(false);
  });

  it("does not read a file over the size cap, and says incomplete", async () => {
    const world = newWorld();
    world.commits[BASE_SHA]!["campaigns/huge.yaml"] = "#".repeat(MAX_FILE_BYTES + 1);
    served = await serveWorld(world);
    const files = await readRepositoryAt(served.client, { owner: OWNER, repo: REPO, sha: BASE_SHA }, config);
    expect(files.complete).toBe(false);
    expect(files.campaigns.map((f) => f.path)).toEqual(["campaigns/spring-mail.yaml"]);
    expect(served.fake.calls().filter((c) => c.includes("/git/blobs/"))).toHaveLength(2);
  });
});
