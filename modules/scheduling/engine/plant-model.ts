/**
 * The plant model (finite-capacity scheduling, docs/decisions/0014): resources with working calendars
 * and changeover matrices, jobs with routings whose operations may run on alternative resources,
 * release and due dates, links between jobs, frozen operations. `flattenPlant` checks a problem (every
 * problem listed in one ShopModelError, field by field) and lays it out as `FlatPlant`: typed arrays,
 * operations numbered job by job in routing order, one WorkingCalendar per resource.
 */
import { ShopModelError } from './shop-model-error';
import { WorkingCalendar } from './working-calendar';

export interface PlantResource {
  /** Working windows [start, end) in whole minutes from the horizon start (t = 0), sorted, disjoint, non-empty. Omitted = always available. An empty array = never available. */
  windows?: readonly (readonly [number, number])[];
  /** Changeover minutes on this resource from family a to family b: setup[a][b] (square matrix over family indexes). Omitted = no changeovers. */
  setup?: readonly (readonly number[])[];
  /** Family loaded at t = 0 (default: none, so the first operation needs no changeover). */
  initialFamily?: number;
}

export interface PlantOption {
  resource: number;
  /** Working minutes on that resource. */
  duration: number;
}

export interface PlantOperation {
  options: readonly PlantOption[];
  /** May the work pause over a break/closed time (default true)? When false it must fit inside one working window. */
  spanBreaks?: boolean;
  /** Calendar-free minutes that must pass after the previous operation of the job ends (queue + move), default 0. */
  lagBefore?: number;
  /** Frozen: started on the shop floor or locked by the planner: this resource and this start, kept as they are. */
  fixed?: { resource: number; start: number };
}

export interface PlantJob {
  operations: readonly PlantOperation[];
  /** Earliest start of the first operation (material availability), default 0. */
  release?: number;
  /** Due date of the last operation's end, default none. */
  due?: number;
  /** Default 1. */
  weight?: number;
  /** Larger = more urgent, default 0. */
  priority?: number;
  /** Product family index for changeovers, default: none (no changeover to/from it). */
  family?: number;
}

export interface PlantProblem {
  resources: readonly PlantResource[];
  jobs: readonly PlantJob[];
  /** Job `before` must end before job `after` starts (child work order feeds its parent). */
  links?: readonly { before: number; after: number }[];
}

/**
 * Weights of the objective w_makespan·makespan + w_wt·Σ weight·tardiness + w_late·late jobs·LATE_JOB_SCALE
 * + w_setup·setup minutes. Defaults: DEFAULT_WEIGHTS (tardiness dominates when due dates exist).
 */
export interface ObjectiveWeights {
  makespan?: number;
  weightedTardiness?: number;
  lateJobs?: number;
  setup?: number;
}

/** Defaults: a minute of weighted tardiness costs 10 minutes of makespan; late-job count and setup off. */
export const DEFAULT_WEIGHTS: Required<ObjectiveWeights> = {
  makespan: 1,
  weightedTardiness: 10,
  lateJobs: 0,
  setup: 0,
};

/** One late job counts as a working day (1 440 minutes) of objective, times w_late. */
export const LATE_JOB_SCALE = 1440;

export interface FlatPlant {
  readonly resourceCount: number;
  readonly jobCount: number;
  readonly opCount: number;
  /** jobFirst[j] … jobFirst[j + 1] − 1 are job j's operations. */
  readonly jobFirst: Int32Array;
  readonly opJob: Int32Array;
  readonly optionFirst: Int32Array;
  readonly optionResource: Int32Array;
  readonly optionDuration: Int32Array;
  /** 1 = may pause over breaks, 0 = inside one window. */
  readonly opSpan: Uint8Array;
  readonly opLag: Int32Array;
  /** The fixed option index (into optionResource), −1 when not fixed. */
  readonly opFixedOption: Int32Array;
  readonly opFixedStart: Float64Array;
  /** Shortest duration among the operation's options. */
  readonly opMinDuration: Int32Array;
  readonly release: Int32Array;
  /** +Infinity when none. */
  readonly due: Float64Array;
  readonly weight: Float64Array;
  readonly priority: Float64Array;
  /** −1 when none. */
  readonly family: Int32Array;
  /** Jobs that must end before job j starts: linkBefore[linkBeforeFirst[j] … linkBeforeFirst[j + 1] − 1]. */
  readonly linkBeforeFirst: Int32Array;
  readonly linkBefore: Int32Array;
  /** Jobs that wait for job j. */
  readonly linkAfterFirst: Int32Array;
  readonly linkAfter: Int32Array;
  readonly calendars: readonly WorkingCalendar[];
  /** Per resource: the changeover matrix (size² entries, row = from) or null. */
  readonly setupMatrix: readonly (Int32Array | null)[];
  readonly setupSize: Int32Array;
  /** −1 when none. */
  readonly initialFamily: Int32Array;
}

