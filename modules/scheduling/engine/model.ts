/**
 * The operation model. `ShopProblem` is the general, readable form the later scheduling module fills
 * (jobs with routings, operations with eligible resources and their own durations, release and due
 * dates, weights, priorities); `FlatShop` is what the algorithms read: flat typed arrays, operations
 * numbered job by job in routing order. The classic job shop is the case with one eligible resource
 * per operation. Times are whole time units (minutes, or the instance's units).
 */
import { ShopModelError } from './shop-model-error';

export interface ResourceOption {
  resource: number;
  duration: number;
}

export interface OperationSpec {
  /** Eligible resources, each with its own duration; the first of the shortest is assigned for now. */
  options: ResourceOption[];
}

export interface JobSpec {
  operations: OperationSpec[];
  /** Earliest start of the job's first operation (default 0). */
  release?: number;
  /** Due date of the job's last operation (default: none). */
  due?: number;
  /** Weight for weighted objectives (default 1). */
  weight?: number;
  /** Larger is more urgent for the PRIORITY dispatch rule (default 0). */
  priority?: number;
}

export interface ShopProblem {
  resourceCount: number;
  jobs: JobSpec[];
}

/** Operations numbered 0…opCount−1, job after job, each job's operations in routing order. */
export interface FlatShop {
  readonly jobCount: number;
  readonly machineCount: number;
  readonly opCount: number;
  /** jobFirst[j] … jobFirst[j + 1] − 1 are job j's operations (length jobCount + 1). */
  readonly jobFirst: Int32Array;
  readonly opJob: Int32Array;
  /** The assigned resource and its duration. */
  readonly opMachine: Int32Array;
  readonly opDuration: Int32Array;
  /** Eligible resources: optionFirst[o] … optionFirst[o + 1] − 1 index optionResource/optionDuration. */
  readonly optionFirst: Int32Array;
  readonly optionResource: Int32Array;
  readonly optionDuration: Int32Array;
  readonly release: Int32Array;
  /** Due date per job; +Infinity when none. */
  readonly due: Float64Array;
  readonly weight: Float64Array;
  readonly priority: Float64Array;
}

const MAX_TIME = 2 ** 30;

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIME;
}

/** Checks a problem and lays it out flat; every problem found is listed in the ShopModelError. */
export function flattenShop(problem: ShopProblem): FlatShop {
  const problems: { field: string; message: string }[] = [];
  const m = problem.resourceCount;
  if (!Number.isInteger(m) || m < 1)
    problems.push({ field: 'resourceCount', message: 'must be an integer ≥ 1' });
  const jobCount = problem.jobs.length;
  let opCount = 0;
  let optionCount = 0;
  for (const job of problem.jobs) {
    opCount += job.operations.length;
    for (const op of job.operations) optionCount += op.options.length;
  }
  const jobFirst = new Int32Array(jobCount + 1);
  const opJob = new Int32Array(opCount);
  const opMachine = new Int32Array(opCount);
  const opDuration = new Int32Array(opCount);
  const optionFirst = new Int32Array(opCount + 1);
  const optionResource = new Int32Array(optionCount);
  const optionDuration = new Int32Array(optionCount);
  const release = new Int32Array(jobCount);
  const due = new Float64Array(jobCount);
  const weight = new Float64Array(jobCount);
  const priority = new Float64Array(jobCount);
  let o = 0;
  let k = 0;
  problem.jobs.forEach((job, j) => {
    jobFirst[j] = o;
    const r = job.release ?? 0;
    if (!isTime(r)) problems.push({ field: `jobs[${j}].release`, message: 'must be a whole time ≥ 0' });
    else release[j] = r;
    const d = job.due;
    if (d !== undefined && !isTime(d))
      problems.push({ field: `jobs[${j}].due`, message: 'must be a whole time ≥ 0' });
    due[j] = d ?? Number.POSITIVE_INFINITY;
    const w = job.weight ?? 1;
    if (!Number.isFinite(w) || w < 0)
      problems.push({ field: `jobs[${j}].weight`, message: 'must be a number ≥ 0' });
    weight[j] = w;
    const pr = job.priority ?? 0;
    if (!Number.isFinite(pr))
      problems.push({ field: `jobs[${j}].priority`, message: 'must be a finite number' });
    priority[j] = pr;
    job.operations.forEach((op, i) => {
      optionFirst[o] = k;
      opJob[o] = j;
      if (op.options.length === 0) {
        problems.push({
          field: `jobs[${j}].operations[${i}].options`,
          message: 'needs at least one resource',
        });
      }
      let bestDuration = Number.POSITIVE_INFINITY;
      op.options.forEach((option, e) => {
        const field = `jobs[${j}].operations[${i}].options[${e}]`;
        if (!Number.isInteger(option.resource) || option.resource < 0 || option.resource >= m) {
          problems.push({ field: `${field}.resource`, message: `must be a resource 0…${m - 1}` });
        }
        if (!isTime(option.duration))
          problems.push({ field: `${field}.duration`, message: 'must be a whole time ≥ 0' });
        optionResource[k] = option.resource;
        optionDuration[k] = option.duration;
        if (option.duration < bestDuration) {
          bestDuration = option.duration;
          opMachine[o] = option.resource;
          opDuration[o] = option.duration;
        }
        k++;
      });
      o++;
    });
  });
  jobFirst[jobCount] = o;
  optionFirst[opCount] = k;
  if (problems.length > 0) throw new ShopModelError(problems);
  return {
    jobCount,
    machineCount: m,
    opCount,
    jobFirst,
    opJob,
    opMachine,
    opDuration,
    optionFirst,
    optionResource,
    optionDuration,
    release,
    due,
    weight,
    priority,
  };
}

