/**
 * Where the risk thread's module is, beside this one: lib/cli-chunks/risk-worker.js in the CLI
 * bundle (scripts/bundle-cli.js puts this module in a chunk there), lib/worker/risk-worker.js in
 * tsc's output. Its own module, so that the Action's CommonJS bundle, which has no
 * `import.meta.url`, never includes it: the Action names its own (action/dist/risk-worker.js).
 */
export function riskWorkerEntry(): URL {
  return new URL("./risk-worker.js", import.meta.url);
}