/** Changeover minutes on resource r from family `from` to family `to` (0 when either is none). */
export function changeover(plant: FlatPlant, r: number, from: number, to: number): number {
  if (from < 0 || to < 0) return 0;
  const matrix = plant.setupMatrix[r];
  if (!matrix) return 0;
  const size = plant.setupSize[r] ?? 0;
  return matrix[from * size + to] ?? 0;
}

/** The duration of operation o on resource r, or −1 when r is not eligible. */
export function durationOn(plant: FlatPlant, o: number, r: number): number {
  for (let k = plant.optionFirst[o] ?? 0; k < (plant.optionFirst[o + 1] ?? 0); k++) {
    if (plant.optionResource[k] === r) return plant.optionDuration[k] ?? 0;
  }
  return -1;
}

const MAX_TIME = 2 ** 30;

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIME;
}

type Problems = { field: string; message: string }[];

/** Checks a plant problem and lays it out flat; every problem found is listed in the ShopModelError. */
export function flattenPlant(problem: PlantProblem): FlatPlant {
  const problems: Problems = [];
  const resourceCount = problem.resources.length;
  const calendars: WorkingCalendar[] = [];
  const calendarOk: boolean[] = [];
  const setupMatrix: (Int32Array | null)[] = [];
  const setupSize = new Int32Array(resourceCount);
  const initialFamily = new Int32Array(resourceCount).fill(-1);
  let familyCount = 0;
  for (const job of problem.jobs) {
    if (isTime(job.family) && job.family + 1 > familyCount) familyCount = job.family + 1;
  }
  problem.resources.forEach((resource, r) => {
    const before = problems.length;
    calendars.push(readCalendar(resource, r, problems));
    calendarOk.push(problems.length === before);
    setupMatrix.push(readSetup(resource, r, familyCount, problems));
    setupSize[r] = resource.setup?.length ?? 0;
    const initial = resource.initialFamily;
    if (initial !== undefined) {
      if (!isTime(initial)) {
        problems.push({ field: `resources[${r}].initialFamily`, message: 'must be a family index ≥ 0' });
      } else if (resource.setup && initial >= resource.setup.length) {
        problems.push({
          field: `resources[${r}].initialFamily`,
          message: `family ${initial} is outside the changeover matrix`,
        });
      } else initialFamily[r] = initial;
    }
  });

  const jobCount = problem.jobs.length;
  let opCount = 0;
  let optionCount = 0;
  for (const job of problem.jobs) {
    opCount += job.operations.length;
    for (const op of job.operations) optionCount += op.options.length;
  }
  const jobFirst = new Int32Array(jobCount + 1);
  const opJob = new Int32Array(opCount);
  const optionFirst = new Int32Array(opCount + 1);
  const optionResource = new Int32Array(optionCount);
  const optionDuration = new Int32Array(optionCount);
  const opSpan = new Uint8Array(opCount);
  const opLag = new Int32Array(opCount);
  const opFixedOption = new Int32Array(opCount).fill(-1);
  const opFixedStart = new Float64Array(opCount);
  const opMinDuration = new Int32Array(opCount);
  const release = new Int32Array(jobCount);
  const due = new Float64Array(jobCount);
  const weight = new Float64Array(jobCount);
  const priority = new Float64Array(jobCount);
  const family = new Int32Array(jobCount).fill(-1);
  let o = 0;
  let k = 0;
  problem.jobs.forEach((job, j) => {
    jobFirst[j] = o;
    readJob(job, j, { release, due, weight, priority, family }, problems);
    job.operations.forEach((op, i) => {
      const field = `jobs[${j}].operations[${i}]`;
      optionFirst[o] = k;
      opJob[o] = j;
      if (op.options.length === 0)
        problems.push({ field: `${field}.options`, message: 'needs at least one resource' });
      const span = op.spanBreaks ?? true;
      if (typeof span !== 'boolean')
        problems.push({ field: `${field}.spanBreaks`, message: 'must be true or false' });
      opSpan[o] = span ? 1 : 0;
      const lag = op.lagBefore ?? 0;
      if (!isTime(lag)) problems.push({ field: `${field}.lagBefore`, message: 'must be whole minutes ≥ 0' });
      else opLag[o] = lag;
      let minDuration = Number.POSITIVE_INFINITY;
      let usable = false;
      let fitsSomewhere = false;
      let optionsOk = true;
      const firstOption = k;
      for (let e = 0; e < op.options.length; e++) {
        const option = op.options[e];
        if (!option) continue;
        const f = `${field}.options[${e}]`;
        const r = option.resource;
        const validResource = Number.isInteger(r) && r >= 0 && r < resourceCount;
        if (!validResource) {
          optionsOk = false;
          problems.push({
            field: `${f}.resource`,
            message:
              resourceCount === 0 ? 'there are no resources' : `must be a resource 0…${resourceCount - 1}`,
          });
        }
        const d = option.duration;
        if (!isTime(d)) {
          optionsOk = false;
          problems.push({ field: `${f}.duration`, message: 'must be whole minutes ≥ 0' });
        }
        optionResource[k] = validResource ? r : 0;
        optionDuration[k] = isTime(d) ? d : 0;
        if (isTime(d) && d < minDuration) minDuration = d;
        if (validResource && calendarOk[r] !== true) optionsOk = false;
        if (validResource && isTime(d)) {
          const calendar = calendars[r];
          if (d === 0) {
            usable = true;
            fitsSomewhere = true;
          } else if (calendar && calendar.windowCount > 0) {
            usable = true;
            if (span || calendar.longest >= d) fitsSomewhere = true;
          }
        }
        k++;
      }
      opMinDuration[o] = Number.isFinite(minDuration) ? minDuration : 0;
      if (op.options.length > 0 && optionsOk) {
        if (!usable) {
          problems.push({ field, message: 'no eligible resource has any working window' });
        } else if (!fitsSomewhere) {
          problems.push({
            field,
            message:
              'operation longer than every calendar window of its eligible resources (spanBreaks false)',
          });
        }
      }
      if (op.fixed !== undefined) {
        const fixed = op.fixed;
        let option = -1;
        for (let q = firstOption; q < k && option < 0; q++) {
          if (op.options[q - firstOption]?.resource === fixed.resource) option = q;
        }
        if (option < 0) {
          problems.push({
            field: `${field}.fixed.resource`,
            message: 'must be one of the operation’s options',
          });
        }
        if (!isTime(fixed.start)) {
          problems.push({ field: `${field}.fixed.start`, message: 'must be whole minutes ≥ 0' });
          opFixedStart[o] = Number.NaN;
        } else opFixedStart[o] = fixed.start;
        opFixedOption[o] = option;
      }
      o++;
    });
  });
  jobFirst[jobCount] = o;
  optionFirst[opCount] = k;

  const links = readLinks(problem, jobCount, problems);
  const plant: FlatPlant = {
    resourceCount,
    jobCount,
    opCount,
    jobFirst,
    opJob,
    optionFirst,
    optionResource,
    optionDuration,
    opSpan,
    opLag,
    opFixedOption,
    opFixedStart,
    opMinDuration,
    release,
    due,
    weight,
    priority,
    family,
    ...links,
    calendars,
    setupMatrix,
    setupSize,
    initialFamily,
  };
  checkFixed(plant, calendarOk, problems);
  if (problems.length > 0) throw new ShopModelError(problems);
  return plant;
}

