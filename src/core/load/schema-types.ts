// Generated from schemas/*.schema.json by test/load/schema-types.test.ts (json-schema-to-typescript). Do not edit:
// change the schema and run `UPDATE_SCHEMA_TYPES=1 npx vitest run test/load/schema-types.test.ts`.

export type Time = string;

/**
 * One marketing campaign: when it runs, which sites it hits and how much traffic it brings. One campaign per file in campaigns/.
 */
export interface CampaignGateCampaign {
  /**
   * Unique id of the campaign in this repository: lowercase letters, digits and dashes.
   */
  id: string;
  /**
   * Name people use for the campaign.
   */
  name: string;
  /**
   * Who answers questions about the campaign: a GitHub handle (@jane) or an e-mail address.
   */
  owner: string;
  /**
   * Kind of campaign.
   */
  type: "tv_spot" | "email" | "flash_sale" | "social" | "paid" | "press" | "other";
  /**
   * When the campaign brings traffic, from start (included) to end (excluded). A date alone means midnight at the start of that day as start, and the end of that day as end.
   */
  window: {
    /**
     * First moment of the campaign: a date (2026-11-27) or a date and time (2026-11-27T06:00:00-05:00). Without an offset it is read in `timezone`.
     */
    start: string;
    /**
     * End of the campaign (excluded): a date (the whole day is included) or a date and time. Without an offset it is read in `timezone`.
     */
    end: string;
  };
  /**
   * IANA time zone in which times and dates without an offset are read, daylight saving time included. Required when a time or date has no offset.
   */
  timezone?: string;
  /**
   * The sites the campaign sends people to. Each site may appear once.
   *
   * @minItems 1
   */
  targets: {
    /**
     * Name of a site in the capacity file (infra/capacity.yaml).
     */
    site: string;
    /**
     * Part of the forecast that reaches this site, more than 0 and at most 1. Default 1.
     */
    share?: number;
  }[];
  /**
   * How much traffic the campaign brings at its peak: exactly one of peak_concurrent_users or peak_requests_per_second.
   */
  forecast: (
    | {
        peak_concurrent_users: unknown;
      }
    | {
        peak_requests_per_second: unknown;
      }
  ) & {
    /**
     * Expected number of people on the sites at the same time at the peak (on top of ordinary traffic).
     */
    peak_concurrent_users?: number;
    /**
     * Expected extra requests per second at the peak, when you know requests rather than people.
     */
    peak_requests_per_second?: number;
    /**
     * Pessimistic (90th percentile) estimate in the same unit; at least the expected value. Without it, IT plans with the expected value times a safety factor for the confidence.
     */
    high?: number;
    /**
     * How the number was obtained: historical (measured in past campaigns), model (calculated), guess.
     */
    confidence: "historical" | "model" | "guess";
    /**
     * Where the number comes from, in a sentence.
     */
    basis: string;
    /**
     * How the campaign's traffic spreads over its window, in the campaign's time zone. Default constant: the peak for the whole window, around the clock. daily: the peak during peak_hours each day, off_peak × peak otherwise. spike (TV, radio, push): the full peak at each airing instant `at`, then halving every half_life_minutes, nothing after four half-lives or lasts_minutes. front_loaded (e-mail): the peak at the send instant `at` (window start by default), halving every half_life_hours.
     */
    shape?: {
      /**
       * constant, daily, spike or front_loaded.
       */
      kind: "constant" | "daily" | "spike" | "front_loaded";
      /**
       * daily: local time ranges (HH:MM-HH:MM, in `timezone`) when the campaign is at its peak each day; a range may run past midnight (22:00-02:00).
       *
       * @minItems 1
       */
      peak_hours?: string[];
      /**
       * daily: share of the peak the campaign brings outside peak_hours, 0 to 1. Default 0.2.
       */
      off_peak?: number;
      /**
       * spike: the airing instants (a list); front_loaded: the send instant (default: the window's start). Without an offset, read in `timezone`.
       */
      at?: Time | Time[];
      /**
       * spike: minutes after which the surge has halved.
       */
      half_life_minutes?: number;
      /**
       * spike: optional; minutes after each airing from which it adds nothing.
       */
      lasts_minutes?: number;
      /**
       * front_loaded: hours after which the traffic from the send has halved.
       */
      half_life_hours?: number;
    };
  };
  /**
   * Free text for reviewers.
   */
  notes?: string;
}

/**
 * One backend service, named by this key (lowercase letters, digits, dashes and underscores, like `web-shop`): scalable (per_instance_rps, instances, max_instances) or fixed (max_rps). Sites name it under `uses`, maintenance under `services`.
 */
