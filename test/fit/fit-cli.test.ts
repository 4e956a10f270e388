// `campaign-gate fit` as a user runs it: flags, exit status, text and JSON, plain-language errors.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { capacityYaml, SALE } from "./world.js";

let root: string;
const NOW = ["--now", "2026-11-23T00:00:00Z"];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "fit-cli-"));
  await mkdir(path.join(root, "infra"));
  await mkdir(path.join(root, "campaigns"));
  await writeFile(path.join(root, "infra/capacity.yaml"), capacityYaml());
  await writeFile(path.join(root, "campaigns/sale.yaml"), SALE);
});

const fit = (...args: string[]) => runCli(["fit", "--root", root, ...NOW, ...args]);

describe("campaign-gate fit", () => {
  it("prints the windows in words and exits 0", async () => {
    const r = await fit("--site", "shop", "--users", "50", "--duration", "2d");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "A campaign of 50 users on shop for 2 days, starting on Mon 23 Nov 2026 00:00 UTC or later, adds 50 requests/s to web.",
        "Without IT work:",
        "  - start between Mon 23 Nov 2026 00:00 UTC and Sun 29 Nov 2026 00:00 UTC",
        "  - start on Fri 4 Dec 2026 00:00 UTC or any time later",
        "",
      ].join("\n"),
    );
  });

  it("gives IT's work and deadline, as JSON too", async () => {
    const r = await fit("--site", "shop", "--users", "150", "--duration", "48h", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.free).toEqual([]);
    expect(json.work).toEqual([
      {
        earliest: "2026-12-07T00:00:00.000Z",
        latest: null,
        deadline: "2026-12-07T00:00:00.000Z",
        freeze: null,
        scale: [{ service: "web", instances: 4, today: 2 }],
        redundancy: [],
      },
    ]);
    expect(json.duration_ms).toBe(2 * 86_400_000);
  });

  it("exits 1 and says how much would fit when nothing ever does", async () => {
    const r = await fit("--site", "shop", "--users", "600", "--duration", "1d");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("It never fits: even fully scaled, shop can take at most 470 users more.");
  });

  it("takes --from as a date", async () => {
    const r = await fit("--site", "shop", "--users", "50", "--duration", "2d", "--from", "2026-12-02");
    expect(r.stdout).toContain("  - start on Fri 4 Dec 2026 00:00 UTC or any time later");
  });

  it.each([
    [["--users", "50", "--duration", "2d"], "fit needs --site"],
    [["--site", "shop", "--duration", "2d"], "exactly one of --users N or --rps N"],
    [["--site", "shop", "--users", "50"], "fit needs --duration"],
    [["--site", "shop", "--users", "lots", "--duration", "2d"], "--users must be a number above 0"],
    [["--site", "shop", "--users", "50", "--duration", "3 days"], "--duration must be a length such as 3d"],
    [["--site", "shop", "--users", "50", "--duration", "2d", "--from", "soon"], "--from must be a date"],
    [
      ["--site", "shp", "--users", "50", "--duration", "2d"],
      "There is no site 'shp' in the capacity file. Did you mean 'shop'?",
    ],
    [["--site", "api", "--users", "50", "--duration", "2d"], "counts requests per second, not users"],
    [
      ["--site", "shop", "--users", "50", "--duration", "2d", "--changed", "x"],
      "--changed does not apply to 'fit'",
    ],
  ])("misuse %j exits 2 with a plain message", async (args, message) => {
    const r = await fit(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });
});
