/**
 * A campaign's shape as pieces: disjoint, sorted intervals of its window, each with the share of
 * the peak the campaign adds there (never more than 1, so a shape only ever lowers the load the
 * `constant` model plans for). Parts of the window without a piece add nothing.
 */
import type { Shape } from "../model.js";
import { dailyPieces } from "./daily.js";
import { decaySteps } from "./decay.js";
import type { Piece } from "./decay.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Default share of the peak outside a daily shape's peak hours. */
export const DEFAULT_OFF_PEAK = 0.2;

/** Pieces of `shape` over [start, end); `zone` is the campaign's zone (UTC when it has none). */
export function shapePieces(shape: Shape | undefined, start: number, end: number, zone = "UTC"): Piece[] {
  if (end <= start) return [];
  if (!shape || shape.kind === "constant") return [{ start, end, factor: 1 }];
  if (shape.kind === "daily") return dailyPieces(shape.peak_hours, shape.off_peak, start, end, zone);
  const steps =
    shape.kind === "spike"
      ? decaySteps(
          shape.at,
          shape.half_life_minutes * MINUTE_MS,
          (shape.lasts_minutes ?? Infinity) * MINUTE_MS,
        )
      : decaySteps([shape.at], shape.half_life_hours * HOUR_MS);
  return steps.flatMap((p) => {
    const s = Math.max(p.start, start);
    const e = Math.min(p.end, end);
    return e > s ? [{ start: s, end: e, factor: p.factor }] : [];
  });
}
