/**
 * The sweep (DESIGN section 2, "Time"): from `now` on, the load on every service is piecewise
 * constant. Window and maintenance boundaries are sorted once (ends before starts at equal
 * instants); each boundary updates only the services its campaign or maintenance touches, and only
 * those services get a new step. Cost: O(boundaries × services touched) plus the sort.
 */
import type { ServiceLoad } from "./loads.js";

/**
 * A piece of a campaign's window clipped to `now`, with its load per service: the campaign's
 * planned loads (`loads`, shared by all its pieces) × the shape's share there (`factor`; read
 * through `pieceRps`). A `constant` campaign is one piece: its whole window at factor 1.
 */
export interface LoadItem {
  start: number;
  end: number;
  loads: readonly ServiceLoad[];
  /** The shape's share of the planned load in this piece. */
  factor: number;
  /** Index of the campaign the piece belongs to. */
  owner: number;
}

/**
 * Load k of piece `item` (rps): its planned load × the piece's factor. Computed where it is read
 * rather than kept per piece: a shaped campaign has tens of pieces, and a list of scaled loads
 * per piece was about 25 MB of the 10k stress repository with shapes. x × 1 is x exactly, so a
 * constant campaign's load is its planned load to the bit, as before.
 */
export function pieceRps(item: LoadItem, k: number): number {
  return item.loads[k]!.rps * item.factor;
}

export interface MaintenanceItem {
  start: number;
  end: number;
  services: number[];
  factor: number;
}

/**
 * One service's load as a step function: step i holds on [times[i], times[i+1]) (the last one
 * forever). A new step starts wherever a boundary touched the service, so steps are at least as
 * fine as the maximal intervals of constant load and maintenance.
 */
export interface Steps {
  times: number[];
  /** Typed arrays of exactly the step count (a counting walk first): no boxed numbers, no slack. */
  loads: Float64Array;
  /** Share of capacity left by maintenance (the lowest active factor), 1 without maintenance. */
  factors: Float64Array;
  /** Index of the maintenance setting `factors`, -1 without maintenance. */
  maintenance: Int32Array;
}

const CAMPAIGN_END = 0;
const MAINTENANCE_END = 1;
const CAMPAIGN_START = 2;
const MAINTENANCE_START = 3;

/** Boundaries sorted by instant, ends before starts; `codes` = item index × 4 + kind. */
export interface Boundaries {
  times: Float64Array;
  codes: Int32Array;
}

/** Sorts the boundaries of everything that is still running or ahead at `now`. */
export function boundaries(now: number, campaigns: LoadItem[], maintenance: MaintenanceItem[]): Boundaries {
  const times: number[] = [];
  const codes: number[] = [];
  const add = (start: number, end: number, index: number, startKind: number, endKind: number): void => {
    if (end <= now || end <= start) return;
    times.push(Math.max(start, now), end);
    codes.push(index * 4 + startKind, index * 4 + endKind);
  };
  for (let i = 0; i < campaigns.length; i++) {
    const c = campaigns[i]!;
    add(c.start, c.end, i, CAMPAIGN_START, CAMPAIGN_END);
  }
  for (let i = 0; i < maintenance.length; i++) {
    const m = maintenance[i]!;
    add(m.start, m.end, i, MAINTENANCE_START, MAINTENANCE_END);
  }
  // Plain loops instead of iterator-driven `from`s: fewer short-lived objects for the collector.
  const order = new Array<number>(times.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // -1/0/1 rather than the difference of two instants, which is no small integer and so was a
  // fresh heap number per comparison.
  order.sort((a, b) =>
    times[a]! < times[b]!
      ? -1
      : times[a]! > times[b]!
        ? 1
        : (codes[a]! & 3) - (codes[b]! & 3) || codes[a]! - codes[b]!,
  );
  const sortedTimes = new Float64Array(order.length);
  const sortedCodes = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    sortedTimes[i] = times[order[i]!]!;
    sortedCodes[i] = codes[order[i]!]!;
  }
  return { times: sortedTimes, codes: sortedCodes };
}

/**
 * Walks the boundaries; after all boundaries of one instant are applied, calls `visit(t, touched,
 * count)` with the services whose campaigns or maintenance changed there (every service at `now`),
 * the first `count` entries of `touched`: one buffer for the whole walk (truncating an array frees
 * its backing store, and refilling it reallocated one at every instant).
 * `onCampaign(index, +1|-1)` and `onMaintenance` apply a boundary.
 */
