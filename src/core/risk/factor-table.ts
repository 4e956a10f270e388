/**
 * The factors e^{σ z_i} at the stratum midpoints (samples.ts), one table per σ. A campaign's factor
 * samples are this table in its own order, so e^{σZ} is computed once per distinct σ, not once
 * per campaign: real forecasts share a few uncertainty levels (the stress repository has 4 σ for
 * 9,402 campaigns). The tables are the same numbers however often they are recomputed, so keeping
 * or evicting one never changes a report.
 */
import { RISK_SAMPLES, stratifiedNormals } from "./samples.js";

/** Tables kept (each RISK_SAMPLES doubles, 32 KB), least recently used out first. */
const LIMIT = 64;
const tables = new Map<number, Float64Array>();

/** e^{σ z_i}, i = 0 … RISK_SAMPLES − 1, increasing. Shared: do not write to it. */
export function factorTable(sigma: number): Float64Array {
  const hit = tables.get(sigma);
  if (hit) {
    // Re-insert: Map order is the recency order.
    tables.delete(sigma);
    tables.set(sigma, hit);
    return hit;
  }
  const z = stratifiedNormals();
  const table = new Float64Array(RISK_SAMPLES);
  for (let i = 0; i < RISK_SAMPLES; i++) table[i] = Math.exp(sigma * z[i]!);
  if (tables.size >= LIMIT) tables.delete(tables.keys().next().value!);
  tables.set(sigma, table);
  return table;
}
