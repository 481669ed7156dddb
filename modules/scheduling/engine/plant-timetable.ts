/**
 * The timetabling decoder: given each operation's option (so its resource) and each resource's
 * sequence of operations, the earliest calendar-aware times — one topological sweep over job arcs,
 * resource arcs and links (Kahn), O(operations) placements. Frozen operations keep their start (a
 * sequence that would push one later is rejected); `lowerBound` keeps operations from moving earlier
 * (the planner's adjustments). Also records which arc decided each start, for critical paths.
 */
import { changeover, type FlatPlant } from './plant-model';
import type { PlantTimes } from './plant-schedule';
import { emptySlot, placeAfter } from './resource-timeline';

export type TimetableStatus = 'ok' | 'cycle' | 'calendar' | 'pinned';

/** What decided an operation's start. */
export const CAUSE_NONE = 0;
export const CAUSE_JOB = 1;
export const CAUSE_RESOURCE = 2;

export class Timetabler {
  readonly resourcePrev: Int32Array;
  readonly resourceNext: Int32Array;
  /** CAUSE_* per operation after a sweep. */
  readonly cause: Uint8Array;
  /** Pinned operations that would have had to start later (status 'pinned'). */
  readonly conflicts: number[] = [];
  private readonly indegree: Int32Array;
  private readonly queue: Int32Array;
  private readonly jobStart: Float64Array;
  private readonly linksLeft: Int32Array;
  private readonly linkReady: Float64Array;
  private readonly slot = emptySlot();
  private readonly mark: Int32Array;
  private readonly conflictFlag: Uint8Array;
  private readonly heap = new StartHeap();
  private readonly stack: number[] = [];
  private generation = 0;

  constructor(private readonly plant: FlatPlant) {
    const n = plant.opCount;
    this.resourcePrev = new Int32Array(n);
    this.resourceNext = new Int32Array(n);
    this.cause = new Uint8Array(n);
    this.indegree = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.jobStart = new Float64Array(plant.jobCount);
    this.linksLeft = new Int32Array(plant.jobCount);
    this.linkReady = new Float64Array(plant.jobCount);
    this.mark = new Int32Array(n);
    this.conflictFlag = new Uint8Array(n);
  }

