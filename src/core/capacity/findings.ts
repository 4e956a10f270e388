/**
 * The words of the capacity findings: plain language for marketers and IT. Every message names the
 * instant (in the campaign's zone), the load, the capacity and the campaigns behind it.
 */
import type { Failover, Maintenance, Service } from "../model.js";
import { formatDays, formatInstant, formatNumber, formatPercent, listIds } from "../format.js";
import { capacityRps, exceeds } from "./instances.js";

/** What every load-based message needs to know about the moment it talks about. */
export interface Moment {
  service: Service;
  instant: number;
  /** IANA zone to show the instant in; UTC when undefined. */
  zone?: string;
  load: number;
  /** Campaign ids active with load on the service at the instant. */
  contributors: string[];
}

function rps(value: number): string {
  return `${formatNumber(value)} requests/s`;
}

function when(m: Moment): string {
  return formatInstant(m.instant, m.zone);
}

/** "20 instances × 300 requests/s × 0.6" or "5,000 requests/s × 0.7": how the capacity is made. */
function capacityBasis(service: Service): string {
  return service.kind === "scalable"
    ? `${service.max_instances} instances × ${rps(service.per_instance_rps)} × target utilization ${service.target_utilization}`
    : `max_rps ${formatNumber(service.max_rps)} × target utilization ${service.target_utilization}`;
}

/** What the service safely carries: today's instances, or max scale when even that is not enough. */
function carries(m: Moment): string {
  const s = m.service;
  const max = capacityRps(s);
  if (s.kind === "fixed" || exceeds(m.load, max)) return `it safely carries at most ${rps(max)}`;
  return `its ${s.instances} instances today safely carry ${rps(s.instances * s.per_instance_rps * s.target_utilization)}`;
}

function together(m: Moment): string {
  return m.contributors.length > 0 ? ` Campaigns running then: ${listIds(m.contributors)}.` : "";
}

export function capacityMessage(m: Moment, capacity: number): string {
  return (
    `${m.service.name} cannot carry the load on ${when(m)}, even fully scaled: ${rps(m.load)} against a safe ` +
    `capacity of ${rps(capacity)} (${capacityBasis(m.service)}).${together(m)} ` +
    `Move or shorten the campaign, lower its forecast share, or agree with IT on raising the limit.`
  );
}

export function baselineCapacityMessage(service: Service, load: number, capacity: number): string {
  return (
    `${service.name}: ordinary traffic alone (${rps(load)}, without any campaign) is above the safe capacity of ` +
    `${rps(capacity)} (${capacityBasis(service)}). Raise the limit of this service or correct the sites' baselines.`
  );
}

export function maintenanceMessage(m: Moment, maintenance: Maintenance, capacity: number): string {
  const left = Math.round(maintenance.capacity_factor * 100);
  return (
    `${m.service.name} is in maintenance "${maintenance.name}" on ${when(m)} with ${left}% of its capacity left ` +
    `(${rps(capacity)}), but the load then is ${rps(m.load)}.${together(m)} ` +
    `Move the campaign out of the maintenance window, or ask IT to move the maintenance.`
  );
}

/** `freeze`: the change freeze whose start the deadline was moved to, so people see why it is early. */
export function scaleUpMessage(
  m: Moment,
  instances: number,
  today: number,
  by: number,
  freeze?: { name: string },
): string {
  const why = freeze ? ` (when the change freeze "${freeze.name}" starts)` : "";
  return (
    `${m.service.name} must be scaled to ${instances} instances (${today} today) before ` +
    `${formatInstant(by, m.zone)}${why}: on ${when(m)} it has to carry ${rps(m.load)}, but ${carries(m)}.` +
    `${together(m)} IT: plan the scale-up; it fits within max_instances.`
  );
}

export function baselineScaleUpMessage(
  service: Service,
  instances: number,
  today: number,
  load: number,
): string {
  return (
    `${service.name} must be scaled to ${instances} instances (${today} today) now: ordinary traffic alone ` +
    `(${rps(load)}, without any campaign) needs them. Raise \`instances\` to ${instances}.`
  );
}

