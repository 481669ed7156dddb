import fc from 'fast-check';
import { checkPlantSchedule } from './plant-checker';
import { listSchedule } from './plant-dispatch';
import { sequencesOf } from './plant-local-search';
import { flattenPlant, type PlantJob, type PlantProblem, type PlantResource } from './plant-model';
import { emptyTimes, type PlantTimes, type ScheduledOperation } from './plant-schedule';
import { TimeLog, Timetabler } from './plant-timetable';
import { PLANT_RULES, schedulePlant } from './plant-scheduler';
import { adjustSchedule, ScheduleAdjustError } from './schedule-adjuster';

const FAMILIES = 3;

/** A calendar: a random pattern of 1–4 windows (5–40 minutes, gaps 0–20) repeated 150 times. */
const calendar = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 5, max: 40 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((pattern) => {
    const windows: [number, number][] = [];
    let t = 0;
    for (let cycle = 0; cycle < 150; cycle++) {
      for (const [gap, length] of pattern) {
        const start = t + gap;
        const last = windows[windows.length - 1];
        // A gap of 0 continues the previous window.
        if (last && last[1] === start) last[1] = start + length;
        else windows.push([start, start + length]);
        t = start + length;
      }
    }
    return windows;
  });

const resource: fc.Arbitrary<PlantResource> = fc
  .record({
    windows: fc.option(calendar, { nil: undefined }),
    setup: fc.option(
      fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: FAMILIES, maxLength: FAMILIES }), {
        minLength: FAMILIES,
        maxLength: FAMILIES,
      }),
      { nil: undefined },
    ),
    initialFamily: fc.option(fc.integer({ min: 0, max: FAMILIES - 1 }), { nil: undefined }),
  })
  .map((r) => ({
    ...(r.windows ? { windows: r.windows } : {}),
    ...(r.setup ? { setup: r.setup } : {}),
    ...(r.initialFamily !== undefined ? { initialFamily: r.initialFamily } : {}),
  }));

function job(resourceCount: number): fc.Arbitrary<PlantJob> {
  const operation = fc
    .record({
      resources: fc.shuffledSubarray(
        Array.from({ length: resourceCount }, (_, r) => r),
        { minLength: 1, maxLength: Math.min(3, resourceCount) },
      ),
      durations: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 3, maxLength: 3 }),
      noSpan: fc.boolean(),
      lag: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    })
    .map(({ resources, durations, noSpan, lag }) => {
      const options = resources.map((r, k) => ({ resource: r, duration: durations[k] ?? 0 }));
      // No-span only when short enough for every window (windows are at least 5 minutes).
      const short = options.every((o) => o.duration <= 5);
      return {
        options,
        ...(noSpan && short ? { spanBreaks: false } : {}),
        ...(lag !== undefined ? { lagBefore: lag } : {}),
      };
    });
  return fc
    .record({
      operations: fc.array(operation, { minLength: 1, maxLength: 4 }),
      release: fc.integer({ min: 0, max: 30 }),
      due: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      weight: fc.integer({ min: 1, max: 3 }),
      priority: fc.integer({ min: 0, max: 2 }),
      family: fc.option(fc.integer({ min: 0, max: FAMILIES - 1 }), { nil: undefined }),
    })
    .map((j) => ({
      operations: j.operations,
      release: j.release,
      weight: j.weight,
      priority: j.priority,
      ...(j.due !== undefined ? { due: j.due } : {}),
      ...(j.family !== undefined ? { family: j.family } : {}),
    }));
}

/** Random small plants: 1–4 resources, 1–6 jobs of 1–4 operations, links from lower to higher jobs. */
const plainProblem: fc.Arbitrary<PlantProblem> = fc.integer({ min: 1, max: 4 }).chain((resourceCount) =>
  fc
    .record({
      resources: fc.array(resource, { minLength: resourceCount, maxLength: resourceCount }),
      jobs: fc.array(job(resourceCount), { minLength: 1, maxLength: 6 }),
      links: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 3 }),
    })
    .map(({ resources, jobs, links }) => ({
      resources,
      jobs,
      links: links
        .map(([a, b]) => ({ before: Math.min(a, b), after: Math.max(a, b) }))
        .filter((l) => l.before !== l.after && l.after < jobs.length),
    })),
);

/** The same plants, with the operations that start before a random cut-off frozen where a schedule put them. */
const problem: fc.Arbitrary<PlantProblem> = fc
  .tuple(plainProblem, fc.integer({ min: 0, max: 60 }))
  .map(([p, cut]) => {
    const s = schedulePlant(p, { rule: 'FIFO' });
    return {
      ...p,
      jobs: p.jobs.map((j, jobIndex) => ({
        ...j,
        operations: j.operations.map((op, index) => {
          const placed = s.operations[jobIndex]?.[index];
          return placed && placed.start < cut
            ? { ...op, fixed: { resource: placed.resource, start: placed.start } }
            : op;
        }),
      })),
    };
  });

const valid = (p: PlantProblem, operations: ScheduledOperation[][]): boolean =>
  checkPlantSchedule(p, operations).length === 0;

const params = { seed: 20_261_121, numRuns: 120 };

