/**
 * The three JSON Schemas (schemas/*.json, the single source of truth) and their compiled ajv
 * validators. The JSON is imported as a module so that tsc output (lib/) and the esbuild bundle of
 * the Action both carry it without reading files at run time.
 */
import type { ValidateFunction } from "ajv/dist/2020.js";
import campaignSchema from "../../../schemas/campaign.schema.json" with { type: "json" };
import capacitySchema from "../../../schemas/capacity.schema.json" with { type: "json" };
import configSchema from "../../../schemas/config.schema.json" with { type: "json" };
import * as campaignValidator from "./validators/campaign.generated.js";
import * as capacityValidator from "./validators/capacity.generated.js";
import * as configValidator from "./validators/config.generated.js";

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

/**
 * The validators, compiled ahead of time by Ajv with createAjv()'s options (create-ajv.ts)
 * (scripts/build-validators.js writes validators/NAME.generated.ts; test/load/validators.test.ts
 * keeps them in step with the schemas): compiling at start-up cost every process, the Action's cold
 * start above all, far more than checking.
 */
export function validators(): Readonly<Record<SchemaName, ValidateFunction>> {
  return PRECOMPILED;
}

/**
 * Each validator is read from its module when asked for, not when this module loads: in the Action
 * bundle each module is a chunk required on that first read (scripts/bundle.js), so a run parses
 * only the validators it uses (one without campaign files never parses the campaign validator's 60 KB).
 */
const PRECOMPILED: Readonly<Record<SchemaName, ValidateFunction>> = {
  get campaign() {
    return campaignValidator.validate as ValidateFunction;
  },
  get capacity() {
    return capacityValidator.validate as ValidateFunction;
  },
  get config() {
    return configValidator.validate as ValidateFunction;
  },
};