  /**
   * Times every operation into `times` (its `option` and `resource` are read, the rest written).
   * `sequences[r]` lists resource r's operations of positive duration in order. `pinned[o]` (NaN = not
   * pinned) is a start that must be kept; frozen operations are always pinned. `lowerBound[o]` is a
   * start the operation may not go before.
   */
  run(
    sequences: readonly (readonly number[])[],
    times: PlantTimes,
    lowerBound?: Float64Array,
    pinned?: Float64Array,
  ): TimetableStatus {
    const plant = this.plant;
    const n = plant.opCount;
    const { resourcePrev, resourceNext, indegree, queue } = this;
    resourcePrev.fill(-1);
    resourceNext.fill(-1);
    this.conflicts.length = 0;
    for (const sequence of sequences) {
      for (let k = 1; k < sequence.length; k++) {
        const a = sequence[k - 1] ?? 0;
        const b = sequence[k] ?? 0;
        resourcePrev[b] = a;
        resourceNext[a] = b;
      }
    }
    for (let j = 0; j < plant.jobCount; j++) {
      const first = plant.jobFirst[j] ?? 0;
      for (let o = first; o < (plant.jobFirst[j + 1] ?? 0); o++) {
        // Job predecessor (or, for the first, the job's opening) + resource predecessor.
        indegree[o] = 1 + ((resourcePrev[o] ?? -1) >= 0 ? 1 : 0);
      }
    }
    let head = 0;
    let tail = 0;
    const push = (o: number): void => {
      indegree[o] = (indegree[o] ?? 0) - 1;
      if (indegree[o] === 0) queue[tail++] = o;
    };
    const jobs: number[] = [];
    const openJob = (j: number): void => {
      const t = Math.max(plant.release[j] ?? 0, this.linkReady[j] ?? 0);
      const first = plant.jobFirst[j] ?? 0;
      if (first === plant.jobFirst[j + 1]) finishJob(j, t);
      else {
        this.jobStart[j] = t;
        push(first);
      }
    };
    const finishJob = (j: number, t: number): void => {
      for (let k = plant.linkAfterFirst[j] ?? 0; k < (plant.linkAfterFirst[j + 1] ?? 0); k++) {
        const a = plant.linkAfter[k] ?? 0;
        if (t > (this.linkReady[a] ?? 0)) this.linkReady[a] = t;
        this.linksLeft[a] = (this.linksLeft[a] ?? 0) - 1;
        if (this.linksLeft[a] === 0) jobs.push(a);
      }
    };
    this.linkReady.fill(0);
    for (let j = 0; j < plant.jobCount; j++) {
      this.linksLeft[j] = (plant.linkBeforeFirst[j + 1] ?? 0) - (plant.linkBeforeFirst[j] ?? 0);
      if (this.linksLeft[j] === 0) jobs.push(j);
    }
    let done = 0;
    for (;;) {
      while (jobs.length > 0) openJob(jobs.pop() ?? 0);
      if (head >= tail) break;
      const o = queue[head++] ?? 0;
      done++;
      const j = plant.opJob[o] ?? 0;
      const first = plant.jobFirst[j] ?? 0;
      const est = o === first ? (this.jobStart[j] ?? 0) : (times.end[o - 1] ?? 0) + (plant.opLag[o] ?? 0);
      if (!this.timeOne(o, est, times, lowerBound, pinned)) return 'calendar';
      if (o + 1 < (plant.jobFirst[j + 1] ?? 0)) push(o + 1);
      else finishJob(j, times.end[o] ?? 0);
      const next = resourceNext[o] ?? -1;
      if (next >= 0) push(next);
    }
    if (done < n) return 'cycle';
    return this.conflicts.length > 0 ? 'pinned' : 'ok';
  }
  /** Times operation o given the earliest start its job allows; false when a calendar ends too soon. */
  private timeOne(
    o: number,
    jobReady: number,
    times: PlantTimes,
    lowerBound?: Float64Array,
    pinned?: Float64Array,
  ): boolean {
    const plant = this.plant;
    const j = plant.opJob[o] ?? 0;
    let est = jobReady;
    let c = o === plant.jobFirst[j] ? CAUSE_NONE : CAUSE_JOB;
    const bound = lowerBound?.[o] ?? Number.NaN;
    if (bound > est) {
      est = bound;
      c = CAUSE_NONE;
    }
    const option = times.option[o] ?? 0;
    const r = plant.optionResource[option] ?? 0;
    const d = plant.optionDuration[option] ?? 0;
    const fixedOption = plant.opFixedOption[o] ?? -1;
    const pin = fixedOption >= 0 ? (plant.opFixedStart[o] ?? 0) : (pinned?.[o] ?? Number.NaN);
    times.resource[o] = r;
    if (d === 0) {
      const s = Number.isNaN(pin) ? est : pin;
      this.conflict(o, s < est);
      times.start[o] = s;
      times.end[o] = s;
      times.setup[o] = 0;
      times.setupStart[o] = s;
      this.cause[o] = c;
      return true;
    }
    const calendar = plant.calendars[r];
    if (!calendar) return false;
    const slot = this.slot;
    const prev = this.resourcePrev[o] ?? -1;
    const prevEnd = prev >= 0 ? (times.end[prev] ?? 0) : 0;
    const prevFamily =
      prev >= 0 ? (plant.family[plant.opJob[prev] ?? 0] ?? -1) : (plant.initialFamily[r] ?? -1);
    const setup = changeover(plant, r, prevFamily, plant.family[j] ?? -1);
    if (!placeAfter(calendar, est, prevEnd, setup, d, plant.opSpan[o] === 1, slot)) return false;
    const resourceReady = setup > 0 ? calendar.addWork(prevEnd, setup) : prevEnd;
    if (prev >= 0 && resourceReady > est) c = CAUSE_RESOURCE;
    if (!Number.isNaN(pin)) {
      this.conflict(o, slot.start > pin);
      slot.start = pin;
      slot.end = plant.opSpan[o] === 1 ? calendar.addWork(pin, d) : pin + d;
      slot.setupStart = setup > 0 ? calendar.timeAt(calendar.position(pin) - setup) : pin;
    }
    times.start[o] = slot.start;
    times.end[o] = slot.end;
    times.setup[o] = setup;
    times.setupStart[o] = slot.setupStart;
    this.cause[o] = c;
    return true;
  }

  private conflict(o: number, yes: boolean): void {
    this.conflictFlag[o] = yes ? 1 : 0;
    if (yes) this.conflicts.push(o);
  }

  /** The earliest start job j's first operation may have: release and the ends of the jobs linked before it. */
  private jobReady(j: number, times: PlantTimes): number {
    const plant = this.plant;
    let t = plant.release[j] ?? 0;
    for (let k = plant.linkBeforeFirst[j] ?? 0; k < (plant.linkBeforeFirst[j + 1] ?? 0); k++) {
      const b = plant.linkBefore[k] ?? 0;
      const last = (plant.jobFirst[b + 1] ?? 0) - 1;
      const end = last >= (plant.jobFirst[b] ?? 0) ? (times.end[last] ?? 0) : this.jobReady(b, times);
      if (end > t) t = end;
    }
    return t;
  }

