import { checkPlantSchedule } from './plant-checker';
import type { PlantProblem } from './plant-model';
import type { ScheduledOperation } from './plant-schedule';
import { schedulePlant } from './plant-scheduler';
import { adjustSchedule, ScheduleAdjustError, type AdjustMove } from './schedule-adjuster';

// Job 0: r0 10 then r1 10. Job 1: r0 10 or r2 20. FIFO: j0o0 r0 [0, 10], j1o0 r0 [10, 20], j0o1 r1 [10, 20].
const problem: PlantProblem = {
  resources: [{}, {}, {}],
  jobs: [
    {
      operations: [
        { options: [{ resource: 0, duration: 10 }] },
        { options: [{ resource: 1, duration: 10 }] },
      ],
    },
    {
      operations: [
        {
          options: [
            { resource: 0, duration: 10 },
            { resource: 2, duration: 20 },
          ],
        },
      ],
    },
  ],
};

function current(p: PlantProblem = problem): ScheduledOperation[][] {
  const s = schedulePlant(p, { rule: 'FIFO' });
  expect(checkPlantSchedule(p, s.operations)).toEqual([]);
  return s.operations;
}

function adjust(
  move: AdjustMove,
  from: ScheduledOperation[][] = current(),
  locked?: { job: number; index: number }[],
  p: PlantProblem = problem,
) {
  const result = adjustSchedule(p, from, move, locked ? { locked } : {});
  expect(checkPlantSchedule(p, result.operations)).toEqual([]);
  return result;
}

const times = (ops: ScheduledOperation[][]) => ops.map((job) => job.map((o) => [o.resource, o.start, o.end]));

function refusal(run: () => unknown): ScheduleAdjustError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScheduleAdjustError) return error;
    throw error;
  }
  throw new Error('expected a ScheduleAdjustError');
}

describe('adjustSchedule', () => {
  it('starts from the expected schedule', () => {
    expect(times(current())).toEqual([
      [
        [0, 0, 10],
        [1, 10, 20],
      ],
      [[0, 10, 20]],
    ]);
  });

  it('a move later pushes the job successor and the next operation on the resource', () => {
    const result = adjust({ job: 0, index: 0, start: 5 });
    expect(times(result.operations)).toEqual([
      [
        [0, 5, 15],
        [1, 15, 25],
      ],
      [[0, 15, 25]],
    ]);
    expect(result.moved).toEqual([
      { job: 0, index: 0, from: 0, to: 5 },
      { job: 0, index: 1, from: 10, to: 15 },
      { job: 1, index: 0, from: 10, to: 15 },
    ]);
    expect(result.kpis.makespan).toBe(25);
  });

  it('a move past the next operation on the resource goes after it', () => {
    const result = adjust({ job: 0, index: 0, start: 15 });
    expect(times(result.operations)).toEqual([
      [
        [0, 20, 30],
        [1, 30, 40],
      ],
      [[0, 10, 20]],
    ]);
    expect(result.moved.map((m) => [m.job, m.index, m.to])).toEqual([
      [0, 0, 20],
      [0, 1, 30],
    ]);
  });

  it('moves an operation to another eligible resource with that resource’s duration', () => {
    const result = adjust({ job: 1, index: 0, start: 0, resource: 2 });
    expect(times(result.operations)[1]).toEqual([[2, 0, 20]]);
    expect(result.moved).toEqual([{ job: 1, index: 0, from: 10, to: 0 }]);
  });

  it('moving earlier leaves every other operation in place', () => {
    const later = adjust({ job: 0, index: 0, start: 15 }).operations;
    const result = adjust({ job: 1, index: 0, start: 0 }, later);
    expect(times(result.operations)).toEqual([
      [
        [0, 20, 30],
        [1, 30, 40],
      ],
      [[0, 0, 10]],
    ]);
    expect(result.moved).toEqual([{ job: 1, index: 0, from: 10, to: 0 }]);
  });

  it('a start before the job predecessor ends goes to the earliest feasible', () => {
    const result = adjust({ job: 0, index: 1, start: 0 });
    expect(times(result.operations)[0]?.[1]).toEqual([1, 10, 20]);
    expect(result.moved).toEqual([]);
  });

  it('before its own job predecessor on the same resource: placed after it', () => {
    const chain: PlantProblem = {
      resources: [{}],
      jobs: [
        {
          operations: [
            { options: [{ resource: 0, duration: 10 }] },
            { options: [{ resource: 0, duration: 10 }] },
          ],
        },
      ],
    };
    const result = adjust({ job: 0, index: 1, start: 0 }, current(chain), undefined, chain);
    expect(times(result.operations)).toEqual([
      [
        [0, 0, 10],
        [0, 10, 20],
      ],
    ]);
  });

  it('snaps the requested start into a working window', () => {
    const shifts: PlantProblem = {
      resources: [
        {
          windows: [
            [0, 30],
            [60, 120],
          ],
        },
      ],
      jobs: [{ operations: [{ options: [{ resource: 0, duration: 10 }] }] }],
    };
    const result = adjust({ job: 0, index: 0, start: 40 }, current(shifts), undefined, shifts);
    expect(times(result.operations)).toEqual([[[0, 60, 70]]]);
  });

  it('refuses to move a locked or frozen operation, or to push one later', () => {
    expect(
      refusal(() => adjust({ job: 1, index: 0, start: 30 }, current(), [{ job: 1, index: 0 }])),
    ).toMatchObject({
      kind: 'locked',
      operations: [{ job: 1, index: 0 }],
    });
    expect(
      refusal(() => adjust({ job: 0, index: 0, start: 5 }, current(), [{ job: 1, index: 0 }])),
    ).toMatchObject({
      kind: 'locked',
      operations: [{ job: 1, index: 0 }],
    });
    const frozen: PlantProblem = {
      resources: [{}],
      jobs: [
        { operations: [{ options: [{ resource: 0, duration: 10 }], fixed: { resource: 0, start: 10 } }] },
        { operations: [{ options: [{ resource: 0, duration: 10 }] }] },
      ],
    };
    expect(
      refusal(() => adjust({ job: 0, index: 0, start: 30 }, current(frozen), undefined, frozen)).kind,
    ).toBe('locked');
    expect(
      refusal(() => adjust({ job: 1, index: 0, start: 5 }, current(frozen), undefined, frozen)),
    ).toMatchObject({
      kind: 'locked',
      operations: [{ job: 0, index: 0 }],
    });
  });

  it('refuses an ineligible resource and an unknown operation', () => {
    expect(refusal(() => adjust({ job: 0, index: 0, start: 0, resource: 2 }))).toMatchObject({
      kind: 'ineligible',
      operations: [{ job: 0, index: 0 }],
    });
    expect(refusal(() => adjust({ job: 0, index: 2, start: 0 })).kind).toBe('unknown-operation');
    expect(refusal(() => adjust({ job: 5, index: 0, start: 0 })).kind).toBe('unknown-operation');
  });
});
