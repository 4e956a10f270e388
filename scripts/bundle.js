// Builds the Action's committed single-file bundle: action/main.ts -> action/dist/index.js.
// ESM for node24 runners (and Node 20); the banner gives bundled CommonJS code (@actions/http-client
// requires `net`) a `require`. Options are fixed and paths relative, so the output is deterministic
// and scripts/check-bundle.js can compare a fresh build byte for byte.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bundlePath = path.join(root, "action", "dist", "index.js");

/** Builds the bundle into `outfile` (default: the committed action/dist/index.js). */
export async function buildBundle(outfile = bundlePath) {
  await build({
    absWorkingDir: root,
    entryPoints: ["action/main.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: {
      js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);",
    },
    legalComments: "eof",
    sourcemap: false,
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildBundle();
  console.log(`wrote ${path.relative(root, bundlePath)}`);
}
