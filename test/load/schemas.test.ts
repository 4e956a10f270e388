/** The JSON Schemas themselves: strict draft 2020-12, documented for editors, with valid examples. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAjv } from "../../src/core/load/create-ajv.js";
import { SCHEMA_FILES, SCHEMAS, schemaUrl, validators } from "../../src/core/load/schemas.js";
import type { SchemaName } from "../../src/core/load/schemas.js";
import { ACME, ROOT } from "./helpers.js";

const NAMES = Object.keys(SCHEMAS) as SchemaName[];

/** Every schema object that describes a property (a value under `properties`), with its path. */
function properties(node: unknown, path = "#"): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== "object") return [];
  const out: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value && typeof value === "object") {
      for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
        // `true`/`false` entries only make a oneOf branch strict about which keys it allows.
        if (typeof sub === "object") out.push([`${path}/properties/${name}`, sub as Record<string, unknown>]);
      }
    }
    if (key !== "examples") out.push(...properties(value, `${path}/${key}`));
  }
  return out;
}

describe.each(NAMES)("%s schema", (name) => {
  const schema = SCHEMAS[name];

  it("is the file in schemas/ and declares draft 2020-12 and its public address", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "schemas", SCHEMA_FILES[name]), "utf8"))).toEqual(schema);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(schemaUrl(name));
  });

  it("compiles in ajv strict mode and is valid against the 2020-12 meta-schema", () => {
    const ajv = createAjv();
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it("gives every property a description and an example", () => {
    const props = properties(schema);
    expect(props.length).toBeGreaterThan(5);
    for (const [path, prop] of props) {
      expect(typeof prop.description, `${path} description`).toBe("string");
      expect(Array.isArray(prop.examples) && prop.examples.length > 0, `${path} examples`).toBe(true);
    }
  });

  it("forbids unknown keys in every object", () => {
    const objects: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.type === "object") objects.push(path);
      if (o.type === "object") expect(o.additionalProperties, path).not.toBe(undefined);
      for (const [k, v] of Object.entries(o)) if (k !== "examples") walk(v, `${path}/${k}`);
    };
    walk(schema, "#");
    expect(objects.length).toBeGreaterThan(0);
  });

  it("accepts its own examples, at the top and for every property", () => {
    const validate = validators()[name];
    for (const example of schema.examples as unknown[])
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const ajv = createAjv();
    ajv.addSchema(schema);
    for (const [path, prop] of properties(schema)) {
      const check = ajv.getSchema(`${schema.$id as string}${path}`)!;
      for (const example of prop.examples as unknown[])
        expect(check(example), `${path}: ${JSON.stringify(example)}`).toBe(true);
    }
  });

  it("rejects an unknown top-level key", () => {
    const validate = validators()[name];
    expect(validate({ ...(schema.examples as object[])[0], surprise: 1 })).toBe(false);
  });
});

describe("example repository", () => {
  it("points every example file at the published schema of its kind", () => {
    const first = (path: string) => readFileSync(join(ACME, path), "utf8").split("\n")[0];
    expect(first(".github/campaign-gate.yml")).toBe(`# yaml-language-server: $schema=${schemaUrl("config")}`);
    expect(first("infra/capacity.yaml")).toBe(`# yaml-language-server: $schema=${schemaUrl("capacity")}`);
    expect(first("campaigns/christmas.yaml")).toBe(
      `# yaml-language-server: $schema=${schemaUrl("campaign")}`,
    );
  });
});
