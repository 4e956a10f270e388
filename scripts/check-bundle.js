// CI guard: fails when the committed action/dist/ (index.js and its chunks) differs from a fresh
// build of the sources.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildBundle, bundleFiles, distDir, root } from "./bundle.js";

const dir = await mkdtemp(path.join(tmpdir(), "campaign-gate-bundle-"));
try {
  const fresh = path.join(dir, "dist");
  await buildBundle(fresh);
  const rel = path.relative(root, distDir);
  const expected = await bundleFiles(fresh);
  const committed = await bundleFiles(distDir).catch(() => []);
  if (expected.join("\n") !== committed.join("\n")) {
    console.error(
      `${rel}/ is stale: a fresh build has ${expected.join(", ")}; committed are ${committed.join(", ") || "none"}. ` +
        "Run `npm run bundle` and commit the result.",
    );
    process.exit(1);
  }
  for (const file of expected) {
    const [a, b] = await Promise.all([
      readFile(path.join(distDir, file), "utf8"),
      readFile(path.join(fresh, file), "utf8"),
    ]);
    if (a !== b) {
      const la = a.split("\n");
      const lb = b.split("\n");
      const line = la.findIndex((text, i) => text !== lb[i]);
      console.error(
        `${rel}/${file} is stale: it differs from a fresh build of the sources (first difference at line ${line + 1}). ` +
          "Run `npm run bundle` and commit the result.",
      );
      process.exit(1);
    }
  }
  console.log(`${rel}/ is up to date.`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
