/**
 * Improvement of a plant schedule (docs/decisions/0014, "Plant scheduling"): tabu search on the weighted
 * objective. Representation: each operation's option (so its resource) and each resource's sequence;
 * decoder: the calendar-aware timetabler (plant-timetable.ts, one topological sweep). Each iteration
 * traces a critical path back from a target — the last operation of a tardy job (the most tardy one or
 * a random one) or an operation ending at the makespan — through the arcs that decided the starts, and
 * takes as neighbourhood the N5/N7-style moves of its resource blocks (first or last pair swapped, first
 * moved behind the block, last moved before it) and every move of a path operation to an alternative
 * resource (placed by its current start); a sample (at most 6 reorderings and 2 resource changes) is re-timed
 * incrementally and the best non-tabu one taken (aspiration: a new best). Moves that push a frozen operation, close a cycle
 * or run off a calendar are rejected by the decoder. When the best stalls (100 iterations) or the current
 * drifts 2 % above it, restart from the best with one random move. Never
 * returns worse than the start; deterministic for a seed and an iteration limit.
 */
import { computeKpis } from './plant-kpis';
import { LATE_JOB_SCALE, type FlatPlant, type ObjectiveWeights } from './plant-model';
import { emptyTimes, type PlantKpis, type PlantTimes } from './plant-schedule';
import { CAUSE_JOB, CAUSE_RESOURCE, TimeLog, Timetabler } from './plant-timetable';
import { Random } from './random';

export interface ImproveOptions {
  weights: Required<ObjectiveWeights>;
  seed: number;
  clock: () => number;
  /** Absolute deadline on clock() (none: only maxIterations, shouldStop or the bound stop it). */
  deadline?: number;
  /** The budget the deadline stands for, for progress fractions. */
  timeLimitMs?: number;
  maxIterations?: number;
  onProgress?: (fraction: number, best: PlantKpis) => void;
  shouldStop?: () => boolean;
}

export interface ImproveResult {
  times: PlantTimes;
  objective: number;
  iterations: number;
  stoppedBy: 'time' | 'iterations' | 'cancel' | 'bound';
}

/** Candidate moves decoded per iteration at most: reorderings of a block, resource changes. */
const MAX_BLOCK_MOVES = 6;
const MAX_RESOURCE_MOVES = 2;
/** Back to the best when the current objective drifts this far (relative) above it. */
const DRIFT = 0.02;
const PROGRESS_EVERY_MS = 100;
/** Iterations without a new best before a restart from the best. */
const STALL_ITERATIONS = 100;
/** Targets tried per iteration for a path with a resource block. */
const TARGET_ATTEMPTS = 4;
/** Iterations in a row without any candidate move before giving up. */
const EMPTY_LIMIT = 200;

/** A move: operation u to position `to` of resource r's sequence (option `option`), from `from` of `fromResource`. */
interface Move {
  u: number;
  fromResource: number;
  from: number;
  resource: number;
  to: number;
  option: number;
  /** Set while applied: the option it had. */
  fromOption?: number;
  /** The operation it passes first on its resource (−1 for a resource change). */
  passed?: number;
}

function copyTimes(from: PlantTimes, to: PlantTimes): void {
  to.resource.set(from.resource);
  to.option.set(from.option);
  to.start.set(from.start);
  to.end.set(from.end);
  to.setup.set(from.setup);
  to.setupStart.set(from.setupStart);
}

/** The objective straight from the times (no KPI arrays). */
export function objectiveOfTimes(
  plant: FlatPlant,
  times: PlantTimes,
  weights: Required<ObjectiveWeights>,
): number {
  let makespan = 0;
  let setup = 0;
  for (let o = 0; o < plant.opCount; o++) {
    const end = times.end[o] ?? 0;
    if (end > makespan) makespan = end;
    setup += times.setup[o] ?? 0;
  }
  let weighted = 0;
  let late = 0;
  for (let j = 0; j < plant.jobCount; j++) {
    const last = (plant.jobFirst[j + 1] ?? 0) - 1;
    if (last < (plant.jobFirst[j] ?? 0)) continue;
    const tardiness = (times.end[last] ?? 0) - (plant.due[j] ?? Number.POSITIVE_INFINITY);
    if (tardiness > 0) {
      weighted += tardiness * (plant.weight[j] ?? 1);
      late++;
    }
  }
  return (
    weights.makespan * makespan +
    weights.weightedTardiness * weighted +
    weights.lateJobs * late * LATE_JOB_SCALE +
    weights.setup * setup
  );
}

