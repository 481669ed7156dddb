/**
 * Tabu search on the disjunctive graph (docs/decisions/0014): the N7 neighbourhood of Zhang et al.
 * (2007) on one critical path — within each critical block, the first or last operation moved to any
 * other position of the block, an inner operation moved to the front or the back of the block (which
 * contains the N5 swaps of Nowicki–Smutnicki) — each move scored by the approximate evaluation of
 * Balas–Vazacopoulos (new heads and tails of the moved segment only), kept only when that theory
 * guarantees an acyclic result. Tabu: the operation pairs a move reverses may not be restored for a
 * random tenure; aspiration when a move's estimate beats the best makespan. When the best has not
 * improved for a while the search restarts from an elite solution, perturbed by random moves.
 * Deterministic for a seed and an iteration limit; the wall clock is read every 32 iterations.
 */
import { DisjunctiveGraph } from './disjunctive-graph';
import type { FlatShop } from './model';
import { Random } from './random';

export interface TabuOptions {
  /** Wall-clock budget in ms from the call (none: only maxIterations stops it). */
  timeLimitMs?: number;
  /** Absolute deadline on `clock()`, for callers that already spent part of the budget. */
  deadline?: number;
  maxIterations?: number;
  seed?: number;
  /** Stop as soon as this makespan is reached (a lower bound: nothing better exists). */
  lowerBound?: number;
  /** Iterations without a new best before a restart from an elite solution (default from the size). */
  stallIterations?: number;
  clock?: () => number;
  /** Tabu tenure range in iterations (default Zhang et al.: 10 + jobs/machines up to 1.4–1.5 times that). */
  tenure?: readonly [number, number];
}

export interface TabuResult {
  starts: Int32Array;
  makespan: number;
  iterations: number;
  restarts: number;
  initialMakespan: number;
}

interface Elite {
  machinePrev: Int32Array;
  machineNext: Int32Array;
  makespan: number;
}

const ELITE_SIZE = 8;
const TIME_CHECK_MASK = 31;
/** Restart after 100 iterations per operation without a new best (tuned on ta at 1 s and 3 s: 10 → 2.7 %, 100 → 2.3 %). */
const STALL_PER_OPERATION = 100;

export function tabuSearch(shop: FlatShop, initialStarts: Int32Array, options: TabuOptions = {}): TabuResult {
  return new TabuSearch(shop, options).run(initialStarts);
}

class TabuSearch {
  private readonly graph: DisjunctiveGraph;
  private readonly random: Random;
  private readonly clock: () => number;
  private readonly deadline: number;
  private readonly maxIterations: number;
  private readonly lowerBound: number;
  private readonly stallIterations: number;
  private readonly tenureMin: number;
  private readonly tenureSpread: number;
  /** Per machine, a matrix of "a before b is tabu until iteration t" over the machine's operations. */
  private readonly tabu: Float64Array;
  private readonly tabuOffset: Int32Array;
  private readonly machineCount: Int32Array;
  private readonly local: Int32Array;
  private readonly path: Int32Array;
  private readonly segment: Int32Array;
  private readonly segHead: Int32Array;
  private iteration = 0;
  // The chosen move: u moved after (forward) or before (backward) v.
  private moveU = -1;
  private moveV = -1;
  private moveForward = true;
  // Move selection state of chooseMove / consider.
  private bestFree = 0;
  private freeTies = 0;
  private bestTabu = 0;
  private tabuU = -1;
  private tabuV = -1;
  private tabuForward = true;
  private anyU = -1;
  private anyV = -1;
  private anyForward = true;
  private anySeen = 0;

  constructor(
    private readonly shop: FlatShop,
    options: TabuOptions,
  ) {
    this.graph = new DisjunctiveGraph(shop);
    this.random = new Random(options.seed ?? 1);
    this.clock = options.clock ?? (() => performance.now());
    const start = this.clock();
    this.deadline = Math.min(
      options.deadline ?? Number.POSITIVE_INFINITY,
      options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : start + options.timeLimitMs,
    );
    this.maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
    this.lowerBound = options.lowerBound ?? 0;
    const n = shop.opCount;
    this.stallIterations = options.stallIterations ?? Math.max(2000, STALL_PER_OPERATION * n);
    const jobs = shop.jobCount;
    const machines = Math.max(1, shop.machineCount);
    const tenureMin = 10 + Math.floor(jobs / machines);
    const [low, high] = options.tenure ?? [
      tenureMin,
      Math.floor((jobs <= 2 * machines ? 1.4 : 1.5) * tenureMin),
    ];
    this.tenureMin = Math.max(1, low);
    this.tenureSpread = Math.max(0, high - this.tenureMin);
    this.machineCount = new Int32Array(shop.machineCount);
    this.local = new Int32Array(n);
    for (let o = 0; o < n; o++) {
      const m = shop.opMachine[o] ?? 0;
      this.local[o] = this.machineCount[m] ?? 0;
      this.machineCount[m] = (this.machineCount[m] ?? 0) + 1;
    }
    this.tabuOffset = new Int32Array(shop.machineCount + 1);
    let longest = 0;
    for (let m = 0; m < shop.machineCount; m++) {
      const c = this.machineCount[m] ?? 0;
      if (c > longest) longest = c;
      this.tabuOffset[m + 1] = (this.tabuOffset[m] ?? 0) + c * c;
    }
    this.tabu = new Float64Array(this.tabuOffset[shop.machineCount] ?? 0);
    this.path = new Int32Array(n);
    this.segment = new Int32Array(longest + 1);
    this.segHead = new Int32Array(longest + 1);
  }

