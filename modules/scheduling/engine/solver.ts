/**
 * The job-shop solver: the best of the dispatch-rule schedules as the start, then tabu search until
 * the budget is spent, the iteration limit is reached or the makespan meets the lower bound.
 */
import { DISPATCH_RULES, dispatchSchedule, type ShopSchedule } from './dispatch';
import { makespanLowerBound, type FlatShop } from './model';
import { tabuSearch } from './tabu-search';

export interface SolveOptions {
  /** Wall-clock budget in ms (default 10 000). */
  timeLimitMs?: number;
  /** Tabu iterations at most (default unlimited); with it, the result is deterministic for a seed. */
  maxIterations?: number;
  seed?: number;
  clock?: () => number;
}

export interface SolveResult {
  /** Start per operation (FlatShop numbering). */
  starts: Int32Array;
  makespan: number;
  lowerBound: number;
  initialMakespan: number;
  initialRule: string;
  iterations: number;
  restarts: number;
}

export const DEFAULT_TIME_LIMIT_MS = 10_000;

/** The best of every dispatch rule, active and non-delay generation. */
export function bestDispatchSchedule(shop: FlatShop): ShopSchedule & { rule: string } {
  let best: (ShopSchedule & { rule: string }) | undefined;
  for (const generation of ['active', 'non-delay'] as const) {
    for (const rule of DISPATCH_RULES) {
      const schedule = dispatchSchedule(shop, { rule, generation });
      if (best === undefined || schedule.makespan < best.makespan)
        best = { ...schedule, rule: `${rule}/${generation}` };
    }
  }
  return best ?? { starts: new Int32Array(0), makespan: 0, rule: 'none' };
}

export function solveShop(shop: FlatShop, options: SolveOptions = {}): SolveResult {
  const clock = options.clock ?? (() => performance.now());
  const deadline = clock() + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const lowerBound = makespanLowerBound(shop);
  const initial = bestDispatchSchedule(shop);
  const result = tabuSearch(shop, initial.starts, {
    deadline,
    clock,
    lowerBound,
    seed: options.seed ?? 1,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  });
  return {
    starts: result.starts,
    makespan: result.makespan,
    lowerBound,
    initialMakespan: initial.makespan,
    initialRule: initial.rule,
    iterations: result.iterations,
    restarts: result.restarts,
  };
}
