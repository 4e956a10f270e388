/**
 * "Maintenance announced before" (issue 14): from the capacity file before and after a change, the
 * maintenance windows and change freezes it adds or changes, each with the campaigns it touches,
 * their owners, and what the window means for each. Plain data in, plain data out, so the Action
 * (PR comment and job summary) and the app (announcement issue) say the same thing.
 */
import { capacityRps } from "../capacity/instances.js";
import { baselineLoads, campaignServiceLoads } from "../capacity/loads.js";
import { formatInstant, formatNumber, formatPercent, formatWindowEnd } from "../format.js";
import type { Campaign, Capacity, Freeze, Maintenance } from "../model.js";
import type { Report } from "../report.js";
import { freezeOverlaps, maintenanceOverlaps, sitesUsing, type CampaignOverlap } from "./overlaps.js";

export type WindowKind = "maintenance" | "freeze";

/** A window as announced: times as UTC ISO strings. */
export interface AnnouncedWindow {
  name: string;
  start: string;
  end: string;
  /** Maintenance only. */
  services?: string[];
  /** Maintenance only: share of capacity left, 0 = down. */
  capacity_factor?: number;
}

/** One campaign a window touches, and what the window means for it. */
export interface AffectedCampaign {
  id: string;
  name: string;
  /** As written in the campaign file, e.g. "@jane" or "@acme/shop-marketing". */
  owner: string;
  file: string;
  /** UTC ISO: the campaign's window. */
  start: string;
  end: string;
  timezone?: string;
  /** The campaign's sites that use an affected service (every site for a freeze). */
  sites: string[];
  /** Affected services its sites use (maintenance), or the services IT must scale before a freeze. */
  services: string[];
  /** Whether the campaign runs during the window (a freeze can also matter before, see `effects`). */
  during: boolean;
  /** Plain sentences, one per effect, with times in the campaign's zone. */
  effects: string[];
  /** Messages of the check's findings that this window causes for the campaign (it cannot be held as is). */
  problems: string[];
}

export interface Announcement {
  kind: WindowKind;
  change: "added" | "changed";
  /** Stable identity of the window for markers and idempotency: kind and name. */
  key: string;
  window: AnnouncedWindow;
  /** The window before the change, for `changed`. */
  previous?: AnnouncedWindow;
  /** Sites using the maintenance's services (capacity-file order); empty for a freeze. */
  sites: string[];
  campaigns: AffectedCampaign[];
  /** One line, e.g. for an announcement issue's title. */
  title: string;
  /** One sentence: what happens and when, in UTC. */
  summary: string;
}

export interface AnnounceInput {
  /** The capacity file at the base; undefined when it did not exist or did not load. */
  before: Capacity | undefined;
  /** The capacity file at the head. */
  after: Capacity;
  /** The campaigns at the head. */
  campaigns: readonly Campaign[];
  /** The check of the head, for the findings and the scale-up plan a window causes. */
  report: Pick<Report, "findings" | "plan">;
  /** Epoch ms: windows that have ended are not announced. */
  now: number;
}

/**
 * Announcements for every maintenance window and freeze that is new or changed at the head and has
 * not ended, in capacity-file order (maintenance first). Windows are matched by name (the n-th of a
 * repeated name with the n-th); a renamed window counts as added.
 */
export function announceWindows(input: AnnounceInput): Announcement[] {
  const { before, after, now } = input;
  const announcements: Announcement[] = [];
  const oldMaintenance = byName(before?.maintenance ?? []);
  const maintenanceSeen = new Map<string, number>();
  for (const m of after.maintenance) {
    const previous = next(oldMaintenance, maintenanceSeen, m.name);
    if (m.end <= now || (previous && sameMaintenance(previous, m))) continue;
    announcements.push(maintenanceAnnouncement(input, m, previous));
  }
  const oldFreezes = byName(before?.freezes ?? []);
  const freezesSeen = new Map<string, number>();
  for (const f of after.freezes) {
    const previous = next(oldFreezes, freezesSeen, f.name);
    if (f.end <= now || (previous && previous.start === f.start && previous.end === f.end)) continue;
    announcements.push(freezeAnnouncement(input, f, previous));
  }
  return announcements;
}

