/**
 * A site's baseline by time of week (DESIGN 2, "Baseline by time of week"): the share of the stated
 * baseline in each local hour, times the local weekday's factor, in the profile's zone.
 *
 * The engine needs, per service, the highest baseline within each of its steps. The profiled part
 * is tabulated once on a UTC grid (an hour, or a quarter hour when a zone is off the hour) over the
 * horizon the sweep covers, so that a step's maximum is a short scan; a step longer than a week
 * takes the maximum of the whole table (never less than the true maximum).
 */
import type { BaselineProfile } from "../model.js";
import { zoneClock } from "./zone-clock.js";

const HOUR_MS = 3_600_000;
const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Local weekday of a local day number (days since 1970-01-01, a Thursday), Monday = 0. */
const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** The profile's share of the stated baseline at instant t. */
export function profileShare(profile: BaselineProfile, t: number): number {
  const local = t + zoneClock(profile.timezone).offsetAt(t);
  const day = Math.floor(local / DAY_MS);
  const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
  return profile.hours[hour]! * profile.weekdays[weekday(day)]!;
}

/** Σ weight × share over a grid: `values[k]` holds on [origin + k·slot, origin + (k+1)·slot). */
export interface ProfileSlots {
  origin: number;
  slot: number;
  values: Float64Array;
  /** Largest value of the table. */
  max: number;
  /** Highest Σ weight × share within [a, b) (b may be Infinity), never below the true maximum. */
  maxOver(a: number, b: number): number;
}

/** Tabulates Σ weight × share(t) of `terms` over [from, to + one week). */
export function profileSlots(
  terms: readonly { profile: BaselineProfile; weight: number }[],
  from: number,
  to: number,
): ProfileSlots {
  const end = Math.max(to, from) + WEEK_MS;
  const zones = [...new Set(terms.map((t) => t.profile.timezone))];
  const offHour = zones.some((z) =>
    zoneClock(z)
      .offsets(from, end)
      .some((o) => o % HOUR_MS !== 0),
  );
  const slot = offHour ? QUARTER_MS : HOUR_MS;
  const origin = Math.floor(from / slot) * slot;
  const count = Math.ceil((end - origin) / slot);
  const values = new Float64Array(count);
  const hourOf = new Uint8Array(count);
  const dayOf = new Uint8Array(count);
  for (const zone of zones) {
    const clock = zoneClock(zone);
    for (let k = 0; k < count; k++) {
      const t = origin + k * slot;
      const local = t + clock.offsetAt(t);
      const day = Math.floor(local / DAY_MS);
      hourOf[k] = Math.floor((local - day * DAY_MS) / HOUR_MS);
      dayOf[k] = weekday(day);
    }
    for (const { profile, weight } of terms) {
      if (profile.timezone !== zone) continue;
      for (let k = 0; k < count; k++)
        values[k]! += weight * profile.hours[hourOf[k]!]! * profile.weekdays[dayOf[k]!]!;
    }
  }
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  const weekSlots = WEEK_MS / slot;
  const maxOver = (a: number, b: number): number => {
    const lo = Math.max(0, Math.floor((a - origin) / slot));
    if (!Number.isFinite(b)) return max;
    const hi = Math.min(count - 1, Math.ceil((b - origin) / slot) - 1);
    if (hi - lo + 1 > weekSlots || lo >= count) return max;
    let m = 0;
    for (let k = lo; k <= hi; k++) if (values[k]! > m) m = values[k]!;
    return m;
  };
  return { origin, slot, values, max, maxOver };
}
