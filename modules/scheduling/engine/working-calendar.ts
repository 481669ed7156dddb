/**
 * A resource's working calendar: sorted, disjoint working windows [start, end) in whole minutes. Work
 * is counted in working minutes — only inside windows. The "position" of a time t is the number of
 * working minutes in [0, t); working minute p is the minute [timeAt(p), timeAt(p) + 1). Every query is
 * a binary search over the windows (O(log windows)). Infinity means "beyond the calendar's end".
 */

/** The end of an "always available" calendar: far beyond any horizon the model accepts. */
export const ALWAYS_END = 2 ** 31;

export class WorkingCalendar {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Working minutes in the windows before window k (length windows + 1: the last is the total). */
  readonly before: Float64Array;
  readonly total: number;
  /** The longest window, for the "must fit in one window" test. */
  readonly longest: number;
  /** The end of the last window (0 when there is none). */
  readonly lastEnd: number;

  constructor(windows: readonly (readonly [number, number])[]) {
    const n = windows.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.before = new Float64Array(n + 1);
    let sum = 0;
    let longest = 0;
    for (let k = 0; k < n; k++) {
      const w = windows[k];
      const s = w?.[0] ?? 0;
      const e = w?.[1] ?? 0;
      this.starts[k] = s;
      this.ends[k] = e;
      this.before[k] = sum;
      sum += e - s;
      if (e - s > longest) longest = e - s;
    }
    this.before[n] = sum;
    this.total = sum;
    this.longest = longest;
    this.lastEnd = n > 0 ? (this.ends[n - 1] ?? 0) : 0;
  }

  static always(): WorkingCalendar {
    return new WorkingCalendar([[0, ALWAYS_END]]);
  }

  get windowCount(): number {
    return this.starts.length;
  }

  /** The first window whose end is after t (windowCount when none). */
  windowAfter(t: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] ?? 0) > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The earliest time ≥ t inside a window (never at a window's end); Infinity when none. */
  snap(t: number): number {
    const k = this.windowAfter(t);
    if (k >= this.starts.length) return Number.POSITIVE_INFINITY;
    const s = this.starts[k] ?? 0;
    return t > s ? t : s;
  }

  /** True when t lies inside a window: start ≤ t < end. */
  isWorking(t: number): boolean {
    const k = this.windowAfter(t);
    return k < this.starts.length && (this.starts[k] ?? 0) <= t;
  }

  /** Working minutes in [0, t). */
  position(t: number): number {
    const k = this.windowAfter(t);
    if (k >= this.starts.length) return this.total;
    const s = this.starts[k] ?? 0;
    return (this.before[k] ?? 0) + (t > s ? t - s : 0);
  }

  /** The time at which working minute p begins (p ≥ 0); Infinity beyond the end, −Infinity before 0. */
  timeAt(p: number): number {
    if (p < 0) return Number.NEGATIVE_INFINITY;
    if (p >= this.total) return Number.POSITIVE_INFINITY;
    // The last window k with before[k] ≤ p.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.before[mid] ?? 0) <= p) lo = mid;
      else hi = mid - 1;
    }
    return (this.starts[lo] ?? 0) + p - (this.before[lo] ?? 0);
  }

  /** Working minutes in [a, b). */
  workBetween(a: number, b: number): number {
    return b > a ? this.position(b) - this.position(a) : 0;
  }

  /** When d > 0 working minutes started at (or after) t are done; t itself for d = 0. */
  addWork(t: number, d: number): number {
    if (d <= 0) return t;
    return this.timeAt(this.position(t) + d - 1) + 1;
  }

  /** The earliest s ≥ t with [s, s + d] inside one window; Infinity when none. */
  fit(t: number, d: number): number {
    if (d > this.longest) return Number.POSITIVE_INFINITY;
    const n = this.starts.length;
    for (let k = this.windowAfter(t); k < n; k++) {
      const s0 = this.starts[k] ?? 0;
      const s = t > s0 ? t : s0;
      if ((this.ends[k] ?? 0) - s >= d) return s;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** The window containing t (start ≤ t < end), or −1. */
  windowOf(t: number): number {
    const k = this.windowAfter(t);
    return k < this.starts.length && (this.starts[k] ?? 0) <= t ? k : -1;
  }
}
