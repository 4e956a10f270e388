// The capacity file `init` writes explains itself: every key it sets carries a comment, and the
// keys IT most often asks about (maintenance, freezes, baseline_rps, uncertainty) are explained.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

describe("templates/init/infra/capacity.yaml", () => {
  it("explains every key it sets, on its line or the line above", async () => {
    const lines = (await readFile("templates/init/infra/capacity.yaml", "utf8")).split("\n");
    let keys = 0;
    lines.forEach((line, i) => {
      const key = /^\s*([a-z_]+):/.exec(line);
      if (!key) return;
      keys++;
      const commented = line.includes(" # ") || (lines[i - 1] ?? "").trimStart().startsWith("#");
      // Names chosen by the user (services, sites) are explained by the key above them.
      const named = ["web", "database", "www"].includes(key[1]!);
      expect(commented || named, `line ${i + 1}: ${line}`).toBe(true);
    });
    expect(keys).toBeGreaterThan(15);
  });

  it.each(["maintenance", "freezes", "baseline_rps", "uncertainty", "capacity_factor", "target_utilization"])(
    "explains %s",
    async (key) => {
      const lines = (await readFile("templates/init/infra/capacity.yaml", "utf8")).split("\n");
      const at = lines.findIndex((l) => new RegExp(`^[\\s#]*${key}:`).test(l));
      expect(at).toBeGreaterThan(-1);
      const explained = /\S\s+# \w/.test(lines[at]!) || lines[at - 1]!.trimStart().startsWith("# ");
      expect(explained, lines[at]).toBe(true);
    },
  );
});
