/** The flags of `fit` and `report --html` (merged into the CLI's option table in src/cli.ts). */
import type { ParseArgsConfig } from "node:util";

export const FIT_OPTIONS = {
  site: { type: "string" },
  users: { type: "string" },
  rps: { type: "string" },
  duration: { type: "string" },
  from: { type: "string" },
  html: { type: "string" },
} satisfies ParseArgsConfig["options"];
