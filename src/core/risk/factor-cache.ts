/**
 * A campaign's factor samples e^{σZ} depend only on its id, its σ and the seed, yet the engine
 * asks for them at every point where the campaign is active (about 14 points per campaign in a
 * 10,000-campaign repository): computing them once is most of the Monte Carlo's time. The engine
 * visits points in time order and releases a campaign's samples once its window has ended, so
 * the cache holds only the campaigns active around one instant; `limit` bounds it anyway (least
 * recently used out first). Cached or not, the samples are the same numbers, so the report is
 * byte for byte the same.
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
}

export class FactorCache {
  private readonly entries = new Map<string, Entry>();
  /** Buffers of released samples, reused for the next campaigns (no 32 KB allocation each). */
  private readonly spare: Float64Array[] = [];

  /** `limit`: most entries kept (each RISK_SAMPLES doubles, 32 KB). */
  constructor(private readonly limit = 512) {}

  /** The samples of `term`, computed on first use. */
  readonly samples: FactorSamples = (term: TimedRiskTerm, seed: number): Float64Array => {
    const key = `${seed}\u0000${term.sigma}\u0000${term.id}`;
    const until = term.until ?? Infinity;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      if (until > hit.until) hit.until = until;
      return hit.samples;
    }
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value!;
      this.spare.push(this.entries.get(oldest)!.samples);
      this.entries.delete(oldest);
    }
    const samples = factorSamples(term, seed, this.spare.pop());
    this.entries.set(key, { samples, until });
    return samples;
  };

  /** Forgets the samples of campaigns whose window ends at or before `instant`. */
  release(instant: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.until > instant) continue;
      this.entries.delete(key);
      this.spare.push(entry.samples);
    }
  }
}
