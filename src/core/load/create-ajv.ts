/**
 * A fresh Ajv instance with the project's options. Only build steps and tests compile schemas at
 * run time: the loader uses the validators compiled ahead of time (validators/*.generated.ts), so
 * Ajv's compiler stays out of the CLI's and the Action's start-up.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its default export arrives as `.default`.
const addFormats = addFormatsModule.default;

/** A fresh strict ajv instance (allErrors: one pass finds every problem; verbose: errors carry their schema). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(ajv);
  return ajv;
}