  /** Successors of o: job successor, resource successor, first operations of the jobs linked after its job. */
  private forEachSuccessor(o: number, visit: (s: number) => void): void {
    const plant = this.plant;
    const j = plant.opJob[o] ?? 0;
    if (o + 1 < (plant.jobFirst[j + 1] ?? 0)) visit(o + 1);
    else this.forEachLinkedFirst(j, visit);
    const next = this.resourceNext[o] ?? -1;
    if (next >= 0) visit(next);
  }

  private forEachLinkedFirst(j: number, visit: (s: number) => void): void {
    const plant = this.plant;
    for (let k = plant.linkAfterFirst[j] ?? 0; k < (plant.linkAfterFirst[j + 1] ?? 0); k++) {
      const a = plant.linkAfter[k] ?? 0;
      const first = plant.jobFirst[a] ?? 0;
      if (first < (plant.jobFirst[a + 1] ?? 0)) visit(first);
      else this.forEachLinkedFirst(a, visit);
    }
  }

  /** Resource r's order changed: its operations' resource predecessors and successors anew. */
  relink(sequence: readonly number[]): void {
    for (let k = 0; k < sequence.length; k++) {
      const o = sequence[k] ?? 0;
      this.resourcePrev[o] = k > 0 ? (sequence[k - 1] ?? -1) : -1;
      this.resourceNext[o] = k + 1 < sequence.length ? (sequence[k + 1] ?? -1) : -1;
    }
  }

  /** Takes o out of the resource links (before it moves to another resource). */
  unlink(o: number): void {
    this.resourcePrev[o] = -1;
    this.resourceNext[o] = -1;
  }

  /**
   * Re-times after a local change — `times` holding the previous timetable, the resource links already
   * updated (relink) — placing again only the seeds and the operations whose predecessors moved, in
   * the order of their previous starts (a heap; an operation is placed again if a predecessor moves
   * after it was placed: label-correcting on a DAG, the fixpoint is the earliest timetable). A cycle
   * can only close through a new arc that runs backwards in the previous times: each such arc a → b is
   * checked first (does b reach a?), pruned at the latest start of those arcs' sources. Every changed
   * operation's previous times go to `log` (undo with restore). Frozen operations stay pinned.
   */
  retime(
    times: PlantTimes,
    seeds: readonly number[],
    newArcs: readonly number[],
    log: TimeLog,
  ): TimetableStatus {
    if (this.closesCycle(times, newArcs)) return 'cycle';
    const plant = this.plant;
    const stamp = ++this.generation;
    const queued = this.mark;
    this.conflicts.length = 0;
    const heap = this.heap;
    heap.clear();
    const enqueue = (o: number): void => {
      if (queued[o] === stamp) return;
      queued[o] = stamp;
      heap.push(o, times.start[o] ?? 0);
    };
    for (const seed of seeds) if (seed >= 0) enqueue(seed);
    while (heap.size > 0) {
      const o = heap.pop();
      queued[o] = 0;
      const j = plant.opJob[o] ?? 0;
      const est =
        o === plant.jobFirst[j] ? this.jobReady(j, times) : (times.end[o - 1] ?? 0) + (plant.opLag[o] ?? 0);
      const start = times.start[o] ?? 0;
      const end = times.end[o] ?? 0;
      const setup = times.setup[o] ?? 0;
      const setupStart = times.setupStart[o] ?? 0;
      const resource = times.resource[o] ?? 0;
      const cause = this.cause[o] ?? 0;
      if (!this.timeOne(o, est, times)) return 'calendar';
      if (
        times.start[o] !== start ||
        times.end[o] !== end ||
        times.setup[o] !== setup ||
        times.setupStart[o] !== setupStart ||
        times.resource[o] !== resource ||
        this.cause[o] !== cause
      ) {
        log.push(o, start, end, setup, setupStart, resource, cause);
      }
      // Successors read only the end (and the family, which a re-timing does not change).
      if (times.end[o] !== end) this.forEachSuccessor(o, enqueue);
    }
    let pinned = false;
    for (const o of this.conflicts) if (this.conflictFlag[o] === 1) pinned = true;
    return pinned ? 'pinned' : 'ok';
  }