function readCalendar(resource: PlantResource, r: number, problems: Problems): WorkingCalendar {
  const windows = resource.windows;
  if (windows === undefined) return WorkingCalendar.always();
  const given: unknown = windows;
  if (!Array.isArray(given)) {
    problems.push({ field: `resources[${r}].windows`, message: 'must be a list of [start, end) pairs' });
    return new WorkingCalendar([]);
  }
  let previousEnd = -1;
  let ok = true;
  for (let k = 0; k < windows.length; k++) {
    const field = `resources[${r}].windows[${k}]`;
    const s = windows[k]?.[0];
    const e = windows[k]?.[1];
    if (!isTime(s) || !isTime(e)) {
      problems.push({ field, message: 'must be [start, end) in whole minutes ≥ 0' });
      ok = false;
      continue;
    }
    if (e <= s) {
      problems.push({ field, message: `is empty: end ${e} ≤ start ${s}` });
      ok = false;
    }
    if (s < previousEnd) {
      problems.push({
        field,
        message: `starts at ${s}, before the previous window ends at ${previousEnd} (unsorted or overlapping)`,
      });
      ok = false;
    }
    previousEnd = Math.max(previousEnd, e);
  }
  return ok ? new WorkingCalendar(windows) : new WorkingCalendar([]);
}

