/**
 * The capacity check of DESIGN section 2 as one pure function: loaded campaigns and capacity in,
 * findings, service peaks, plan and campaign summaries out.
 */
import { finding, sortFindings, type Finding } from "../findings.js";
import type { Campaign, Capacity } from "../model.js";
import type { CampaignSummary, PlanEntry, ServicePeak } from "../report.js";
import { assessCampaign } from "./assess.js";
import type { Assessment } from "./assess.js";
import { moveBeforeFreezes, noticeRule } from "./deadlines.js";
import type { Deadline } from "./deadlines.js";
import * as msg from "./findings.js";
import type { Moment } from "./findings.js";
import { instancesNeeded } from "./instances.js";
import { baselineLoads, campaignServiceLoads, planningValue } from "./loads.js";
import { planScaleUps } from "./plan.js";
import { serviceState } from "./service-state.js";
import type { ServiceState } from "./service-state.js";
import { campaignSummaries, peakStep, servicePeaks } from "./summary.js";
import { activeCampaigns, boundaries, stepAt, sweepLoads } from "./sweep.js";
import type { LoadItem, MaintenanceItem } from "./sweep.js";

export interface CapacityInput {
  campaigns: Campaign[];
  capacity: Capacity;
  /** Epoch ms. */
  now: number;
}

export interface CapacityResult {
  findings: Finding[];
  services: ServicePeak[];
  plan: PlanEntry[];
  campaigns: CampaignSummary[];
  /** Each service's load steps and what they break, in capacity-file order: what `fit` and the dashboard draw on. */
  states: ServiceState[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Runs the capacity model over campaigns that loaded without errors of their own. */
export function checkCapacity({ campaigns: input, capacity, now }: CapacityInput): CapacityResult {
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
  const items: LoadItem[] = live.map((c) => ({
    start: Math.max(c.start, now),
    end: c.end,
    loads: campaignServiceLoads(c, capacity.defaults, sites, serviceIndex),
  }));
  const maintenance: MaintenanceItem[] = capacity.maintenance.map((m) => ({
    start: m.start,
    end: m.end,
    factor: m.capacity_factor,
    services: m.services.flatMap((name) => serviceIndex.get(name) ?? []),
  }));
  const baseline = baselineLoads(capacity, serviceIndex);
  const sorted = boundaries(now, items, maintenance);
  const steps = sweepLoads(now, baseline, items, maintenance, sorted);
  const states = capacity.services.map((s, i) => serviceState(i, s, steps[i]!, baseline[i]!, capacity));

  const assessments: Assessment[] = items.map((item, i) =>
    assessCampaign(i, item.start, item.end, item.loads, states),
  );
  const deadlines = new Map<number, Deadline>();
  assessments.forEach((a, i) => {
    if (a.needsWork) deadlines.set(i, moveBeforeFreezes(a.needsWork.instant, capacity.freezes));
  });
  const needing = new Map<number, number[]>();
  for (const a of assessments) {
    for (const b of a.breaches) {
      if (b.rule !== "scale-up") continue;
      const list = needing.get(b.service);
      if (list) list.push(b.campaign);
      else needing.set(b.service, [b.campaign]);
    }
  }
  const plan = planScaleUps(states, needing, (c) => deadlines.get(c)!.at, now);
  const planOf = new Map(plan.map((p) => [p.service, p]));

  // Active sets only where a finding or a peak names them.
  const wanted = new Map<number, Set<number>>();
  const want = (service: number, instant: number): void => {
    const set = wanted.get(instant) ?? new Set<number>();
    set.add(service);
    wanted.set(instant, set);
  };
  for (const a of assessments) {
    for (const b of a.breaches) want(b.service, b.instant);
    if (a.needsWork) want(a.needsWork.service, a.needsWork.instant);
  }
  for (const state of states) {
    const i = peakStep(state);
    if (i >= 0) want(state.index, state.steps.times[i]!);
  }
  const ids = live.map((c) => c.id);
  const active = activeCampaigns(now, states.length, items, ids, maintenance, sorted, wanted);
  // One id list per (service, instant), shared by every finding naming it.
  const contributors = (service: number, instant: number): string[] =>
    active.get(instant)?.get(service) ?? [];
  const loadAt = (state: ServiceState, instant: number): number =>
    state.steps.loads[stepAt(state.steps.times, instant)]!;

  const campaignFindings = (i: number, a: Assessment): void => {
    const c = live[i]!;
    const moment = (service: number, instant: number, load: number): Moment => ({
      service: states[service]!.service,
      instant,
      load,
      contributors: contributors(service, instant),
      ...(c.timezone !== undefined ? { zone: c.timezone } : {}),
    });
    for (const b of a.breaches) {
      const state = states[b.service]!;
      const m = moment(b.service, b.instant, b.load);
      const extra = { campaign: c.id, campaigns: m.contributors, service: state.service.name };
      let text: string;
      if (b.rule === "capacity") text = msg.capacityMessage(m, state.capacityRps);
      else if (b.rule === "maintenance") {
        const index = state.steps.maintenance[stepAt(state.steps.times, b.instant)]!;
        const maint = capacity.maintenance[index]!;
        text = msg.maintenanceMessage(m, maint, state.capacityRps * maint.capacity_factor);
      } else if (state.service.kind !== "scalable") continue;
      else if (b.rule === "redundancy") {
        const needed = instancesNeeded(b.load, state.service, capacity.defaults.failover_utilization);
        text = msg.redundancyMessage(m, needed, state.service.max_instances, state.service.zones);
      } else {
        const entry = planOf.get(b.service)!;
        const freeze = capacity.freezes.find((f) => f.start === entry.by);
        text = msg.scaleUpMessage(m, entry.instances, state.service.instances, entry.by, freeze);
      }
      findings.push(finding(b.rule, c.file, c.at.forecast, text, extra));
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
          finding(rule, c.file, c.at.forecast, text, {
            campaign: c.id,
            campaigns: m.contributors,
            service: state.service.name,
          }),
        );
      }
    }
  };
  assessments.forEach((a, i) => campaignFindings(i, a));
  for (const state of states) findings.push(...baselineFindings(state, capacity));

  const impact = new Map(assessments.map((a, i) => [live[i]!.id, a.impact]));
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
  };
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
