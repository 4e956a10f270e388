/**
 * Range-maximum queries over a fixed array: a bottom-up segment tree of indices, O(n) to build,
 * O(log n) per query. Used to find a campaign's worst instant on a service without walking its
 * window. A tree of 2n indices rather than a sparse table (n log n indices, O(1) queries): on 10k
 * campaigns the tables of every service's steps were most of the capacity result's memory, and the
 * queries (a few per campaign and service) cost next to nothing either way.
 */
export class RangeMax {
  /** tree[n + i] = i; tree[k] = the better of tree[2k] and tree[2k + 1]; tree[0] unused. */
  private readonly tree: Int32Array;

  constructor(private readonly values: ArrayLike<number>) {
    const n = values.length;
    const tree = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) tree[n + i] = i;
    for (let k = n - 1; k >= 1; k--) tree[k] = this.better(tree[2 * k]!, tree[2 * k + 1]!);
    this.tree = tree;
  }

  /** Index of the largest value in [lo, hi] (the earliest on ties); -1 when empty or all -Infinity. */
  argmax(lo: number, hi: number): number {
    if (lo > hi) return -1;
    const { tree, values } = this;
    const n = values.length;
    let best = -1;
    let max = -Infinity;
    // "The larger value, the smaller index on ties" is a total order, so the nodes covering the
    // range may be combined in any order. Inlined comparisons: this runs a few times per campaign
    // and service.
    for (let l = lo + n, r = hi + n + 1; l < r; l >>= 1, r >>= 1) {
      if (l & 1) {
        const i = tree[l++]!;
        const v = values[i]!;
        if (best < 0 || v > max || (v === max && i < best)) {
          best = i;
          max = v;
        }
      }
      if (r & 1) {
        const i = tree[--r]!;
        const v = values[i]!;
        if (best < 0 || v > max || (v === max && i < best)) {
          best = i;
          max = v;
        }
      }
    }
    return max === -Infinity ? -1 : best;
  }

  /** The index of the larger value, the smaller index on ties; `b` when `a` is -1 (none yet). */
  private better(a: number, b: number): number {
    if (a < 0) return b;
    const va = this.values[a]!;
    const vb = this.values[b]!;
    return vb > va || (vb === va && b < a) ? b : a;
  }
}
