#!/usr/bin/env node
// Runs the command line, bundled into lib/cli.bundle.js by `npm run build` (scripts/bundle-cli.js;
// `npm ci` builds through the prepare script): one file to load instead of some 165 modules.
import { main } from "../lib/cli.bundle.js";

process.exitCode = await main(process.argv.slice(2));
