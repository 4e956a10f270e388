/** The loader: YAML files → validated model objects or findings with exact source positions. */
export { loadCampaigns, LEFT_OUT } from "./campaigns.js";
export { loadCapacity, CAPACITY_DEFAULTS } from "./capacity.js";
export { loadConfig, defaultConfig } from "./config.js";
export { loadRepository } from "./repository.js";
export { SCHEMAS, SCHEMA_FILES, schemaUrl, validators } from "./schemas.js";
export type { SchemaName } from "./schemas.js";