function walk(
  now: number,
  serviceCount: number,
  b: Boundaries,
  campaigns: LoadItem[],
  maintenance: MaintenanceItem[],
  onCampaign: (index: number, sign: 1 | -1) => void,
  onMaintenance: (index: number, sign: 1 | -1) => void,
  visit: (t: number, touched: ArrayLike<number>, count: number) => void,
): void {
  const all = new Array<number>(serviceCount);
  for (let s = 0; s < serviceCount; s++) all[s] = s;
  const dirty = new Uint8Array(serviceCount);
  const touched = new Int32Array(serviceCount);
  let count = 0;
  const touch = (s: number): void => {
    if (dirty[s]) return;
    dirty[s] = 1;
    touched[count++] = s;
  };
  if (b.times.length === 0 || b.times[0]! > now) visit(now, all, serviceCount);
  let i = 0;
  while (i < b.times.length) {
    const t = b.times[i]!;
    for (; i < b.times.length && b.times[i] === t; i++) {
      const code = b.codes[i]!;
      const kind = code & 3;
      const index = code >> 2;
      const sign = kind >= CAMPAIGN_START ? 1 : -1;
      if (kind === CAMPAIGN_START || kind === CAMPAIGN_END) {
        onCampaign(index, sign);
        const item = campaigns[index]!;
        for (let k = 0; k < item.loads.length; k++) if (pieceRps(item, k) > 0) touch(item.loads[k]!.service);
      } else {
        onMaintenance(index, sign);
        const services = maintenance[index]!.services;
        for (let k = 0; k < services.length; k++) touch(services[k]!);
      }
    }
    if (t === now) visit(t, all, serviceCount);
    else visit(t, touched, count);
    for (let k = 0; k < count; k++) dirty[touched[k]!] = 0;
    count = 0;
  }
}

/**
 * Each service's number of steps, so the step arrays are made at their final size: one at `now`
 * (every service has it) plus one per later instant where a boundary touches the service, the
 * same touches as `walk` makes, counted in one plain loop.
 */
function stepCounts(
  now: number,
  serviceCount: number,
  b: Boundaries,
  campaigns: LoadItem[],
  maintenance: MaintenanceItem[],
): Int32Array {
  const counts = new Int32Array(serviceCount).fill(1);
  const last = new Float64Array(serviceCount).fill(now);
  const touch = (s: number, t: number): void => {
    if (last[s] === t) return;
    last[s] = t;
    counts[s]!++;
  };
  for (let i = 0; i < b.times.length; i++) {
    const t = b.times[i]!;
    if (t === now) continue;
    const code = b.codes[i]!;
    const kind = code & 3;
    const index = code >> 2;
    if (kind === CAMPAIGN_START || kind === CAMPAIGN_END) {
      const item = campaigns[index]!;
      for (let k = 0; k < item.loads.length; k++) if (pieceRps(item, k) > 0) touch(item.loads[k]!.service, t);
    } else {
      const services = maintenance[index]!.services;
      for (let k = 0; k < services.length; k++) touch(services[k]!, t);
    }
  }
  return counts;
}

/** The load on every service from `now` on, as step functions (DESIGN: load on S at instant t). */
export function sweepLoads(
  now: number,
  baseline: Float64Array,
  campaigns: LoadItem[],
  maintenance: MaintenanceItem[],
  b: Boundaries,
): Steps[] {
  const n = baseline.length;
  const load = Float64Array.from(baseline);
  // Campaigns with load active per service: at 0 the load is reset to the baseline, so rounding
  // from many additions and subtractions never accumulates.
  const activeCount = new Int32Array(n);
  const activeMaintenance: number[][] = Array.from({ length: n }, () => []);
  const counts = stepCounts(now, n, b, campaigns, maintenance);
  const steps: Steps[] = Array.from(counts, (count) => ({
    times: [],
    loads: new Float64Array(count),
    factors: new Float64Array(count),
    maintenance: new Int32Array(count),
  }));
  walk(
    now,
    n,
    b,
    campaigns,
    maintenance,
    (index, sign) => {
      const item = campaigns[index]!;
      for (let k = 0; k < item.loads.length; k++) {
        const service = item.loads[k]!.service;
        const rps = pieceRps(item, k);
        if (rps <= 0) continue;
        activeCount[service]! += sign;
        load[service] = activeCount[service] === 0 ? baseline[service]! : load[service]! + sign * rps;
      }
    },
    (index, sign) => {
      for (const s of maintenance[index]!.services) {
        const list = activeMaintenance[s]!;
        if (sign > 0) list.push(index);
        else list.splice(list.indexOf(index), 1);
      }
    },
    (t, touched, count) => {
      for (let k = 0; k < count; k++) {
        const s = touched[k]!;
        const st = steps[s]!;
        let factor = 1;
        let which = -1;
        const list = activeMaintenance[s]!;
        for (let j = 0; j < list.length; j++) {
          const m = list[j]!;
          const f = maintenance[m]!.factor;
          if (which < 0 || f < factor) {
            factor = f;
            which = m;
          }
        }
        const i = st.times.length;
        st.times.push(t);
        st.loads[i] = load[s]!;
        st.factors[i] = factor;
        st.maintenance[i] = which;
      }
    },
  );
  return steps;
}

