/**
 * The disjunctive graph of a job-shop solution: job arcs (fixed) and, per machine, the processing
 * order as a doubly linked list. Heads r (earliest start) and tails q (longest path after the end)
 * are recomputed by a topological sweep (Kahn) after each move, O(operations); a cycle is reported.
 */
import type { FlatShop } from './model';
import type { Random } from './random';

export class DisjunctiveGraph {
  readonly n: number;
  readonly duration: Int32Array;
  readonly machine: Int32Array;
  /** Job predecessor and successor (−1 at the ends of the routing). */
  readonly jobPrev: Int32Array;
  readonly jobNext: Int32Array;
  /** Release of the job for its first operation, 0 otherwise. */
  readonly opRelease: Int32Array;
  /** Machine predecessor and successor in the current solution (−1 at the ends). */
  readonly machinePrev: Int32Array;
  readonly machineNext: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  makespan = 0;
  private readonly order: Int32Array;
  private readonly indegree: Int32Array;
  private readonly stack: Int32Array;

  constructor(shop: FlatShop) {
    const n = shop.opCount;
    this.n = n;
    this.duration = shop.opDuration;
    this.machine = shop.opMachine;
    this.jobPrev = new Int32Array(n).fill(-1);
    this.jobNext = new Int32Array(n).fill(-1);
    this.opRelease = new Int32Array(n);
    for (let j = 0; j < shop.jobCount; j++) {
      const first = shop.jobFirst[j] ?? 0;
      const end = shop.jobFirst[j + 1] ?? 0;
      if (first < end) this.opRelease[first] = shop.release[j] ?? 0;
      for (let o = first; o < end; o++) {
        if (o > first) this.jobPrev[o] = o - 1;
        if (o + 1 < end) this.jobNext[o] = o + 1;
      }
    }
    this.machinePrev = new Int32Array(n).fill(-1);
    this.machineNext = new Int32Array(n).fill(-1);
    this.head = new Int32Array(n);
    this.tail = new Int32Array(n);
    this.order = new Int32Array(n);
    this.indegree = new Int32Array(n);
    this.stack = new Int32Array(n);
  }

  /** Sets the machine orders from a schedule: per machine by start, then end, then operation number. */
  setFromStarts(starts: Int32Array): void {
    const ops = Array.from({ length: this.n }, (_, o) => o);
    const d = this.duration;
    const m = this.machine;
    ops.sort(
      (a, b) =>
        (m[a] ?? 0) - (m[b] ?? 0) ||
        (starts[a] ?? 0) - (starts[b] ?? 0) ||
        (d[a] ?? 0) - (d[b] ?? 0) ||
        a - b,
    );
    this.machinePrev.fill(-1);
    this.machineNext.fill(-1);
    for (let k = 1; k < ops.length; k++) {
      const a = ops[k - 1] ?? 0;
      const b = ops[k] ?? 0;
      if (m[a] === m[b]) {
        this.machineNext[a] = b;
        this.machinePrev[b] = a;
      }
    }
  }

  /** Recomputes heads, tails and the makespan; false when the machine orders make a cycle. */
  evaluate(): boolean {
    const {
      n,
      duration: p,
      jobPrev,
      jobNext,
      machinePrev,
      machineNext,
      head,
      tail,
      order,
      indegree,
      stack,
      opRelease,
    } = this;
    let top = 0;
    for (let o = 0; o < n; o++) {
      const deg = ((jobPrev[o] ?? -1) >= 0 ? 1 : 0) + ((machinePrev[o] ?? -1) >= 0 ? 1 : 0);
      indegree[o] = deg;
      if (deg === 0) stack[top++] = o;
    }
    let count = 0;
    let makespan = 0;
    while (top > 0) {
      const o = stack[--top] ?? 0;
      order[count++] = o;
      const jp = jobPrev[o] ?? -1;
      const mp = machinePrev[o] ?? -1;
      let h = jp >= 0 ? (head[jp] ?? 0) + (p[jp] ?? 0) : (opRelease[o] ?? 0);
      if (mp >= 0) {
        const t = (head[mp] ?? 0) + (p[mp] ?? 0);
        if (t > h) h = t;
      }
      head[o] = h;
      const end = h + (p[o] ?? 0);
      if (end > makespan) makespan = end;
      const js = jobNext[o] ?? -1;
      if (js >= 0) {
        const deg = (indegree[js] ?? 0) - 1;
        indegree[js] = deg;
        if (deg === 0) stack[top++] = js;
      }
      const ms = machineNext[o] ?? -1;
      if (ms >= 0) {
        const deg = (indegree[ms] ?? 0) - 1;
        indegree[ms] = deg;
        if (deg === 0) stack[top++] = ms;
      }
    }
    if (count < n) return false;
    for (let k = n - 1; k >= 0; k--) {
      const o = order[k] ?? 0;
      const js = jobNext[o] ?? -1;
      const ms = machineNext[o] ?? -1;
      let t = js >= 0 ? (tail[js] ?? 0) + (p[js] ?? 0) : 0;
      if (ms >= 0) {
        const u = (tail[ms] ?? 0) + (p[ms] ?? 0);
        if (u > t) t = u;
      }
      tail[o] = t;
    }
    this.makespan = makespan;
    return true;
  }

  /**
   * One critical path, from the start to an operation ending at the makespan, into `path`; returns
   * its length. Where two predecessors are tight one is taken at random (diversification).
   */
  criticalPath(path: Int32Array, random: Random): number {
    const { n, duration: p, head, jobPrev, machinePrev } = this;
    let last = -1;
    let seen = 0;
    for (let o = 0; o < n; o++) {
      if ((head[o] ?? 0) + (p[o] ?? 0) === this.makespan) {
        seen++;
        if (random.int(seen) === 0) last = o;
      }
    }
    let length = 0;
    let o = last;
    while (o >= 0) {
      path[length++] = o;
      const h = head[o] ?? 0;
      const jp = jobPrev[o] ?? -1;
      const mp = machinePrev[o] ?? -1;
      const jobTight = jp >= 0 && (head[jp] ?? 0) + (p[jp] ?? 0) === h;
      const machineTight = mp >= 0 && (head[mp] ?? 0) + (p[mp] ?? 0) === h;
      if (jobTight && machineTight) o = random.next() < 0.5 ? jp : mp;
      else if (jobTight) o = jp;
      else if (machineTight) o = mp;
      else o = -1;
    }
    path.subarray(0, length).reverse();
    return length;
  }

  /** Moves u to just after v on their machine (u before v now). */
  moveAfter(u: number, v: number): void {
    this.unlink(u);
    const { machinePrev, machineNext } = this;
    const c = machineNext[v] ?? -1;
    machineNext[v] = u;
    machinePrev[u] = v;
    machineNext[u] = c;
    if (c >= 0) machinePrev[c] = u;
  }

  /** Moves u to just before v on their machine (v before u now). */
  moveBefore(u: number, v: number): void {
    this.unlink(u);
    const { machinePrev, machineNext } = this;
    const a = machinePrev[v] ?? -1;
    machinePrev[v] = u;
    machineNext[u] = v;
    machinePrev[u] = a;
    if (a >= 0) machineNext[a] = u;
  }

  private unlink(u: number): void {
    const { machinePrev, machineNext } = this;
    const a = machinePrev[u] ?? -1;
    const b = machineNext[u] ?? -1;
    if (a >= 0) machineNext[a] = b;
    if (b >= 0) machinePrev[b] = a;
    machinePrev[u] = -1;
    machineNext[u] = -1;
  }
}
