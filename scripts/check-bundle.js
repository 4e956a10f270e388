// CI guard: fails when the committed action/dist/index.js differs from a fresh build of the sources.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildBundle, bundlePath, root } from "./bundle.js";

const dir = await mkdtemp(path.join(tmpdir(), "campaign-gate-bundle-"));
try {
  const fresh = path.join(dir, "index.js");
  await buildBundle(fresh);
  const [expected, committed] = await Promise.all([
    readFile(fresh, "utf8"),
    readFile(bundlePath, "utf8").catch(() => undefined),
  ]);
  const rel = path.relative(root, bundlePath);
  if (committed === undefined) {
    console.error(`${rel} is missing. Run \`npm run bundle\` and commit the result.`);
    process.exit(1);
  }
  if (committed !== expected) {
    const a = committed.split("\n");
    const b = expected.split("\n");
    const line = a.findIndex((text, i) => text !== b[i]);
    console.error(
      `${rel} is stale: it differs from a fresh build of the sources (first difference at line ${line + 1}). ` +
        "Run `npm run bundle` and commit the result.",
    );
    process.exit(1);
  }
  console.log(`${rel} is up to date.`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