/** The classic job shop: routing[j] = [[machine, duration], …]. */
export function jobShopProblem(
  machineCount: number,
  routings: readonly (readonly [number, number])[][],
): ShopProblem {
  return {
    resourceCount: machineCount,
    jobs: routings.map((routing) => ({
      operations: routing.map(([resource, duration]) => ({ options: [{ resource, duration }] })),
    })),
  };
}

/**
 * A lower bound on the makespan: the longest job from its release, and per machine the smallest head
 * (release plus the work before the operation in its job) + the machine's load + the smallest tail
 * (the work after the operation in its job).
 */
export function makespanLowerBound(shop: FlatShop): number {
  let bound = 0;
  const head = new Float64Array(shop.opCount);
  const tail = new Float64Array(shop.opCount);
  for (let j = 0; j < shop.jobCount; j++) {
    const first = shop.jobFirst[j] ?? 0;
    const end = shop.jobFirst[j + 1] ?? 0;
    let length = shop.release[j] ?? 0;
    for (let o = first; o < end; o++) {
      head[o] = length;
      length += shop.opDuration[o] ?? 0;
    }
    if (length > bound) bound = length;
    let after = 0;
    for (let o = end - 1; o >= first; o--) {
      tail[o] = after;
      after += shop.opDuration[o] ?? 0;
    }
  }
  const load = new Float64Array(shop.machineCount);
  const minHead = new Float64Array(shop.machineCount).fill(Number.POSITIVE_INFINITY);
  const minTail = new Float64Array(shop.machineCount).fill(Number.POSITIVE_INFINITY);
  for (let o = 0; o < shop.opCount; o++) {
    const machine = shop.opMachine[o] ?? 0;
    load[machine] = (load[machine] ?? 0) + (shop.opDuration[o] ?? 0);
    minHead[machine] = Math.min(minHead[machine] ?? 0, head[o] ?? 0);
    minTail[machine] = Math.min(minTail[machine] ?? 0, tail[o] ?? 0);
  }
  for (let machine = 0; machine < shop.machineCount; machine++) {
    const l = load[machine] ?? 0;
    if (l === 0) continue;
    const b = (minHead[machine] ?? 0) + l + (minTail[machine] ?? 0);
    if (b > bound) bound = b;
  }
  return bound;
}