/**
 * A lower bound on the objective: each job alone, every operation on its fastest resource (calendar
 * included, capacity and changeovers ignored), frozen operations where they are.
 */
export function objectiveLowerBound(plant: FlatPlant, weights: Required<ObjectiveWeights>): number {
  let makespan = 0;
  let weighted = 0;
  let late = 0;
  for (let j = 0; j < plant.jobCount; j++) {
    let t = plant.release[j] ?? 0;
    const first = plant.jobFirst[j] ?? 0;
    const last = (plant.jobFirst[j + 1] ?? 0) - 1;
    for (let o = first; o <= last; o++) {
      if (o > first) t += plant.opLag[o] ?? 0;
      const fixed = plant.opFixedOption[o] ?? -1;
      let end = Number.POSITIVE_INFINITY;
      for (let k = plant.optionFirst[o] ?? 0; k < (plant.optionFirst[o + 1] ?? 0); k++) {
        if (fixed >= 0 && k !== fixed) continue;
        const d = plant.optionDuration[k] ?? 0;
        const calendar = plant.calendars[plant.optionResource[k] ?? 0];
        if (!calendar) continue;
        const s = fixed >= 0 ? (plant.opFixedStart[o] ?? 0) : t;
        let e: number;
        if (d === 0) e = s;
        else if (plant.opSpan[o] === 1) e = calendar.addWork(fixed >= 0 ? s : calendar.snap(s), d);
        else {
          const fit = fixed >= 0 ? s : calendar.fit(s, d);
          e = fit + d;
        }
        if (e < end) end = e;
      }
      if (!Number.isFinite(end)) return 0;
      t = end;
    }
    if (t > makespan) makespan = t;
    const tardiness = t - (plant.due[j] ?? Number.POSITIVE_INFINITY);
    if (last >= first && tardiness > 0) {
      weighted += tardiness * (plant.weight[j] ?? 1);
      late++;
    }
  }
  return (
    weights.makespan * makespan +
    weights.weightedTardiness * weighted +
    weights.lateJobs * late * LATE_JOB_SCALE
  );
}

/** Each resource's operations of positive duration in the order of the schedule (setupStart, start). */
export function sequencesOf(plant: FlatPlant, times: PlantTimes): number[][] {
  const sequences: number[][] = Array.from({ length: plant.resourceCount }, () => []);
  for (let o = 0; o < plant.opCount; o++) {
    if ((plant.optionDuration[times.option[o] ?? 0] ?? 0) > 0) sequences[times.resource[o] ?? 0]?.push(o);
  }
  for (const sequence of sequences) {
    sequence.sort(
      (a, b) =>
        (times.setupStart[a] ?? 0) - (times.setupStart[b] ?? 0) ||
        (times.start[a] ?? 0) - (times.start[b] ?? 0) ||
        a - b,
    );
  }
  return sequences;
}

export function improvePlant(plant: FlatPlant, initial: PlantTimes, options: ImproveOptions): ImproveResult {
  return new PlantLocalSearch(plant, options).run(initial);
}

class PlantLocalSearch {
  private readonly random: Random;
  private readonly timetabler: Timetabler;
  private readonly tabu = new Map<number, number>();
  private readonly path: number[] = [];
  private readonly candidates: Move[] = [];
  private readonly sample: Move[] = [];
  private readonly log = new TimeLog();
  private iteration = 0;
  /** Candidates of the last neighbourhood that reorder a resource (the rest change resources). */
  private blockMoves = 0;

  constructor(
    private readonly plant: FlatPlant,
    private readonly options: ImproveOptions,
  ) {
    this.random = new Random(options.seed);
    this.timetabler = new Timetabler(plant);
  }

