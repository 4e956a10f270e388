/**
 * The three JSON Schemas (schemas/*.json, the single source of truth) and their compiled ajv
 * validators. The JSON is imported as a module so that tsc output (lib/) and the esbuild bundle of
 * the Action both carry it without reading files at run time.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import campaignSchema from "../../../schemas/campaign.schema.json" with { type: "json" };
import capacitySchema from "../../../schemas/capacity.schema.json" with { type: "json" };
import configSchema from "../../../schemas/config.schema.json" with { type: "json" };

export type SchemaName = "campaign" | "capacity" | "config";

/** The raw schema documents, by name. */
export const SCHEMAS: Readonly<Record<SchemaName, Readonly<Record<string, unknown>>>> = {
  campaign: campaignSchema,
  capacity: capacitySchema,
  config: configSchema,
};

/** Schema file names inside the package's `schemas/` folder. */
export const SCHEMA_FILES: Readonly<Record<SchemaName, string>> = {
  campaign: "campaign.schema.json",
  capacity: "capacity.schema.json",
  config: "config.schema.json",
};

/**
 * Where the schemas are published: the repository's files at a release tag, served raw. A tag never
 * moves, so an editor validating against it always finds the same schema; to follow a newer
 * release, change the tag in the `$schema=` comment (README, "Editor support").
 */
export const SCHEMA_REPOSITORY_URL = "https://raw.githubusercontent.com/campaign-gate/campaign-gate";
/** The release tag of this version (`v` + package.json's version; a test keeps them equal). */
export const RELEASE_TAG = "v0.1.0";

/** Address users put in `# yaml-language-server: $schema=...` comments, and each schema's `$id`. */
export function schemaUrl(name: SchemaName): string {
  return `${SCHEMA_REPOSITORY_URL}/${RELEASE_TAG}/schemas/${SCHEMA_FILES[name]}`;
}

// ajv-formats is CommonJS: under NodeNext its default export arrives as `.default`.
const addFormats = addFormatsModule.default;

/** A fresh strict ajv instance (allErrors: one pass finds every problem; verbose: errors carry their schema). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(ajv);
  return ajv;
}

let compiled: Record<SchemaName, ValidateFunction> | undefined;

/** The compiled validators, compiled once on first use. */
export function validators(): Readonly<Record<SchemaName, ValidateFunction>> {
  if (!compiled) {
    const ajv = createAjv();
    compiled = {
      campaign: ajv.compile(SCHEMAS.campaign),
      capacity: ajv.compile(SCHEMAS.capacity),
      config: ajv.compile(SCHEMAS.config),
    };
  }
  return compiled;
}
