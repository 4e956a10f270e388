#!/usr/bin/env node
// Runs the command line, bundled into lib/cli.bundle.js by `npm run build` (scripts/bundle-cli.js;
// `npm ci` builds through the prepare script): one file to load instead of some 165 modules.
import { limitYoungGeneration, main } from "../lib/cli.bundle.js";

// The young generation stays at its starting size: ~30 MB less peak memory (src/io/limit-young-generation.ts).
limitYoungGeneration();

process.exitCode = await main(process.argv.slice(2));