function maintenanceAnnouncement(
  { after, campaigns, report }: AnnounceInput,
  m: Maintenance,
  previous: Maintenance | undefined,
): Announcement {
  const serviceIndex = new Map(after.services.map((s, i) => [s.name, i]));
  const sites = new Map(after.sites.map((s) => [s.name, s]));
  const baseline = baselineLoads(after, serviceIndex);
  const left = m.capacity_factor === 0 ? "down" : `at ${formatPercent(m.capacity_factor)} of capacity`;
  const affected = maintenanceOverlaps(m, after, campaigns).map((o) => {
    const loads = campaignServiceLoads(o.campaign, after.defaults, sites, serviceIndex);
    const zone = o.campaign.timezone ?? "UTC";
    const effects = o.services.map((name) => {
      const i = serviceIndex.get(name)!;
      const service = after.services[i]!;
      const safe = capacityRps(service);
      const own = loads.find((l) => l.service === i)?.rps ?? 0;
      const span = `${formatInstant(o.from, zone)} to ${formatInstant(o.to, zone)}`;
      const need = `this campaign adds up to ${rps(own)} on top of ${rps(baseline[i] ?? 0)} ordinary traffic`;
      return m.capacity_factor === 0
        ? `${name} is down from ${span}: the sites ${o.sites.join(", ")} cannot use it then (${need}).`
        : `${name} keeps ${formatPercent(m.capacity_factor)} of its capacity from ${span}: ${rps(safe * m.capacity_factor)} instead of ${rps(safe)}; ${need}.`;
    });
    const problems = report.findings
      .filter(
        (f) =>
          f.rule === "maintenance" &&
          f.service !== undefined &&
          o.services.includes(f.service) &&
          involves(f, o.campaign.id),
      )
      .map((f) => f.message);
    return affectedCampaign(o, true, effects, problems);
  });
  const window = announced(m);
  return {
    kind: "maintenance",
    change: previous ? "changed" : "added",
    key: `maintenance:${m.name}`,
    window,
    ...(previous ? { previous: announced(previous) } : {}),
    sites: sitesUsing(after, m.services),
    campaigns: affected,
    title: `Maintenance "${m.name}": ${m.services.join(", ")} ${left}, ${span(m)}`,
    summary: `IT maintenance "${m.name}" takes ${m.services.join(", ")} ${m.capacity_factor === 0 ? "down" : `to ${formatPercent(m.capacity_factor)} of capacity`} from ${formatInstant(m.start)} to ${formatWindowEnd(m.end)}.`,
  };
}

function freezeAnnouncement(
  { campaigns, report }: AnnounceInput,
  f: Freeze,
  previous: Freeze | undefined,
): Announcement {
  const freezeStart = new Date(f.start).toISOString();
  const during = new Map(freezeOverlaps(f, campaigns).map((o) => [o.campaign.id, o]));
  // Scale-ups whose deadline the freeze moved to its start: IT work that must happen before it.
  const planned = report.plan.filter((p) => p.by === freezeStart);
  const before = new Set(planned.flatMap((p) => p.campaigns));
  const affected = [...campaigns]
    .filter((c) => during.has(c.id) || before.has(c.id))
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1))
    .map((c) => {
      const zone = c.timezone ?? "UTC";
      const o = during.get(c.id);
      const effects: string[] = [];
      const scaled = planned.filter((p) => p.campaigns.includes(c.id));
      for (const p of scaled)
        effects.push(
          `IT must scale ${p.service} to ${p.instances} instances before the freeze starts on ${formatInstant(f.start, zone)}.`,
        );
      if (o)
        effects.push(
          `No infrastructure changes (no scaling) from ${formatInstant(o.from, zone)} to ${formatInstant(o.to, zone)} while the campaign runs: whatever capacity it needs must be in place before.`,
        );
      const problems = report.findings
        .filter((x) => x.rule === "freeze" && involves(x, c.id) && x.message.includes(`"${f.name}"`))
        .map((x) => x.message);
      const overlap: CampaignOverlap = o ?? {
        campaign: c,
        sites: [...new Set(c.targets.map((t) => t.site))],
        services: [],
        from: c.start,
        to: c.end,
      };
      return affectedCampaign(
        { ...overlap, services: scaled.map((p) => p.service) },
        o !== undefined,
        effects,
        problems,
      );
    });
  return {
    kind: "freeze",
    change: previous ? "changed" : "added",
    key: `freeze:${f.name}`,
    window: announced(f),
    ...(previous ? { previous: announced(previous) } : {}),
    sites: [],
    campaigns: affected,
    title: `Change freeze "${f.name}": ${span(f)}`,
    summary: `Change freeze "${f.name}": IT makes no infrastructure changes (no scaling) from ${formatInstant(f.start)} to ${formatWindowEnd(f.end)}.`,
  };
}

function affectedCampaign(
  o: CampaignOverlap,
  during: boolean,
  effects: string[],
  problems: string[],
): AffectedCampaign {
  const c = o.campaign;
  return {
    id: c.id,
    name: c.name,
    owner: c.owner,
    file: c.file,
    start: new Date(c.start).toISOString(),
    end: new Date(c.end).toISOString(),
    ...(c.timezone ? { timezone: c.timezone } : {}),
    sites: o.sites,
    services: o.services,
    during,
    effects,
    problems,
  };
}

function announced(w: Maintenance | Freeze): AnnouncedWindow {
  return {
    name: w.name,
    start: new Date(w.start).toISOString(),
    end: new Date(w.end).toISOString(),
    ...("services" in w ? { services: [...w.services], capacity_factor: w.capacity_factor } : {}),
  };
}

function span(w: { start: number; end: number }): string {
  return `${formatInstant(w.start)} to ${formatWindowEnd(w.end)}`;
}

function rps(value: number): string {
  return `${formatNumber(value)} requests/s`;
}

function involves(f: { campaign?: string; campaigns?: string[] }, id: string): boolean {
  return f.campaign === id || (f.campaigns?.includes(id) ?? false);
}

function sameMaintenance(a: Maintenance, b: Maintenance): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.capacity_factor === b.capacity_factor &&
    a.services.length === b.services.length &&
    a.services.every((s) => b.services.includes(s))
  );
}

function byName<T extends { name: string }>(windows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const w of windows) map.set(w.name, [...(map.get(w.name) ?? []), w]);
  return map;
}

/** The n-th old window of this name, for the n-th new one. */
function next<T>(old: Map<string, T[]>, seen: Map<string, number>, name: string): T | undefined {
  const n = seen.get(name) ?? 0;
  seen.set(name, n + 1);
  return old.get(name)?.[n];
}