  run(initial: PlantTimes): ImproveResult {
    const { plant, options } = this;
    const weights = options.weights;
    const clock = options.clock;
    const started = clock();
    const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    const budget = options.timeLimitMs ?? 0;
    const bound = objectiveLowerBound(plant, weights);
    const best = emptyTimes(plant.opCount);
    copyTimes(initial, best);
    let bestObjective = objectiveOfTimes(plant, initial, weights);
    const times = emptyTimes(plant.opCount);
    copyTimes(initial, times);
    const sequences = sequencesOf(plant, times);
    let status = this.timetabler.run(sequences, times);
    let current = status === 'ok' ? objectiveOfTimes(plant, times, weights) : Number.POSITIVE_INFINITY;
    if (current < bestObjective) {
      bestObjective = current;
      copyTimes(times, best);
    }
    // The restart point: the best decoded state (its order, times and the arcs that decided them).
    const restart = {
      times: emptyTimes(plant.opCount),
      sequences: sequences.map((q) => q.slice()),
      cause: this.timetabler.cause.slice(),
      objective: current,
    };
    copyTimes(times, restart.times);
    let lastProgress = started;
    let stall = 0;
    let empty = 0;
    let stoppedBy: ImproveResult['stoppedBy'] = 'iterations';
    const report = (fraction: number): void => {
      options.onProgress?.(fraction, computeKpis(plant, best));
    };
    for (;;) {
      if (bestObjective <= bound) {
        stoppedBy = 'bound';
        break;
      }
      if (this.iteration >= maxIterations) {
        stoppedBy = 'iterations';
        break;
      }
      if (options.shouldStop?.() === true) {
        stoppedBy = 'cancel';
        break;
      }
      const now = clock();
      if (now >= deadline) {
        stoppedBy = 'time';
        break;
      }
      if (options.onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        const byTime = budget > 0 ? (now - started) / budget : 0;
        const byIterations = Number.isFinite(maxIterations) ? this.iteration / maxIterations : 0;
        report(Math.min(1, Math.max(byTime, byIterations)));
      }
      if (status !== 'ok') {
        // Only the start can be undecodable (a constructive order the decoder rejects): give up.
        stoppedBy = 'iterations';
        break;
      }
      this.iteration++;
      // A path without a resource block can only change resources: try a few targets for a better one.
      for (let attempt = 0; attempt < TARGET_ATTEMPTS; attempt++) {
        this.criticalPath(times, weights);
        this.neighbourhood(sequences, times);
        if (this.blockMoves > 0) break;
      }
      if (this.candidates.length === 0) {
        if (++empty >= EMPTY_LIMIT) break;
        continue;
      }
      empty = 0;
      const move = this.choose(sequences, times, bestObjective, weights);
      if (!move) {
        stall++;
        continue;
      }
      status = this.applyAndRetime(sequences, times, move);
      this.log.length = 0;
      current = status === 'ok' ? objectiveOfTimes(plant, times, weights) : Number.POSITIVE_INFINITY;
      this.makeTabu(move);
      if (current < bestObjective) {
        bestObjective = current;
        copyTimes(times, best);
        copyTimes(times, restart.times);
        restart.sequences = sequences.map((q) => q.slice());
        restart.cause.set(this.timetabler.cause);
        restart.objective = current;
        stall = 0;
      } else if (
        ++stall >= STALL_ITERATIONS ||
        current > restart.objective + DRIFT * Math.abs(restart.objective)
      ) {
        // Back to the best decoded state, with one random move for a different direction.
        stall = 0;
        copyTimes(restart.times, times);
        for (let r = 0; r < sequences.length; r++) {
          const q = restart.sequences[r] ?? [];
          sequences[r] = q.slice();
          this.timetabler.relink(q);
        }
        this.timetabler.cause.set(restart.cause);
        current = restart.objective;
        this.criticalPath(times, weights);
        this.neighbourhood(sequences, times);
        const random = this.candidates[this.random.int(this.candidates.length)];
        if (random) {
          random.passed = this.passedBy(sequences, random);
          if (this.applyAndRetime(sequences, times, random) === 'ok') {
            this.log.length = 0;
            current = objectiveOfTimes(plant, times, weights);
          } else {
            this.timetabler.restore(times, this.log);
            this.undo(sequences, times, random);
            this.relink(sequences, random);
          }
        }
      }
    }
    report(1);
    return { times: best, objective: bestObjective, iterations: this.iteration, stoppedBy };
  }

