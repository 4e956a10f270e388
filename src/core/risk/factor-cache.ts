/**
 * A campaign's factor samples (its σ's table e^{σz} in its own seeded order) depend only on its
 * id, its σ and the seed, yet the engine asks for them at every point where the campaign is
 * active (about 14 points per campaign in a 10,000-campaign repository): shuffling them once
 * instead of 14 times saves 4,000 random draws per use. The engine visits points in time order
 * and releases a campaign's samples once its window has ended, so the cache holds only the
 * campaigns active around one instant; `limit` bounds it anyway (least recently used out first).
 * Cached or not, the samples are the same numbers, so the report is byte for byte the same.
 */
import { factorSamples, SAMPLED, withBlockHighs } from "./overload-risk.js";
import { RISK_SAMPLES } from "./samples.js";

interface Entry {
  samples: Float64Array;
  until: number;
  sigma: number;
}

export class FactorCache {
  /** By campaign key (a campaign has one σ in a report). */
  private readonly entries = new Map<number, Entry>();
  /** Buffers of released samples, reused for the next campaigns (no 33 KB allocation each). */
  private readonly spare: Float64Array[] = [];
  private limit: number;
  /** No entry ends before this instant: release has nothing to do until then. */
  private nextEnd = Infinity;

  /**
   * `seed`: the stream seed of every campaign. `limit`: most entries kept (each RISK_SAMPLES
   * doubles and their block highs, 33 KB), at least 4: the sum reads up to four campaigns' samples
   * at once, and only a less recently used entry's buffer is reused.
   */
  constructor(
    private readonly seed: number,
    limit = 512,
  ) {
    this.limit = Math.max(4, limit);
  }

  /**
   * The samples of the campaign `key` (id `id`, factor σ `sigma`, window ending at `until`) with
   * their block highs (withBlockHighs), computed on first use. The buffer may be reused once four
   * other campaigns have been asked for.
   */
  samples(key: number, id: string, sigma: number, until: number): Float64Array {
    const hit = this.entries.get(key);
    if (hit && hit.sigma === sigma) {
      // Re-insert: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      if (until > hit.until) hit.until = until;
      return hit.samples;
    }
    // The same key with another σ (not within one report): the right samples, not kept.
    if (hit) return this.compute(id, sigma, new Float64Array(SAMPLED));
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value!;
      this.spare.push(this.entries.get(oldest)!.samples);
      this.entries.delete(oldest);
    }
    const samples = this.compute(id, sigma, this.spare.pop() ?? new Float64Array(SAMPLED));
    this.entries.set(key, { samples, until, sigma });
    if (until < this.nextEnd) this.nextEnd = until;
    return samples;
  }

  private compute(id: string, sigma: number, out: Float64Array): Float64Array {
    factorSamples({ id, sigma, load: 0, median: 1 }, this.seed, out.subarray(0, RISK_SAMPLES));
    return withBlockHighs(out, out);
  }

  /**
   * Keeps at least `count` entries from now on. The engine reserves each point's number of
   * campaigns: when one point has more campaigns than `limit` (a 100,000-campaign repository has
   * points with well over 512), they would push each other out at every point and each campaign's
   * samples would be shuffled again and again. Memory stays what one point's campaigns need.
   */
  reserve(count: number): void {
    if (count > this.limit) this.limit = count;
  }

  /**
   * Forgets the samples of campaigns whose window ends at or before `instant`. Looks at the entries
   * only when one of them has ended (the engine calls this at every point).
   */
  release(instant: number): void {
    if (instant < this.nextEnd) return;
    let next = Infinity;
    for (const [key, entry] of this.entries) {
      if (entry.until > instant) {
        if (entry.until < next) next = entry.until;
        continue;
      }
      this.entries.delete(key);
      this.spare.push(entry.samples);
    }
    this.nextEnd = next;
  }
}
