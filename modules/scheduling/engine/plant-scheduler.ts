/**
 * The plant scheduler the scheduling module calls (docs/decisions/0014, "Plant scheduling"): the
 * constructive schedule of the chosen strategy and rule (or the best of all rules), then, with a
 * budget, the local search on the weighted objective. Never returns worse than the constructive one.
 */
import { backwardSchedule } from './plant-backward';
import { listSchedule, PLANT_RULES, type PlantRule } from './plant-dispatch';
import { computeKpis, objectiveOf, resolveWeights, toOperations } from './plant-kpis';
import { improvePlant } from './plant-local-search';
import { flattenPlant, type FlatPlant, type ObjectiveWeights, type PlantProblem } from './plant-model';
import type { PlantKpis, PlantSchedule, PlantTimes } from './plant-schedule';

export type { PlantRule } from './plant-dispatch';
export { PLANT_RULES } from './plant-dispatch';
export { plantKpis } from './plant-kpis';
export type { PlantKpis, PlantSchedule, ScheduledOperation } from './plant-schedule';

export interface PlantOptions {
  /** backward: from due dates backwards (latest starts), then repaired forward into a feasible schedule */
  strategy?: 'forward' | 'backward';
  /** 'auto' (default) = best objective of all rules */
  rule?: PlantRule | 'auto';
  /** improvement budget after the constructive schedule; 0 = constructive only (default 0) */
  timeLimitMs?: number;
  /** with it, deterministic for a seed (it alone also starts the improvement, without a time limit) */
  maxIterations?: number;
  seed?: number;
  weights?: ObjectiveWeights;
  /** fraction 0..1 of the budget; called at most every ~100 ms and once at the end */
  onProgress?: (fraction: number, best: PlantKpis) => void;
  /** cancel: checked often; returns the best found so far with stoppedBy 'cancel' */
  shouldStop?: () => boolean;
  clock?: () => number;
}

/** The constructive schedule of one strategy and rule, in flat form. */
export function constructPlant(
  plant: FlatPlant,
  strategy: 'forward' | 'backward',
  rule: PlantRule,
): PlantTimes {
  return strategy === 'backward' ? backwardSchedule(plant, rule) : listSchedule(plant, { rule });
}

export function schedulePlant(problem: PlantProblem, options: PlantOptions = {}): PlantSchedule {
  const plant = flattenPlant(problem);
  const weights = resolveWeights(options.weights);
  const strategy = options.strategy ?? 'forward';
  const rules = options.rule === undefined || options.rule === 'auto' ? PLANT_RULES : [options.rule];
  const clock = options.clock ?? (() => performance.now());
  let best: { times: PlantTimes; kpis: PlantKpis; objective: number; rule: PlantRule } | undefined;
  let cancelled = false;
  for (const rule of rules) {
    if (best && options.shouldStop?.() === true) {
      cancelled = true;
      break;
    }
    const times = constructPlant(plant, strategy, rule);
    const kpis = computeKpis(plant, times);
    const objective = objectiveOf(kpis, weights);
    if (!best || objective < best.objective) best = { times, kpis, objective, rule };
  }
  if (!best) throw new Error('no dispatch rule');
  const budget = options.timeLimitMs ?? 0;
  const improve = !cancelled && (budget > 0 || (options.maxIterations ?? 0) > 0);
  if (!improve) {
    options.onProgress?.(1, best.kpis);
    return {
      operations: toOperations(plant, best.times),
      kpis: best.kpis,
      objective: best.objective,
      strategy,
      rule: best.rule,
      iterations: 0,
      stoppedBy: cancelled ? 'cancel' : 'constructive',
    };
  }
  const result = improvePlant(plant, best.times, {
    weights,
    seed: options.seed ?? 1,
    clock,
    ...(budget > 0 ? { deadline: clock() + budget, timeLimitMs: budget } : {}),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  const kpis = computeKpis(plant, result.times);
  return {
    operations: toOperations(plant, result.times),
    kpis,
    objective: objectiveOf(kpis, weights),
    strategy,
    rule: best.rule,
    iterations: result.iterations,
    stoppedBy: result.stoppedBy,
  };
}
