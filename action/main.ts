/** Entry of the GitHub Action (bundled into action/dist/index.js by scripts/bundle.js). */
import path from "node:path";
import { sizeYoungGeneration } from "../src/io/size-young-generation.js";
import { runAction } from "../src/action/run.js";

// A small young generation once the campaign files are listed (src/io/size-young-generation.ts).
sizeYoungGeneration();

// Not awaited: the bundle is CommonJS (faster to start), and runAction never rejects; it reports
// every error as a failed step.
// The risk thread's module is built beside the bundle (action/dist/risk-worker.js).
void runAction(process.env, { riskWorker: path.join(__dirname, "risk-worker.js") });
