/**
 * "When can I run it?": the earliest starts at which an extra campaign of a given size, site and
 * duration needs no IT work, and the earliest at which it needs IT work that IT can still do in
 * time (deadline at least `notice_days` away, moved before freezes as the check moves it). The
 * CLI's `fit` and the dashboard's form both call this one function on the same `FitModel`.
 *
 * Load is piecewise constant, so whether a start works changes only where the window's start or
 * end crosses a step boundary, or its start crosses a freeze edge or the notice limit: those
 * instants are the only candidates, each judged with the engine's own rules (`classifyLoad`,
 * `moveBeforeFreezes`, `noticeRule`). Between two candidates the answer is that of their middle.
 */
import { moveBeforeFreezes, noticeRule, DAY_MS } from "../capacity/deadlines.js";
import { lastStepBefore } from "../capacity/assess.js";
import { stepAt } from "../capacity/sweep.js";
import { closestName } from "../load/suggest.js";
import { REDUNDANCY, classifyLoad, plannedInstances } from "./classify-load.js";
import type { FitModel, FitService } from "./fit-model.js";

export interface FitRequest {
  site: string;
  /** Peak size in the unit below, taken as the planning value (like `forecast.high`). */
  size: number;
  unit: "users" | "rps";
  /** Milliseconds. */
  duration: number;
  /** Earliest start, epoch ms; default (and at least) the model's `now`. */
  from?: number;
  /** How many windows of each kind to return (default 3). */
  limit?: number;
}

/** A run of starts that all work: any start from `earliest` to `latest` (undefined: no end). */
export interface FitWindow {
  earliest: number;
  latest?: number;
}

/** A run of starts that need IT work; details are for its earliest start. */
export interface WorkWindow extends FitWindow {
  /** When IT must be ready (moved before a freeze), undefined when only a redundancy warning remains. */
  deadline?: number;
  /** The freeze that moved the deadline, if any. */
  freeze?: string;
  /** Scalable services the campaign would need scaled, with the instances needed in its window. */
  scale: { service: string; instances: number; today: number }[];
  /** Services that could not survive losing a zone even at max scale. */
  redundancy: string[];
}

export interface FitAnswer {
  site: string;
  unit: "users" | "rps";
  size: number;
  duration: number;
  /** The earliest start considered (the request's `from`, not before `now`). */
  from: number;
  /** Requests/s the campaign adds to each service it reaches. */
  added: { service: string; rps: number }[];
  /** Earliest runs of starts needing no IT work. */
  free: FitWindow[];
  /** Earliest runs of starts needing IT work, with enough notice and outside freezes (none that are free). */
  work: WorkWindow[];
  /**
   * The largest size (same unit) that fits at max scale once every known campaign and maintenance
   * is over; when `size` is larger, no window ever works.
   */
  largest: number;
}

export class FitError extends Error {}

/** Instant candidates are minute-aligned when reported: "from 09:01" for a run opening just after 09:00. */
const MINUTE = 60_000;
const FREE = 0;
const WORK = 1;
const NO = 2;
type Verdict = typeof FREE | typeof WORK | typeof NO;

interface Reach {
  service: FitService;
  rps: number;
  /** Per step: the class of load + rps. */
  classes: Uint8Array;
  /** Per step i: first step j >= i with class >= 1, 2, 3 (steps.length if none). */
  next: [Int32Array, Int32Array, Int32Array];
}

