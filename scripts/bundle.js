// Builds the Action's committed bundle: action/main.ts -> action/dist/index.js, plus the parts only
// some runs need in action/dist/chunks/, each required the first time it is used. Options are fixed
// and paths relative, so the output is deterministic and scripts/check-bundle.js can compare a
// fresh build byte for byte.
//
// Cold start is what every workflow run pays (`npm run bench` measures it against `node -e 0`). On a
// push to a repository without campaigns it is mostly V8 parsing the bundle and Node loading built-in
// modules, so the bundle holds what such a run executes and little else:
// - CommonJS, not ESM (action/dist/package.json says so): an ESM entry costs Node's ESM loader,
//   about 10 ms of every run. CommonJS also lets a chunk be required synchronously, the moment some
//   code first touches it, which is what makes the packages below lazy.
// - LAZY_PACKAGES are chunks, required on first use: the GitHub client (@actions/github: Octokit
//   and undici, 700 KB; pull requests and comment-from only), Temporal (150 KB that also works at
//   load; only dates in a time zone, i.e. campaigns, need it) and eemeli/yaml (160 KB, 40 modules
//   to initialise; only files the fast parse gives up on, and source positions, need it).
// - So is each Ajv validator (src/core/load/validators/: campaign 60 KB, capacity 87 KB, config
//   45 KB): a run without campaign files never parses the campaign validator, nor one without a
//   configuration file the configuration's; about 16 M instructions of such a run's start-up.
// - And picomatch (through src/core/glob/picomatch-glob.ts, 35 KB): the default campaign globs come
//   compiled (src/core/glob/default-globs.ts), so only a repository with globs of its own needs it.
// - node:crypto (about 5 ms with the streams it pulls in) loads on the first call of one of its
//   functions: calendar UIDs hash only when there are events, and @actions/core's output delimiters
//   take their random bytes from /dev/urandom.
// - @actions/core's OIDC token client (it would pull the whole HTTP stack in) and its runner-platform
//   details (@actions/exec, i.e. node:child_process) are never used here and are replaced by stubs
//   that say so if they ever are called.
// Whitespace and syntax are minified; names are kept, for readable stack traces (minifying them
// was measured: no faster, and slower with esbuild's keepNames).
import { build } from "esbuild";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { lazyChunkEntries, lazyStandIns } from "./lazy-packages.js";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = path.join(root, "action", "dist");
export const bundlePath = path.join(distDir, "index.js");

/**
 * Packages the bundle requires only on first use, each from its own file action/dist/chunks/NAME.js
 * (name -> package, or one of our modules by its path). In the bundle, `import { x } from "package"`
 * gets a stand-in whose members require the chunk the first time one is read
 * (scripts/lazy-packages.js, shared with the CLI's bundle).
 */
const LAZY_PACKAGES = {
  github: "@actions/github",
  temporal: "temporal-polyfill",
  yaml: "yaml",
  "validate-campaign": "./src/core/load/validators/campaign.generated.ts",
  "validate-capacity": "./src/core/load/validators/capacity.generated.ts",
  "validate-config": "./src/core/load/validators/config.generated.ts",
  picomatch: "./src/core/glob/picomatch-glob.ts",
};

/** The functions of node:crypto the bundle may use; each loads the module on its first call. */
const LAZY_CRYPTO_FUNCTIONS = ["createHash", "randomUUID"];

