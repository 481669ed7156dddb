/**
 * Runs the plant scheduler in a worker thread (plant-thread.ts): the caller's event loop stays free
 * for progress reports, lock renewals and cancel checks. `cancel()` sets a shared flag the search
 * reads; it then returns the best schedule found so far (stoppedBy 'cancel'). From TypeScript sources
 * (tests, dev) the thread compiles the engine's files with @swc/core on load, as the CLIs do; from
 * the build it loads the compiled .js next to this file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlantProblem } from './plant-model';
import type { PlantOptions, PlantSchedule } from './plant-scheduler';
import type { PlantProgress, PlantThreadInput, PlantThreadMessage } from './plant-thread';
import { ShopModelError } from './shop-model-error';

export interface PlantThreadRun {
  result: Promise<PlantSchedule>;
  cancel(): void;
}

const TS_BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const options = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' }, sourceMaps: false, swcrc: false, configFile: false,
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
require(require('node:worker_threads').workerData.entry);
`;

function startWorker(input: PlantThreadInput): Worker {
  const js = join(__dirname, 'plant-thread.js');
  if (existsSync(js)) return new Worker(js, { workerData: input });
  return new Worker(TS_BOOTSTRAP, {
    eval: true,
    workerData: { ...input, entry: join(__dirname, 'plant-thread.ts') },
  });
}

export function runPlantInThread(
  problem: PlantProblem,
  options: Omit<PlantOptions, 'shouldStop' | 'clock' | 'onProgress'> & {
    onProgress?: (fraction: number, best: PlantProgress) => void;
  } = {},
): PlantThreadRun {
  const stopFlag = new SharedArrayBuffer(4);
  const { onProgress, ...rest } = options;
  const worker = startWorker({ problem, options: rest, stopFlag });
  const result = new Promise<PlantSchedule>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: PlantThreadMessage) => {
      if (message.type === 'progress') onProgress?.(message.fraction, message.best);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.schedule);
      } else {
        settled = true;
        reject(
          message.name === 'ShopModelError'
            ? new ShopModelError((message.details ?? []) as { field: string; message: string }[])
            : new Error(message.message),
        );
      }
      if (settled) void worker.terminate();
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`scheduling thread exited with code ${code}`));
      settled = true;
    });
  });
  return { result, cancel: () => Atomics.store(new Int32Array(stopFlag), 0, 1) };
}
