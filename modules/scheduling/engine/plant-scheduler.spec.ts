import { checkPlantSchedule } from './plant-checker';
import type { PlantProblem } from './plant-model';
import { PLANT_RULES, schedulePlant, type PlantOptions, type PlantSchedule } from './plant-scheduler';

/** Schedules and checks: every schedule a test gets goes through the checker. */
function run(problem: PlantProblem, options: PlantOptions = {}): PlantSchedule {
  const schedule = schedulePlant(problem, options);
  expect(checkPlantSchedule(problem, schedule.operations)).toEqual([]);
  return schedule;
}

const at = (s: PlantSchedule, job: number, index = 0) => {
  const op = s.operations[job]?.[index];
  if (!op) throw new Error(`no job ${job} operation ${index}`);
  return op;
};

describe('schedulePlant: calendars', () => {
  it('splits work over a break', () => {
    const s = run({
      resources: [
        {
          windows: [
            [0, 60],
            [120, 180],
          ],
        },
      ],
      jobs: [{ operations: [{ options: [{ resource: 0, duration: 90 }] }] }],
    });
    expect(at(s, 0)).toMatchObject({ resource: 0, start: 0, end: 150, setup: 0 });
    expect(s.kpis.makespan).toBe(150);
    expect(s.kpis.utilisation[0]).toBeCloseTo(90 / 90);
  });

  it('moves an operation that may not span breaks to the next shift', () => {
    const s = run({
      resources: [
        {
          windows: [
            [0, 60],
            [120, 240],
          ],
        },
      ],
      jobs: [
        {
          operations: [
            { options: [{ resource: 0, duration: 30 }] },
            { options: [{ resource: 0, duration: 60 }], spanBreaks: false },
          ],
        },
      ],
    });
    expect(at(s, 0, 0)).toMatchObject({ start: 0, end: 30 });
    expect(at(s, 0, 1)).toMatchObject({ start: 120, end: 180 });
  });

  it('starts after the release, snapped into a window', () => {
    const s = run({
      resources: [
        {
          windows: [
            [0, 90],
            [110, 200],
          ],
        },
      ],
      jobs: [{ operations: [{ options: [{ resource: 0, duration: 10 }] }], release: 95 }],
    });
    expect(at(s, 0)).toMatchObject({ start: 110, end: 120 });
  });

  it('waits the lag after the previous operation of the job, calendar-free', () => {
    const s = run({
      resources: [{}, { windows: [[0, 1000]] }],
      jobs: [
        {
          operations: [
            { options: [{ resource: 0, duration: 10 }] },
            { options: [{ resource: 1, duration: 10 }], lagBefore: 25 },
          ],
        },
      ],
    });
    expect(at(s, 0, 1)).toMatchObject({ start: 35, end: 45 });
  });
});

describe('schedulePlant: changeovers', () => {
  const setup = [
    [0, 15],
    [15, 0],
  ];

  it('a changeover between families, paused over a break', () => {
    const s = run(
      {
        resources: [
          {
            windows: [
              [0, 20],
              [30, 100],
            ],
            setup,
          },
        ],
        jobs: [
          { operations: [{ options: [{ resource: 0, duration: 10 }] }], family: 0 },
          { operations: [{ options: [{ resource: 0, duration: 10 }] }], family: 1 },
        ],
      },
      { rule: 'FIFO' },
    );
    expect(at(s, 0)).toMatchObject({ start: 0, end: 10, setup: 0, setupStart: 0 });
    // 10 minutes of changeover in [10, 20), 5 more in [30, 35), then the work.
    expect(at(s, 1)).toMatchObject({ setupStart: 10, setup: 15, start: 35, end: 45 });
    expect(s.kpis.setupTime).toBe(15);
  });

  it('the initial family counts for the first operation; none when families are missing', () => {
    const s = run(
      {
        resources: [{ setup, initialFamily: 1 }],
        jobs: [
          { operations: [{ options: [{ resource: 0, duration: 10 }] }], family: 0 },
          { operations: [{ options: [{ resource: 0, duration: 10 }] }], release: 30 },
        ],
      },
      { rule: 'FIFO' },
    );
    expect(at(s, 0)).toMatchObject({ setupStart: 0, setup: 15, start: 15, end: 25 });
    expect(at(s, 1)).toMatchObject({ setup: 0, start: 30, end: 40 });
  });
});