/** Builds the bundle into `outdir` (default: the committed action/dist/), replacing what was there. */
export async function buildBundle(outdir = distDir) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "eof",
    sourcemap: false,
    logLevel: "warning",
    // A stub or lazy module that lacks something its importer uses must fail the build, not give
    // `undefined` at run time; so must an `import.meta` CommonJS would leave empty.
    logOverride: { "import-is-undefined": "error", "empty-import-meta": "error" },
  };
  await build({
    ...common,
    entryPoints: { index: "action/main.ts" },
    outdir,
    // `import()` of a chunk becomes a `require` (a chunk is CommonJS, like the bundle).
    supported: { "dynamic-import": false },
    plugins: [lazyStandIns(LAZY_PACKAGES, (name) => `require("./chunks/${name}.js")`), lazyCrypto, coreStubs],
  });
  // The risk thread's module (src/worker/risk-thread.ts), started from beside index.js.
  await build({ ...common, entryPoints: { "risk-worker": "src/worker/risk-worker.ts" }, outdir });
  await build({
    ...common,
    entryPoints: Object.keys(LAZY_PACKAGES),
    outdir: path.join(outdir, "chunks"),
    plugins: [lazyChunkEntries(LAZY_PACKAGES)],
  });
  await writeFile(
    path.join(outdir, "package.json"),
    '{\n  "//": "Built by scripts/bundle.js: CommonJS for a faster start.",\n  "type": "commonjs"\n}\n',
  );
}

/**
 * esbuild plugin: `node:crypto` is a module of LAZY_CRYPTO_FUNCTIONS that load it on first call,
 * except randomUUID: @actions/core calls it for every output (the delimiter of the GITHUB_OUTPUT
 * entry), so it reads its 16 random bytes from the kernel (/dev/urandom, the source node:crypto's
 * generator is seeded from) and loads node:crypto only where that fails (Windows).
 */
const lazyCrypto = {
  name: "lazy-crypto",
  setup(b) {
    b.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      args.namespace === "lazy" ? { path: args.path, external: true } : { path: "crypto", namespace: "lazy" },
    );
    b.onLoad({ filter: /^crypto$/, namespace: "lazy" }, () => ({
      contents:
        'import { closeSync, openSync, readSync } from "node:fs";\n' +
        "let crypto;\n" +
        'const load = () => (crypto ??= require("node:crypto"));\n' +
        LAZY_CRYPTO_FUNCTIONS.filter((f) => f !== "randomUUID")
          .map((f) => `export function ${f}(...args) { return load().${f}(...args); }\n`)
          .join("") +
        RANDOM_UUID,
      loader: "js",
    }));
  },
};

/** A version 4 UUID from /dev/urandom (RFC 9562: version and variant bits set), else from node:crypto. */
const RANDOM_UUID = `export function randomUUID() {
  const bytes = Buffer.alloc(16);
  let fd;
  try {
    fd = openSync("/dev/urandom", "r");
    if (readSync(fd, bytes, 0, 16, null) !== 16) return load().randomUUID();
  } catch {
    return load().randomUUID();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return \`\${hex.slice(0, 8)}-\${hex.slice(8, 12)}-\${hex.slice(12, 16)}-\${hex.slice(16, 20)}-\${hex.slice(20)}\`;
}
`;

/** esbuild plugin: stubs for the parts of @actions/core this Action never calls. */
const coreStubs = {
  name: "core-stubs",
  setup(b) {
    const fromCore = (args) => /[\\/]@actions[\\/]core[\\/]/.test(args.importer);
    b.onResolve({ filter: /^@actions\/(http-client(\/lib\/auth)?|exec)$/ }, (args) =>
      fromCore(args) ? { path: args.path, namespace: "core-stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "core-stub" }, (args) => ({
      contents:
        `const no = () => { throw new Error("campaign-gate does not bundle ${args.path} (used by @actions/core)"); };\n` +
        (args.path === "@actions/exec"
          ? "export function exec() { no(); }\nexport function getExecOutput() { no(); }\n"
          : "export class HttpClient { constructor() { no(); } }\nexport class BearerCredentialHandler { constructor() { no(); } }\n"),
      loader: "js",
    }));
  },
};

/** Every file of a bundle directory, relative to it (sorted). */
export async function bundleFiles(dir = distDir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildBundle();
  console.log(`wrote ${path.relative(root, distDir)}/: ${(await bundleFiles()).join(", ")}`);
}