  private pair(a: number, b: number): number {
    const m = this.shop.opMachine[a] ?? 0;
    return (
      (this.tabuOffset[m] ?? 0) + (this.local[a] ?? 0) * (this.machineCount[m] ?? 0) + (this.local[b] ?? 0)
    );
  }

  run(initialStarts: Int32Array): TabuResult {
    const g = this.graph;
    g.setFromStarts(initialStarts);
    if (!g.evaluate()) throw new Error('tabuSearch: the initial schedule orders the machines in a cycle');
    const initialMakespan = g.makespan;
    let best = g.makespan;
    const bestStarts = Int32Array.from(g.head);
    const elite: Elite[] = [this.snapshot()];
    let lastImprovement = 0;
    let restarts = 0;
    while (best > this.lowerBound && this.iteration < this.maxIterations) {
      if ((this.iteration & TIME_CHECK_MASK) === 0 && this.clock() >= this.deadline) break;
      this.iteration++;
      if (!this.chooseMove(best)) {
        // No block of two operations: a critical path made of job arcs only, the makespan is optimal.
        break;
      }
      this.applyChosen();
      if (g.makespan < best) {
        best = g.makespan;
        bestStarts.set(g.head);
        lastImprovement = this.iteration;
        this.addElite(elite);
      } else if (this.iteration - lastImprovement > this.stallIterations) {
        this.restart(elite);
        restarts++;
        lastImprovement = this.iteration;
      }
    }
    return { starts: bestStarts, makespan: best, iterations: this.iteration, restarts, initialMakespan };
  }

  private snapshot(): Elite {
    const g = this.graph;
    return {
      machinePrev: Int32Array.from(g.machinePrev),
      machineNext: Int32Array.from(g.machineNext),
      makespan: g.makespan,
    };
  }

  private addElite(elite: Elite[]): void {
    elite.push(this.snapshot());
    elite.sort((a, b) => a.makespan - b.makespan);
    if (elite.length > ELITE_SIZE) elite.length = ELITE_SIZE;
  }

  /** Back to a random elite solution (better ones more likely), a few random moves, a fresh tabu list. */
  private restart(elite: Elite[]): void {
    const g = this.graph;
    const pick = elite[Math.floor(this.random.next() ** 2 * elite.length)] ?? elite[0];
    if (pick !== undefined) {
      g.machinePrev.set(pick.machinePrev);
      g.machineNext.set(pick.machineNext);
    }
    g.evaluate();
    this.tabu.fill(0);
    const kicks = 2 + this.random.int(4);
    for (let k = 0; k < kicks; k++) {
      if (!this.chooseRandomMove()) break;
      this.applyMove(false);
    }
  }

  private applyChosen(): void {
    this.applyMove(true);
  }

  /** Applies the chosen move, marks the reversed pairs tabu; undoes it if it made a cycle. */
  private applyMove(markTabu: boolean): void {
    const g = this.graph;
    const u = this.moveU;
    const v = this.moveV;
    if (this.moveForward) {
      // u, l1 … lk=v → l1 … lk, u: the pairs (u, li) are reversed.
      const oldNext = g.machineNext[u] ?? -1;
      if (markTabu) {
        const until = this.iteration + this.tenureMin + this.random.int(this.tenureSpread + 1);
        for (let x = oldNext; x >= 0; x = g.machineNext[x] ?? -1) {
          this.tabu[this.pair(u, x)] = until;
          if (x === v) break;
        }
      }
      g.moveAfter(u, v);
      if (!g.evaluate()) {
        g.moveBefore(u, oldNext);
        g.evaluate();
      }
    } else {
      // v=l1 … lk, u → u, l1 … lk: the pairs (li, u) are reversed.
      const oldPrev = g.machinePrev[u] ?? -1;
      if (markTabu) {
        const until = this.iteration + this.tenureMin + this.random.int(this.tenureSpread + 1);
        for (let x = oldPrev; x >= 0; x = g.machinePrev[x] ?? -1) {
          this.tabu[this.pair(x, u)] = until;
          if (x === v) break;
        }
      }
      g.moveBefore(u, v);
      if (!g.evaluate()) {
        g.moveAfter(u, oldPrev);
        g.evaluate();
      }
    }
  }

