// Bundles the command line for bin/campaign-gate.js (run by `npm run build`, after tsc):
// src/cli.ts -> lib/cli.bundle.js, and what its commands import when they run -> lib/cli-chunks/.
//
// Why: started from lib/cli.js, `campaign-gate validate` resolves, reads and compiles some 165
// modules (eemeli/yaml alone is 72 files), about a third of the instructions of a run on a small
// repository. The bundle is a handful of files, with the lazy `import()`s of src/cli.ts kept as
// chunks, so `--help` and a misuse still load next to nothing.
//
// Packages only some runs need are lazy (LAZY_PACKAGES, the Action bundle's mechanism,
// scripts/lazy-packages.js): CommonJS chunks lib/cli-chunks/NAME.cjs, required the first time one
// of their members is read, so a check whose files the fast parse reads whole, with no date in a
// time zone, neither parses nor initialises eemeli/yaml or Temporal.
//
// lib/cli.js and the rest of tsc's output stay: they are the package's library entry points, and the
// bundle sits beside them so that paths relative to a module still resolve: the version is read from
// ../package.json (lib/cli.bundle.js is where lib/cli.js is), and `init` imports lib/init/ as tsc
// emitted it, since its templates are found relative to lib/init/scaffold.js.
import { build } from "esbuild";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lazyChunkEntries, lazyStandIns } from "./lazy-packages.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lib = path.join(root, "lib");

/**
 * Packages required on first use, each from lib/cli-chunks/NAME.cjs (name -> package): eemeli/yaml
 * (232 KB and some 40 modules to initialise; only files the fast parse gives up on, and source
 * positions it did not record, need it) and Temporal (172 KB that also works at load; only dates
 * in a time zone, or in a form the direct reading leaves to it, need it).
 */
const LAZY_PACKAGES = { yaml: "yaml", temporal: "temporal-polyfill" };

/**
 * A stand-in requires its chunk with the banner's `__chunkRequire` of the output file it ends up
 * in (esbuild would turn a `require` into its own helper's, from whichever file holds that), so
 * that file must be one of lib/cli-chunks/ (checked after the build): the packages are imported
 * only by modules the commands load lazily, never by src/cli.ts itself.
 */
const requireChunk = (name) => `__chunkRequire("./${name}.cjs")`;

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
  const { metafile } = await build({
    absWorkingDir: root,
    // The risk thread's module (src/worker/risk-thread.ts starts it from beside itself, a chunk).
    entryPoints: { "cli.bundle": "src/cli.ts", "cli-chunks/risk-worker": "src/worker/risk-worker.ts" },
    outdir: lib,
    chunkNames: "cli-chunks/[name]-[hash]",
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Bundled CommonJS packages (picomatch) require Node's built-in modules; stand-ins their chunk.
    banner: {
      js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url), __chunkRequire = require;",
    },
    plugins: [initFromLib, lazyStandIns(LAZY_PACKAGES, requireChunk)],
    minifySyntax: true,
    sourcemap: false, // unminified whitespace and kept names: stack traces stay readable
    legalComments: "eof",
    logLevel: "warning",
    metafile: true,
  });
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    const standIn = Object.keys(inputs).find((input) => input.startsWith("lazy-package:"));
    if (standIn && path.dirname(output) !== "lib/cli-chunks")
      throw new Error(`${standIn} ended up in ${output}, where ./NAME.cjs does not name its chunk`);
  }
  await build({
    absWorkingDir: root,
    entryPoints: Object.keys(LAZY_PACKAGES),
    outdir: path.join(lib, "cli-chunks"),
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    plugins: [lazyChunkEntries(LAZY_PACKAGES)],
    minifySyntax: true,
    legalComments: "eof",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli();
  const chunks = await readdir(path.join(lib, "cli-chunks"));
  console.log(`wrote lib/cli.bundle.js and ${chunks.length} files in lib/cli-chunks/`);
}
