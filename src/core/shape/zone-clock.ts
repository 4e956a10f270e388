/**
 * Local wall-clock arithmetic in an IANA zone without a Temporal call per instant: the zone's UTC
 * offset changes only at transitions, which Temporal (temporal-polyfill) finds once per zone and
 * year; between them local time is UTC plus a constant. Shapes and baseline profiles convert
 * thousands of instants, so this keeps them cheap.
 */
import { Temporal } from "temporal-polyfill";

const YEAR_MS = 366 * 86_400_000;

export interface ZoneClock {
  /** Offset (local − UTC, ms) in effect at instant `utc`. */
  offsetAt(utc: number): number;
  /**
   * The instant of a local wall-clock time given as ms since the local epoch. In a spring-forward
   * gap the time is moved forward by the gap (Temporal's "compatible"); in a fall-back overlap the
   * earlier instant is taken (as for campaign windows, DESIGN 1.1).
   */
  toUtc(local: number): number;
  /** Every offset in effect during [from, to). */
  offsets(from: number, to: number): number[];
}

interface Segment {
  /** First instant of the segment. */
  from: number;
  offset: number;
}

const clocks = new Map<string, ZoneClock>();

/** The clock of `zone` (a canonical IANA name the loader has accepted). */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = makeClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

function makeClock(zone: string): ZoneClock {
  // Segments cover [lo, hi); extended on demand, a year at a time.
  const offsetOf = (ms: number): number =>
    Number(new Temporal.ZonedDateTime(BigInt(ms) * 1_000_000n, zone).offsetNanoseconds / 1e6);
  let lo = 0;
  let hi = 0;
  let segments: Segment[] = [];
  const cover = (from: number, to: number): Segment[] => {
    const out: Segment[] = [{ from, offset: offsetOf(from) }];
    let z: Temporal.ZonedDateTime | null = new Temporal.ZonedDateTime(BigInt(from) * 1_000_000n, zone);
    for (;;) {
      z = z.getTimeZoneTransition("next");
      if (!z || z.epochMilliseconds >= to) break;
      out.push({ from: z.epochMilliseconds, offset: offsetOf(z.epochMilliseconds) });
    }
    return out;
  };
  const ensure = (ms: number): void => {
    if (segments.length === 0) {
      lo = ms - YEAR_MS;
      hi = ms + YEAR_MS;
      segments = cover(lo, hi);
      return;
    }
    while (ms < lo) {
      const from = lo - YEAR_MS;
      segments = [...cover(from, lo), ...segments];
      lo = from;
    }
    while (ms >= hi) {
      const to = hi + YEAR_MS;
      segments = [...segments, ...cover(hi, to).slice(1)];
      hi = to;
    }
  };
  const offsetAt = (utc: number): number => {
    ensure(utc);
    let a = 0;
    let b = segments.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (segments[mid]!.from <= utc) a = mid;
      else b = mid - 1;
    }
    return segments[a]!.offset;
  };
  const toUtc = (local: number): number => {
    // Candidates: the offsets a day either side; a valid reading satisfies offsetAt(local − o) = o.
    const before = offsetAt(local - 86_400_000);
    const after = offsetAt(local + 86_400_000);
    const readings = [before, after].filter((o) => offsetAt(local - o) === o).map((o) => local - o);
    if (readings.length > 0) return Math.min(...readings);
    // In a gap: read with the offset before the jump, which lands after it.
    return local - before;
  };
  const offsets = (from: number, to: number): number[] => {
    ensure(from);
    ensure(to);
    const out = new Set<number>([offsetAt(from)]);
    for (const seg of segments) if (seg.from >= from && seg.from < to) out.add(seg.offset);
    return [...out];
  };
  return { offsetAt, toUtc, offsets };
}
