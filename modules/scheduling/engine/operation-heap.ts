/** A binary min-heap of operation numbers ordered by (key1, key2, number), keys in Float64Arrays. */
export class OperationHeap {
  private readonly items: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly key1: Float64Array,
    private readonly key2: Float64Array,
  ) {
    this.items = new Int32Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.size;
  }

  private less(a: number, b: number): boolean {
    const a1 = this.key1[a] ?? 0;
    const b1 = this.key1[b] ?? 0;
    if (a1 !== b1) return a1 < b1;
    const a2 = this.key2[a] ?? 0;
    const b2 = this.key2[b] ?? 0;
    if (a2 !== b2) return a2 < b2;
    return a < b;
  }

  push(o: number): void {
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      const p = items[parent] ?? 0;
      if (!this.less(o, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = o;
  }

  /** The smallest operation, removed (−1 when empty). */
  pop(): number {
    if (this.size === 0) return -1;
    const items = this.items;
    const top = items[0] ?? 0;
    const last = items[--this.size] ?? 0;
    let i = 0;
    const n = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.less(items[right] ?? 0, items[child] ?? 0)) child = right;
      const c = items[child] ?? 0;
      if (!this.less(c, last)) break;
      items[i] = c;
      i = child;
    }
    if (n > 0) items[i] = last;
    return top;
  }
}
