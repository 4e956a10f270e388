/**
 * PullState: everything the review policy needs about one pull request, as plain data. The app's
 * gather step fills it from GitHub; `evaluateReview` decides from it alone. Coordination features
 * (reviewer requests, SLA, fast lane) extend this object rather than calling GitHub themselves.
 */
import type { Finding } from "../findings.js";
import type { Config } from "../model.js";
import type { Review } from "./reviews.js";

export interface PullInfo {
  owner: string;
  repo: string;
  number: number;
  /** Login of the pull request's author. */
  author: string;
  head_sha: string;
  base_sha: string;
  base_ref: string;
  /** Drafts get no reviewer requests. */
  draft: boolean;
  /** Logins whose review is requested and still outstanding. */
  requested_users: string[];
  /** Slugs of teams whose review is requested and still outstanding. */
  requested_teams: string[];
}

/** The configuration as read from the base branch (the defaults, without `review`, when the file is missing). */
export type ConfigState = { kind: "invalid"; findings: Finding[] } | { kind: "loaded"; config: Config };

export interface PullState {
  pull: PullInfo;
  config: ConfigState;
  /** Paths the pull request changes (old names of renames included); `complete: false` when GitHub cut the list. */
  files: { paths: string[]; complete: boolean };
  /** The pull request's reviews, in any order. Empty when they were not needed. */
  reviews: Review[];
  /**
   * Active members per team, as written in the policy (`slug` or `org/slug`), lowercase logins.
   * Only people who reviewed need to be listed: membership is looked up for reviewers only.
   */
  team_members: Record<string, string[]>;
  /**
   * Per reviewed commit sha: the paths changed between it and the head, or null when that is
   * unknown (compare incomplete, failed or the commit is not an ancestor of the head).
   */
  changed_since: Record<string, string[] | null>;
  /** Groups waived by the fast lane, with the reason shown; filled by the coordination step. */
  waived?: Record<string, string>;
  /** Why the fast lane did not apply, when the policy has one (shown under the groups). */
  fast_lane_note?: string;
}