export type Service = {
  /**
   * Requests per second one instance serves within its latency objective (from a load test).
   */
  per_instance_rps?: number;
  /**
   * Instances running today.
   */
  instances?: number;
  /**
   * Autoscaling ceiling or quota: the most instances IT can run.
   */
  max_instances?: number;
  /**
   * Instances are spread evenly over this many zones; the service must survive losing one. Default 1.
   */
  zones?: number;
  /**
   * Requests per second a fixed-capacity service (one that cannot scale, like a database) serves.
   */
  max_rps?: number;
  /**
   * Overrides defaults.target_utilization for this service.
   */
  target_utilization?: number;
} & (
  | {
      per_instance_rps: unknown;
      instances: unknown;
      max_instances: unknown;
      max_rps?: never;
    }
  | {
      max_rps: unknown;
      per_instance_rps?: never;
      instances?: never;
      max_instances?: never;
      zones?: never;
    }
);
/**
 * One website, named by this key (lowercase letters, digits, dashes and underscores, like `shop`), which campaigns name in `targets[].site`: its ordinary load (baseline_users or baseline_rps) and the services each of its requests reaches (`uses`).
 */
export type Site = {
  /**
   * Requests per second one concurrent user causes (pages per visit × requests per page / visit duration).
   */
  rps_per_user?: number;
  /**
   * Ordinary peak concurrent users without any campaign. Needs rps_per_user.
   */
  baseline_users?: number;
  /**
   * Ordinary peak requests per second without any campaign.
   */
  baseline_rps?: number;
  /**
   * Requests to each service per request to this site (each more than 0).
   */
  uses: {
    /**
     * Requests to this service (a name under `services`, like `web-shop`) per request to the site, more than 0: 0.4 means four requests to the service for every ten requests to the site.
     */
    [k: string]: number;
  };
  /**
   * Optional: how the ordinary traffic varies over the week. The stated baseline is the peak; each local hour carries a share of it, times the weekday's factor.
   */
  profile?: {
    /**
     * IANA time zone in which the hours and weekdays are counted.
     */
    timezone: string;
    /**
     * 24 shares of the baseline, 0 to 1, for the local hours 00-01, 01-02, … 23-24.
     *
     * @minItems 24
     * @maxItems 24
     */
    hours: number[];
    /**
     * Optional: 7 factors, 0 to 1, Monday first, multiplying the hour's share. Default all 1.
     *
     * @minItems 7
     * @maxItems 7
     */
    weekdays?: number[];
  };
} & (
  | {
      baseline_users: unknown;
    }
  | {
      baseline_rps: unknown;
    }
);

/**
 * Infrastructure limits kept by IT: services with their capacity, the sites using them, maintenance windows and change freezes. Times here need an offset or Z (2026-12-02T01:00:00Z); a date alone is UTC midnight (as start) or the next UTC midnight (as end).
 */
export interface CampaignGateCapacity {
  /**
   * Planning defaults; every key is optional.
   */
  defaults?: {
    /**
     * Share of a service's capacity above which load is unsafe. Default 0.7.
     */
    target_utilization?: number;
    /**
     * Share of capacity allowed on the surviving instances after losing one zone. Default 0.9.
     */
    failover_utilization?: number;
    /**
     * Days of notice IT needs before a campaign that requires more capacity. Default 14.
     */
    notice_days?: number;
    /**
     * Planning multiplier per forecast confidence, used when a campaign gives no `high` estimate. Defaults: historical 1.2, model 1.5, guess 2.
     */
    uncertainty?: {
      /**
       * Multiplier for historical forecasts. Default 1.2.
       */
      historical?: number;
      /**
       * Multiplier for model forecasts. Default 1.5.
       */
      model?: number;
      /**
       * Multiplier for guesses. Default 2.
       */
      guess?: number;
    };
    /**
     * Optional: a campaign whose chance of overloading a service (its load above what the planned instances carry safely) is higher than this share, 0 to 1, gets a `risk` warning. Without it, the risk is reported but never warned about.
     */
    max_risk?: number;
  };
  /**
   * Backend services by name. A service is either scalable (per_instance_rps, instances, max_instances) or fixed (max_rps), never both.
   */
  services: {
    [k: string]: Service;
  };
  /**
   * Websites by name; campaigns target these names. Several sites may share a service.
   */
  sites: {
    [k: string]: Site;
  };
  /**
   * Planned maintenance windows that reduce a service's capacity.
   */
  maintenance?: {
    /**
     * What the maintenance is.
     */
    name: string;
    /**
     * Services affected.
     *
     * @minItems 1
     */
    services: string[];
    /**
     * Start of the maintenance, with an offset or Z; a date alone is UTC midnight.
     */
    start: string;
    /**
     * End of the maintenance (excluded), with an offset or Z; a date alone is the next UTC midnight.
     */
    end: string;
    /**
     * Share of capacity left during the window, 0 to 1. Default 0 (the service is down).
     */
    capacity_factor?: number;
  }[];
  /**
   * Windows in which IT makes no infrastructure changes (no scaling).
   */
  freezes?: {
    /**
     * Name of the freeze.
     */
    name: string;
    /**
     * Start of the freeze, with an offset or Z; a date alone is UTC midnight.
     */
    start: string;
    /**
     * End of the freeze (excluded), with an offset or Z; a date alone is the next UTC midnight.
     */
    end: string;
  }[];
  /**
   * Optional: the standby environment (a second cloud or region) the services fail over to, with what each named service runs there. A campaign whose load could not be carried there at failover_utilization gets a `failover` warning; services not named are not checked.
   */
  failover?: {
    /**
     * Name of the standby environment, used in messages. Default "failover".
     */
    name?: string;
    /**
     * Per service (a name under `services`): the standby capacity, as instances (of a scalable service, each serving its per_instance_rps) or max_rps.
     */
    services: {
      [k: string]: (
        | {
            instances: unknown;
            max_rps?: never;
          }
        | {
            max_rps: unknown;
            instances?: never;
          }
      ) & {
        /**
         * Instances the standby runs for a scalable service.
         */
        instances?: number;
        /**
         * Requests per second the standby serves.
         */
        max_rps?: number;
      };
    };
  };
}

