/**
 * Constructive schedules, forward in time: Giffler–Thompson active schedule generation, or non-delay
 * generation, choosing among the conflicting operations by a dispatch rule. Release dates are
 * respected; ties go to the lower job number, so the result is deterministic.
 */
import type { FlatShop } from './model';
import type { Random } from './random';

export type DispatchRule = 'SPT' | 'LPT' | 'EDD' | 'CR' | 'PRIORITY' | 'FIFO' | 'MWKR';
export const DISPATCH_RULES: readonly DispatchRule[] = [
  'SPT',
  'LPT',
  'EDD',
  'CR',
  'PRIORITY',
  'FIFO',
  'MWKR',
];

export interface DispatchOptions {
  rule: DispatchRule;
  /** 'active' (Giffler–Thompson, default) or 'non-delay'. */
  generation?: 'active' | 'non-delay';
  /** With a generator, a random choice among the conflict set now and then (diversified starts). */
  random?: Random;
  /** Probability of a random choice when `random` is given (default 0.1). */
  noise?: number;
}

/** A semi-active schedule: start per operation (operation numbering of FlatShop) and the makespan. */
export interface ShopSchedule {
  starts: Int32Array;
  makespan: number;
}

/** Smaller is chosen first. */
function score(
  shop: FlatShop,
  rule: DispatchRule,
  o: number,
  est: number,
  remaining: number,
  ready: number,
): number {
  const j = shop.opJob[o] ?? 0;
  switch (rule) {
    case 'SPT':
      return shop.opDuration[o] ?? 0;
    case 'LPT':
      return -(shop.opDuration[o] ?? 0);
    case 'EDD':
      return shop.due[j] ?? 0;
    case 'CR': {
      const due = shop.due[j] ?? 0;
      if (due === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
      return remaining > 0 ? (due - est) / remaining : due - est;
    }
    case 'PRIORITY':
      return -(shop.priority[j] ?? 0);
    case 'FIFO':
      return ready;
    case 'MWKR':
      return -remaining;
  }
}

export function dispatchSchedule(shop: FlatShop, options: DispatchOptions): ShopSchedule {
  const { rule, random } = options;
  const nonDelay = options.generation === 'non-delay';
  const noise = options.noise ?? 0.1;
  const n = shop.jobCount;
  const next = new Int32Array(n);
  const jobReady = new Float64Array(n);
  const remaining = new Float64Array(n);
  const machineReady = new Float64Array(shop.machineCount);
  for (let j = 0; j < n; j++) {
    next[j] = shop.jobFirst[j] ?? 0;
    jobReady[j] = shop.release[j] ?? 0;
    let work = 0;
    for (let o = shop.jobFirst[j] ?? 0; o < (shop.jobFirst[j + 1] ?? 0); o++) work += shop.opDuration[o] ?? 0;
    remaining[j] = work;
  }
  const starts = new Int32Array(shop.opCount);
  let makespan = 0;
  const conflict: number[] = [];
  for (let scheduled = 0; scheduled < shop.opCount; scheduled++) {
    // The earliest completion (active) or the earliest start (non-delay) among the next operations.
    let bestTime = Number.POSITIVE_INFINITY;
    let bestMachine = -1;
    for (let j = 0; j < n; j++) {
      const o = next[j] ?? 0;
      if (o >= (shop.jobFirst[j + 1] ?? 0)) continue;
      const machine = shop.opMachine[o] ?? 0;
      const est = Math.max(jobReady[j] ?? 0, machineReady[machine] ?? 0);
      const time = nonDelay ? est : est + (shop.opDuration[o] ?? 0);
      if (time < bestTime) {
        bestTime = time;
        bestMachine = machine;
      }
    }
    conflict.length = 0;
    for (let j = 0; j < n; j++) {
      const o = next[j] ?? 0;
      if (o >= (shop.jobFirst[j + 1] ?? 0)) continue;
      const machine = shop.opMachine[o] ?? 0;
      const est = Math.max(jobReady[j] ?? 0, machineReady[machine] ?? 0);
      if (nonDelay ? est === bestTime : machine === bestMachine && est < bestTime) conflict.push(j);
      else if (!nonDelay && machine === bestMachine && est === bestTime && (shop.opDuration[o] ?? 0) === 0)
        conflict.push(j);
    }
    if (conflict.length === 0) {
      // Only zero-duration operations can end where they start; take the first that achieves bestTime.
      for (let j = 0; j < n; j++) {
        const o = next[j] ?? 0;
        if (o < (shop.jobFirst[j + 1] ?? 0) && shop.opMachine[o] === bestMachine) {
          conflict.push(j);
          break;
        }
      }
    }
    let chosen = conflict[0] ?? 0;
    if (random !== undefined && conflict.length > 1 && random.next() < noise) {
      chosen = conflict[random.int(conflict.length)] ?? chosen;
    } else {
      let bestScore = Number.POSITIVE_INFINITY;
      for (const j of conflict) {
        const o = next[j] ?? 0;
        const est = Math.max(jobReady[j] ?? 0, machineReady[shop.opMachine[o] ?? 0] ?? 0);
        const s = score(shop, rule, o, est, remaining[j] ?? 0, jobReady[j] ?? 0);
        if (s < bestScore) {
          bestScore = s;
          chosen = j;
        }
      }
    }
    const o = next[chosen] ?? 0;
    const machine = shop.opMachine[o] ?? 0;
    const start = Math.max(jobReady[chosen] ?? 0, machineReady[machine] ?? 0);
    const end = start + (shop.opDuration[o] ?? 0);
    starts[o] = start;
    jobReady[chosen] = end;
    machineReady[machine] = end;
    remaining[chosen] = (remaining[chosen] ?? 0) - (shop.opDuration[o] ?? 0);
    next[chosen] = o + 1;
    if (end > makespan) makespan = end;
  }
  return { starts, makespan };
}

/** starts per operation → starts[j][i] per job in routing order (the CLI and checker shape). */
export function startsByJob(shop: FlatShop, starts: Int32Array): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < shop.jobCount; j++) {
    out.push(Array.from(starts.subarray(shop.jobFirst[j] ?? 0, shop.jobFirst[j + 1] ?? 0)));
  }
  return out;
}
