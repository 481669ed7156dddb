/**
 * `npm run bench:plant`: the plant scheduler on a seeded, realistic finite-capacity case — 2 000 jobs ×
 * 6 operations on 100 resources in 20 work centres of 5, each operation eligible on 1–3 resources of its
 * centre with different durations, two-shift calendars (08–12, 13–17, 18–22 Monday–Friday, 08–12 and
 * 13–17 on every other Saturday, a holiday) over 16 weeks, 8 product families with changeover matrices
 * on half the resources, some operations that may not span breaks, queue/move lags, releases over the
 * first four weeks and due dates (a fifth of them tight). Prints the constructive time per rule and for
 * 'auto', memory (rss, heap), the KPIs, the checker's verdict, then the improvement at
 * BENCH_PLANT_SECONDS (default 10) from each strategy's 'auto' start: KPIs and iterations. Not a timed test: it prints figures.
 * Environment: BENCH_PLANT_SECONDS, BENCH_PLANT_SEED (default 1), BENCH_PLANT_JOBS (default 2000).
 */
import { loadavg } from 'node:os';
import {
  checkPlantSchedule,
  PLANT_RULES,
  Random,
  schedulePlant,
  type PlantJob,
  type PlantKpis,
  type PlantProblem,
  type PlantResource,
  type PlantSchedule,
} from '@mes/scheduling-engine';

const SECONDS = Number(process.env.BENCH_PLANT_SECONDS ?? 10);
const SEED = Number(process.env.BENCH_PLANT_SEED ?? 1);
const JOBS = Number(process.env.BENCH_PLANT_JOBS ?? 2000);

const DAY = 1440;
const WEEKS = 16;
const HOLIDAY = 24; // a Thursday in week 4
const CENTRES = 20;
const PER_CENTRE = 5;
const FAMILIES = 8;
const OPS_PER_JOB = 6;

function calendar(): [number, number][] {
  const windows: [number, number][] = [];
  for (let d = 0; d < WEEKS * 7; d++) {
    const weekday = d % 7;
    const base = d * DAY;
    if (weekday < 5 && d !== HOLIDAY) {
      windows.push(
        [base + 8 * 60, base + 12 * 60],
        [base + 13 * 60, base + 17 * 60],
        [base + 18 * 60, base + 22 * 60],
      );
    } else if (weekday === 5 && Math.floor(d / 7) % 2 === 0) {
      windows.push([base + 8 * 60, base + 12 * 60], [base + 13 * 60, base + 17 * 60]);
    }
  }
  return windows;
}

function changeovers(random: Random): number[][] {
  return Array.from({ length: FAMILIES }, (_, a) =>
    Array.from({ length: FAMILIES }, (_, b) => (a === b ? 0 : 15 + 10 * random.int(6))),
  );
}

