#!/usr/bin/env node
// Runs the command line, bundled into lib/cli.bundle.js by `npm run build` (scripts/bundle-cli.js;
// `npm ci` builds through the prepare script): one file to load instead of some 165 modules.
import { main, sizeYoungGeneration } from "../lib/cli.bundle.js";

// V8's young generation kept small while a repository is read and checked: ~30 MB less peak
// memory on 10,000 campaigns (src/io/size-young-generation.ts).
sizeYoungGeneration();

process.exitCode = await main(process.argv.slice(2));
