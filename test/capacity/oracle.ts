/**
 * A brute-force oracle for the capacity engine: evaluates the load directly at every boundary
 * instant (no sweep, no range queries) and applies the rules of DESIGN section 2 segment by segment.
 */
import { capacityRps, exceeds, instancesNeeded, planningValue } from "../../src/core/capacity/index.js";
import type { Campaign, Capacity } from "../../src/core/model.js";

export interface OracleSegment {
  t: number;
  loads: number[];
  /** Lowest maintenance factor per service, undefined outside maintenance. */
  factors: (number | undefined)[];
  /** Campaign ids active with load per service. */
  active: string[][];
}

/** Load of campaign c on each service (by index). */
export function contributions(c: Campaign, cap: Capacity): number[] {
  const out = cap.services.map(() => 0);
  const planning = planningValue(c, cap.defaults);
  for (const t of c.targets) {
    const site = cap.sites.find((s) => s.name === t.site)!;
    const perUnit = c.forecast.unit === "users" ? site.rps_per_user! : 1;
    for (const [name, u] of Object.entries(site.uses)) {
      out[cap.services.findIndex((s) => s.name === name)]! += u * planning * perUnit * t.share;
    }
  }
  return out;
}

export function segments(campaigns: Campaign[], cap: Capacity, now: number): OracleSegment[] {
  const live = campaigns.filter((c) => c.end > now);
  const instants = new Set<number>([now]);
  for (const c of live) for (const x of [c.start, c.end]) if (x >= now) instants.add(x);
  for (const m of cap.maintenance) for (const x of [m.start, m.end]) if (x >= now) instants.add(x);
  const contrib = new Map(live.map((c) => [c.id, contributions(c, cap)]));
  return [...instants]
    .sort((a, b) => a - b)
    .map((t) => {
      const loads = cap.services.map((s) =>
        cap.sites.reduce((sum, site) => sum + (site.uses[s.name] ?? 0) * site.baseline_rps, 0),
      );
      const active: string[][] = cap.services.map(() => []);
      for (const c of live) {
        if (!(c.start <= t && t < c.end)) continue;
        contrib.get(c.id)!.forEach((v, i) => {
          if (v > 0) {
            loads[i]! += v;
            active[i]!.push(c.id);
          }
        });
      }
      const factors = cap.services.map((s) => {
        const fs = cap.maintenance
          .filter((m) => m.services.includes(s.name) && m.start <= t && t < m.end)
          .map((m) => m.capacity_factor);
        return fs.length ? Math.min(...fs) : undefined;
      });
      return { t, loads, factors, active: active.map((a) => a.sort()) };
    });
}

/** The (rule, service, campaign) keys of load-based findings, computed segment by segment. */
export function ruleKeys(campaigns: Campaign[], cap: Capacity, now: number): string[] {
  const segs = segments(campaigns, cap, now);
  const f = cap.defaults.failover_utilization;
  const keys = new Set<string>();
  const needsWork = new Map<string, number>();
  const needWork = (id: string, t: number) => needsWork.set(id, Math.min(needsWork.get(id) ?? Infinity, t));
  cap.services.forEach((s, i) => {
    const capRps = capacityRps(s);
    const base = cap.sites.reduce((sum, site) => sum + (site.uses[s.name] ?? 0) * site.baseline_rps, 0);
    const baseOver = exceeds(base, capRps);
    const baseN = s.kind === "scalable" && !baseOver ? instancesNeeded(base, s, f) : 0;
    const floor = s.kind === "scalable" ? Math.max(s.instances, Math.min(baseN, s.max_instances)) : 0;
    const overCap = baseOver || segs.some((g) => g.factors[i] === undefined && exceeds(g.loads[i]!, capRps));
    const reaching = campaigns.filter(
      (c) => c.end > now && contributions(c, cap)[i]! >= 0 && reaches(c, cap, s.name),
    );
    for (const g of segs) {
      const L = g.loads[i]!;
      const factor = g.factors[i];
      const rules: string[] = [];
      let capacityBreach = false;
      let scaleUp = false;
      if (factor !== undefined && exceeds(L, capRps * factor)) rules.push("maintenance");
      if (factor === undefined && exceeds(L, capRps) && !baseOver) {
        rules.push("capacity");
        capacityBreach = true;
      }
      if (s.kind === "scalable" && !overCap && !exceeds(L, capRps)) {
        const n = instancesNeeded(L, s, f);
        if (n > s.max_instances && !(baseN > s.max_instances)) rules.push("redundancy");
        if (Math.min(n, s.max_instances) > floor) {
          rules.push("scale-up");
          scaleUp = true;
        }
      }
      for (const id of g.active[i]!) {
        for (const r of rules) keys.add(`${r} ${s.name} ${id}`);
        if (scaleUp) needWork(id, g.t);
      }
      if (capacityBreach) {
        for (const c of reaching) if (c.start <= g.t && g.t < c.end) needWork(c.id, g.t);
      }
    }
  });
  for (const [id, t] of needsWork) {
    let d = t;
    let moved = false;
    for (let changed = true; changed;) {
      changed = false;
      for (const fr of cap.freezes) {
        if (fr.start < d && d < fr.end) {
          d = fr.start;
          moved = true;
          changed = true;
        }
      }
    }
    if (d - now < cap.defaults.notice_days * 86_400_000) keys.add(`${moved ? "freeze" : "notice"} ${id}`);
  }
  return [...keys].sort();
}

function reaches(c: Campaign, cap: Capacity, service: string): boolean {
  return c.targets.some((t) => (cap.sites.find((s) => s.name === t.site)?.uses[service] ?? 0) > 0);
}
