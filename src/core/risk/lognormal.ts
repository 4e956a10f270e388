/**
 * A campaign's peak as a log-normal (DESIGN 2, "Risk of overload"): median = the expected value,
 * 90th percentile = the planning value (`high`, or expected × uncertainty). In units of the
 * planning value, the factor R = X / planning has median m = expected / planning and
 * σ = ln(planning / expected) / z₀.₉₀; σ = 0 when the two are equal (a certain forecast).
 */

/** The standard normal's 90th percentile. */
export const Z90 = 1.2815515655446004;

export interface LogNormal {
  /** Median of R = X / planning (at most 1). */
  median: number;
  sigma: number;
}

/** The factor R of a campaign whose expected value is `expected` and planning value `planning`. */
export function planningFactor(expected: number, planning: number): LogNormal {
  if (!(planning > 0) || !(expected > 0)) return { median: 1, sigma: 0 };
  const median = expected / planning;
  const sigma = Math.log(planning / expected) / Z90;
  // Absurd spreads (an expected value of 5e-324 beside a real planning value) overflow: then the
  // planning value is taken as certain, the deterministic check's own (pessimistic) reading.
  if (!(median > 0) || !Number.isFinite(sigma)) return { median: 1, sigma: 0 };
  return { median, sigma: Math.max(0, sigma) };
}
