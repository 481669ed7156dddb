import { flattenShop, jobShopProblem, makespanLowerBound } from './model';
import { ShopModelError } from './shop-model-error';

describe('flattenShop', () => {
  it('lays operations out job by job with their jobs, machines and durations', () => {
    const shop = flattenShop(
      jobShopProblem(2, [
        [
          [1, 4],
          [0, 2],
        ],
        [[0, 3]],
      ]),
    );
    expect(Array.from(shop.jobFirst)).toEqual([0, 2, 3]);
    expect(Array.from(shop.opJob)).toEqual([0, 0, 1]);
    expect(Array.from(shop.opMachine)).toEqual([1, 0, 0]);
    expect(Array.from(shop.opDuration)).toEqual([4, 2, 3]);
    expect(shop.due[0]).toBe(Number.POSITIVE_INFINITY);
    expect(makespanLowerBound(shop)).toBe(6);
  });

  it('assigns the shortest eligible resource and keeps every option', () => {
    const shop = flattenShop({
      resourceCount: 3,
      jobs: [
        {
          release: 2,
          due: 20,
          weight: 3,
          priority: 1,
          operations: [
            {
              options: [
                { resource: 0, duration: 5 },
                { resource: 2, duration: 4 },
              ],
            },
          ],
        },
      ],
    });
    expect(shop.opMachine[0]).toBe(2);
    expect(shop.opDuration[0]).toBe(4);
    expect(Array.from(shop.optionResource)).toEqual([0, 2]);
    expect([shop.release[0], shop.due[0], shop.weight[0], shop.priority[0]]).toEqual([2, 20, 3, 1]);
    expect(makespanLowerBound(shop)).toBe(6);
  });

  it('refuses bad fields, naming each', () => {
    let error: unknown;
    try {
      flattenShop({
        resourceCount: 2,
        jobs: [
          { release: -1, operations: [{ options: [] }] },
          { operations: [{ options: [{ resource: 2, duration: 1.5 }] }] },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShopModelError);
    expect((error as ShopModelError).details.map((d) => d.field)).toEqual([
      'jobs[0].release',
      'jobs[0].operations[0].options',
      'jobs[1].operations[0].options[0].resource',
      'jobs[1].operations[0].options[0].duration',
    ]);
  });
});
