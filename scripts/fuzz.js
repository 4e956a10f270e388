// `npm run fuzz`: 100,000 fuzzed inputs through the pure core (two vitest processes, one per core,
// each with its own seed) and 100 through the real CLI as a child process. See test/fuzz/.
import { spawn } from "node:child_process";

const total = Number(process.env.FUZZ_RUNS ?? 100_000);
const shards = [
  {
    FUZZ_RUNS: String(Math.ceil(total / 2)),
    FUZZ_SEED: "1",
    FUZZ_CLI_RUNS: process.env.FUZZ_CLI_RUNS ?? "100",
  },
  { FUZZ_RUNS: String(Math.floor(total / 2)), FUZZ_SEED: "2", FUZZ_CLI_RUNS: "0" },
];
const started = Date.now();
const codes = await Promise.all(
  shards.map(
    (env) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/fuzz"], {
          env: { ...process.env, ...env },
          stdio: "inherit",
        });
        child.on("exit", (code) => resolve(code ?? 1));
      }),
  ),
);
console.log(
  `fuzz: ${total} inputs in ${shards.length} processes, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
);
process.exitCode = codes.some((c) => c !== 0) ? 1 : 0;
