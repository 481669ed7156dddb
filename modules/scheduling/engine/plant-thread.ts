/**
 * The worker-thread side of `runPlantInThread`: runs `schedulePlant` off the caller's event loop, so
 * a job can report progress, renew its lock and hear a cancel while the search runs. Like cli.ts this
 * file is a runner, not part of the algorithm: it only relays messages (decision 0014).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PlantProblem } from './plant-model';
import { schedulePlant, type PlantKpis, type PlantOptions } from './plant-scheduler';

/** The figures of the best schedule so far, sent with each progress report. */
export type PlantProgress = Pick<PlantKpis, 'makespan' | 'lateJobs' | 'totalWeightedTardiness' | 'setupTime'>;

export interface PlantThreadInput {
  problem: PlantProblem;
  options: Omit<PlantOptions, 'onProgress' | 'shouldStop' | 'clock'>;
  /** Int32Array over it: [0] = 1 asks the search to stop. */
  stopFlag: SharedArrayBuffer;
}

export type PlantThreadMessage =
  | { type: 'progress'; fraction: number; best: PlantProgress }
  | { type: 'done'; schedule: ReturnType<typeof schedulePlant> }
  | { type: 'error'; name: string; message: string; details?: unknown };

function run(port: NonNullable<typeof parentPort>, input: PlantThreadInput): void {
  const stop = new Int32Array(input.stopFlag);
  try {
    const schedule = schedulePlant(input.problem, {
      ...input.options,
      onProgress: (fraction, best) => {
        const { makespan, lateJobs, totalWeightedTardiness, setupTime } = best;
        const progress = { makespan, lateJobs, totalWeightedTardiness, setupTime };
        port.postMessage({ type: 'progress', fraction, best: progress } satisfies PlantThreadMessage);
      },
      shouldStop: () => Atomics.load(stop, 0) === 1,
    });
    port.postMessage({ type: 'done', schedule } satisfies PlantThreadMessage);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const details = (e as Error & { details?: unknown }).details;
    port.postMessage({
      type: 'error',
      name: e.name,
      message: e.message,
      details,
    } satisfies PlantThreadMessage);
  }
}

if (parentPort) run(parentPort, workerData as PlantThreadInput);
