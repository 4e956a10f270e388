/**
 * The TypeScript types of the files are generated from the schemas (json-schema-to-typescript)
 * into src/core/load/schema-types.ts, which the loader uses to read validated data: so the
 * schemas and the code cannot drift without tsc or this test noticing. Regenerate with
 * `UPDATE_SCHEMA_TYPES=1 npx vitest run test/load/schema-types.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";
import * as prettier from "prettier";
import { expect, it } from "vitest";
import { SCHEMAS } from "../../src/core/load/schemas.js";
import type { SchemaName } from "../../src/core/load/schemas.js";
import { ROOT } from "./helpers.js";

const TARGET = join(ROOT, "src/core/load/schema-types.ts");
const HEADER =
  "// Generated from schemas/*.schema.json by test/load/schema-types.test.ts (json-schema-to-typescript). Do not edit:\n" +
  "// change the schema and run `UPDATE_SCHEMA_TYPES=1 npx vitest run test/load/schema-types.test.ts`.\n\n";

async function generate(): Promise<string> {
  const parts: string[] = [];
  for (const name of ["campaign", "capacity", "config"] as SchemaName[]) {
    const schema = structuredClone(SCHEMAS[name]) as Parameters<typeof compile>[0];
    parts.push(
      await compile(schema, name, {
        bannerComment: "",
        additionalProperties: false,
        ignoreMinAndMaxItems: true,
        format: false,
      }),
    );
  }
  const config = await prettier.resolveConfig(TARGET);
  return prettier.format(HEADER + parts.join("\n"), { ...config, filepath: TARGET });
}

it("src/core/load/schema-types.ts is generated from the current schemas", async () => {
  const fresh = await generate();
  if (process.env.UPDATE_SCHEMA_TYPES) writeFileSync(TARGET, fresh);
  expect(readFileSync(TARGET, "utf8")).toBe(fresh);
}, 30_000);
