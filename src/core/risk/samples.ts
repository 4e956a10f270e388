/**
 * Seeded standard normal samples. Each campaign draws its own stream, seeded by its id, so a
 * campaign's samples never depend on which other campaigns are in the repository or on the order
 * the engine asks: the same files and seed always give the same report, byte for byte.
 */

/** Samples per Monte Carlo estimate: sampling error √(p(1−p)/4000), at most 0.8 percentage points. */
export const RISK_SAMPLES = 4000; // a multiple of 4: sampledRisk adds four at a time
/** The fixed seed every report uses. */
export const RISK_SEED = 20_261_203;

/** FNV-1a of a string, mixed with the seed. */
export function streamSeed(id: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `count` standard normals from the stream `seed` (mulberry32 uniforms, Box–Muller pairs). */
export function normals(
  seed: number,
  count: number,
  out: Float64Array = new Float64Array(count),
): Float64Array {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
