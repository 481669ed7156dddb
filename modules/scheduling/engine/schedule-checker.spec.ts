import { flattenShop, jobShopProblem } from './model';
import { checkSchedule, type ViolationKind } from './schedule-checker';

// Job 0: M0 3, M1 2. Job 1: M1 4, M0 1.
const shop = flattenShop(
  jobShopProblem(2, [
    [
      [0, 3],
      [1, 2],
    ],
    [
      [1, 4],
      [0, 1],
    ],
  ]),
);
const valid = [
  [0, 4],
  [0, 4],
];

const kinds = (violations: { kind: ViolationKind }[]) => violations.map((v) => v.kind);

describe('checkSchedule', () => {
  it('accepts a valid schedule with its makespan', () => {
    expect(checkSchedule(shop, { starts: valid, makespan: 6 })).toEqual([]);
  });

  it('a missing job or operation, an extra operation: shape', () => {
    expect(kinds(checkSchedule(shop, { starts: [[0, 4]] }))).toEqual(['shape', 'shape']);
    expect(kinds(checkSchedule(shop, { starts: [[0], [0, 4]] }))).toEqual(['shape']);
    expect(
      kinds(
        checkSchedule(shop, {
          starts: [
            [0, 4, 9],
            [0, 4],
          ],
        }),
      ),
    ).toEqual(['shape']);
  });

  it('a negative or fractional start: start', () => {
    expect(
      kinds(
        checkSchedule(shop, {
          starts: [
            [-1, 4],
            [0, 4],
          ],
        }),
      ),
    ).toEqual(['start']);
    expect(
      kinds(
        checkSchedule(shop, {
          starts: [
            [0, 4.5],
            [0, 4],
          ],
        }),
      ),
    ).toEqual(['start']);
  });

  it('an operation before its job predecessor ends: precedence', () => {
    const v = checkSchedule(shop, {
      starts: [
        [0, 4],
        [0, 3],
      ],
    });
    expect(kinds(v)).toEqual(['precedence']);
    expect(v[0]?.message).toBe('job 1 operation 1 starts at 3, before operation 0 ends at 4');
  });

  it('two operations at once on a machine: overlap', () => {
    const v = checkSchedule(shop, {
      starts: [
        [0, 3],
        [0, 4],
      ],
    });
    expect(kinds(v)).toEqual(['overlap']);
    expect(v[0]?.message).toContain('resource 1');
  });

  it('an operation inside a longer one is an overlap too', () => {
    const long = flattenShop(jobShopProblem(1, [[[0, 10]], [[0, 2]], [[0, 2]]]));
    expect(kinds(checkSchedule(long, { starts: [[0], [3], [10]] }))).toEqual(['overlap']);
    expect(kinds(checkSchedule(long, { starts: [[0], [12], [10]] }))).toEqual([]);
  });

  it('a stated end that does not match the duration: duration', () => {
    expect(
      kinds(
        checkSchedule(shop, {
          starts: valid,
          ends: [
            [3, 6],
            [3, 5],
          ],
        }),
      ),
    ).toEqual(['duration']);
  });

  it('a resource that is not eligible: resource', () => {
    expect(
      kinds(
        checkSchedule(shop, {
          starts: valid,
          resources: [
            [0, 0],
            [1, 0],
          ],
        }),
      ),
    ).toEqual(['resource']);
  });

  it('a start before the release date: release', () => {
    const released = flattenShop({
      resourceCount: 1,
      jobs: [{ release: 5, operations: [{ options: [{ resource: 0, duration: 1 }] }] }],
    });
    expect(kinds(checkSchedule(released, { starts: [[4]] }))).toEqual(['release']);
    expect(checkSchedule(released, { starts: [[5]] })).toEqual([]);
  });

  it('a stated makespan that is not the last end: makespan', () => {
    expect(kinds(checkSchedule(shop, { starts: valid, makespan: 7 }))).toEqual(['makespan']);
  });

  it('zero-duration operations may share an instant', () => {
    const zero = flattenShop(jobShopProblem(1, [[[0, 0]], [[0, 3]]]));
    expect(checkSchedule(zero, { starts: [[1], [0]] })).toEqual([]);
  });
});