describe('schedulePlant: alternatives, links, frozen operations', () => {
  it('chooses the eligible resource where the operation ends earliest', () => {
    const s = run(
      {
        resources: [{}, {}],
        jobs: [
          { operations: [{ options: [{ resource: 1, duration: 40 }] }] },
          {
            operations: [
              {
                options: [
                  { resource: 0, duration: 50 },
                  { resource: 1, duration: 30 },
                ],
              },
            ],
          },
          {
            operations: [
              {
                options: [
                  { resource: 0, duration: 50 },
                  { resource: 1, duration: 30 },
                ],
              },
            ],
          },
        ],
      },
      { rule: 'FIFO' },
    );
    expect(at(s, 0)).toMatchObject({ resource: 1, start: 0, end: 40 });
    // Resource 1 is busy until 40: resource 0 ends at 50, resource 1 at 70.
    expect(at(s, 1)).toMatchObject({ resource: 0, start: 0, end: 50 });
    // Now resource 0 would end at 100, the faster resource 1 at 70.
    expect(at(s, 2)).toMatchObject({ resource: 1, start: 40, end: 70 });
  });

  it('ties go to the lower resource number', () => {
    const s = run({
      resources: [{}, {}],
      jobs: [
        {
          operations: [
            {
              options: [
                { resource: 1, duration: 5 },
                { resource: 0, duration: 5 },
              ],
            },
          ],
        },
      ],
    });
    expect(at(s, 0).resource).toBe(0);
  });

  it('a linked job starts after the job that feeds it ends', () => {
    const s = run({
      resources: [{}, {}],
      jobs: [
        { operations: [{ options: [{ resource: 1, duration: 5 }] }] },
        {
          operations: [
            { options: [{ resource: 0, duration: 10 }] },
            { options: [{ resource: 0, duration: 7 }] },
          ],
        },
      ],
      links: [{ before: 1, after: 0 }],
    });
    expect(at(s, 1, 1).end).toBe(17);
    expect(at(s, 0)).toMatchObject({ start: 17, end: 22 });
  });

  it('keeps frozen operations and fills the gaps before them', () => {
    const s = run(
      {
        resources: [{}],
        jobs: [
          { operations: [{ options: [{ resource: 0, duration: 10 }], fixed: { resource: 0, start: 20 } }] },
          { operations: [{ options: [{ resource: 0, duration: 15 }] }] },
          { operations: [{ options: [{ resource: 0, duration: 10 }] }] },
        ],
      },
      { rule: 'FIFO' },
    );
    expect(at(s, 0)).toMatchObject({ start: 20, end: 30 });
    expect(at(s, 1)).toMatchObject({ start: 0, end: 15 });
    expect(at(s, 2)).toMatchObject({ start: 30, end: 40 });
  });

  it('inserting before a frozen operation adds its changeover to it', () => {
    const s = run(
      {
        resources: [
          {
            setup: [
              [0, 5],
              [5, 0],
            ],
          },
        ],
        jobs: [
          {
            operations: [{ options: [{ resource: 0, duration: 10 }], fixed: { resource: 0, start: 30 } }],
            family: 1,
          },
          { operations: [{ options: [{ resource: 0, duration: 10 }] }], family: 0 },
        ],
      },
      { rule: 'FIFO' },
    );
    expect(at(s, 1)).toMatchObject({ start: 0, end: 10, setup: 0 });
    expect(at(s, 0)).toMatchObject({ start: 30, end: 40, setup: 5, setupStart: 25 });
  });
});