  /**
   * Scans the N7 moves of one critical path: the best non-tabu estimate (ties at random), or a tabu
   * move whose estimate beats `best` (aspiration), or — everything tabu — a random one.
   */
  private chooseMove(best: number): boolean {
    const g = this.graph;
    const length = g.criticalPath(this.path, this.random);
    this.bestFree = Number.POSITIVE_INFINITY;
    this.freeTies = 0;
    this.bestTabu = Number.POSITIVE_INFINITY;
    this.tabuU = -1;
    this.anyU = -1;
    this.anySeen = 0;
    const path = this.path;
    let blockStart = 0;
    for (let i = 1; i <= length; i++) {
      const prev = path[i - 1] ?? 0;
      if (i < length && g.machineNext[prev] === path[i]) continue;
      const size = i - blockStart;
      if (size >= 2) {
        const first = path[blockStart] ?? 0;
        const last = path[i - 1] ?? 0;
        for (let k = blockStart + 1; k < i; k++) this.consider(first, path[k] ?? 0, true);
        if (size > 2) {
          for (let k = blockStart; k < i - 1; k++) this.consider(last, path[k] ?? 0, false);
          for (let k = blockStart + 1; k < i - 1; k++) {
            const inner = path[k] ?? 0;
            this.consider(inner, last, true);
            this.consider(inner, first, false);
          }
        }
      }
      blockStart = i;
    }
    if (this.tabuU >= 0 && this.bestTabu < best && this.bestTabu < this.bestFree) {
      this.moveU = this.tabuU;
      this.moveV = this.tabuV;
      this.moveForward = this.tabuForward;
      return true;
    }
    if (this.freeTies > 0) return true;
    if (this.anyU < 0) return false;
    this.moveU = this.anyU;
    this.moveV = this.anyV;
    this.moveForward = this.anyForward;
    return true;
  }

  /** Scores one move and keeps it if it is the best free, the best tabu or the random fallback. */
  private consider(u: number, v: number, forward: boolean): void {
    const estimate = forward ? this.estimateForward(u, v) : this.estimateBackward(u, v);
    if (estimate < 0) return;
    this.anySeen++;
    if (this.random.int(this.anySeen) === 0) {
      this.anyU = u;
      this.anyV = v;
      this.anyForward = forward;
    }
    const tabu = forward ? this.forwardTabu(u, v) : this.backwardTabu(u, v);
    if (!tabu) {
      if (estimate < this.bestFree) {
        this.bestFree = estimate;
        this.freeTies = 1;
        this.moveU = u;
        this.moveV = v;
        this.moveForward = forward;
      } else if (estimate === this.bestFree) {
        this.freeTies++;
        if (this.random.int(this.freeTies) === 0) {
          this.moveU = u;
          this.moveV = v;
          this.moveForward = forward;
        }
      }
    } else if (estimate < this.bestTabu) {
      this.bestTabu = estimate;
      this.tabuU = u;
      this.tabuV = v;
      this.tabuForward = forward;
    }
  }

  /** A random feasible N7 move on a critical path (for perturbation). */
  private chooseRandomMove(): boolean {
    const g = this.graph;
    const length = g.criticalPath(this.path, this.random);
    let seen = 0;
    const path = this.path;
    let blockStart = 0;
    for (let i = 1; i <= length; i++) {
      const prev = path[i - 1] ?? 0;
      if (i < length && g.machineNext[prev] === path[i]) continue;
      if (i - blockStart >= 2) {
        const first = path[blockStart] ?? 0;
        const last = path[i - 1] ?? 0;
        for (let k = blockStart + 1; k < i; k++) {
          const v = path[k] ?? 0;
          if (this.estimateForward(first, v) >= 0) {
            seen++;
            if (this.random.int(seen) === 0) {
              this.moveU = first;
              this.moveV = v;
              this.moveForward = true;
            }
          }
        }
        for (let k = blockStart; k < i - 1; k++) {
          const v = path[k] ?? 0;
          if (this.estimateBackward(last, v) >= 0) {
            seen++;
            if (this.random.int(seen) === 0) {
              this.moveU = last;
              this.moveV = v;
              this.moveForward = false;
            }
          }
        }
      }
      blockStart = i;
    }
    return seen > 0;
  }