  /** The path back from a target operation through the arcs that decided each start (chronological). */
  private criticalPath(times: PlantTimes, weights: Required<ObjectiveWeights>): void {
    const plant = this.plant;
    let target = -1;
    const tardinessMatters = weights.weightedTardiness > 0 || weights.lateJobs > 0;
    if (tardinessMatters && (weights.makespan === 0 || this.random.next() < 0.8)) {
      // The most tardy job (weighted) half of the time, else a random tardy one.
      let worst = -1;
      let worstValue = 0;
      let seen = 0;
      let pick = -1;
      for (let j = 0; j < plant.jobCount; j++) {
        const last = (plant.jobFirst[j + 1] ?? 0) - 1;
        if (last < (plant.jobFirst[j] ?? 0)) continue;
        const tardiness =
          ((times.end[last] ?? 0) - (plant.due[j] ?? Number.POSITIVE_INFINITY)) * (plant.weight[j] ?? 1);
        if (tardiness <= 0) continue;
        if (tardiness > worstValue) {
          worstValue = tardiness;
          worst = last;
        }
        seen++;
        if (this.random.int(seen) === 0) pick = last;
      }
      target = this.random.next() < 0.5 ? worst : pick;
    }
    if (target < 0) {
      let makespan = -1;
      let ties = 0;
      for (let o = 0; o < plant.opCount; o++) {
        const end = times.end[o] ?? 0;
        if (end > makespan) {
          makespan = end;
          target = o;
          ties = 1;
        } else if (end === makespan && this.random.int(++ties) === 0) target = o;
      }
    }
    const path = this.path;
    path.length = 0;
    const cause = this.timetabler.cause;
    const prev = this.timetabler.resourcePrev;
    for (let o = target; o >= 0;) {
      path.push(o);
      const c = cause[o] ?? 0;
      if (c === CAUSE_JOB) o = o - 1;
      else if (c === CAUSE_RESOURCE) o = prev[o] ?? -1;
      else o = -1;
    }
    path.reverse();
  }