function readSetup(
  resource: PlantResource,
  r: number,
  familyCount: number,
  problems: Problems,
): Int32Array | null {
  const setup = resource.setup;
  if (setup === undefined) return null;
  const size = setup.length;
  const field = `resources[${r}].setup`;
  const matrix = new Int32Array(size * size);
  let ok = true;
  setup.forEach((row, a) => {
    if (row.length !== size) {
      problems.push({ field: `${field}[${a}]`, message: `must have ${size} entries (a square matrix)` });
      ok = false;
      return;
    }
    row.forEach((value, b) => {
      if (!isTime(value)) {
        problems.push({ field: `${field}[${a}][${b}]`, message: 'must be whole minutes ≥ 0' });
        ok = false;
      } else matrix[a * size + b] = value;
    });
  });
  if (size < familyCount) {
    problems.push({
      field,
      message: `covers families 0…${size - 1}, the jobs use families 0…${familyCount - 1}`,
    });
    ok = false;
  }
  return ok ? matrix : null;
}

function readJob(
  job: PlantJob,
  j: number,
  out: {
    release: Int32Array;
    due: Float64Array;
    weight: Float64Array;
    priority: Float64Array;
    family: Int32Array;
  },
  problems: Problems,
): void {
  const release = job.release ?? 0;
  if (!isTime(release)) problems.push({ field: `jobs[${j}].release`, message: 'must be whole minutes ≥ 0' });
  else out.release[j] = release;
  const due = job.due;
  if (due !== undefined && !isTime(due))
    problems.push({ field: `jobs[${j}].due`, message: 'must be whole minutes ≥ 0' });
  out.due[j] = due !== undefined && isTime(due) ? due : Number.POSITIVE_INFINITY;
  const weight = job.weight ?? 1;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
    problems.push({ field: `jobs[${j}].weight`, message: 'must be a number ≥ 0' });
  else out.weight[j] = weight;
  const priority = job.priority ?? 0;
  if (typeof priority !== 'number' || !Number.isFinite(priority))
    problems.push({ field: `jobs[${j}].priority`, message: 'must be a finite number' });
  else out.priority[j] = priority;
  const family = job.family;
  if (family !== undefined) {
    if (!isTime(family)) problems.push({ field: `jobs[${j}].family`, message: 'must be a family index ≥ 0' });
    else out.family[j] = family;
  }
}

function readLinks(
  problem: PlantProblem,
  jobCount: number,
  problems: Problems,
): Pick<FlatPlant, 'linkBeforeFirst' | 'linkBefore' | 'linkAfterFirst' | 'linkAfter'> {
  const links = problem.links ?? [];
  const valid: { before: number; after: number }[] = [];
  links.forEach((link, k) => {
    let ok = true;
    for (const end of ['before', 'after'] as const) {
      const job = link[end];
      if (!Number.isInteger(job) || job < 0 || job >= jobCount) {
        problems.push({ field: `links[${k}].${end}`, message: `must be a job 0…${jobCount - 1}` });
        ok = false;
      }
    }
    if (ok) valid.push(link);
  });
  const linkBeforeFirst = new Int32Array(jobCount + 1);
  const linkAfterFirst = new Int32Array(jobCount + 1);
  for (const link of valid) {
    linkBeforeFirst[link.after + 1] = (linkBeforeFirst[link.after + 1] ?? 0) + 1;
    linkAfterFirst[link.before + 1] = (linkAfterFirst[link.before + 1] ?? 0) + 1;
  }
  for (let j = 0; j < jobCount; j++) {
    linkBeforeFirst[j + 1] = (linkBeforeFirst[j + 1] ?? 0) + (linkBeforeFirst[j] ?? 0);
    linkAfterFirst[j + 1] = (linkAfterFirst[j + 1] ?? 0) + (linkAfterFirst[j] ?? 0);
  }
  const linkBefore = new Int32Array(valid.length);
  const linkAfter = new Int32Array(valid.length);
  const fillB = linkBeforeFirst.slice(0, jobCount);
  const fillA = linkAfterFirst.slice(0, jobCount);
  for (const link of valid) {
    linkBefore[fillB[link.after] ?? 0] = link.before;
    fillB[link.after] = (fillB[link.after] ?? 0) + 1;
    linkAfter[fillA[link.before] ?? 0] = link.after;
    fillA[link.before] = (fillA[link.before] ?? 0) + 1;
  }
  const cycle = findLinkCycle(jobCount, linkAfterFirst, linkAfter);
  if (cycle) {
    problems.push({
      field: 'links',
      message: `links form a cycle: ${cycle.map((j) => `job ${j}`).join(' → ')}`,
    });
  }
  return { linkBeforeFirst, linkBefore, linkAfterFirst, linkAfter };
}