export function redundancyMessage(m: Moment, needed: number, max: number, zones: number): string {
  return (
    `${m.service.name} could not survive losing one of its ${zones} zones on ${when(m)}: ${rps(m.load)} would ` +
    `need ${needed} instances, but max_instances is ${max} (safe capacity at max scale ` +
    `${rps(capacityRps(m.service))}).${together(m)} ` +
    `The campaign can run, without zone redundancy; IT: raise max_instances to keep it.`
  );
}

export function baselineRedundancyMessage(
  service: Service,
  needed: number,
  max: number,
  zones: number,
  load: number,
): string {
  return (
    `${service.name} could not survive losing one of its ${zones} zones even with ordinary traffic alone ` +
    `(${rps(load)}): that needs ${needed} instances, but max_instances is ${max}. Raise max_instances.`
  );
}

export function noticeMessage(m: Moment, deadline: number, now: number, noticeDays: number): string {
  return (
    `IT needs ${noticeDays} days of notice, but has ${formatDays(deadline - now)}: ${m.service.name} ` +
    `must be ready by ${formatInstant(deadline, m.zone)} for ${rps(m.load)}, but ${carries(m)}.${together(m)} ` +
    `Start the campaign later, or agree on a rushed change with IT.`
  );
}

export function freezeMessage(
  m: Moment,
  freeze: { name: string; start: number },
  now: number,
  noticeDays: number,
): string {
  return (
    `${m.service.name} needs IT work for ${formatInstant(m.instant, m.zone)} (${rps(m.load)}, and ${carries(m)}), ` +
    `which falls in the ` +
    `change freeze "${freeze.name}": the work must be done before it starts on ${formatInstant(freeze.start, m.zone)}, ` +
    `${formatDays(freeze.start - now)} from now, and IT needs ${noticeDays} days of notice.${together(m)} ` +
    `Move the campaign, or agree with IT on doing the work earlier.`
  );
}

export function pastMessage(end: number, zone: string | undefined): string {
  return `This campaign ended on ${formatInstant(end, zone)} — ignored. Delete the file or move it out of the campaigns folder.`;
}

export function forecastMessage(expected: number, multiplier: number, unit: "users" | "rps"): string {
  const what = unit === "users" ? "concurrent users" : "requests/s";
  return (
    `The forecast is a guess without a \`high\` estimate, so it is planned at ${formatNumber(expected)} × ` +
    `${multiplier} = ${formatNumber(expected * multiplier)} ${what}. Add \`high:\` with a pessimistic estimate.`
  );
}

type StandbyEntry = Failover["services"][number];

/** "10 instances × 300 requests/s" or "3,000 requests/s": what the standby environment runs. */
function standbyBasis(entry: StandbyEntry, service: Service, utilization: number): string {
  const made =
    entry.instances !== undefined && service.kind === "scalable"
      ? `${entry.instances} instances × ${rps(service.per_instance_rps)}`
      : rps(entry.rps);
  return `${made} × failover_utilization ${utilization}`;
}

export function failoverMessage(
  m: Moment,
  environment: string,
  entry: StandbyEntry,
  utilization: number,
): string {
  return (
    `${m.service.name} could not be carried in the failover environment "${environment}" on ${when(m)}: ` +
    `${rps(m.load)} against ${rps(entry.rps * utilization)} there (${standbyBasis(entry, m.service, utilization)}).` +
    `${together(m)} The campaign can run; if the primary environment fails then, the standby would be overloaded. ` +
    `IT: raise the standby capacity of ${m.service.name} to keep failover.`
  );
}

export function baselineFailoverMessage(
  service: Service,
  environment: string,
  entry: StandbyEntry,
  utilization: number,
  load: number,
): string {
  return (
    `${service.name}: ordinary traffic alone (${rps(load)}, without any campaign) could not be carried in the ` +
    `failover environment "${environment}", which carries ${rps(entry.rps * utilization)} ` +
    `(${standbyBasis(entry, service, utilization)}). Raise its standby capacity.`
  );
}

export function riskMessage(m: Moment, probability: number, capacity: number, maxRisk: number): string {
  return (
    `${formatPercent(probability)} chance that ${m.service.name} overloads on ${when(m)}: the load may exceed the ` +
    `${rps(capacity)} its planned instances carry safely (planned: ${rps(m.load)}), more than max_risk ` +
    `${formatPercent(maxRisk)}.${together(m)} Firm up the forecast (a lower \`high\`), spread the campaigns, or ask IT for ` +
    `more headroom.`
  );
}
