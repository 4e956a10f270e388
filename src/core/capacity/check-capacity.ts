/**
 * The capacity check of DESIGN section 2 as one pure function: loaded campaigns and capacity in,
 * findings, service peaks, plan and campaign summaries out.
 */
import { campaignFinding, finding, sortFindings, type Finding } from "../findings.js";
import type { Campaign, Capacity } from "../model.js";
import type { CampaignSummary, PlanEntry, RiskReport, ServicePeak } from "../report.js";
import { assessCampaign } from "./assess.js";
import type { Assessment, Breach } from "./assess.js";
import { moveBeforeFreezes, noticeRule } from "./deadlines.js";
import type { Deadline } from "./deadlines.js";
import * as msg from "./findings.js";
import type { Moment } from "./findings.js";
import { instancesNeeded } from "./instances.js";
import { baselineLoads, campaignServiceLoads, planningValue, riskFactor } from "./loads.js";
import { addProfiledBaseline, baselineProfiles } from "./baseline-profiles.js";
import { riskCandidates, riskJob, riskResults } from "./risk.js";
import type { RiskAt, RiskResults } from "./risk.js";
import { computeNow, RISK_SAMPLES, RISK_SEED } from "../risk/index.js";
import type { RiskRunner } from "../risk/index.js";
import { round6 } from "../format.js";
import { standbyLoads } from "./standby.js";
import type { Range } from "./assess.js";
import { shapePieces } from "../shape/index.js";
import { planScaleUps } from "./plan.js";
import { serviceState } from "./service-state.js";
import { LOAD_RULES, type ServiceState } from "./service-state.js";
import { campaignSummaries, peakStep, servicePeaks } from "./summary.js";
import { activeCampaigns, boundaries, stepAt, sweepLoads } from "./sweep.js";
import type { LoadItem, MaintenanceItem } from "./sweep.js";

export interface CapacityInput {
  campaigns: Campaign[];
  capacity: Capacity;
  /** Epoch ms. */
  now: number;
  /**
   * Where the chance of overload is computed (computeNow, this thread, by default). Its result is
   * first needed by `risk` below, unless `defaults.max_risk` makes risk findings: then at once.
   */
  runRisk?: RiskRunner | undefined;
}

export interface CapacityResult {
  findings: Finding[];
  services: ServicePeak[];
  plan: PlanEntry[];
  campaigns: CampaignSummary[];
  /** Each service's load steps and what they break, in capacity-file order: what `fit` and the dashboard draw on. */
  states: ServiceState[];
  /**
   * A getter: the first read waits for the chance of overload if its runner has not given it yet,
   * so a caller can write everything before it (findings first) while another thread computes it.
   */
  readonly risk: RiskReport;
}