/** A cycle of jobs (first job repeated at the end) in the link graph, or null (iterative DFS). */
function findLinkCycle(jobCount: number, first: Int32Array, after: Int32Array): number[] | null {
  const state = new Uint8Array(jobCount); // 0 new, 1 on the stack, 2 done
  const parent = new Int32Array(jobCount).fill(-1);
  const cursor = new Int32Array(jobCount);
  for (let root = 0; root < jobCount; root++) {
    if (state[root] !== 0) continue;
    const stack = [root];
    state[root] = 1;
    cursor[root] = first[root] ?? 0;
    while (stack.length > 0) {
      const j = stack[stack.length - 1] ?? 0;
      const c = cursor[j] ?? 0;
      if (c >= (first[j + 1] ?? 0)) {
        state[j] = 2;
        stack.pop();
        continue;
      }
      cursor[j] = c + 1;
      const next = after[c] ?? 0;
      if (state[next] === 1) {
        const cycle = [next];
        for (let x = j; x !== next && x >= 0; x = parent[x] ?? -1) cycle.push(x);
        cycle.push(next);
        // Collected backwards from `next`: reverse so each job feeds the following one.
        cycle.reverse();
        return cycle;
      }
      if (state[next] === 0) {
        state[next] = 1;
        parent[next] = j;
        cursor[next] = first[next] ?? 0;
        stack.push(next);
      }
    }
  }
  return null;
}

/** Fixed operations: inside a window, no-span ones within one, none overlapping another (changeover included). */
function checkFixed(plant: FlatPlant, calendarOk: readonly boolean[], problems: Problems): void {
  const perResource = new Map<number, number[]>();
  for (let o = 0; o < plant.opCount; o++) {
    const option = plant.opFixedOption[o] ?? -1;
    if (option < 0) continue;
    const j = plant.opJob[o] ?? 0;
    const field = `jobs[${j}].operations[${o - (plant.jobFirst[j] ?? 0)}].fixed`;
    const r = plant.optionResource[option] ?? 0;
    const d = plant.optionDuration[option] ?? 0;
    const calendar = plant.calendars[r];
    if (d === 0 || !calendar || calendarOk[r] !== true || !isTime(plant.opFixedStart[o])) continue;
    const start = plant.opFixedStart[o] ?? 0;
    if (!calendar.isWorking(start)) {
      problems.push({
        field: `${field}.start`,
        message: `${start} is not inside a working window of resource ${r}`,
      });
      continue;
    }
    if (plant.opSpan[o] === 0 && calendar.fit(start, d) !== start) {
      problems.push({
        field: `${field}.start`,
        message: `the work does not fit in the working window at ${start}`,
      });
      continue;
    }
    if (!Number.isFinite(calendar.addWork(start, d))) {
      problems.push({ field: `resources[${r}].windows`, message: 'calendar ends before the work fits' });
      continue;
    }
    const list = perResource.get(r) ?? [];
    list.push(o);
    perResource.set(r, list);
  }
  for (const [r, list] of perResource) {
    const calendar = plant.calendars[r];
    if (!calendar) continue;
    list.sort((a, b) => (plant.opFixedStart[a] ?? 0) - (plant.opFixedStart[b] ?? 0));
    let previousEnd = 0;
    let previousFamily = plant.initialFamily[r] ?? -1;
    let previous = -1;
    for (const o of list) {
      const j = plant.opJob[o] ?? 0;
      const start = plant.opFixedStart[o] ?? 0;
      const d = plant.optionDuration[plant.opFixedOption[o] ?? 0] ?? 0;
      const need = changeover(plant, r, previousFamily, plant.family[j] ?? -1);
      const setupStart = need > 0 ? calendar.timeAt(calendar.position(start) - need) : start;
      if (setupStart < previousEnd) {
        const pj = previous >= 0 ? (plant.opJob[previous] ?? 0) : -1;
        problems.push({
          field: `jobs[${j}].operations[${o - (plant.jobFirst[j] ?? 0)}].fixed`,
          message:
            previous >= 0
              ? `overlaps fixed job ${pj} operation ${previous - (plant.jobFirst[pj] ?? 0)} on resource ${r} (changeover ${need} included)`
              : `the changeover of ${need} minutes from the initial family does not fit before ${start}`,
        });
      }
      previousEnd = calendar.addWork(start, d);
      previousFamily = plant.family[j] ?? -1;
      previous = o;
    }
  }
}