/**
 * Configuration of campaign-gate (.github/campaign-gate.yml). Every key is optional.
 */
export interface CampaignGateConfiguration {
  /**
   * Glob patterns of campaign files, relative to the repository root.
   *
   * @minItems 1
   */
  campaigns?: string[];
  /**
   * Path of the capacity file, relative to the repository root.
   */
  capacity?: string;
  /**
   * Review rules the GitHub App enforces on pull requests.
   */
  review?: {
    /**
     * Reviewer groups by name: GitHub teams and users whose approval fills the group.
     */
    groups: {
      [k: string]: Group;
    };
    /**
     * Which groups must approve a pull request that changes which files.
     */
    rules: {
      /**
       * Name of the rule, shown in the check.
       */
      name: string;
      /**
       * Glob patterns of files this rule covers.
       *
       * @minItems 1
       */
      paths: string[];
      /**
       * Groups that must each approve.
       *
       * @minItems 1
       */
      require: string[];
    }[];
    /**
     * One person fills at most one group; the author fills none. Default true.
     */
    distinct_reviewers?: boolean;
    /**
     * Approvals count only if the files they covered are unchanged since. Default true.
     */
    invalidate_on_push?: boolean;
    /**
     * Request reviews from groups that have not approved yet. Default true.
     */
    request_reviewers?: boolean;
    /**
     * Waive some groups for low-impact campaigns.
     */
    fast_lane?: {
      /**
       * Highest utilization (share of safe capacity at max scale) a campaign may cause and still take the fast lane.
       */
      max_utilization: number;
      /**
       * Groups whose approval is not needed on the fast lane.
       */
      waive: string[];
    };
    /**
     * How long reviews may take before they are escalated, counted in business hours.
     */
    sla?: {
      /**
       * Business hours a group may take to review.
       */
      hours: number;
      /**
       * IANA time zone of the business hours. Default UTC.
       */
      timezone?: string;
      /**
       * Business days as ISO weekdays (1 = Monday … 7 = Sunday). Default Monday to Friday.
       *
       * @minItems 1
       */
      days?: number[];
      /**
       * Start of the business day, HH:MM local. Default 09:00.
       */
      day_start?: string;
      /**
       * End of the business day, HH:MM local. Default 17:00.
       */
      day_end?: string;
      escalate?: Group1;
      /**
       * Label added to an overdue pull request. Default review-overdue.
       */
      label?: string;
    };
  };
  /**
   * How the GitHub App's scheduled run keeps marketing and IT informed about maintenance windows and change freezes.
   */
  coordination?: {
    /**
     * Days before a change freeze starts when the app reminds, on the freeze's announcement issue, the owners of campaigns that need IT work before it. 0 turns the reminder off. Default 3.
     */
    freeze_reminder_days?: number;
  };
}
/**
 * One reviewer group, named by this key (lowercase letters, digits, dashes and underscores, like `marketing`): the GitHub teams and users whose approval fills it. Rules name it under `require`.
 */
export interface Group {
  /**
   * GitHub team slugs (without the organisation).
   */
  teams?: string[];
  /**
   * GitHub user names.
   */
  users?: string[];
}
/**
 * Who is asked to review when the time is up.
 */
export interface Group1 {
  /**
   * GitHub team slugs (without the organisation).
   */
  teams?: string[];
  /**
   * GitHub user names.
   */
  users?: string[];
}
