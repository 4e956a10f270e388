/**
 * The benchmark's shape (10,000 campaigns, 200 sites, 50 services) must run far below the time
 * it takes to parse that much YAML; this guards against an accidental O(n²).
 */
import { expect, test } from "vitest";
import { checkCapacity } from "../../src/core/capacity/index.js";
import type { Campaign } from "../../src/core/model.js";
import { campaign, capacity, DAY, fixed, HOUR, NOW, scalable, site } from "./build.js";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test("10,000 campaigns, 200 sites, 50 services", () => {
  const rnd = random(42);
  const services = Array.from({ length: 50 }, (_, i) =>
    i % 5 === 0 ? fixed(`db-${i}`, 20000) : scalable(`svc-${i}`, 200, 4, 40, { zones: 1 + (i % 3) }),
  );
  const sites = Array.from({ length: 200 }, (_, i) => {
    const uses: Record<string, number> = {};
    for (let k = 0; k < 4; k++) uses[services[Math.floor(rnd() * 50)]!.name] = 0.2 + rnd();
    return site(`site-${i}`, 20, uses, 0.2);
  });
  const campaigns: Campaign[] = Array.from({ length: 10_000 }, (_, i) => {
    const start = NOW + Math.floor(rnd() * 365) * DAY + Math.floor(rnd() * 24) * HOUR;
    return campaign({
      id: `c-${i}`,
      sites: [`site-${Math.floor(rnd() * 200)}`, `site-${Math.floor(rnd() * 200)}`].filter((s, k, a) => a.indexOf(s) === k),
      users: Math.floor(rnd() * 3000),
      start,
      end: start + (1 + Math.floor(rnd() * 14 * 24)) * HOUR,
    });
  });
  const cap = capacity({ services, sites });
  const t0 = performance.now();
  const result = checkCapacity({ campaigns, capacity: cap, now: NOW });
  const ms = performance.now() - t0;
  console.log(`checkCapacity: ${ms.toFixed(0)} ms, ${result.findings.length} findings, ${result.plan.length} plan entries`);
  expect(result.services).toHaveLength(50);
  expect(result.findings.length).toBeGreaterThan(0);
  expect(ms).toBeLessThan(3000);
});
