import { checkPlantSchedule } from './plant-checker';
import type { PlantProblem } from './plant-model';
import type { ScheduledOperation } from './plant-schedule';
import type { ViolationKind } from './schedule-checker';

// Resource 0: windows [0, 50), [60, 200), changeovers 0↔1 of 5. Resource 1: always available.
// Job 0 (family 0): op 0 on r0 30 min, op 1 on r1 10 min after a lag of 5. Job 1 (family 1): one op on
// r0 (20 min, may not span breaks) or r1 (25 min), released at 10, after job 0 (link). Job 2 (family 0):
// frozen on r1 at 0.
const problem: PlantProblem = {
  resources: [
    {
      windows: [
        [0, 50],
        [60, 200],
      ],
      setup: [
        [0, 5],
        [5, 0],
      ],
    },
    {},
  ],
  jobs: [
    {
      family: 0,
      operations: [
        { options: [{ resource: 0, duration: 30 }] },
        { options: [{ resource: 1, duration: 10 }], lagBefore: 5 },
      ],
    },
    {
      family: 1,
      release: 10,
      operations: [
        {
          options: [
            { resource: 0, duration: 20 },
            { resource: 1, duration: 25 },
          ],
          spanBreaks: false,
        },
      ],
    },
    {
      family: 0,
      operations: [{ options: [{ resource: 1, duration: 8 }], fixed: { resource: 1, start: 0 } }],
    },
  ],
  links: [{ before: 0, after: 1 }],
};

const op = (
  job: number,
  index: number,
  resource: number,
  setupStart: number,
  setup: number,
  start: number,
  end: number,
): ScheduledOperation => ({ job, index, resource, setupStart, setup, start, end });

// Job 0 op 1 ends at 45; job 1 starts at 60 on r0 after a changeover in [45, 50).
const valid = (): ScheduledOperation[][] => [
  [op(0, 0, 0, 0, 0, 0, 30), op(0, 1, 1, 35, 0, 35, 45)],
  [op(1, 0, 0, 45, 5, 60, 80)],
  [op(2, 0, 1, 0, 0, 0, 8)],
];

const kinds = (operations: ScheduledOperation[][]): ViolationKind[] =>
  checkPlantSchedule(problem, operations).map((v) => v.kind);

/** The valid schedule with one operation changed. */
function mutate(job: number, index: number, change: Partial<ScheduledOperation>): ScheduledOperation[][] {
  const s = valid();
  const row = s[job];
  const o = row?.[index];
  if (!row || !o) throw new Error('no such operation');
  row[index] = { ...o, ...change };
  return s;
}

describe('checkPlantSchedule', () => {
  it('accepts a valid schedule', () => {
    expect(checkPlantSchedule(problem, valid())).toEqual([]);
  });

  it('shape: a missing job or operation, a wrong label', () => {
    expect(kinds(valid().slice(0, 2))).toEqual(['shape', 'shape']);
    const s = valid();
    s[0]?.pop();
    expect(kinds(s)).toEqual(['shape']);
    expect(kinds(mutate(1, 0, { job: 2 }))).toEqual(['shape']);
  });

  it('start: not whole minutes, or setupStart after start', () => {
    expect(kinds(mutate(0, 0, { start: -1 }))).toContain('start');
    expect(kinds(mutate(0, 0, { setupStart: 5 }))).toEqual(['start']);
  });

  it('resource: not eligible', () => {
    expect(kinds(mutate(0, 0, { resource: 1 }))).toEqual(['resource']);
  });

  it('fixed: a frozen operation moved', () => {
    expect(kinds(mutate(2, 0, { setupStart: 10, start: 10, end: 18 }))).toEqual(['fixed']);
  });

  it('release, precedence with its lag, links', () => {
    expect(kinds(mutate(1, 0, { resource: 1, setupStart: 5, setup: 0, start: 5, end: 30 }))).toEqual(
      expect.arrayContaining(['release', 'link']) as ViolationKind[],
    );
    expect(kinds(mutate(0, 1, { setupStart: 32, start: 32, end: 42 }))).toEqual(['precedence']);
  });

  it('overlap on a resource, changeover included', () => {
    expect(kinds(mutate(0, 1, { setupStart: 5, start: 5, end: 15 }))).toEqual(['precedence', 'overlap']);
    expect(kinds(mutate(1, 0, { setupStart: 25, setup: 5, start: 60, end: 80 }))).toEqual(['overlap']);
  });

  it('calendar: a start in a break, a wrong end, a no-span operation across a break', () => {
    expect(kinds(mutate(1, 0, { setupStart: 45, setup: 5, start: 55, end: 80 }))).toEqual([
      'calendar',
      'calendar',
    ]);
    expect(kinds(mutate(0, 0, { end: 29 }))).toEqual(['calendar']);
    expect(kinds(mutate(1, 0, { setupStart: 40, setup: 5, start: 45, end: 75 }))).toEqual(['calendar']);
  });

  it('setup: less changeover than the previous operation requires, or no room for it', () => {
    expect(kinds(mutate(1, 0, { setupStart: 60, setup: 0, start: 60, end: 80 }))).toEqual(['setup']);
    expect(kinds(mutate(1, 0, { setupStart: 48, setup: 5, start: 60, end: 80 }))).toEqual(['setup']);
  });
});
