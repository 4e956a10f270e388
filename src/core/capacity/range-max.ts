/**
 * Range-maximum queries over a fixed array (sparse table): O(n log n) to build, O(1) per query.
 * Used to find a campaign's worst instant on a service without walking its window.
 */
export class RangeMax {
  private readonly table: Int32Array[];

  constructor(private readonly values: ArrayLike<number>) {
    // Plain loops: every service builds one to six of these over all its steps, and
    // Int32Array.from with a callback or a method call per cell made the build show in profiles.
    const n = values.length;
    const first = new Int32Array(n);
    for (let i = 0; i < n; i++) first[i] = i;
    this.table = [first];
    for (let width = 2; width <= n; width *= 2) {
      const prev = this.table[this.table.length - 1]!;
      const half = width / 2;
      const next = new Int32Array(n - width + 1);
      // The left candidate has the smaller index, so it wins ties (the earliest on ties).
      for (let i = 0; i < next.length; i++) {
        const a = prev[i]!;
        const b = prev[i + half]!;
        next[i] = values[b]! > values[a]! ? b : a;
      }
      this.table.push(next);
    }
  }

  /** Index of the largest value in [lo, hi] (the earliest on ties); -1 when empty or all -Infinity. */
  argmax(lo: number, hi: number): number {
    if (lo > hi) return -1;
    const level = 31 - Math.clz32(hi - lo + 1);
    const row = this.table[level]!;
    const best = this.better(row[lo]!, row[hi - (1 << level) + 1]!);
    return this.values[best]! === -Infinity ? -1 : best;
  }

  private better(a: number, b: number): number {
    return this.values[b]! > this.values[a]! || (this.values[b] === this.values[a] && b < a) ? b : a;
  }
}