describe('schedulePlant: strategies and rules', () => {
  // Job 0 (due 50) has a long tail after the shared resource 0, job 1 (due 40) a short one: EDD serves
  // job 1 first and job 0 is 5 late; the backward pass sees job 0's latest start (5) before job 1's (25).
  const problem: PlantProblem = {
    resources: [{}, {}, {}],
    jobs: [
      {
        operations: [
          { options: [{ resource: 0, duration: 10 }] },
          { options: [{ resource: 1, duration: 35 }] },
        ],
        due: 50,
      },
      {
        operations: [
          { options: [{ resource: 0, duration: 10 }] },
          { options: [{ resource: 2, duration: 5 }] },
        ],
        due: 40,
      },
    ],
  };

  it('backward from the due dates meets them where forward EDD does not', () => {
    const forward = run(problem, { rule: 'EDD' });
    expect(forward.kpis.lateJobs).toBe(1);
    expect(forward.kpis.jobTardiness).toEqual([5, 0]);
    const backward = run(problem, { strategy: 'backward', rule: 'EDD' });
    expect(backward.strategy).toBe('backward');
    expect(backward.kpis.lateJobs).toBe(0);
    expect(backward.kpis.jobEnd).toEqual([45, 25]);
  });

  it('every rule and strategy gives a valid schedule; auto picks the best objective', () => {
    for (const strategy of ['forward', 'backward'] as const) {
      const objectives: number[] = [];
      for (const rule of PLANT_RULES) {
        const s = run(problem, { strategy, rule });
        expect(s.rule).toBe(rule);
        expect(s.stoppedBy).toBe('constructive');
        objectives.push(s.objective);
      }
      const auto = run(problem, { strategy });
      expect(auto.objective).toBe(Math.min(...objectives));
    }
  });

  it('reports progress once at the end of a constructive run, and stops on cancel', () => {
    const progress: number[] = [];
    run(problem, { onProgress: (fraction) => progress.push(fraction) });
    expect(progress).toEqual([1]);
    const cancelled = run(problem, { shouldStop: () => true });
    expect(cancelled.stoppedBy).toBe('cancel');
  });

  it('the objective weighs makespan and weighted tardiness (defaults 1 and 10)', () => {
    const s = run(problem, { rule: 'EDD' });
    expect(s.objective).toBe(55 + 10 * 5);
    const weighted = run(problem, {
      rule: 'EDD',
      weights: { makespan: 0, weightedTardiness: 1, lateJobs: 1, setup: 1 },
    });
    expect(weighted.objective).toBe(5 + 1440);
  });
});

describe('schedulePlant: improvement', () => {
  // Five jobs through two resources with alternatives and due dates: FIFO leaves room for the search.
  const problem: PlantProblem = {
    resources: [
      {
        windows: [
          [0, 480],
          [600, 1080],
          [1200, 5000],
        ],
      },
      {
        setup: [
          [0, 30],
          [30, 0],
        ],
      },
      {},
    ],
    jobs: [0, 1, 2, 3, 4].map((j) => ({
      operations: [
        {
          options: [
            { resource: 0, duration: 40 + 10 * j },
            { resource: 2, duration: 70 + 10 * j },
          ],
        },
        { options: [{ resource: 1, duration: 60 - 5 * j }] },
        {
          options: [
            { resource: 0, duration: 30 },
            { resource: 1, duration: 45 },
          ],
          lagBefore: 10,
        },
      ],
      due: 150 + 40 * j,
      weight: 1 + (j % 2),
      family: j % 2,
    })),
  };

  it('improves on the constructive schedule, deterministically for a seed', () => {
    const start = run(problem, { rule: 'FIFO' });
    const a = run(problem, { rule: 'FIFO', maxIterations: 300, seed: 7 });
    const b = run(problem, { rule: 'FIFO', maxIterations: 300, seed: 7 });
    expect(a.objective).toBeLessThan(start.objective);
    expect(a.operations).toEqual(b.operations);
    expect(a.iterations).toBe(b.iterations);
    expect(['iterations', 'bound']).toContain(a.stoppedBy);
  });

  it('stops at the time limit, reports progress up to 1, and stops on cancel with the best so far', () => {
    let now = 0;
    const progress: number[] = [];
    const timed = run(problem, {
      rule: 'FIFO',
      timeLimitMs: 1000,
      clock: () => (now += 7),
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(['time', 'bound']).toContain(timed.stoppedBy);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((f, k) => f >= 0 && f <= 1 && (k === 0 || f >= (progress[k - 1] ?? 0)))).toBe(true);
    let calls = 0;
    const start = run(problem, { rule: 'FIFO' });
    const cancelled = run(problem, { rule: 'FIFO', maxIterations: 10_000, shouldStop: () => ++calls > 3 });
    expect(cancelled.stoppedBy).toBe('cancel');
    expect(cancelled.objective).toBeLessThanOrEqual(start.objective);
  });

  it('stops at the lower bound: a single chain cannot do better', () => {
    const chain: PlantProblem = {
      resources: [{}],
      jobs: [
        {
          operations: [
            { options: [{ resource: 0, duration: 5 }] },
            { options: [{ resource: 0, duration: 5 }] },
          ],
        },
      ],
    };
    const s = run(chain, { timeLimitMs: 10_000 });
    expect(s.stoppedBy).toBe('bound');
    expect(s.kpis.makespan).toBe(10);
  });
});
