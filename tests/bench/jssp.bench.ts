/**
 * `npm run bench:jssp`: the scheduling engine on every job-shop instance of
 * ../shared/benchmarks/jssp at 10 s and at 1 s each (in process, one instance at a time, seed 1).
 * Prints per instance the makespan, the best-known value, the gap, validity (the checker) and the
 * iterations, then the mean gap per family (ft, la, ta) per budget. Not a timed test: it prints
 * figures. Environment: BENCH_JSSP_LIMITS (ms, comma-separated, default "10000,1000"),
 * BENCH_JSSP_FILTER (a regular expression on the instance name), BENCH_JSSP_SEED (default 1).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import {
  checkSchedule,
  flattenShop,
  jsspProblem,
  parseJssp,
  solveShop,
  startsByJob,
} from '@mes/scheduling-engine';

const SHARED = resolve(__dirname, '../../../shared/benchmarks/jssp');
/** The shared set beside the project when it is there, else the repository's copy of it. */
const DIR =
  process.env.BENCH_JSSP_DIR ?? (existsSync(SHARED) ? SHARED : resolve(__dirname, '../../benchmarks/jssp'));
const LIMITS = (process.env.BENCH_JSSP_LIMITS ?? '10000,1000').split(',').map(Number);
const FILTER = new RegExp(process.env.BENCH_JSSP_FILTER ?? '.');
const SEED = Number(process.env.BENCH_JSSP_SEED ?? 1);

interface Known {
  bestKnown: number;
  lowerBound: number;
}

const known = (
  JSON.parse(readFileSync(join(DIR, 'best-known.json'), 'utf8')) as { instances: Record<string, Known> }
).instances;
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .filter((name) => FILTER.test(name))
  .sort();

const pad = (value: string | number, width: number) => String(value).padStart(width);

function main(): void {
  console.log(
    `jssp benchmark: ${names.length} instances, budgets ${LIMITS.join(', ')} ms, seed ${SEED}, load ${loadavg()[0]?.toFixed(2) ?? '?'}`,
  );
  let allValid = true;
  for (const limit of LIMITS) {
    console.log(`\n== ${limit} ms ==`);
    console.log(
      `${'instance'.padEnd(9)}${pad('size', 7)}${pad('start', 7)}${pad('makespan', 9)}${pad('best', 7)}${pad('gap %', 8)}  valid${pad('iterations', 11)}${pad('s', 6)}`,
    );
    const gaps = new Map<string, number[]>();
    for (const name of names) {
      const shop = flattenShop(jsspProblem(parseJssp(readFileSync(join(DIR, `${name}.txt`), 'utf8'))));
      const started = performance.now();
      const result = solveShop(shop, { timeLimitMs: limit, seed: SEED });
      const seconds = (performance.now() - started) / 1000;
      const violations = checkSchedule(shop, {
        starts: startsByJob(shop, result.starts),
        makespan: result.makespan,
      });
      if (violations.length > 0) allValid = false;
      const best = known[name]?.bestKnown;
      const gap = best === undefined ? Number.NaN : (100 * (result.makespan - best)) / best;
      const family = name.replace(/\d+$/, '');
      if (!Number.isNaN(gap)) gaps.set(family, [...(gaps.get(family) ?? []), gap]);
      console.log(
        `${name.padEnd(9)}${pad(`${shop.jobCount}x${shop.machineCount}`, 7)}${pad(result.initialMakespan, 7)}${pad(result.makespan, 9)}${pad(best ?? '?', 7)}${pad(gap.toFixed(2), 8)}  ${violations.length === 0 ? 'yes  ' : `NO (${violations[0]?.message ?? ''})`}${pad(result.iterations, 11)}${pad(seconds.toFixed(1), 6)}`,
      );
    }
    for (const [family, list] of gaps) {
      const mean = list.reduce((a, b) => a + b, 0) / list.length;
      console.log(`mean gap ${family} (${list.length} instances) at ${limit} ms: ${mean.toFixed(2)} %`);
    }
  }
  console.log(allValid ? '\nevery schedule valid' : '\nINVALID schedules found');
  if (!allValid) process.exitCode = 1;
}

main();
