/** Entry of the GitHub Action (bundled into action/dist/index.js by scripts/bundle.js). */
import { runAction } from "../src/action/run.js";

await runAction();
