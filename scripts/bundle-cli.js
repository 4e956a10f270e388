// Bundles the command line for bin/campaign-gate.js (run by `npm run build`, after tsc):
// src/cli.ts -> lib/cli.bundle.js, and what its commands import when they run -> lib/cli-chunks/.
//
// Why: started from lib/cli.js, `campaign-gate validate` resolves, reads and compiles some 165
// modules (eemeli/yaml alone is 72 files), about a third of the instructions of a run on a small
// repository. The bundle is a handful of files, with the lazy `import()`s of src/cli.ts kept as
// chunks, so `--help` and a misuse still load next to nothing.
//
// lib/cli.js and the rest of tsc's output stay: they are the package's library entry points, and the
// bundle sits beside them so that paths relative to a module still resolve: the version is read from
// ../package.json (lib/cli.bundle.js is where lib/cli.js is), and `init` imports lib/init/ as tsc
// emitted it, since its templates are found relative to lib/init/scaffold.js.
import { build } from "esbuild";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lib = path.join(root, "lib");

/** esbuild plugin: src/cli.ts's imports of src/init/ stay imports of tsc's lib/init/. */
const initFromLib = {
  name: "init-from-lib",
  setup(b) {
    b.onResolve({ filter: /^\.\/init\// }, (args) =>
      path.resolve(args.resolveDir, args.path).startsWith(path.join(root, "src", "init") + path.sep)
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

/** Builds lib/cli.bundle.js and lib/cli-chunks/ (replacing the chunks of an earlier build). */
export async function bundleCli() {
  await rm(path.join(lib, "cli-chunks"), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { "cli.bundle": "src/cli.ts" },
    outdir: lib,
    chunkNames: "cli-chunks/[name]-[hash]",
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Bundled CommonJS packages (yaml, picomatch) require Node's built-in modules.
    banner: {
      js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);",
    },
    plugins: [initFromLib],
    minifySyntax: true,
    sourcemap: false, // unminified whitespace and kept names: stack traces stay readable
    legalComments: "eof",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli();
  const chunks = await readdir(path.join(lib, "cli-chunks"));
  console.log(`wrote lib/cli.bundle.js and ${chunks.length} files in lib/cli-chunks/`);
}
