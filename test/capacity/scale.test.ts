/**
 * The benchmark's shape (10,000 campaigns, 200 sites, 50 services) must stay far below the time it
 * takes to parse that much YAML. Wall-clock bounds are flaky on a shared machine, so this guards
 * the growth instead: at constant campaign density, 4× the campaigns must cost well under 16×
 * (what an O(n²) step would cost).
 */
import { expect, test } from "vitest";
import { checkCapacity } from "../../src/core/capacity/index.js";
import type { Campaign, Capacity } from "../../src/core/model.js";
import { campaign, capacity, DAY, fixed, HOUR, NOW, scalable, site } from "./build.js";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n campaigns spread over n / 10,000 years, so every size has the same overlap. */
function repository(n: number): { campaigns: Campaign[]; capacity: Capacity } {
  const rnd = random(42);
  const services = Array.from({ length: 50 }, (_, i) =>
    i % 5 === 0 ? fixed(`db-${i}`, 20000) : scalable(`svc-${i}`, 200, 4, 40, { zones: 1 + (i % 3) }),
  );
  const sites = Array.from({ length: 200 }, (_, i) => {
    const uses: Record<string, number> = {};
    for (let k = 0; k < 3; k++) uses[services[Math.floor(rnd() * 50)]!.name] = 0.2 + rnd();
    return site(`site-${i}`, 20, uses, 0.2);
  });
  const days = (365 * n) / 10_000;
  const campaigns = Array.from({ length: n }, (_, i) => {
    const start = NOW + Math.floor(rnd() * days * 24) * HOUR - 5 * DAY;
    const a = Math.floor(rnd() * 200);
    const b = Math.floor(rnd() * 200);
    return campaign({
      id: `c-${i}`,
      sites: a === b ? [`site-${a}`] : [`site-${a}`, `site-${b}`],
      users: Math.floor(rnd() * 3000),
      start,
      end: start + (1 + Math.floor(rnd() * 14 * 24)) * HOUR,
    });
  });
  return { campaigns, capacity: capacity({ services, sites }) };
}

function bestMs(n: number): { ms: number; findings: number } {
  const repo = repository(n);
  let ms = Infinity;
  let findings = 0;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    findings = checkCapacity({ ...repo, now: NOW }).findings.length;
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, findings };
}

test("10,000 campaigns, 200 sites, 50 services: near-linear growth", () => {
  bestMs(500); // warm up the JIT so the small size is not charged for it
  const small = bestMs(2_500);
  const large = bestMs(10_000);
  console.log(
    `checkCapacity: 2,500 → ${small.ms.toFixed(0)} ms; 10,000 → ${large.ms.toFixed(0)} ms (${large.findings} findings)`,
  );
  expect(large.findings).toBeGreaterThan(1000);
  expect(large.ms / small.ms).toBeLessThan(9);
  expect(large.ms).toBeLessThan(15_000);
});
