/**
 * The three JSON Schemas (schemas/*.json, the single source of truth) and their compiled ajv
 * validators. The JSON is imported as a module so that tsc output (lib/) and the esbuild bundle of
 * the Action both carry it without reading files at run time.
 */
import type { ValidateFunction } from "ajv/dist/2020.js";
import campaignSchema from "../../../schemas/campaign.schema.json" with { type: "json" };
import capacitySchema from "../../../schemas/capacity.schema.json" with { type: "json" };
import configSchema from "../../../schemas/config.schema.json" with { type: "json" };
import * as generated from "./validators.generated.js";

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

/** Address users put in `# yaml-language-server: $schema=...` comments. */
export function schemaUrl(name: SchemaName): string {
  return `https://raw.githubusercontent.com/campaign-gate/campaign-gate/main/schemas/${SCHEMA_FILES[name]}`;
}

/**
 * The validators, compiled ahead of time by Ajv with createAjv()'s options (create-ajv.ts) (scripts/build-validators.js
 * writes validators.generated.ts; test/load/validators.test.ts keeps it in step with the schemas):
 * compiling at start-up cost every process, the Action's cold start above all, far more than checking.
 */
export function validators(): Readonly<Record<SchemaName, ValidateFunction>> {
  return PRECOMPILED;
}

const PRECOMPILED: Readonly<Record<SchemaName, ValidateFunction>> = {
  campaign: generated.campaign as ValidateFunction,
  capacity: generated.capacity as ValidateFunction,
  config: generated.config as ValidateFunction,
};
