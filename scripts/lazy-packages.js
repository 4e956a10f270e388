// Lazy packages, for both bundlers (scripts/bundle.js for the Action, scripts/bundle-cli.js for the
// command line): a package that only some runs need is built into a CommonJS chunk of its own, and
// the bundle imports a stand-in instead, whose members require that chunk the first time one is
// read. CommonJS because a `require` is synchronous: the code importing the package stays as it is
// (no `await import()` spreading through the core), and a run that never touches the package never
// parses it nor runs its module initialisation.
//
// Why a package may be lazy: importers only read its members at call time (a named import is a
// property read on the stand-in at each use: esbuild keeps CommonJS interop live), never at load.
//
// A "package" may also be one of our own modules, named by its path from the repository's root
// ("./src/..."), for a module that holds nothing but data or code no other module shares state
// with (a chunk has its own copy of whatever it imports): the Ajv validators, for one.

import path from "node:path";

/** Whether `spec` names one of our modules (a path from the repository's root) rather than a package. */
const isModulePath = (spec) => spec.startsWith("./");

/**
 * esbuild plugin: the entry `name` of a chunk build is the whole package `packages[name]`
 * (`export * from` it), for a build whose entryPoints are the names.
 */
export function lazyChunkEntries(packages) {
  return {
    name: "lazy-chunk-entries",
    setup(b) {
      b.onResolve({ filter: /^[a-z-]+$/ }, (args) =>
        args.kind === "entry-point" && Object.hasOwn(packages, args.path)
          ? { path: args.path, namespace: "chunk" }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "chunk" }, (args) => ({
        contents: `export * from ${JSON.stringify(packages[args.path])};\n`,
        loader: "js",
        resolveDir: b.initialOptions.absWorkingDir,
      }));
    },
  };
}

/**
 * esbuild plugin: each package of `packages` (name -> package) is a stand-in (CommonJS, so every
 * use reads a property) with a getter per export of the installed package; the first read
 * evaluates `requireChunk(name)`, a JavaScript expression that requires the chunk built by
 * lazyChunkEntries. Specifiers the expression itself requires (a relative chunk path, a built-in
 * module) are left to the bundle's output.
 */
export function lazyStandIns(packages, requireChunk) {
  return {
    name: "lazy-stand-ins",
    setup(b) {
      const root = b.initialOptions.absWorkingDir;
      const names = new Map(
        Object.entries(packages).map(([name, spec]) => [
          isModulePath(spec) ? path.resolve(root, spec) : spec,
          name,
        ]),
      );
      b.onResolve({ filter: /./ }, (args) => {
        if (args.namespace === "lazy-package") return { path: args.path, external: true };
        // One of our modules, imported as TypeScript source imports it (`./x.js` for ./x.ts).
        const module = args.path.startsWith(".")
          ? path.resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts")
          : args.path;
        return names.has(module) ? { path: names.get(module), namespace: "lazy-package" } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: "lazy-package" }, async (args) => {
        // The chunk is `export * from` the package: every named export, no default.
        const exports = (await exportsOf(b, packages[args.path])).filter((e) => e !== "default").sort();
        return {
          contents:
            "let chunk;\n" +
            `const load = () => (chunk ??= ${requireChunk(args.path)});\n` +
            'Object.defineProperty(exports, "__esModule", { value: true });\n' +
            exports
              .map(
                (e) =>
                  `Object.defineProperty(exports, "${e}", { enumerable: true, get: () => load()["${e}"] });\n`,
              )
              .join(""),
          loader: "js",
        };
      });
    },
  };
}

/** The names a package (as installed) or one of our modules (as esbuild reads its source) exports. */
async function exportsOf(b, spec) {
  if (!isModulePath(spec)) return Object.keys(await import(spec));
  const { metafile } = await b.esbuild.build({
    absWorkingDir: b.initialOptions.absWorkingDir,
    entryPoints: [spec],
    bundle: false,
    write: false,
    metafile: true,
    format: "esm",
    logLevel: "silent",
  });
  return Object.values(metafile.outputs)[0].exports;
}
