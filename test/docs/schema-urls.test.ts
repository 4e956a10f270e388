// One $id scheme: every schema address in schemas, templates, examples and docs points at a file
// of this repository at the release tag of this version, so editors find it once it is released.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { RELEASE_TAG, SCHEMA_REPOSITORY_URL, SCHEMAS, schemaUrl } from "../../src/core/load/schemas.js";

const RAW = /https:\/\/raw\.githubusercontent\.com\/[^\s)"'`<>]+/g;

describe("schema URLs", () => {
  it("the release tag is this package's version", async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
    expect(RELEASE_TAG).toBe(`v${pkg.version}`);
  });

  it("each schema's $id is its address under the scheme", () => {
    for (const [name, schema] of Object.entries(SCHEMAS))
      expect(schema.$id).toBe(schemaUrl(name as keyof typeof SCHEMAS));
  });

  it("every raw URL in schemas, templates, examples and docs uses the scheme and names a file that exists", async () => {
    const files = await glob(["schemas/**", "templates/**", "examples/**", "docs/**", "README.md"], {
      dot: true,
    });
    let seen = 0;
    for (const file of files) {
      for (const url of (await readFile(file, "utf8")).match(RAW) ?? []) {
        seen++;
        const prefix = `${SCHEMA_REPOSITORY_URL}/${RELEASE_TAG}/`;
        expect(url.startsWith(prefix), `${file}: ${url}`).toBe(true);
        expect(existsSync(url.slice(prefix.length)), `${file}: ${url}`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it("every YAML file of templates and examples starts with its schema comment", async () => {
    const files = await glob(["templates/init/**/*.{yaml,yml}", "examples/**/*.{yaml,yml}"], { dot: true });
    for (const file of files.filter((f) => !f.includes("/workflows/"))) {
      const kind = file.includes("campaign-gate.yml")
        ? "config"
        : file.includes("capacity")
          ? "capacity"
          : "campaign";
      const first = (await readFile(file, "utf8")).split("\n")[0];
      expect(first, file).toBe(`# yaml-language-server: $schema=${schemaUrl(kind)}`);
    }
  });
});
