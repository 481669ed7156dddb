/**
 * The planner's manual move (docs/decisions/0014, "Adjusting a schedule"): one operation to a new start
 * (and optionally another eligible resource). Every other operation keeps its resource and its place in
 * its resource's order (by current setupStart); the moved one is taken out of its resource's order and
 * put into the target's at the place its requested start implies; then everything is re-timed, each
 * operation at the later of its current start and what precedence, resources, calendars and
 * changeovers now require — pushed later, never pulled earlier — except the moved one, which goes to the
 * requested start (snapped into a window), or the earliest feasible after it.
 */
import { computeKpis, fromOperations, toOperations } from './plant-kpis';
import { flattenPlant, type PlantProblem } from './plant-model';
import type { PlantKpis, ScheduledOperation } from './plant-schedule';
import { Timetabler } from './plant-timetable';

export interface AdjustMove {
  job: number;
  index: number;
  start: number;
  resource?: number;
}

export type ScheduleAdjustErrorKind = 'locked' | 'ineligible' | 'infeasible' | 'unknown-operation';

export class ScheduleAdjustError extends Error {
  constructor(
    readonly kind: ScheduleAdjustErrorKind,
    readonly operations: { job: number; index: number }[],
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleAdjustError';
  }
}

export interface AdjustResult {
  operations: ScheduledOperation[][];
  kpis: PlantKpis;
  moved: { job: number; index: number; from: number; to: number }[];
}

export function adjustSchedule(
  problem: PlantProblem,
  current: readonly (readonly ScheduledOperation[])[],
  move: AdjustMove,
  options: { locked?: readonly { job: number; index: number }[] } = {},
): AdjustResult {
  const plant = flattenPlant(problem);
  const opOf = (job: number, index: number): number => {
    if (!Number.isInteger(job) || job < 0 || job >= plant.jobCount || !Number.isInteger(index) || index < 0)
      return -1;
    const o = (plant.jobFirst[job] ?? 0) + index;
    return o < (plant.jobFirst[job + 1] ?? 0) ? o : -1;
  };
  const ref = (o: number): { job: number; index: number } => {
    const job = plant.opJob[o] ?? 0;
    return { job, index: o - (plant.jobFirst[job] ?? 0) };
  };
  const o = opOf(move.job, move.index);
  if (o < 0) {
    throw new ScheduleAdjustError(
      'unknown-operation',
      [{ job: move.job, index: move.index }],
      `job ${move.job} has no operation ${move.index}`,
    );
  }
  if (!Number.isInteger(move.start) || move.start < 0) {
    throw new ScheduleAdjustError(
      'infeasible',
      [ref(o)],
      `requested start ${move.start} is not whole minutes ≥ 0`,
    );
  }
  const pinned = new Float64Array(plant.opCount).fill(Number.NaN);
  const times = fromOperations(plant, current);
  const missing: number[] = [];
  const ineligible: number[] = [];
  for (let x = 0; x < plant.opCount; x++) {
    if ((times.resource[x] ?? -1) < 0) missing.push(x);
    else if ((times.option[x] ?? -1) < 0) ineligible.push(x);
  }
  if (missing.length > 0) {
    throw new ScheduleAdjustError(
      'unknown-operation',
      missing.map(ref),
      'the current schedule lacks operations',
    );
  }
  if (ineligible.length > 0) {
    throw new ScheduleAdjustError(
      'ineligible',
      ineligible.map(ref),
      'the current schedule uses ineligible resources',
    );
  }
  for (const lock of options.locked ?? []) {
    const x = opOf(lock.job, lock.index);
    if (x < 0) {
      throw new ScheduleAdjustError(
        'unknown-operation',
        [lock],
        `locked: job ${lock.job} has no operation ${lock.index}`,
      );
    }
    pinned[x] = times.start[x] ?? 0;
  }
  if (!Number.isNaN(pinned[o] ?? Number.NaN) || (plant.opFixedOption[o] ?? -1) >= 0) {
    throw new ScheduleAdjustError('locked', [ref(o)], `job ${move.job} operation ${move.index} is locked`);
  }
  const target = move.resource ?? times.resource[o] ?? 0;
  let option = -1;
  for (let k = plant.optionFirst[o] ?? 0; k < (plant.optionFirst[o + 1] ?? 0) && option < 0; k++) {
    if (plant.optionResource[k] === target) option = k;
  }
  if (option < 0) {
    throw new ScheduleAdjustError(
      'ineligible',
      [ref(o)],
      `resource ${target} is not eligible for job ${move.job} operation ${move.index}`,
    );
  }
  const before = Float64Array.from(times.start);
  // Resource orders by current setupStart, the moved operation taken out.
  const sequences: number[][] = Array.from({ length: plant.resourceCount }, () => []);
  for (let x = 0; x < plant.opCount; x++) {
    if (x === o || (plant.optionDuration[times.option[x] ?? 0] ?? 0) === 0) continue;
    sequences[times.resource[x] ?? 0]?.push(x);
  }
  for (const sequence of sequences) {
    sequence.sort(
      (a, b) =>
        (times.setupStart[a] ?? 0) - (times.setupStart[b] ?? 0) ||
        (times.start[a] ?? 0) - (times.start[b] ?? 0) ||
        a - b,
    );
  }
  times.option[o] = option;
  times.resource[o] = target;
  const d = plant.optionDuration[option] ?? 0;
  const lowerBound = Float64Array.from(times.start);
  const calendar = plant.calendars[target];
  lowerBound[o] = d > 0 && calendar ? calendar.snap(move.start) : move.start;
  const timetabler = new Timetabler(plant);
  const sequence = sequences[target] ?? [];
  let position = sequence.length;
  if (d > 0) {
    position = 0;
    while (position < sequence.length && (times.start[sequence[position] ?? 0] ?? 0) < move.start) position++;
  }
  for (;;) {
    if (d > 0) sequence.splice(position, 0, o);
    const status = timetabler.run(sequences, times, lowerBound, pinned);
    if (status === 'ok') break;
    if (status === 'pinned') {
      throw new ScheduleAdjustError(
        'locked',
        timetabler.conflicts.map(ref),
        'the move would push locked or frozen operations',
      );
    }
    if (status === 'calendar' || d === 0 || position >= sequence.length - 1) {
      throw new ScheduleAdjustError(
        'infeasible',
        [ref(o)],
        'no feasible placement for the move within the calendars',
      );
    }
    // A cycle: the operation went before something that depends on it — one place later.
    sequence.splice(position, 1);
    position++;
  }
  const moved: AdjustResult['moved'] = [];
  for (let x = 0; x < plant.opCount; x++) {
    if (times.start[x] !== before[x])
      moved.push({ ...ref(x), from: before[x] ?? 0, to: times.start[x] ?? 0 });
  }
  return { operations: toOperations(plant, times), kpis: computeKpis(plant, times), moved };
}
