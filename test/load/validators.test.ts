/**
 * The Ajv validators are compiled ahead of time into src/core/load/validators/NAME.generated.ts (no
 * schema compilation at start-up). This test fails when those files no longer match the schemas,
 * and checks that the precompiled and a freshly compiled validator agree, errors included.
 * Regenerate with `node scripts/build-validators.js` (or UPDATE_VALIDATORS=1 on this test).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { NAMES, generateValidators, target } from "../../scripts/build-validators.js";
import { createAjv } from "../../src/core/load/create-ajv.js";
import { SCHEMAS, validators } from "../../src/core/load/schemas.js";

it("src/core/load/validators/*.generated.ts are generated from the current schemas", async () => {
  const fresh = await generateValidators();
  expect(Object.keys(fresh)).toEqual(NAMES);
  for (const name of NAMES) {
    if (process.env.UPDATE_VALIDATORS) writeFileSync(target(name), fresh[name]!);
    const stale = `${name}.generated.ts is stale: run \`node scripts/build-validators.js\``;
    expect(readFileSync(target(name), "utf8") === fresh[name], stale).toBe(true);
  }
}, 60_000);

it("the precompiled validators give the same errors as compiling the schemas now", () => {
  const ajv = createAjv();
  const samples: Record<string, unknown[]> = {
    campaign: [{}, { id: "Bad Id", name: 1, forecast: { confidence: "guess" }, targets: [{ share: 2 }] }],
    capacity: [{}, { services: { web: { max_rps: -1 } }, sites: { shop: { uses: { web: "x" } } } }],
    config: [{}, { capacity: 3, campaigns: "x", review: { groups: {}, rules: [{}] } }],
  };
  for (const [name, inputs] of Object.entries(samples)) {
    const fresh = ajv.compile(SCHEMAS[name as keyof typeof SCHEMAS]);
    for (const input of inputs) {
      const pre = validators()[name as keyof typeof SCHEMAS];
      expect(pre(input)).toBe(fresh(input));
      expect(JSON.parse(JSON.stringify(pre.errors))).toEqual(JSON.parse(JSON.stringify(fresh.errors)));
    }
  }
});
