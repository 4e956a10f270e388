// Builds the Action's committed bundle: action/main.ts -> action/dist/index.js, plus chunks in
// action/dist/chunks/ for code loaded only when needed (the GitHub client: pull requests only).
// ESM for node24 runners (and Node 20); the banner gives bundled CommonJS code (@actions/http-client
// requires `net`) a `require`. Options are fixed and paths relative, so the output is deterministic
// and scripts/check-bundle.js can compare a fresh build byte for byte.
//
// Cold start is what every workflow run pays (`npm run bench` measures it against `node -e 0`), so:
// whitespace and syntax are minified (names are kept, for readable stack traces), and
// @actions/core's OIDC token client — never used here, but it would pull the whole HTTP stack
// (undici) into every start — is replaced by a stub that says so if it is ever called.
import { build } from "esbuild";
import { mkdir, readdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = path.join(root, "action", "dist");
export const bundlePath = path.join(distDir, "index.js");

/** esbuild plugin: @actions/core's oidc-utils gets a stub instead of @actions/http-client. */
const noOidcHttpClient = {
  name: "no-oidc-http-client",
  setup(b) {
    b.onResolve({ filter: /^@actions\/http-client(\/lib\/auth)?$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? { path: args.path, namespace: "oidc-stub" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "oidc-stub" }, () => ({
      contents:
        "const no = () => { throw new Error('campaign-gate does not bundle the OIDC token client'); };\n" +
        "export class HttpClient { constructor() { no(); } }\nexport class BearerCredentialHandler { constructor() { no(); } }\n",
      loader: "js",
    }));
  },
};

/** Builds the bundle into `outdir` (default: the committed action/dist/), replacing what was there. */
export async function buildBundle(outdir = distDir) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { index: "action/main.ts" },
    outdir,
    chunkNames: "chunks/[name]-[hash]",
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [noOidcHttpClient],
    banner: {
      js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);",
    },
    legalComments: "eof",
    sourcemap: false,
    logLevel: "warning",
  });
}

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
