/**
 * The loaded, validated data the checks work on. The loader (src/core/load) turns YAML text into
 * these plain objects or into findings; the capacity engine and the review policy only ever see
 * these. Instants are epoch milliseconds (UTC); windows are half-open [start, end).
 */
import type { Position } from "./findings.js";

/** A file as read from disk or the GitHub API: path relative to the repository root, posix slashes. */
export interface SourceFile {
  path: string;
  text: string;
}

export type CampaignType = "tv_spot" | "email" | "flash_sale" | "social" | "paid" | "press" | "other";
export type Confidence = "historical" | "model" | "guess";

export interface CampaignTarget {
  site: string;
  /** 0 < share <= 1: part of the forecast reaching this site. */
  share: number;
  at: Position;
}

export interface CampaignForecast {
  /** `users` for peak_concurrent_users, `rps` for peak_requests_per_second. */
  unit: "users" | "rps";
  expected: number;
  high?: number;
  confidence: Confidence;
  basis: string;
  /** How the peak spreads over the window (DESIGN 2.1); undefined = `constant`, today's model. */
  shape?: Shape;
}

/**
 * A campaign's traffic shape: the share of its peak it adds at each instant of its window
 * (src/core/shape). Instants are epoch ms; peak hours are minutes after local midnight.
 */
export type Shape =
  | { kind: "constant" }
  | {
      kind: "daily";
      /** [from, to) in minutes after local midnight; `to <= from` wraps past midnight. */
      peak_hours: { from: number; to: number }[];
      /** Share of the peak outside the peak hours. */
      off_peak: number;
    }
  | { kind: "spike"; at: number[]; half_life_minutes: number; lasts_minutes?: number }
  | { kind: "front_loaded"; at: number; half_life_hours: number };

export interface Campaign {
  /** Path of the campaign file relative to the root. */
  file: string;
  id: string;
  name: string;
  owner: string;
  type: CampaignType;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  /** IANA zone the campaign is shown in; undefined when every instant carried its own offset. */
  timezone?: string;
  targets: CampaignTarget[];
  forecast: CampaignForecast;
  notes?: string;
  /** Source positions that findings point at. */
  at: {
    /** The `id:` value. */
    id: Position;
    /** The `window:` key. */
    window: Position;
    /** The forecast value line (`peak_concurrent_users:` or `peak_requests_per_second:` key). */
    forecast: Position;
    /** The `forecast.high` key when present, else undefined. */
    high?: Position;
  };
}

export interface CapacityDefaults {
  target_utilization: number;
  failover_utilization: number;
  notice_days: number;
  uncertainty: Record<Confidence, number>;
  /** A higher chance of overload on a service than this is a `risk` warning; undefined: none. */
  max_risk?: number;
}

interface ServiceBase {
  name: string;
  /** Effective target utilization (per-service override, else the default). */
  target_utilization: number;
  /** The service's key in the capacity file. */
  at: Position;
}

export interface ScalableService extends ServiceBase {
  kind: "scalable";
  per_instance_rps: number;
  instances: number;
  max_instances: number;
  /** Default 1. */
  zones: number;
}

export interface FixedService extends ServiceBase {
  kind: "fixed";
  max_rps: number;
}

export type Service = ScalableService | FixedService;

export interface Site {
  name: string;
  /** Requests/s one concurrent user causes; absent when the site only knows rps. */
  rps_per_user?: number;
  /** The site's ordinary load in requests/s (baseline_users × rps_per_user, or baseline_rps). */
  baseline_rps: number;
  /** Requests to each service per site request; every value > 0. */
  uses: Record<string, number>;
  /** How the baseline varies over the week; undefined: the constant `baseline_rps`. */
  profile?: BaselineProfile;
  at: Position;
}

/** A site's baseline by time of week: share of `baseline_rps` per local hour, times a weekday factor. */
export interface BaselineProfile {
  /** IANA zone the hours and weekdays are counted in. */
  timezone: string;
  /** 24 shares (0..1) of the stated baseline, for local hours 00-01 … 23-24. */
  hours: number[];
  /** 7 factors (0..1), Monday first; all 1 when absent. */
  weekdays: number[];
}

/** The standby environment (DESIGN 2, "Failover"): what each named service carries there. */
export interface Failover {
  name: string;
  /** Services with a standby capacity; others are not checked. */
  services: {
    service: string;
    /** Requests/s the standby runs (instances × per_instance_rps, or max_rps). */
    rps: number;
    /** When given as instances of a scalable service. */
    instances?: number;
    at: Position;
  }[];
  at: Position;
}

export interface Maintenance {
  name: string;
  services: string[];
  start: number;
  end: number;
  /** Share of capacity left during the window; default 0. */
  capacity_factor: number;
  at: Position;
}

export interface Freeze {
  name: string;
  start: number;
  end: number;
  at: Position;
}

export interface Capacity {
  file: string;
  defaults: CapacityDefaults;
  /** In file order. */
  services: Service[];
  /** In file order. */
  sites: Site[];
  maintenance: Maintenance[];
  freezes: Freeze[];
  /** Undefined without a `failover:` section. */
  failover?: Failover;
}

export interface ReviewGroup {
  teams: string[];
  users: string[];
}

export interface ReviewRule {
  name: string;
  paths: string[];
  require: string[];
}

export interface SlaPolicy {
  /** Business hours a group may take before it is escalated. */
  hours: number;
  /** IANA zone business hours are counted in. Default UTC. */
  timezone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are business days. Default 1-5. */
  days: number[];
  /** Business day start and end, "HH:MM" local. Default 09:00-17:00. */
  day_start: string;
  day_end: string;
  escalate: ReviewGroup;
  /** Label added when a PR is escalated. Default "review-overdue". */
  label: string;
}

export interface FastLanePolicy {
  max_utilization: number;
  waive: string[];
}

export interface ReviewPolicy {
  groups: Record<string, ReviewGroup>;
  rules: ReviewRule[];
  distinct_reviewers: boolean;
  invalidate_on_push: boolean;
  request_reviewers: boolean;
  fast_lane?: FastLanePolicy;
  sla?: SlaPolicy;
}

export interface Config {
  /** Path of the configuration file, or undefined when the defaults were used. */
  file?: string;
  /** Globs of campaign files. */
  campaigns: string[];
  /** Path of the capacity file. */
  capacity: string;
  /** Undefined when the configuration has no `review` section. */
  review?: ReviewPolicy;
  /** Undefined when the configuration has no `coordination` section (the defaults apply). */
  coordination?: CoordinationPolicy;
}

/** `coordination` in the configuration: what the app's scheduled run announces, and when. */
export interface CoordinationPolicy {
  /** Days before a freeze starts when its announcement reminds the owners of IT work due; 0 = off. */
  freeze_reminder_days: number;
}

/** `coordination.freeze_reminder_days` when the configuration does not set it. */
export const DEFAULT_FREEZE_REMINDER_DAYS = 3;

export const DEFAULT_CONFIG_PATH = ".github/campaign-gate.yml";
