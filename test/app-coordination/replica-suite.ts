/**
 * The hooks and helpers every end-to-end file that runs the app as real processes against the
 * world shares: the app compiled once per file, the processes stopped and the world closed after
 * each test, the processes' log messages (LOG_FORMAT=json) and waiting for them.
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import { compileApp, removeApp, startReplicas, type Replicas } from "../helpers/two-apps.js";
import { closeWorld } from "./world.js";

export interface ReplicaSuite {
  /** The compiled app (lib/'s layout), ready before the first test. */
  readonly lib: string;
  /** The processes the running test started (throws when none are running). */
  readonly replicas: Replicas;
  /** Starts `count` app processes against the GitHub stand-in at `githubUrl`; stopped after the test. */
  start(githubUrl: string, count?: number): Promise<Replicas>;
  /** Posts one signed delivery to every process at once; fails unless all accepted it (200 or 202). */
  deliver(event: string, payload: object): Promise<void>;
  /** The processes' log messages matching `pattern`, across the processes. */
  logged(pattern: RegExp): string[];
  /** Waits until `done()` holds; after 60 s fails with the processes' output. */
  until(done: () => boolean, what?: string): Promise<void>;
}

/** Registers the hooks of a file whose tests run the app in processes named after `sandbox`. */
export function replicaSuite(sandbox: string): ReplicaSuite {
  let lib: string | undefined;
  let running: Replicas | undefined;
  const output = () => running?.output.join("\n---\n") ?? "(no app processes)";
  beforeAll(async () => {
    lib = await compileApp(sandbox);
  }, 60_000);
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await closeWorld();
  });
  afterAll(() => removeApp(sandbox));
  return {
    get lib() {
      if (lib === undefined) throw new Error("the app is not compiled yet");
      return lib;
    },
    get replicas() {
      if (!running) throw new Error("no app processes are running");
      return running;
    },
    async start(githubUrl, count = 2) {
      running = await startReplicas(this.lib, githubUrl, count);
      return running;
    },
    async deliver(event, payload) {
      const statuses = await this.replicas.deliver(event, payload);
      if (statuses.some((status) => status !== 200 && status !== 202))
        throw new Error(`the app answered ${statuses.join(", ")}:\n${output()}`);
    },
    logged(pattern) {
      return (running?.output ?? [])
        .flatMap((text) => text.split("\n"))
        .flatMap((line) => {
          try {
            const message = (JSON.parse(line) as { msg?: string }).msg ?? "";
            return pattern.test(message) ? [message] : [];
          } catch {
            return [];
          }
        });
    },
    async until(done, what = "the condition") {
      const deadline = Date.now() + 60_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
