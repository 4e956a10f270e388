// Relative links in the README and docs must lead somewhere: they are how people find their way.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const PAGES = [
  "README.md",
  "docs/action.md",
  "docs/calendar.md",
  "docs/coordination.md",
  "docs/decisions.md",
  "docs/deploy.md",
  "examples/acme/README.md",
];

describe("documentation links", () => {
  it.each(PAGES)("%s links only to files that exist", (page) => {
    const text = readFileSync(page, "utf8");
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith("#"))
      .map((t) => t.split("#")[0]!);
    const missing = targets.filter((t) => !existsSync(path.join(path.dirname(page), t)));
    expect(missing).toEqual([]);
  });
});