  /** Block moves and resource changes of the path's operations (see the file comment). */
  private neighbourhood(sequences: readonly (readonly number[])[], times: PlantTimes): void {
    const plant = this.plant;
    const candidates = this.candidates;
    candidates.length = 0;
    const path = this.path;
    const prev = this.timetabler.resourcePrev;
    const seqMove = (r: number, from: number, to: number): void => {
      const sequence = sequences[r] ?? [];
      const u = sequence[from] ?? 0;
      if ((plant.opFixedOption[u] ?? -1) >= 0) return;
      candidates.push({ u, fromResource: r, from, resource: r, to, option: times.option[u] ?? 0 });
    };
    let blockStart = 0;
    for (let k = 1; k <= path.length; k++) {
      const o = path[k] ?? -1;
      if (k < path.length && prev[o] === path[k - 1]) continue;
      // Block path[blockStart … k − 1] on one resource, consecutive in its sequence.
      const length = k - blockStart;
      if (length >= 2) {
        const first = path[blockStart] ?? 0;
        const r = times.resource[first] ?? 0;
        const sequence = sequences[r] ?? [];
        const i = sequence.indexOf(first);
        const j = i + length - 1;
        seqMove(r, i + 1, i); // second before first
        if (length > 2) {
          seqMove(r, j, j - 1); // last before the one before it
          seqMove(r, i, j); // first behind the block
          seqMove(r, j, i); // last before the block
        }
      }
      blockStart = k;
    }
    this.blockMoves = candidates.length;
    for (const u of path) {
      if ((plant.opFixedOption[u] ?? -1) >= 0) continue;
      const from = times.resource[u] ?? 0;
      const d0 = plant.optionDuration[times.option[u] ?? 0] ?? 0;
      for (let k = plant.optionFirst[u] ?? 0; k < (plant.optionFirst[u + 1] ?? 0); k++) {
        const r = plant.optionResource[k] ?? 0;
        const d = plant.optionDuration[k] ?? 0;
        if (r === from || d === 0 || d0 === 0) continue;
        const target = sequences[r] ?? [];
        // Place by the current start: after every operation starting before it.
        const start = times.start[u] ?? 0;
        let lo = 0;
        let hi = target.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((times.start[target[mid] ?? 0] ?? 0) < start) lo = mid + 1;
          else hi = mid;
        }
        const index = (sequences[from] ?? []).indexOf(u);
        candidates.push({ u, fromResource: from, from: index, resource: r, to: lo, option: k });
      }
    }
  }

  /** Applies a move and re-times what it affects (previous times in this.log). */
  private applyAndRetime(
    sequences: number[][],
    times: PlantTimes,
    move: Move,
  ): 'ok' | 'cycle' | 'calendar' | 'pinned' {
    const oldNext = this.timetabler.resourceNext[move.u] ?? -1;
    this.apply(sequences, times, move);
    this.relink(sequences, move);
    const newNext = this.timetabler.resourceNext[move.u] ?? -1;
    const newPrev = this.timetabler.resourcePrev[move.u] ?? -1;
    return this.timetabler.retime(
      times,
      [move.u, oldNext, newNext],
      [newPrev, move.u, move.u, newNext],
      this.log,
    );
  }

  private relink(sequences: readonly (readonly number[])[], move: Move): void {
    this.timetabler.relink(sequences[move.fromResource] ?? []);
    if (move.resource !== move.fromResource) this.timetabler.relink(sequences[move.resource] ?? []);
  }

  private apply(sequences: number[][], times: PlantTimes, move: Move): void {
    const from = sequences[move.fromResource] ?? [];
    from.splice(move.from, 1);
    (sequences[move.resource] ?? []).splice(move.to, 0, move.u);
    if (move.resource !== move.fromResource) {
      move.fromOption = times.option[move.u] ?? 0;
      times.option[move.u] = move.option;
    }
  }

  private undo(sequences: number[][], times: PlantTimes, move: Move): void {
    (sequences[move.resource] ?? []).splice(move.to, 1);
    (sequences[move.fromResource] ?? []).splice(move.from, 0, move.u);
    if (move.resource !== move.fromResource) {
      times.option[move.u] = move.fromOption ?? times.option[move.u] ?? 0;
      times.resource[move.u] = move.fromResource;
    }
  }

  private tabuKey(u: number, resource: number, neighbour: number): number {
    return (u * (this.plant.resourceCount + 1) + resource) * (this.plant.opCount + 1) + neighbour + 1;
  }

  private makeTabu(move: Move): void {
    const until = this.iteration + 7 + this.random.int(8);
    if (move.resource !== move.fromResource) {
      // u back onto the resource it left.
      this.tabu.set(this.tabuKey(move.u, move.fromResource, -1), until);
    } else if ((move.passed ?? -1) >= 0) {
      // The pair it reversed, either way round.
      const passed = move.passed ?? 0;
      this.tabu.set(this.tabuKey(move.u, move.resource, passed), until);
      this.tabu.set(this.tabuKey(passed, move.resource, move.u), until);
    }
  }

  /** Decodes a sample of the candidates; the best non-tabu (or a tabu one that beats the best). */
  private choose(
    sequences: number[][],
    times: PlantTimes,
    bestObjective: number,
    weights: Required<ObjectiveWeights>,
  ): Move | undefined {
    const candidates = this.candidates;
    // A random sample: up to MAX_BLOCK_MOVES reorderings, up to MAX_RESOURCE_MOVES resource changes
    // (partial Fisher–Yates in each part of the list).
    const sample = this.sample;
    sample.length = 0;
    const pickFrom = (from: number, to: number, most: number): void => {
      const count = Math.min(most, to - from);
      for (let k = 0; k < count; k++) {
        const pick = from + k + this.random.int(to - from - k);
        const swap = candidates[from + k];
        const picked = candidates[pick];
        if (!swap || !picked) continue;
        candidates[from + k] = picked;
        candidates[pick] = swap;
        sample.push(picked);
      }
    };
    pickFrom(0, this.blockMoves, MAX_BLOCK_MOVES);
    pickFrom(this.blockMoves, candidates.length, MAX_RESOURCE_MOVES);
    let chosen: Move | undefined;
    let chosenValue = Number.POSITIVE_INFINITY;
    let ties = 0;
    for (const move of sample) {
      const passed = this.passedBy(sequences, move);
      move.passed = passed;
      const status = this.applyAndRetime(sequences, times, move);
      const value = status === 'ok' ? objectiveOfTimes(this.plant, times, weights) : Number.POSITIVE_INFINITY;
      this.timetabler.restore(times, this.log);
      this.undo(sequences, times, move);
      this.relink(sequences, move);
      if (!Number.isFinite(value)) continue;
      const key = this.tabuKey(move.u, move.resource, move.resource !== move.fromResource ? -1 : passed);
      const tabu = (this.tabu.get(key) ?? 0) > this.iteration;
      if (tabu && value >= bestObjective) continue;
      if (value < chosenValue) {
        chosen = move;
        chosenValue = value;
        ties = 1;
      } else if (value === chosenValue && this.random.int(++ties) === 0) chosen = move;
    }
    return chosen;
  }

  /** The operation u passes in a move on one resource (the neighbour it swaps with first), or −1. */
  private passedBy(sequences: readonly (readonly number[])[], move: Move): number {
    if (move.resource !== move.fromResource) return -1;
    const sequence = sequences[move.resource] ?? [];
    return move.to < move.from ? (sequence[move.from - 1] ?? -1) : (sequence[move.from + 1] ?? -1);
  }
}
