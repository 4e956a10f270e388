/**
 * Terse builders of model objects for capacity tests: campaigns and capacity files without YAML.
 */
import type {
  Campaign,
  Capacity,
  CapacityDefaults,
  FixedService,
  Freeze,
  Maintenance,
  ScalableService,
  Site,
} from "../../src/core/model.js";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** A fixed "now" for tests: Mon 23 Nov 2026 00:00 UTC. */
export const NOW = Date.UTC(2026, 10, 23);

/** An instant from an ISO string. */
export const at = (iso: string): number => Date.parse(iso);

const pos = (line: number, column = 1) => ({ line, column });

export interface CampaignSpec {
  id: string;
  start: number | string;
  end: number | string;
  /** Site names, or [site, share] pairs. */
  sites?: (string | [string, number])[];
  users?: number;
  rps?: number;
  high?: number;
  confidence?: "historical" | "model" | "guess";
  timezone?: string;
  file?: string;
}

/** A campaign; the forecast is `rps` requests/s unless `users` is given; default high = expected. */
export function campaign(spec: CampaignSpec): Campaign {
  const unit = spec.users !== undefined ? "users" : "rps";
  const expected = spec.users ?? spec.rps ?? 100;
  const confidence = spec.confidence ?? "historical";
  const high = spec.high ?? (spec.confidence === undefined ? expected : undefined);
  const time = (v: number | string) => (typeof v === "number" ? v : at(v));
  return {
    file: spec.file ?? `campaigns/${spec.id}.yaml`,
    id: spec.id,
    name: spec.id,
    owner: "@jane",
    type: "other",
    start: time(spec.start),
    end: time(spec.end),
    ...(spec.timezone !== undefined ? { timezone: spec.timezone } : {}),
    targets: (spec.sites ?? ["shop"]).map((s) =>
      typeof s === "string"
        ? { site: s, share: 1, at: pos(9, 5) }
        : { site: s[0], share: s[1], at: pos(9, 5) },
    ),
    forecast: { unit, expected, ...(high !== undefined ? { high } : {}), confidence, basis: "test" },
    at: { id: pos(1), window: pos(5), forecast: pos(14, 3) },
  };
}

export function scalable(
  name: string,
  p: number,
  instances: number,
  max: number,
  extra: { zones?: number; target_utilization?: number; line?: number } = {},
): ScalableService {
  return {
    kind: "scalable",
    name,
    per_instance_rps: p,
    instances,
    max_instances: max,
    zones: extra.zones ?? 1,
    target_utilization: extra.target_utilization ?? 1,
    at: pos(extra.line ?? 10, 3),
  };
}

export function fixed(
  name: string,
  maxRps: number,
  extra: { target_utilization?: number; line?: number } = {},
): FixedService {
  return {
    kind: "fixed",
    name,
    max_rps: maxRps,
    target_utilization: extra.target_utilization ?? 1,
    at: pos(extra.line ?? 20, 3),
  };
}

/** A site with `baseline_rps` and `uses`; `rps_per_user` defaults to 1. */
export function site(name: string, baseline: number, uses: Record<string, number>, rpsPerUser = 1): Site {
  return { name, rps_per_user: rpsPerUser, baseline_rps: baseline, uses, at: pos(30, 3) };
}

export function maintenance(
  services: string[],
  start: number | string,
  end: number | string,
  factor = 0,
): Maintenance {
  const time = (v: number | string) => (typeof v === "number" ? v : at(v));
  return {
    name: "upgrade",
    services,
    start: time(start),
    end: time(end),
    capacity_factor: factor,
    at: pos(40, 5),
  };
}

export function freeze(start: number | string, end: number | string, name = "Holiday freeze"): Freeze {
  const time = (v: number | string) => (typeof v === "number" ? v : at(v));
  return { name, start: time(start), end: time(end), at: pos(50, 5) };
}

export const DEFAULTS: CapacityDefaults = {
  target_utilization: 1,
  failover_utilization: 1,
  notice_days: 14,
  uncertainty: { historical: 1.2, model: 1.5, guess: 2 },
};

export function capacity(spec: {
  services: (ScalableService | FixedService)[];
  sites: Site[];
  maintenance?: Maintenance[];
  freezes?: Freeze[];
  defaults?: Partial<CapacityDefaults>;
}): Capacity {
  return {
    file: "infra/capacity.yaml",
    defaults: { ...DEFAULTS, ...spec.defaults },
    services: spec.services,
    sites: spec.sites,
    maintenance: spec.maintenance ?? [],
    freezes: spec.freezes ?? [],
  };
}
