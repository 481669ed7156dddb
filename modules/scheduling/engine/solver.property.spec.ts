import fc from 'fast-check';
import { dispatchSchedule, DISPATCH_RULES, startsByJob } from './dispatch';
import { flattenShop, jobShopProblem, makespanLowerBound, type FlatShop } from './model';
import { checkSchedule } from './schedule-checker';
import { solveShop } from './solver';
import { tabuSearch } from './tabu-search';

/** Random small job shops: 1–6 jobs, 1–5 machines, routings of 1–6 operations (machines may repeat). */
const instance = fc
  .integer({ min: 1, max: 5 })
  .chain((machines) =>
    fc.record({
      machines: fc.constant(machines),
      routings: fc.array(
        fc.array(fc.tuple(fc.integer({ min: 0, max: machines - 1 }), fc.integer({ min: 0, max: 20 })), {
          minLength: 1,
          maxLength: 6,
        }),
        { minLength: 1, maxLength: 6 },
      ),
      releases: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 6, maxLength: 6 }),
    }),
  )
  .map(({ machines, routings, releases }) => {
    const problem = jobShopProblem(machines, routings);
    problem.jobs.forEach((job, j) => {
      job.release = releases[j] ?? 0;
    });
    return flattenShop(problem);
  });

const valid = (shop: FlatShop, starts: Int32Array, makespan: number): boolean =>
  checkSchedule(shop, { starts: startsByJob(shop, starts), makespan }).length === 0;

const params = { seed: 20_261_121, numRuns: 150 };

describe('solver properties (random small instances)', () => {
  it('every dispatch schedule is valid and above the lower bound', () => {
    fc.assert(
      fc.property(instance, (shop) => {
        for (const rule of DISPATCH_RULES) {
          for (const generation of ['active', 'non-delay'] as const) {
            const s = dispatchSchedule(shop, { rule, generation });
            if (!valid(shop, s.starts, s.makespan) || s.makespan < makespanLowerBound(shop)) return false;
          }
        }
        return true;
      }),
      params,
    );
  });

  it('the solver output is valid, at least the lower bound, deterministic for a seed', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 1000 }), (shop, seed) => {
        const a = solveShop(shop, { timeLimitMs: 60_000, maxIterations: 300, seed });
        const b = solveShop(shop, { timeLimitMs: 60_000, maxIterations: 300, seed });
        return (
          valid(shop, a.starts, a.makespan) &&
          a.makespan >= a.lowerBound &&
          a.makespan <= a.initialMakespan &&
          a.makespan === b.makespan &&
          Array.from(a.starts).join() === Array.from(b.starts).join()
        );
      }),
      params,
    );
  });

  it('tabu search never returns worse than its starting schedule', () => {
    fc.assert(
      fc.property(
        instance,
        fc.constantFrom(...DISPATCH_RULES),
        fc.integer({ min: 0, max: 1000 }),
        (shop, rule, seed) => {
          const start = dispatchSchedule(shop, { rule });
          const result = tabuSearch(shop, start.starts, { maxIterations: 200, seed });
          return (
            valid(shop, result.starts, result.makespan) &&
            result.makespan <= start.makespan &&
            result.initialMakespan === start.makespan
          );
        },
      ),
      params,
    );
  });
});