describe('plant scheduler properties (random small plants)', () => {
  it('every strategy and rule gives a valid schedule that keeps the frozen operations', () => {
    fc.assert(
      fc.property(problem, (p) => {
        for (const strategy of ['forward', 'backward'] as const) {
          for (const rule of [...PLANT_RULES, 'auto' as const]) {
            const s = schedulePlant(p, { strategy, rule });
            if (!valid(p, s.operations)) return false;
          }
        }
        return true;
      }),
      params,
    );
  });

  it('the improved schedule is valid, never worse than the constructive one, deterministic for a seed', () => {
    fc.assert(
      fc.property(
        problem,
        fc.constantFrom('forward' as const, 'backward' as const),
        fc.integer({ min: 0, max: 1000 }),
        (p, strategy, seed) => {
          const start = schedulePlant(p, { strategy });
          const a = schedulePlant(p, { strategy, maxIterations: 150, seed });
          const b = schedulePlant(p, { strategy, maxIterations: 150, seed });
          return (
            valid(p, a.operations) &&
            a.objective <= start.objective &&
            a.objective === b.objective &&
            JSON.stringify(a.operations) === JSON.stringify(b.operations) &&
            a.iterations === b.iterations
          );
        },
      ),
      params,
    );
  });

  it('adjustSchedule gives a valid schedule that moves nothing earlier but the moved operation', () => {
    fc.assert(
      fc.property(
        problem,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 150 }),
        fc.nat(),
        (p, jobPick, opPick, start, resourcePick) => {
          const current = schedulePlant(p, { rule: 'EDD' }).operations;
          const job = jobPick % p.jobs.length;
          const ops = p.jobs[job]?.operations ?? [];
          const index = opPick % ops.length;
          const options = ops[index]?.options ?? [];
          const resource = options[resourcePick % options.length]?.resource;
          let result;
          try {
            result = adjustSchedule(p, current, {
              job,
              index,
              start,
              ...(resource === undefined ? {} : { resource }),
            });
          } catch (error) {
            // Refusals are allowed (frozen operations, calendars), nothing else.
            return (
              error instanceof ScheduleAdjustError && (error.kind === 'locked' || error.kind === 'infeasible')
            );
          }
          if (!valid(p, result.operations)) return false;
          for (const [j, row] of result.operations.entries()) {
            for (const [i, op] of row.entries()) {
              const before = current[j]?.[i]?.start ?? 0;
              if (!(j === job && i === index) && op.start < before) return false;
              const listed = result.moved.some((m) => m.job === j && m.index === i);
              if (listed !== (op.start !== before)) return false;
            }
          }
          return true;
        },
      ),
      params,
    );
  });

  it('incremental re-timing after a move equals a full timetable, and restores exactly', () => {
    const same = (a: PlantTimes, b: PlantTimes): boolean =>
      (['start', 'end', 'setup', 'setupStart', 'resource'] as const).every(
        (k) => a[k].join() === b[k].join(),
      );
    fc.assert(
      fc.property(problem, fc.nat(), fc.nat(), fc.nat(), (p, pickOp, pickOption, pickPosition) => {
        const plant = flattenPlant(p);
        const times = listSchedule(plant, { rule: 'FIFO' });
        const sequences = sequencesOf(plant, times);
        const timetabler = new Timetabler(plant);
        if (timetabler.run(sequences, times) !== 'ok') return false;
        const movable: number[] = [];
        for (let o = 0; o < plant.opCount; o++) {
          if ((plant.opFixedOption[o] ?? -1) < 0 && (plant.optionDuration[times.option[o] ?? 0] ?? 0) > 0)
            movable.push(o);
        }
        const u = movable[pickOp % Math.max(1, movable.length)];
        if (u === undefined) return true;
        const before = emptyTimes(plant.opCount);
        for (const k of ['resource', 'option', 'start', 'end', 'setup', 'setupStart'] as const)
          before[k].set(times[k]);
        // Another option (or the same), at a random position of its resource's order.
        const first = plant.optionFirst[u] ?? 0;
        const count = (plant.optionFirst[u + 1] ?? 0) - first;
        let option = first + (pickOption % count);
        if ((plant.optionDuration[option] ?? 0) === 0) option = times.option[u] ?? 0;
        const from = times.resource[u] ?? 0;
        const to = plant.optionResource[option] ?? 0;
        const oldNext = timetabler.resourceNext[u] ?? -1;
        const source = sequences[from] ?? [];
        source.splice(source.indexOf(u), 1);
        const target = sequences[to] ?? [];
        target.splice(pickPosition % (target.length + 1), 0, u);
        times.option[u] = option;
        timetabler.relink(source);
        timetabler.relink(target);
        const newPrev = timetabler.resourcePrev[u] ?? -1;
        const newNext = timetabler.resourceNext[u] ?? -1;
        const log = new TimeLog();
        const status = timetabler.retime(times, [u, oldNext, newNext], [newPrev, u, u, newNext], log);
        const full = emptyTimes(plant.opCount);
        full.option.set(times.option);
        const fullStatus = new Timetabler(plant).run(sequences, full);
        if (status !== fullStatus) return false;
        if (status === 'ok' && !same(times, full)) return false;
        timetabler.restore(times, log);
        return status === 'cycle' || same(times, before);
      }),
      { ...params, numRuns: 300 },
    );
  });
});