/** Finds the earliest windows for the request. Throws FitError for a site or unit the model cannot take. */
export function findWindows(model: FitModel, request: FitRequest): FitAnswer {
  const site = model.sites.find((s) => s.name === request.site);
  if (!site) {
    const names = model.sites.map((s) => s.name);
    const best = closestName(request.site, names);
    throw new FitError(
      `There is no site '${request.site}' in the capacity file.${
        best === undefined ? "" : ` Did you mean '${best}'?`
      } The sites are: ${names.join(", ")}.`,
    );
  }
  if (request.unit === "users" && site.rps_per_user === undefined) {
    throw new FitError(
      `Site '${site.name}' counts requests per second, not users (it has no rps_per_user): give the size in requests per second.`,
    );
  }
  if (!(request.size > 0) || !Number.isFinite(request.size))
    throw new FitError("The size must be a number above 0.");
  if (!(request.duration > 0) || !Number.isFinite(request.duration))
    throw new FitError("The duration must be longer than 0.");
  const perUnit = request.unit === "users" ? site.rps_per_user! : 1;
  const failover = model.failover_utilization;
  const from = Math.max(request.from ?? model.now, model.now);
  const d = request.duration;
  const limit = request.limit ?? 3;

  const reach: Reach[] = [];
  for (const service of model.services) {
    const factor = site.uses[service.name];
    if (factor === undefined || factor <= 0) continue;
    const rps = request.size * perUnit * factor;
    const classes = Uint8Array.from(service.loads, (load, i) =>
      classifyLoad(service, load + rps, service.factors[i]!, failover),
    );
    reach.push({
      service,
      rps,
      classes,
      next: [nextAtLeast(classes, 1), nextAtLeast(classes, 2), nextAtLeast(classes, 3)],
    });
  }

  const judge = (s: number): Verdict => {
    let firstNeed = Infinity;
    let warning = false;
    for (const r of reach) {
      const lo = stepAt(r.service.times, s);
      const hi = lastStepBefore(r.service.times, s + d);
      if (r.next[2][lo]! <= hi) return NO;
      const need = r.next[1][lo]!;
      if (need <= hi) firstNeed = Math.min(firstNeed, Math.max(r.service.times[need]!, s));
      if (r.next[0][lo]! <= hi) warning = true;
    }
    if (firstNeed === Infinity) return warning ? WORK : FREE;
    const deadline = moveBeforeFreezes(firstNeed, model.freezes);
    return noticeRule(deadline, model.now, model.notice_days) ? NO : WORK;
  };

  const candidates = new Set<number>([from, model.now + model.notice_days * DAY_MS]);
  for (const r of reach) {
    for (const t of r.service.times) {
      candidates.add(t);
      candidates.add(t - d);
    }
  }
  for (const f of model.freezes) {
    candidates.add(f.start);
    candidates.add(f.end);
  }
  const points = [...candidates].filter((t) => t >= from).sort((a, b) => a - b);

  const free: FitWindow[] = [];
  const work: WorkWindow[] = [];
  let open: { kind: Verdict; earliest: number } | undefined;
  const close = (latest: number | undefined): void => {
    if (!open) return;
    const w: FitWindow =
      latest === undefined ? { earliest: open.earliest } : { earliest: open.earliest, latest };
    if (open.kind === FREE && free.length < limit) free.push(w);
    if (open.kind === WORK && work.length < limit) work.push(workDetails(w, reach, d, model));
    open = undefined;
  };
  const visit = (kind: Verdict, earliest: number, latestBefore: number): void => {
    if (open && open.kind === kind) return;
    close(latestBefore);
    if (kind !== NO) open = { kind, earliest };
  };
  for (let k = 0; k < points.length && (free.length < limit || work.length < limit); k++) {
    const b = points[k]!;
    const next = points[k + 1];
    visit(judge(b), b, b - MINUTE);
    const middle = next === undefined ? b + d + MINUTE : b + (next - b) / 2;
    visit(judge(middle), b + MINUTE, b);
  }
  close(undefined);

  return {
    site: site.name,
    unit: request.unit,
    size: request.size,
    duration: d,
    from,
    added: reach.map((r) => ({ service: r.service.name, rps: r.rps })),
    free,
    work,
    largest: largestEver(reach, perUnit, site.uses),
  };
}

/** What IT would have to do for the earliest start of a run that needs IT work. */
function workDetails(w: FitWindow, reach: Reach[], d: number, model: FitModel): WorkWindow {
  const s = w.earliest;
  const scale: WorkWindow["scale"] = [];
  const redundancy: string[] = [];
  let firstNeed = Infinity;
  for (const r of reach) {
    const { times, loads } = r.service;
    const lo = stepAt(times, s);
    const hi = lastStepBefore(times, s + d);
    let peak = -Infinity;
    for (let i = lo; i <= hi; i++) peak = Math.max(peak, loads[i]!);
    if (r.next[1][lo]! <= hi) {
      firstNeed = Math.min(firstNeed, Math.max(times[r.next[1][lo]!]!, s));
      scale.push({
        service: r.service.name,
        instances: plannedInstances(r.service, peak + r.rps, model.failover_utilization),
        today: r.service.instances,
      });
    }
    let redundant = false;
    for (let i = lo; i <= hi; i++) if (r.classes[i] === REDUNDANCY) redundant = true;
    if (redundant) redundancy.push(r.service.name);
  }
  if (firstNeed === Infinity) return { ...w, scale, redundancy };
  const deadline = moveBeforeFreezes(firstNeed, model.freezes);
  return {
    ...w,
    deadline: deadline.at,
    ...(deadline.freeze ? { freeze: deadline.freeze.name } : {}),
    scale,
    redundancy,
  };
}

/** The largest size that fits at max scale on the last step of every service (baseline only, forever). */
function largestEver(reach: Reach[], perUnit: number, uses: Record<string, number>): number {
  let largest = Infinity;
  for (const r of reach) {
    const last = r.service.loads.length - 1;
    const room = r.service.capacity_rps - (last >= 0 ? r.service.loads[last]! : 0);
    largest = Math.min(largest, Math.max(0, room) / (perUnit * uses[r.service.name]!));
  }
  return largest === Infinity ? 0 : Math.floor(largest);
}

/** Per index i: the first j >= i with classes[j] >= min (classes.length if none). */
function nextAtLeast(classes: Uint8Array, min: number): Int32Array {
  const next = new Int32Array(classes.length);
  let j = classes.length;
  for (let i = classes.length - 1; i >= 0; i--) {
    if (classes[i]! >= min) j = i;
    next[i] = j;
  }
  return next;
}