  /** Does a new arc (pairs a, b in newArcs) close a cycle? Only arcs backwards in the current starts can. */
  private closesCycle(times: PlantTimes, newArcs: readonly number[]): boolean {
    let limit = Number.NEGATIVE_INFINITY;
    for (let k = 0; k + 1 < newArcs.length; k += 2) {
      const a = newArcs[k] ?? -1;
      const b = newArcs[k + 1] ?? -1;
      if (a >= 0 && b >= 0 && (times.start[b] ?? 0) <= (times.start[a] ?? 0))
        limit = Math.max(limit, times.start[a] ?? 0);
    }
    if (limit === Number.NEGATIVE_INFINITY) return false;
    for (let k = 0; k + 1 < newArcs.length; k += 2) {
      const a = newArcs[k] ?? -1;
      const b = newArcs[k + 1] ?? -1;
      if (a < 0 || b < 0 || (times.start[b] ?? 0) > (times.start[a] ?? 0)) continue;
      // Does b reach a? Depth-first, never past `limit`.
      const stamp = ++this.generation;
      const seen = this.mark;
      const stack = this.stack;
      stack.length = 0;
      stack.push(b);
      seen[b] = stamp;
      const search = { found: false };
      const visit = (s: number): void => {
        if (s === a) search.found = true;
        if (seen[s] === stamp || (times.start[s] ?? 0) > limit) return;
        seen[s] = stamp;
        stack.push(s);
      };
      while (stack.length > 0 && !search.found) this.forEachSuccessor(stack.pop() ?? 0, visit);
      if (search.found) return true;
    }
    return false;
  }

  /** Puts back the times a retime changed (newest first), and empties the log. */
  restore(times: PlantTimes, log: TimeLog): void {
    for (let k = log.length - 1; k >= 0; k--) {
      const o = log.op[k] ?? 0;
      times.start[o] = log.start[k] ?? 0;
      times.end[o] = log.end[k] ?? 0;
      times.setup[o] = log.setup[k] ?? 0;
      times.setupStart[o] = log.setupStart[k] ?? 0;
      times.resource[o] = log.resource[k] ?? 0;
      this.cause[o] = log.cause[k] ?? 0;
    }
    log.length = 0;
  }
}

/** The previous times of the operations a retime changed. */
export class TimeLog {
  length = 0;
  op = new Int32Array(64);
  start = new Float64Array(64);
  end = new Float64Array(64);
  setup = new Float64Array(64);
  setupStart = new Float64Array(64);
  resource = new Int32Array(64);
  cause = new Uint8Array(64);

  push(
    o: number,
    start: number,
    end: number,
    setup: number,
    setupStart: number,
    resource: number,
    cause: number,
  ): void {
    if (this.length === this.op.length) this.grow();
    const k = this.length++;
    this.op[k] = o;
    this.start[k] = start;
    this.end[k] = end;
    this.setup[k] = setup;
    this.setupStart[k] = setupStart;
    this.resource[k] = resource;
    this.cause[k] = cause;
  }

  private grow(): void {
    const size = this.op.length * 2;
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.op = grow(this.op, (n) => new Int32Array(n));
    this.start = grow(this.start, (n) => new Float64Array(n));
    this.end = grow(this.end, (n) => new Float64Array(n));
    this.setup = grow(this.setup, (n) => new Float64Array(n));
    this.setupStart = grow(this.setupStart, (n) => new Float64Array(n));
    this.resource = grow(this.resource, (n) => new Int32Array(n));
    this.cause = grow(this.cause, (n) => new Uint8Array(n));
  }
}

/** A binary min-heap of operations keyed by a start (ties: lower operation first). */
class StartHeap {
  private ops: number[] = [];
  private keys: number[] = [];
  size = 0;

  clear(): void {
    this.size = 0;
  }

  private less(i: number, j: number): boolean {
    const a = this.keys[i] ?? 0;
    const b = this.keys[j] ?? 0;
    return a < b || (a === b && (this.ops[i] ?? 0) < (this.ops[j] ?? 0));
  }

  private swap(i: number, j: number): void {
    const o = this.ops[i] ?? 0;
    const k = this.keys[i] ?? 0;
    this.ops[i] = this.ops[j] ?? 0;
    this.keys[i] = this.keys[j] ?? 0;
    this.ops[j] = o;
    this.keys[j] = k;
  }

  push(o: number, key: number): void {
    let i = this.size++;
    this.ops[i] = o;
    this.keys[i] = key;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.ops[0] ?? 0;
    this.size--;
    if (this.size > 0) {
      this.ops[0] = this.ops[this.size] ?? 0;
      this.keys[0] = this.keys[this.size] ?? 0;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= this.size) break;
        const r = l + 1;
        const c = r < this.size && this.less(r, l) ? r : l;
        if (!this.less(c, i)) break;
        this.swap(c, i);
        i = c;
      }
    }
    return top;
  }
}
