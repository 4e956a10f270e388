/**
 * A campaign's factor samples (its σ's table e^{σz} in its own seeded order) depend only on its
 * id, its σ and the seed, yet the engine asks for them at every point where the campaign is
 * active (about 14 points per campaign in a 10,000-campaign repository): shuffling them once
 * instead of 14 times saves 4,000 random draws per use. The engine visits points in time order
 * and releases a campaign's samples once its window has ended, so the cache holds only the
 * campaigns active around one instant; `limit` bounds it anyway (least recently used out first).
 * Cached or not, the samples are the same numbers, so the report is byte for byte the same.
 */
import type { FactorSamples, RiskTerm } from "./overload-risk.js";
import { factorSamples } from "./overload-risk.js";

/** A term that says until when its campaign can be active (epoch ms, exclusive). */
export interface TimedRiskTerm extends RiskTerm {
  until?: number;
}

interface Entry {
  samples: Float64Array;
  until: number;
  sigma: number;
  seed: number;
}

export class FactorCache {
  /** By campaign id (a campaign has one σ in a report, and the seed is fixed). */
  private readonly entries = new Map<string, Entry>();
  /** Buffers of released samples, reused for the next campaigns (no 32 KB allocation each). */
  private readonly spare: Float64Array[] = [];
  private limit: number;

  /**
   * `limit`: most entries kept (each RISK_SAMPLES doubles, 32 KB), at least 4: sampledRisk holds
   * four campaigns' samples at once, and only a less recently used entry's buffer is reused.
   */
  constructor(limit = 512) {
    this.limit = Math.max(4, limit);
  }

  /** The samples of `term`, computed on first use. */
  readonly samples: FactorSamples = (term: TimedRiskTerm, seed: number): Float64Array => {
    const until = term.until ?? Infinity;
    const hit = this.entries.get(term.id);
    if (hit && hit.sigma === term.sigma && hit.seed === seed) {
      // Re-insert: Map order is the recency order.
      this.entries.delete(term.id);
      this.entries.set(term.id, hit);
      if (until > hit.until) hit.until = until;
      return hit.samples;
    }
    // The same id with another σ or seed (not within one report): the right samples, not kept.
    if (hit) return factorSamples(term, seed);
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value!;
      this.spare.push(this.entries.get(oldest)!.samples);
      this.entries.delete(oldest);
    }
    const samples = factorSamples(term, seed, this.spare.pop());
    this.entries.set(term.id, { samples, until, sigma: term.sigma, seed });
    return samples;
  };

  /**
   * Keeps at least `count` entries from now on. The engine reserves each point's number of
   * campaigns: when one point has more campaigns than `limit` (a 100,000-campaign repository has
   * points with well over 512), they would push each other out at every point and each campaign's
   * samples would be shuffled again and again. Memory stays what one point's campaigns need.
   */
  reserve(count: number): void {
    if (count > this.limit) this.limit = count;
  }

  /** Forgets the samples of campaigns whose window ends at or before `instant`. */
  release(instant: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.until > instant) continue;
      this.entries.delete(key);
      this.spare.push(entry.samples);
    }
  }
}
