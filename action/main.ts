/** Entry of the GitHub Action (bundled into action/dist/index.js by scripts/bundle.js). */
import { runAction } from "../src/action/run.js";

// Not awaited: the bundle is CommonJS (faster to start), and runAction never rejects; it reports
// every error as a failed step.
void runAction();