/** A breach text shared by the breaches of one (instant, service, rule) in one zone; `next`: other zones. */
interface SharedText {
  zone: string;
  text: string | undefined;
  next: SharedText | undefined;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Runs the capacity model over campaigns that loaded without errors of their own. */
export function checkCapacity({
  campaigns: input,
  capacity,
  now,
  runRisk = computeNow,
}: CapacityInput): CapacityResult {
  // Index order = id order, so results never depend on the order files were read in.
  const all = [...input].sort((a, b) => byText(a.id, b.id) || byText(a.file, b.file) || a.start - b.start);
  const findings: Finding[] = [];
  const pastIds = new Set<string>();
  const live: Campaign[] = [];
  for (const c of all) {
    if (c.end <= now) {
      pastIds.add(c.id);
      findings.push(
        finding("past", c.file, c.at.window, msg.pastMessage(c.end, c.timezone), { campaign: c.id }),
      );
      continue;
    }
    live.push(c);
    const { confidence, high, expected, unit } = c.forecast;
    if (confidence === "guess" && high === undefined) {
      const text = msg.forecastMessage(expected, capacity.defaults.uncertainty.guess, unit);
      findings.push(finding("forecast", c.file, c.at.forecast, text, { campaign: c.id }));
    }
  }

  const serviceIndex = new Map(capacity.services.map((s, i) => [s.name, i]));
  const sites = new Map(capacity.sites.map((s) => [s.name, s]));
  // Per campaign: its planned load per service, and the pieces of its window where its shape adds
  // load (one piece, the window, for `constant`), clipped to now.
  const campaignLoads = live.map((c) => campaignServiceLoads(c, capacity.defaults, sites, serviceIndex));
  const ranges: Range[][] = live.map((c) => {
    const all = shapePieces(c.forecast.shape, c.start, c.end, c.timezone);
    let kept = 0;
    for (let k = 0; k < all.length; k++) if (all[k]!.end > now) kept++;
    // A constant campaign's one piece, not cut by now, is kept as it is: no copy of it or its list.
    if (all.length === 1 && kept === 1 && all[0]!.start >= now) return all;
    // Kept to the end of the check: exactly its length, pieces copied only when now cuts them.
    const pieces = new Array<Range & { factor: number }>(kept);
    let n = 0;
    for (let k = 0; k < all.length; k++) {
      const p = all[k]!;
      if (p.end > now) pieces[n++] = p.start >= now ? p : { start: now, end: p.end, factor: p.factor };
    }
    return pieces;
  });
  const items: LoadItem[] = [];
  ranges.forEach((pieces, owner) => {
    const loads = campaignLoads[owner]!;
    for (const p of pieces as (Range & { factor: number })[]) {
      items.push({ start: p.start, end: p.end, loads, factor: p.factor, owner });
    }
  });
  const maintenance: MaintenanceItem[] = capacity.maintenance.map((m) => ({
    start: m.start,
    end: m.end,
    factor: m.capacity_factor,
    services: m.services.flatMap((name) => serviceIndex.get(name) ?? []),
  }));
  const constantBaseline = baselineLoads(capacity, serviceIndex);
  const sorted = boundaries(now, items, maintenance);
  const steps = sweepLoads(now, constantBaseline, items, maintenance, sorted);
  const horizon = sorted.times.length > 0 ? sorted.times[sorted.times.length - 1]! : now;
  const profiles = baselineProfiles(capacity, serviceIndex, now, horizon);
  // The baseline alone, as judged outside campaigns: the constant part plus the profile's highest.
  const baseline = Float64Array.from(constantBaseline, (b, i) => b + (profiles[i]?.max ?? 0));
  profiles.forEach((slots, i) => {
    if (slots) addProfiledBaseline(steps[i]!, slots);
  });
  const standby = standbyLoads(capacity, serviceIndex);
  const states = capacity.services.map((s, i) =>
    serviceState(i, s, steps[i]!, baseline[i]!, capacity, standby[i]),
  );

  const assessments: Assessment[] = live.map((_, i) =>
    assessCampaign(i, ranges[i]!, campaignLoads[i]!, states),
  );
  const deadlines = new Map<number, Deadline>();
  assessments.forEach((a, i) => {
    if (a.needsWork) deadlines.set(i, moveBeforeFreezes(a.needsWork.instant, capacity.freezes));
  });
  const needing = new Map<number, number[]>();
  for (let i = 0; i < assessments.length; i++) {
    const breaches = assessments[i]!.breaches;
    for (let k = 0; k < breaches.length; k++) {
      const b = breaches[k]!;
      if (b.rule !== "scale-up") continue;
      const list = needing.get(b.service);
      if (list) list.push(b.campaign);
      else needing.set(b.service, [b.campaign]);
    }
  }
  const plan = planScaleUps(
    states,
    needing,
    (c) => deadlines.get(c)!.at,
    now,
    capacity.defaults.failover_utilization,
  );
  const planOf = new Map(plan.map((p) => [p.service, p]));
  const risk = riskCandidates(states, planOf, ranges, campaignLoads, constantBaseline, profiles);

  // Active sets only where a finding, a peak or a risk names them.
  const wanted = new Map<number, Set<number>>();
  const want = (service: number, instant: number): void => {
    const set = wanted.get(instant);
    if (set) set.add(service);
    else wanted.set(instant, new Set<number>().add(service));
  };
  for (let i = 0; i < assessments.length; i++) {
    const a = assessments[i]!;
    for (let k = 0; k < a.breaches.length; k++) want(a.breaches[k]!.service, a.breaches[k]!.instant);
    if (a.needsWork) want(a.needsWork.service, a.needsWork.instant);
  }
  for (const state of states) {
    const i = peakStep(state);
    if (i >= 0) want(state.index, state.steps.times[i]!);
  }
  for (let k = 0; k < risk.points.length; k++) want(risk.points[k]!.service, risk.points[k]!.instant);
  const ids = live.map((c) => c.id);
  const active = activeCampaigns(now, states.length, items, maintenance, sorted, wanted);
  // One id list per (service, instant), shared by every finding naming it.
  const idLists = new Map<readonly number[], string[]>();
  const contributors = (service: number, instant: number): string[] => {
    const pieces = active.get(instant)?.get(service);
    if (!pieces) return [];
    let list = idLists.get(pieces);
    if (!list) {
      list = new Array<string>(pieces.length);
      for (let k = 0; k < pieces.length; k++) list[k] = ids[items[pieces[k]!]!.owner]!;
      Object.freeze(list);
      idLists.set(pieces, list);
    }
    return list;
  };
  const noPieces: readonly number[] = [];
  const pending = runRisk(
    riskJob(risk, items, (service, instant) => active.get(instant)?.get(service) ?? noPieces, {
      ids,
      ends: live.map((c) => c.end),
      factor: (c) => riskFactor(live[c]!, capacity.defaults),
    }),
  );
  let risks: RiskResults | undefined;
  const riskAt = (): RiskResults => (risks ??= riskResults(risk, pending()));
  const maxRisk = capacity.defaults.max_risk;
  // Risk findings are findings: the chances are needed now.
  if (maxRisk !== undefined) riskAt();
  const loadAt = (state: ServiceState, instant: number): number =>
    state.steps.loads[stepAt(state.steps.times, instant)]!;

  /**
   * The text of a breach. It depends only on the rule, the service, the instant (which fixes the
   * step, so the load and the maintenance), the contributors and the zone; undefined when the
   * rule has no finding on this kind of service.
   */
  const breachText = (b: Breach, m: Moment): string | undefined => {
    const state = states[b.service]!;
    if (b.rule === "capacity") return msg.capacityMessage(m, state.capacityRps);
    if (b.rule === "failover") {
      const entry = capacity.failover!.services.find((e) => e.service === state.service.name)!;
      return msg.failoverMessage(m, capacity.failover!.name, entry, capacity.defaults.failover_utilization);
    }
    if (b.rule === "maintenance") {
      const index = state.steps.maintenance[stepAt(state.steps.times, b.instant)]!;
      const maint = capacity.maintenance[index]!;
      return msg.maintenanceMessage(m, maint, state.capacityRps * maint.capacity_factor);
    }
    if (state.service.kind !== "scalable") return undefined;
    if (b.rule === "redundancy") {
      const needed = instancesNeeded(b.load, state.service, capacity.defaults.failover_utilization);
      return msg.redundancyMessage(m, needed, state.service.max_instances, state.service.zones);
    }
    const entry = planOf.get(b.service)!;
    const freeze = capacity.freezes.find((f) => f.start === entry.by);
    return msg.scaleUpMessage(m, entry.instances, state.service.instances, entry.by, freeze);
  };
  // Campaigns sharing their worst instant on a service share the breach's text (30,000 scale-up
  // findings on stress have 7,400 texts): built once, and one string in memory instead of many.
  // Keyed by instant, then service and rule as one number, then zone (a short chain, mostly of
  // one): no key string per breach, no Map per text.
  const texts = new Map<number, Map<number, SharedText>>();
  const sharedBreachText = (b: Breach, zone: string | undefined): string | undefined => {
    let atInstant = texts.get(b.instant);
    if (!atInstant) texts.set(b.instant, (atInstant = new Map<number, SharedText>()));
    const code = b.service * LOAD_RULES.length + LOAD_RULES.indexOf(b.rule);
    const zoneKey = zone ?? "";
    const first = atInstant.get(code);
    for (let known = first; known; known = known.next) if (known.zone === zoneKey) return known.text;
    const m: Moment = {
      service: states[b.service]!.service,
      instant: b.instant,
      load: b.load,
      contributors: contributors(b.service, b.instant),
      zone,
    };
    const text = breachText(b, m);
    atInstant.set(code, { zone: zoneKey, text, next: first });
    return text;
  };

  const campaignFindings = (i: number, a: Assessment): void => {
    const c = live[i]!;
    const moment = (service: number, instant: number, load: number): Moment => ({
      service: states[service]!.service,
      instant,
      load,
      contributors: contributors(service, instant),
      zone: c.timezone,
    });
    const breaches = a.breaches;
    for (let k = 0; k < breaches.length; k++) {
      const b = breaches[k]!;
      const text = sharedBreachText(b, c.timezone);
      if (text === undefined) continue;
      const service = states[b.service]!.service.name;
      findings.push(
        campaignFinding(
          b.rule,
          c.file,
          c.at.forecast,
          text,
          c.id,
          contributors(b.service, b.instant),
          service,
        ),
      );
    }
    const deadline = deadlines.get(i);
    if (a.needsWork && deadline) {
      const rule = noticeRule(deadline, now, capacity.defaults.notice_days);
      if (rule) {
        const state = states[a.needsWork.service]!;
        const m = moment(a.needsWork.service, a.needsWork.instant, loadAt(state, a.needsWork.instant));
        const days = capacity.defaults.notice_days;
        const text =
          rule === "freeze" && deadline.freeze
            ? msg.freezeMessage(m, deadline.freeze, now, days)
            : msg.noticeMessage(m, deadline.at, now, days);
        findings.push(
          campaignFinding(rule, c.file, c.at.forecast, text, c.id, m.contributors, state.service.name),
        );
      }
    }
    if (maxRisk === undefined) return;
    const r = riskAt().campaigns[i]!;
    if (r.point !== undefined && r.probability > maxRisk) {
      const p = riskAt().points[r.point]!;
      const m = moment(p.service, p.instant, loadAt(states[p.service]!, p.instant));
      const text = msg.riskMessage(m, r.probability, p.capacity, maxRisk);
      findings.push(
        campaignFinding("risk", c.file, c.at.forecast, text, c.id, m.contributors, m.service.name),
      );
    }
  };
  for (let i = 0; i < assessments.length; i++) campaignFindings(i, assessments[i]!);
  for (const state of states) findings.push(...baselineFindings(state, capacity));
  findings.push(...baselineFailoverFindings(states, capacity));

  // Filled in a loop: no [id, impact] pair array per campaign.
  const impact = new Map<string, number>();
  for (let i = 0; i < live.length; i++) impact.set(live[i]!.id, assessments[i]!.impact);
  let riskRows: RiskReport | undefined;
  return {
    findings: sortFindings(findings),
    services: servicePeaks(states, contributors),
    plan: plan.map((p) => ({
      service: states[p.service]!.service.name,
      instances: p.instances,
      by: new Date(p.by).toISOString(),
      campaigns: p.campaigns.map((c) => live[c]!.id),
    })),
    campaigns: campaignSummaries(all, (c) => planningValue(c, capacity.defaults), impact, pastIds, findings),
    states,
    get risk() {
      return (riskRows ??= riskReport(riskAt(), states, live, contributors));
    },
  };
}

/** The JSON rows of the risk of overload: per service in file order, per live campaign in id order. */
function riskReport(
  risks: RiskResults,
  states: readonly ServiceState[],
  live: readonly Campaign[],
  contributors: (service: number, instant: number) => string[],
): RiskReport {
  // A chance that rounds to 0 names no instant.
  const at = (r: RiskAt) =>
    r.point === undefined || round6(r.probability) === 0 ? undefined : risks.points[r.point]!;
  return {
    samples: RISK_SAMPLES,
    seed: RISK_SEED,
    services: risks.services.map((r, s) => {
      const p = at(r);
      return {
        service: states[s]!.service.name,
        probability: round6(r.probability),
        at: p ? new Date(p.instant).toISOString() : null,
        capacity_rps: round6(p ? p.capacity : 0),
        campaigns: p ? contributors(p.service, p.instant) : [],
      };
    }),
    campaigns: risks.campaigns.map((r, c) => {
      const p = at(r);
      return {
        id: live[c]!.id,
        probability: round6(r.probability),
        service: p ? states[p.service]!.service.name : null,
        at: p ? new Date(p.instant).toISOString() : null,
      };
    }),
  };
}

/** When the baseline alone is above what the standby environment carries: one finding on its entry. */
function baselineFailoverFindings(states: readonly ServiceState[], capacity: Capacity): Finding[] {
  const failover = capacity.failover;
  if (!failover) return [];
  return states.flatMap((state) => {
    if (!state.baseline.failover) return [];
    const entry = failover.services.find((e) => e.service === state.service.name)!;
    const text = msg.baselineFailoverMessage(
      state.service,
      failover.name,
      entry,
      capacity.defaults.failover_utilization,
      state.baseline.load,
    );
    return [finding("failover", capacity.file, entry.at, text, { service: state.service.name })];
  });
}

/** When the baseline alone breaks a rule: one finding on the capacity file's service node, no campaign. */
function baselineFindings(state: ServiceState, capacity: Capacity): Finding[] {
  const { service, baseline } = state;
  const on = (rule: "capacity" | "scale-up" | "redundancy", text: string): Finding =>
    finding(rule, capacity.file, service.at, text, { service: service.name });
  if (baseline.capacity)
    return [on("capacity", msg.baselineCapacityMessage(service, baseline.load, state.capacityRps))];
  if (service.kind !== "scalable" || state.overCapacity) return [];
  const out: Finding[] = [];
  if (baseline.planned > service.instances) {
    out.push(
      on("scale-up", msg.baselineScaleUpMessage(service, baseline.planned, service.instances, baseline.load)),
    );
  }
  if (baseline.redundancy) {
    const needed = instancesNeeded(baseline.load, service, capacity.defaults.failover_utilization);
    out.push(
      on(
        "redundancy",
        msg.baselineRedundancyMessage(service, needed, service.max_instances, service.zones, baseline.load),
      ),
    );
  }
  return out;
}
