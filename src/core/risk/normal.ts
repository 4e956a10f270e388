/**
 * The standard normal's CDF Φ and its inverse, to full double precision. The closed form of one
 * campaign is 1 − Φ(·), and the Monte Carlo's Latin hypercube (samples.ts) places its 4,000 points
 * at Φ⁻¹ of the strata's midpoints: both should carry no error of their own beside the sampling's.
 */

/** Cody's coefficients for 0.674 < |x| ≤ √32 (numerator, denominator). */
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327,
];
/** … and beyond √32, in 1/x². */
const P = [0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934];
const Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824];

/**
 * Φ(x), W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for the
 * error function", Math. Comp. 1969; the algorithm of R's pnorm): relative error about 1e-16 in
 * either tail, so 1 − Φ(x) for x < 0 and Φ(x) far below 0.5 keep their digits.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    // |x| below the quartile: Φ(x) = 1/2 + x·R(x²).
    const s = y > 1.1e-16 ? x * x : 0;
    let num = 0.06568233791820745 * s;
    let den = s;
    num = (num + 2.2352520354606837) * s;
    den = (den + 47.202581904688245) * s;
    num = (num + 161.02823106855587) * s;
    den = (den + 976.0985517377767) * s;
    num = (num + 1067.6894854603709) * s;
    den = (den + 10260.932208618979) * s;
    return 0.5 + (x * (num + 18154.98125334356)) / (den + 45507.78933502673);
  }
  let tail: number; // Φ(−|x|)
  if (y <= 5.656854249492381) {
    // Up to √32: Φ(−y) = e^{−y²/2}·R(y).
    let num = 1.0765576773720192e-8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    tail = gaussian(y) * ((num + 9842.714838383978) / (den + 19685.429676859992));
  } else if (y < 38.5) {
    // Far tail: Φ(−y) = e^{−y²/2}/y · (1/√(2π) − R(1/y²)/y²).
    const s = 1 / (y * y);
    let num = 0.023073441764940174 * s;
    let den = s;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * s;
      den = (den + Q[i]!) * s;
    }
    const r = (s * (num + 2.9112874951168793e-5)) / (den + 7.297515550839662e-5);
    tail = (gaussian(y) * (0.3989422804014327 - r)) / y;
  } else {
    tail = 0;
  }
  return x > 0 ? 1 - tail : tail;
}

/**
 * e^{−y²/2} without the rounding of y² for large y: y² split as a multiple of 1/16 (exact) and
 * the rest (Cody's device).
 */
function gaussian(y: number): number {
  const whole = Math.trunc(y * 16) / 16;
  const rest = (y - whole) * (y + whole);
  return Math.exp(-whole * whole * 0.5) * Math.exp(-rest * 0.5);
}

/**
 * Φ⁻¹(p) for 0 < p < 1: P. J. Acklam's rational approximation (relative error 1.15e-9), then one
 * Halley step on Φ(x) − p with the exact Φ above, which leaves only rounding (test/capacity/
 * risk.test.ts checks against 30-digit values). Computed on the lower half and mirrored, so
 * Φ⁻¹(1 − p) = −Φ⁻¹(p) exactly.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q - 2.549732539343734) *
        q +
        4.374664141464968) *
        q +
        2.938163982698783) /
      ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q + 3.754408661907416) *
        q +
        1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r + 138.357751867269) * r -
        30.66479806614716) *
        r +
        2.506628277459239) *
        q) /
      (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r + 66.80131188771972) * r -
        13.28068155288572) *
        r +
        1);
  }
  // Halley: u = (Φ(x) − p)/φ(x); x ← x − u/(1 + x·u/2).
  const u = (normalCdf(x) - p) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return Number.isFinite(u) ? x - u / (1 + (x * u) / 2) : x;
}
