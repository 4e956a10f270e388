/**
 * The `daily` shape: the full peak during the peak hours of each local day of the window (in the
 * campaign's zone, daylight saving included), `off_peak` × peak the rest of the time. Exact: it is
 * piecewise constant already, two to four pieces a day.
 */
import type { Piece } from "./decay.js";
import { zoneClock } from "./zone-clock.js";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Pieces of a daily shape over [start, end) in `zone`. */
export function dailyPieces(
  peakHours: readonly { from: number; to: number }[],
  offPeak: number,
  start: number,
  end: number,
  zone: string,
): Piece[] {
  const clock = zoneClock(zone);
  // Local days from the one before start (a range wrapping past midnight reaches into the next day).
  const firstDay = Math.floor((start + clock.offsetAt(start)) / DAY_MS) - 1;
  const lastDay = Math.floor((end + clock.offsetAt(end)) / DAY_MS);
  const peaks: [number, number][] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const local = day * DAY_MS;
    for (const { from, to } of peakHours) {
      const upto = to <= from ? to + 24 * 60 : to;
      const a = clock.toUtc(local + from * MINUTE_MS);
      const b = clock.toUtc(local + upto * MINUTE_MS);
      const s = Math.max(a, start);
      const e = Math.min(b, end);
      if (e > s) peaks.push([s, e]);
    }
  }
  peaks.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const p of peaks) {
    const last = merged[merged.length - 1];
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else merged.push([p[0], p[1]]);
  }
  const pieces: Piece[] = [];
  let cursor = start;
  for (const [s, e] of merged) {
    if (s > cursor && offPeak > 0) pieces.push({ start: cursor, end: s, factor: offPeak });
    pieces.push({ start: s, end: e, factor: 1 });
    cursor = e;
  }
  if (end > cursor && offPeak > 0) pieces.push({ start: cursor, end, factor: offPeak });
  return pieces;
}