/**
 * The load items (campaign pieces) active with load > 0 on a service at given instants (each one a
 * boundary instant or `now`), as item indices in ascending order. A second walk, so that active
 * sets are only materialised where a finding, a peak or a risk names them. Result: instant →
 * service → item indices (frozen: many findings share one list). Plain lists: a typed array per
 * (instant, service) costs a buffer object and a backing store each, about 5 MB on stress.
 */
export function activeCampaigns(
  now: number,
  serviceCount: number,
  campaigns: LoadItem[],
  maintenance: MaintenanceItem[],
  b: Boundaries,
  wanted: ReadonlyMap<number, ReadonlySet<number>>,
): Map<number, Map<number, readonly number[]>> {
  // Per service, its active items in no order (removal swaps the last one in), and per (item, load)
  // the item's place in that list: O(1) per boundary, no Set to grow, rehash and iterate.
  const offsets = new Int32Array(campaigns.length + 1);
  for (let i = 0; i < campaigns.length; i++) offsets[i + 1] = offsets[i]! + campaigns[i]!.loads.length;
  const place = new Int32Array(offsets[campaigns.length]!);
  const lists: Int32Array[] = Array.from({ length: serviceCount }, () => new Int32Array(8));
  const sizes = new Int32Array(serviceCount);
  const result = new Map<number, Map<number, readonly number[]>>();
  let sorted = new Int32Array(64);
  walk(
    now,
    serviceCount,
    b,
    campaigns,
    maintenance,
    (index, sign) => {
      const item = campaigns[index]!;
      for (let k = 0; k < item.loads.length; k++) {
        const service = item.loads[k]!.service;
        if (pieceRps(item, k) <= 0) continue;
        let list = lists[service]!;
        const size = sizes[service]!;
        if (sign > 0) {
          if (size === list.length) {
            const grown = new Int32Array(size * 2);
            grown.set(list);
            lists[service] = list = grown;
          }
          list[size] = index;
          place[offsets[index]! + k] = size;
          sizes[service] = size + 1;
        } else {
          const at = place[offsets[index]! + k]!;
          const last = list[size - 1]!;
          list[at] = last;
          place[offsets[last]! + loadIndexOf(campaigns[last]!.loads, service)] = at;
          sizes[service] = size - 1;
        }
      }
    },
    () => undefined,
    (t) => {
      const services = wanted.get(t);
      if (!services) return;
      const byService = new Map<number, readonly number[]>();
      services.forEach((s) => {
        const size = sizes[s]!;
        if (sorted.length < size) sorted = new Int32Array(size * 2);
        // Sorted in one reused buffer by the typed array's own sort (numeric, no comparison
        // callback), then copied into a list of exactly its size.
        const view = sorted.subarray(0, size);
        view.set(lists[s]!.subarray(0, size));
        view.sort();
        const out = new Array<number>(size);
        for (let k = 0; k < size; k++) out[k] = view[k]!;
        byService.set(s, Object.freeze(out));
      });
      result.set(t, byService);
    },
  );
  return result;
}

/** Index of a service in an item's loads (present: the item is active on it). */
function loadIndexOf(loads: readonly ServiceLoad[], service: number): number {
  let k = 0;
  while (loads[k]!.service !== service) k++;
  return k;
}

/** Index of the step holding at instant t (the last step starting at or before t), -1 before the first. */
export function stepAt(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