export function generatePlant(seed: number, jobCount: number): PlantProblem {
  const random = new Random(seed);
  const windows = calendar();
  const resources: PlantResource[] = [];
  for (let r = 0; r < CENTRES * PER_CENTRE; r++) {
    resources.push(r % 2 === 0 ? { windows, setup: changeovers(random) } : { windows });
  }
  const jobs: PlantJob[] = [];
  for (let j = 0; j < jobCount; j++) {
    const release = random.int(20) * DAY;
    const operations: PlantJob['operations'][number][] = [];
    let work = 0;
    for (let i = 0; i < OPS_PER_JOB; i++) {
      const centre = random.int(CENTRES);
      const alternatives = 1 + random.int(3);
      const first = random.int(PER_CENTRE);
      const base = 20 + random.int(130);
      const options = Array.from({ length: alternatives }, (_, k) => ({
        resource: centre * PER_CENTRE + ((first + k) % PER_CENTRE),
        duration: Math.round(base * [1, 1.25, 1.6][k]!),
      }));
      work += base;
      operations.push({
        options,
        ...(base <= 120 && random.next() < 0.15 ? { spanBreaks: false } : {}),
        ...(i > 0 && random.next() < 0.3 ? { lagBefore: 60 } : {}),
      });
    }
    // Lead time: 5–14 days after the release, a fifth of the orders tight (2–4 days).
    const tight = random.next() < 0.2;
    const lead = tight ? 2 * DAY + random.int(2 * DAY) : 5 * DAY + random.int(9 * DAY);
    jobs.push({
      operations,
      release,
      due: release + Math.max(lead, 2 * work),
      weight: 1 + random.int(3),
      priority: random.int(3),
      family: random.int(FAMILIES),
    });
  }
  return { resources, jobs };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function kpiLine(k: PlantKpis): string {
  const used = k.utilisation.filter((u) => u > 0);
  const mean = used.reduce((a, b) => a + b, 0) / Math.max(1, used.length);
  return `makespan ${(k.makespan / DAY).toFixed(2)} d, late ${k.lateJobs}, tardiness ${(k.totalTardiness / DAY).toFixed(1)} d (weighted ${(k.totalWeightedTardiness / DAY).toFixed(1)} d), setup ${(k.setupTime / 60).toFixed(1)} h, mean utilisation ${(100 * mean).toFixed(1)} %`;
}

function main(): void {
  const problem = generatePlant(SEED, JOBS);
  console.log(
    `plant benchmark: ${JOBS} jobs × ${OPS_PER_JOB} ops, ${CENTRES * PER_CENTRE} resources, ${WEEKS} weeks, seed ${SEED}, load ${loadavg()[0]?.toFixed(2) ?? '?'}`,
  );
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const verdict = { valid: true };
  const check = (label: string, s: PlantSchedule) => {
    const started = performance.now();
    const violations = checkPlantSchedule(problem, s.operations);
    if (violations.length > 0) verdict.valid = false;
    console.log(
      `  ${label}: checker ${violations.length} violations (${((performance.now() - started) / 1000).toFixed(2)} s)${violations[0] ? ` — ${violations[0].kind}: ${violations[0].message}` : ''}`,
    );
  };
  for (const strategy of ['forward', 'backward'] as const) {
    console.log(`\n== constructive, ${strategy} ==`);
    for (const rule of [...PLANT_RULES, 'auto' as const]) {
      const started = performance.now();
      const s = schedulePlant(problem, { strategy, rule });
      const seconds = (performance.now() - started) / 1000;
      sample();
      console.log(
        `${rule.padEnd(8)} ${seconds.toFixed(2)} s  ${s.rule.padEnd(8)} ${kpiLine(s.kpis)}  objective ${s.objective.toFixed(0)}`,
      );
      if (rule === 'auto') check(`${strategy} auto`, s);
    }
  }
  console.log(
    `memory: rss ${mb(before.rss)} → peak ${mb(peakRss)}, heap used ${mb(before.heapUsed)} → peak ${mb(peakHeap)} (sampled after each run)`,
  );
  for (const strategy of ['forward', 'backward'] as const) {
    console.log(`\n== improvement, ${SECONDS} s (${strategy}, auto start, seed ${SEED}) ==`);
    const started = performance.now();
    let reports = 0;
    const improved = schedulePlant(problem, {
      strategy,
      timeLimitMs: SECONDS * 1000,
      seed: SEED,
      onProgress: () => {
        reports++;
        sample();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    sample();
    console.log(
      `${seconds.toFixed(1)} s, ${improved.iterations} iterations, stopped by ${improved.stoppedBy}, ${reports} progress reports`,
    );
    console.log(`  ${kpiLine(improved.kpis)}  objective ${improved.objective.toFixed(0)}`);
    check(`improved ${strategy}`, improved);
  }
  console.log(`memory peak: rss ${mb(peakRss)}, heap used ${mb(peakHeap)}`);
  console.log(verdict.valid ? '\nevery schedule valid' : '\nINVALID schedules found');
  if (!verdict.valid) process.exitCode = 1;
}

main();
