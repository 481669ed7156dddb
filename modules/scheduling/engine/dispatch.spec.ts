import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DISPATCH_RULES, dispatchSchedule, startsByJob } from './dispatch';
import { jsspProblem, parseJssp } from './jssp-parser';
import { flattenShop, makespanLowerBound, type FlatShop } from './model';
import { checkSchedule } from './schedule-checker';

const BENCHMARKS = resolve(__dirname, '../../../benchmarks/jssp');
const files = readdirSync(BENCHMARKS).filter((f) => f.endsWith('.txt'));

function valid(shop: FlatShop, starts: Int32Array, makespan: number): void {
  expect(checkSchedule(shop, { starts: startsByJob(shop, starts), makespan })).toEqual([]);
}

describe('dispatchSchedule', () => {
  it('finds the repository instances', () => {
    expect(files.length).toBeGreaterThanOrEqual(73);
  });

  it('gives a valid schedule for every rule, both generations, on every repository instance', () => {
    for (const file of files) {
      const shop = flattenShop(jsspProblem(parseJssp(readFileSync(join(BENCHMARKS, file), 'utf8'))));
      const bound = makespanLowerBound(shop);
      for (const generation of ['active', 'non-delay'] as const) {
        for (const rule of DISPATCH_RULES) {
          const { starts, makespan } = dispatchSchedule(shop, { rule, generation });
          valid(shop, starts, makespan);
          expect(makespan).toBeGreaterThanOrEqual(bound);
        }
      }
    }
  });

  it('respects release dates, and EDD / PRIORITY order the jobs competing for a machine', () => {
    const shop = flattenShop({
      resourceCount: 1,
      jobs: [
        { release: 0, due: 50, priority: 1, operations: [{ options: [{ resource: 0, duration: 5 }] }] },
        { release: 0, due: 10, priority: 9, operations: [{ options: [{ resource: 0, duration: 5 }] }] },
        { release: 30, due: 5, priority: 0, operations: [{ options: [{ resource: 0, duration: 1 }] }] },
      ],
    });
    const edd = dispatchSchedule(shop, { rule: 'EDD' });
    expect(Array.from(edd.starts)).toEqual([5, 0, 30]);
    expect(edd.makespan).toBe(31);
    const fifo = dispatchSchedule(shop, { rule: 'FIFO' });
    expect(Array.from(fifo.starts)).toEqual([0, 5, 30]);
    expect(Array.from(dispatchSchedule(shop, { rule: 'PRIORITY' }).starts)).toEqual([5, 0, 30]);
    for (const rule of DISPATCH_RULES) {
      const s = dispatchSchedule(shop, { rule, generation: 'non-delay' });
      valid(shop, s.starts, s.makespan);
    }
  });

  it('SPT and MWKR choose by processing time and by remaining work', () => {
    const shop = flattenShop({
      resourceCount: 2,
      jobs: [
        { operations: [{ options: [{ resource: 0, duration: 4 }] }] },
        {
          operations: [
            { options: [{ resource: 0, duration: 3 }] },
            { options: [{ resource: 1, duration: 9 }] },
          ],
        },
        { operations: [{ options: [{ resource: 0, duration: 2 }] }] },
      ],
    });
    expect(Array.from(dispatchSchedule(shop, { rule: 'SPT' }).starts)).toEqual([5, 2, 5, 0]);
    expect(Array.from(dispatchSchedule(shop, { rule: 'MWKR' }).starts)).toEqual([3, 0, 3, 7]);
  });
});
