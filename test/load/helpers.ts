/** Shared helpers of the loader tests. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceFile } from "../../src/core/model.js";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const ACME = join(ROOT, "examples/acme");
export const FIXTURES = join(ROOT, "test/fixtures/load");

/** Reads a file as the CLI would: path relative to `root`, posix slashes. */
export function source(root: string, path: string): SourceFile {
  return {
    path: relative(root, join(root, path)).split("\\").join("/"),
    text: readFileSync(join(root, path), "utf8"),
  };
}

/** Every YAML file under `dir`, as SourceFiles relative to `root`. */
export function yamlFiles(root: string, dir: string): SourceFile[] {
  return readdirSync(join(root, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => source(root, `${dir}/${f}`));
}
