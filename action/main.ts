/** Entry of the GitHub Action (bundled into action/dist/index.js by scripts/bundle.js). */
import { limitYoungGeneration } from "../src/io/limit-young-generation.js";
import { runAction } from "../src/action/run.js";

limitYoungGeneration();

// Not awaited: the bundle is CommonJS (faster to start), and runAction never rejects; it reports
// every error as a failed step.
void runAction();
