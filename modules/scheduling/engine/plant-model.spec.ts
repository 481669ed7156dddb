import { flattenPlant, type PlantProblem } from './plant-model';
import { schedulePlant } from './plant-scheduler';
import { ShopModelError } from './shop-model-error';

function details(problem: PlantProblem): { field: string; message: string }[] {
  try {
    flattenPlant(problem);
  } catch (error) {
    if (error instanceof ShopModelError) return error.details;
    throw error;
  }
  throw new Error('expected a ShopModelError');
}

const fields = (problem: PlantProblem) => details(problem).map((d) => d.field);

describe('flattenPlant', () => {
  it('lays out a valid problem', () => {
    const plant = flattenPlant({
      resources: [{}, { windows: [[0, 60]], setup: [[0]], initialFamily: 0 }],
      jobs: [
        {
          operations: [
            {
              options: [
                { resource: 0, duration: 5 },
                { resource: 1, duration: 3 },
              ],
            },
          ],
          family: 0,
          due: 9,
        },
        { operations: [], release: 4 },
      ],
      links: [{ before: 1, after: 0 }],
    });
    expect(plant.opCount).toBe(1);
    expect(Array.from(plant.opMinDuration)).toEqual([3]);
    expect(plant.due[1]).toBe(Number.POSITIVE_INFINITY);
    expect(Array.from(plant.linkBefore)).toEqual([1]);
    expect(plant.initialFamily[1]).toBe(0);
  });

  it('lists every bad number with its field', () => {
    expect(
      fields({
        resources: [{}],
        jobs: [
          {
            operations: [{ options: [{ resource: 0, duration: -1 }], lagBefore: 1.5 }],
            release: -3,
            due: 2.5,
            weight: -1,
            priority: Number.NaN,
            family: -2,
          },
        ],
      }),
    ).toEqual([
      'jobs[0].release',
      'jobs[0].due',
      'jobs[0].weight',
      'jobs[0].priority',
      'jobs[0].family',
      'jobs[0].operations[0].lagBefore',
      'jobs[0].operations[0].options[0].duration',
    ]);
  });

  it('unknown resources and operations without options', () => {
    expect(
      fields({
        resources: [{}],
        jobs: [{ operations: [{ options: [{ resource: 3, duration: 1 }] }, { options: [] }] }],
      }),
    ).toEqual(['jobs[0].operations[0].options[0].resource', 'jobs[0].operations[1].options']);
  });

  it('windows unsorted, overlapping or empty', () => {
    expect(
      details({
        resources: [
          {
            windows: [
              [0, 10],
              [5, 20],
              [30, 30],
              [25, 28],
            ],
          },
        ],
        jobs: [],
      }),
    ).toEqual([
      { field: 'resources[0].windows[1]', message: expect.stringContaining('overlapping') as string },
      { field: 'resources[0].windows[2]', message: expect.stringContaining('empty') as string },
      { field: 'resources[0].windows[3]', message: expect.stringContaining('unsorted') as string },
    ]);
  });

  it('a changeover matrix that is not square or misses a family', () => {
    expect(
      fields({
        resources: [{ setup: [[0, 1], [2]] }, { setup: [[0]] }],
        jobs: [{ operations: [], family: 1 }],
      }),
    ).toEqual(['resources[0].setup[1]', 'resources[1].setup']);
  });

  it('an operation that may not span breaks and is longer than every window', () => {
    const found = details({
      resources: [
        { windows: [[0, 60]] },
        {
          windows: [
            [0, 90],
            [100, 150],
          ],
        },
      ],
      jobs: [
        {
          operations: [
            { options: [{ resource: 0, duration: 50 }] },
            {
              options: [
                { resource: 0, duration: 70 },
                { resource: 1, duration: 100 },
              ],
              spanBreaks: false,
            },
          ],
        },
      ],
    });
    expect(found).toEqual([
      {
        field: 'jobs[0].operations[1]',
        message: expect.stringContaining('longer than every calendar window') as string,
      },
    ]);
  });

  it('an operation whose eligible resources have no windows at all', () => {
    expect(
      details({
        resources: [{ windows: [] }],
        jobs: [
          {
            operations: [
              { options: [{ resource: 0, duration: 5 }] },
              { options: [{ resource: 0, duration: 0 }] },
            ],
          },
        ],
      }),
    ).toEqual([{ field: 'jobs[0].operations[0]', message: 'no eligible resource has any working window' }]);
  });

  it('links naming unknown jobs', () => {
    expect(
      fields({
        resources: [{}],
        jobs: [{ operations: [] }],
        links: [
          { before: 0, after: 2 },
          { before: -1, after: 0 },
        ],
      }),
    ).toEqual(['links[0].after', 'links[1].before']);
  });

  it('cyclic links name the jobs of the cycle in order', () => {
    expect(
      details({
        resources: [{}],
        jobs: [{ operations: [] }, { operations: [] }, { operations: [] }, { operations: [] }],
        links: [
          { before: 3, after: 0 },
          { before: 0, after: 1 },
          { before: 1, after: 2 },
          { before: 2, after: 0 },
        ],
      }),
    ).toEqual([{ field: 'links', message: 'links form a cycle: job 0 → job 1 → job 2 → job 0' }]);
  });

  it('a fixed operation on a resource that is not among its options, or outside the calendar', () => {
    expect(
      details({
        resources: [{}, { windows: [[10, 20]] }],
        jobs: [
          { operations: [{ options: [{ resource: 0, duration: 5 }], fixed: { resource: 1, start: 0 } }] },
          { operations: [{ options: [{ resource: 1, duration: 5 }], fixed: { resource: 1, start: 25 } }] },
        ],
      }),
    ).toEqual([
      { field: 'jobs[0].operations[0].fixed.resource', message: 'must be one of the operation’s options' },
      {
        field: 'jobs[1].operations[0].fixed.start',
        message: '25 is not inside a working window of resource 1',
      },
    ]);
  });

  it('fixed operations that overlap, changeover included', () => {
    expect(
      fields({
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
            operations: [{ options: [{ resource: 0, duration: 10 }], fixed: { resource: 0, start: 0 } }],
            family: 0,
          },
          {
            operations: [{ options: [{ resource: 0, duration: 10 }], fixed: { resource: 0, start: 12 } }],
            family: 1,
          },
        ],
      }),
    ).toEqual(['jobs[1].operations[0].fixed']);
  });

  it('the scheduler refuses when the calendars end before the work fits', () => {
    const problem: PlantProblem = {
      resources: [{ windows: [[0, 100]] }],
      jobs: [
        {
          operations: [
            { options: [{ resource: 0, duration: 60 }] },
            { options: [{ resource: 0, duration: 60 }] },
          ],
        },
      ],
    };
    expect(() => schedulePlant(problem)).toThrow(ShopModelError);
    try {
      schedulePlant(problem);
    } catch (error) {
      expect((error as ShopModelError).details).toEqual([
        { field: 'resources[0].windows', message: 'calendar ends before the work fits' },
      ]);
    }
  });
});