  private forwardTabu(u: number, v: number): boolean {
    const g = this.graph;
    const it = this.iteration;
    for (let x = g.machineNext[u] ?? -1; x >= 0; x = g.machineNext[x] ?? -1) {
      if ((this.tabu[this.pair(x, u)] ?? 0) > it) return true;
      if (x === v) break;
    }
    return false;
  }

  private backwardTabu(u: number, v: number): boolean {
    const g = this.graph;
    const it = this.iteration;
    for (let x = g.machinePrev[u] ?? -1; x >= 0; x = g.machinePrev[x] ?? -1) {
      if ((this.tabu[this.pair(u, x)] ?? 0) > it) return true;
      if (x === v) break;
    }
    return false;
  }

  /** Earliest start from the job predecessor (or the release). */
  private jobHead(o: number): number {
    const g = this.graph;
    const jp = g.jobPrev[o] ?? -1;
    return jp >= 0 ? (g.head[jp] ?? 0) + (g.duration[jp] ?? 0) : (g.opRelease[o] ?? 0);
  }

  private jobTail(o: number): number {
    const g = this.graph;
    const js = g.jobNext[o] ?? -1;
    return js >= 0 ? (g.tail[js] ?? 0) + (g.duration[js] ?? 0) : 0;
  }

  /**
   * Estimated makespan after moving u just after v (u … v on the machine), or −1 when the move is
   * not guaranteed acyclic (Balas–Vazacopoulos: the tail of v must be at least that of u's job
   * successor).
   */
  private estimateForward(u: number, v: number): number {
    const g = this.graph;
    const p = g.duration;
    const js = g.jobNext[u] ?? -1;
    if (js >= 0 && (g.tail[v] ?? 0) + (p[v] ?? 0) < (g.tail[js] ?? 0) + (p[js] ?? 0)) return -1;
    // New order: l1 … lk, u.
    const seg = this.segment;
    let k = 0;
    for (let x = g.machineNext[u] ?? -1; x >= 0; x = g.machineNext[x] ?? -1) {
      seg[k++] = x;
      if (x === v) break;
    }
    seg[k] = u;
    const count = k + 1;
    const mp = g.machinePrev[u] ?? -1;
    let end = mp >= 0 ? (g.head[mp] ?? 0) + (p[mp] ?? 0) : 0;
    const heads = this.segHead;
    for (let i = 0; i < count; i++) {
      const x = seg[i] ?? 0;
      const h = Math.max(this.jobHead(x), end);
      heads[i] = h;
      end = h + (p[x] ?? 0);
    }
    const ms = g.machineNext[v] ?? -1;
    let after = ms >= 0 ? (g.tail[ms] ?? 0) + (p[ms] ?? 0) : 0;
    let estimate = 0;
    for (let i = count - 1; i >= 0; i--) {
      const x = seg[i] ?? 0;
      const t = Math.max(this.jobTail(x), after);
      const length = (heads[i] ?? 0) + (p[x] ?? 0) + t;
      if (length > estimate) estimate = length;
      after = t + (p[x] ?? 0);
    }
    return estimate;
  }

  /** Estimated makespan after moving u just before v (v … u on the machine), or −1 (see above). */
  private estimateBackward(u: number, v: number): number {
    const g = this.graph;
    const p = g.duration;
    const jp = g.jobPrev[u] ?? -1;
    if (jp >= 0 && (g.head[v] ?? 0) + (p[v] ?? 0) < (g.head[jp] ?? 0) + (p[jp] ?? 0)) return -1;
    // New order: u, l1 … lk (l1 = v).
    const seg = this.segment;
    seg[0] = u;
    let k = 1;
    let x = v;
    while (x >= 0 && x !== u) {
      seg[k++] = x;
      x = g.machineNext[x] ?? -1;
    }
    const count = k;
    const mp = g.machinePrev[v] ?? -1;
    let end = mp >= 0 ? (g.head[mp] ?? 0) + (p[mp] ?? 0) : 0;
    const heads = this.segHead;
    for (let i = 0; i < count; i++) {
      const y = seg[i] ?? 0;
      const h = Math.max(this.jobHead(y), end);
      heads[i] = h;
      end = h + (p[y] ?? 0);
    }
    const ms = g.machineNext[u] ?? -1;
    let after = ms >= 0 ? (g.tail[ms] ?? 0) + (p[ms] ?? 0) : 0;
    let estimate = 0;
    for (let i = count - 1; i >= 0; i--) {
      const y = seg[i] ?? 0;
      const t = Math.max(this.jobTail(y), after);
      const length = (heads[i] ?? 0) + (p[y] ?? 0) + t;
      if (length > estimate) estimate = length;
      after = t + (p[y] ?? 0);
    }
    return estimate;
  }
}
