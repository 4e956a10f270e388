/**
 * Decaying shapes (`spike`, `front_loaded`): the full peak at an instant, then halving every
 * half-life, and nothing once the share falls to the floor (1/16, i.e. after four half-lives).
 *
 * Discretisation: steps of a quarter half-life, each holding the share at its start, 2^(−k/4) for
 * step k = 0…15. The exact curve 2^(−Δ/h) decreases, so its maximum within a step is its value at
 * the step's start: the steps never underestimate it and overestimate by at most 2^(1/4) ≈ 1.19
 * (test/capacity/shapes.test.ts proves both). Sixteen steps per airing whatever the half-life, so
 * the sweep's step count does not depend on how short the decay is.
 */

/** Steps per half-life. */
export const STEPS_PER_HALF_LIFE = 4;
/** The decay adds nothing once its share is at or below this floor. */
export const DECAY_FLOOR = 1 / 16;
/** Steps until the floor: log2(16) half-lives × 4 steps. */
export const DECAY_STEPS = 16;

export interface Piece {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  /** Share of the campaign's peak, 0 < factor <= 1. */
  factor: number;
}

/** The exact share of a decay started at `at`, at instant t: 2^(−Δ/h) while above the floor and within `lasts`. */
export function exactDecay(t: number, at: number, halfLife: number, lasts = Infinity): number {
  const d = t - at;
  if (d < 0 || d >= lasts) return 0;
  const share = Math.pow(2, -d / halfLife);
  return share > DECAY_FLOOR ? share : 0;
}

/**
 * The steps of decays started at each of `airings` (sorted), each cut at `lasts` and at the next
 * airing: every airing starts at the full peak, which is at least what an earlier airing still adds
 * (the forecast is the campaign's peak; overlapping airings are not added up).
 */
export function decaySteps(airings: readonly number[], halfLife: number, lasts = Infinity): Piece[] {
  const sorted = [...new Set(airings)].sort((a, b) => a - b);
  const step = halfLife / STEPS_PER_HALF_LIFE;
  const pieces: Piece[] = [];
  sorted.forEach((at, i) => {
    const cut = Math.min(at + lasts, sorted[i + 1] ?? Infinity);
    for (let k = 0; k < DECAY_STEPS; k++) {
      const start = at + Math.ceil(k * step);
      const end = Math.min(at + Math.ceil((k + 1) * step), cut);
      if (end <= start) break;
      pieces.push({ start, end, factor: Math.pow(2, -k / STEPS_PER_HALF_LIFE) });
    }
  });
  return pieces;
}
