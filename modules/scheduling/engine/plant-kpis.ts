/** KPIs and the weighted objective of a plant schedule, and the conversions between its two forms. */
import {
  DEFAULT_WEIGHTS,
  flattenPlant,
  LATE_JOB_SCALE,
  type FlatPlant,
  type ObjectiveWeights,
  type PlantProblem,
} from './plant-model';
import { emptyTimes, type PlantKpis, type PlantTimes, type ScheduledOperation } from './plant-schedule';

export function computeKpis(plant: FlatPlant, times: PlantTimes): PlantKpis {
  let makespan = 0;
  let setupTime = 0;
  for (let o = 0; o < plant.opCount; o++) {
    if ((times.end[o] ?? 0) > makespan) makespan = times.end[o] ?? 0;
    setupTime += times.setup[o] ?? 0;
  }
  const jobEnd: number[] = [];
  const jobTardiness: number[] = [];
  let totalWeightedTardiness = 0;
  let totalTardiness = 0;
  let lateJobs = 0;
  for (let j = 0; j < plant.jobCount; j++) {
    const first = plant.jobFirst[j] ?? 0;
    const last = (plant.jobFirst[j + 1] ?? 0) - 1;
    const end = last >= first ? (times.end[last] ?? 0) : (plant.release[j] ?? 0);
    const due = plant.due[j] ?? Number.POSITIVE_INFINITY;
    const tardiness = end > due ? end - due : 0;
    jobEnd.push(end);
    jobTardiness.push(tardiness);
    totalTardiness += tardiness;
    totalWeightedTardiness += tardiness * (plant.weight[j] ?? 1);
    if (tardiness > 0) lateJobs++;
  }
  const busy = new Float64Array(plant.resourceCount);
  for (let o = 0; o < plant.opCount; o++) {
    const r = times.resource[o] ?? -1;
    if (r < 0) continue;
    busy[r] = (busy[r] ?? 0) + (plant.optionDuration[times.option[o] ?? 0] ?? 0) + (times.setup[o] ?? 0);
  }
  const utilisation: number[] = [];
  for (let r = 0; r < plant.resourceCount; r++) {
    const available = plant.calendars[r]?.workBetween(0, makespan) ?? 0;
    utilisation.push(available > 0 ? (busy[r] ?? 0) / available : 0);
  }
  return {
    makespan,
    totalWeightedTardiness,
    totalTardiness,
    lateJobs,
    setupTime,
    jobEnd,
    jobTardiness,
    utilisation,
  };
}

export function resolveWeights(weights: ObjectiveWeights | undefined): Required<ObjectiveWeights> {
  return {
    makespan: weights?.makespan ?? DEFAULT_WEIGHTS.makespan,
    weightedTardiness: weights?.weightedTardiness ?? DEFAULT_WEIGHTS.weightedTardiness,
    lateJobs: weights?.lateJobs ?? DEFAULT_WEIGHTS.lateJobs,
    setup: weights?.setup ?? DEFAULT_WEIGHTS.setup,
  };
}

/** w_makespan·makespan + w_wt·Σ weight·tardiness + w_late·late jobs·1 440 + w_setup·setup minutes. */
export function objectiveOf(kpis: PlantKpis, weights: Required<ObjectiveWeights>): number {
  return (
    weights.makespan * kpis.makespan +
    weights.weightedTardiness * kpis.totalWeightedTardiness +
    weights.lateJobs * kpis.lateJobs * LATE_JOB_SCALE +
    weights.setup * kpis.setupTime
  );
}

export function toOperations(plant: FlatPlant, times: PlantTimes): ScheduledOperation[][] {
  const result: ScheduledOperation[][] = [];
  for (let j = 0; j < plant.jobCount; j++) {
    const ops: ScheduledOperation[] = [];
    const first = plant.jobFirst[j] ?? 0;
    for (let o = first; o < (plant.jobFirst[j + 1] ?? 0); o++) {
      ops.push({
        job: j,
        index: o - first,
        resource: times.resource[o] ?? 0,
        start: times.start[o] ?? 0,
        end: times.end[o] ?? 0,
        setup: times.setup[o] ?? 0,
        setupStart: times.setupStart[o] ?? 0,
      });
    }
    result.push(ops);
  }
  return result;
}

/**
 * The flat form of stated operations (missing ones stay at resource −1); the option is the first with
 * the stated resource (−1 when it is not eligible).
 */
export function fromOperations(
  plant: FlatPlant,
  operations: readonly (readonly ScheduledOperation[])[],
): PlantTimes {
  const times = emptyTimes(plant.opCount);
  for (let j = 0; j < plant.jobCount; j++) {
    const first = plant.jobFirst[j] ?? 0;
    const count = (plant.jobFirst[j + 1] ?? 0) - first;
    const ops = operations[j] ?? [];
    for (let i = 0; i < count; i++) {
      const op = ops[i];
      if (!op) continue;
      const o = first + i;
      times.resource[o] = op.resource;
      times.start[o] = op.start;
      times.end[o] = op.end;
      times.setup[o] = op.setup;
      times.setupStart[o] = op.setupStart;
      for (let k = plant.optionFirst[o] ?? 0; k < (plant.optionFirst[o + 1] ?? 0); k++) {
        if (plant.optionResource[k] === op.resource) {
          times.option[o] = k;
          break;
        }
      }
    }
  }
  return times;
}

export function plantKpis(problem: PlantProblem, operations: ScheduledOperation[][]): PlantKpis {
  const plant = flattenPlant(problem);
  return computeKpis(plant, fromOperations(plant, operations));
}
