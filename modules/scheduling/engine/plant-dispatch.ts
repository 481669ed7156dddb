/**
 * The constructive plant scheduler: a calendar-aware serial schedule-generation scheme. Frozen
 * operations are placed first; then, repeatedly, the ready operation that ranks first by the rule (an
 * operation is ready when its job predecessor is placed, or — the first one — when the jobs linked
 * before it are finished) goes on the eligible resource where it ends earliest (ties: lower resource
 * number), at the earliest feasible time there: inside the calendar, after its changeover, into a gap
 * before operations already placed when it fits (ResourceTimelines).
 */
import { OperationHeap } from './operation-heap';
import { changeover, type FlatPlant } from './plant-model';
import { emptyTimes, type PlantTimes } from './plant-schedule';
import { emptySlot, ResourceTimelines } from './resource-timeline';
import { ShopModelError } from './shop-model-error';

export type PlantRule = 'EDD' | 'SPT' | 'CR' | 'PRIORITY' | 'FIFO';

export const PLANT_RULES: readonly PlantRule[] = ['EDD', 'SPT', 'CR', 'PRIORITY', 'FIFO'];

export interface ListScheduleOptions {
  rule: PlantRule;
  /**
   * Backward repair: per operation its latest start from the backward pass — the primary key (earliest
   * first); the rule breaks ties.
   */
  latestStart?: Float64Array;
  /** The backward pass itself: the earliest ready time first, the rule's job-level key breaks ties. */
  byReadyTime?: boolean;
}

/** Work (shortest options) from each operation to the end of its job, the operation included. */
export function remainingWork(plant: FlatPlant): Float64Array {
  const remaining = new Float64Array(plant.opCount);
  for (let j = 0; j < plant.jobCount; j++) {
    let sum = 0;
    for (let o = (plant.jobFirst[j + 1] ?? 0) - 1; o >= (plant.jobFirst[j] ?? 0); o--) {
      sum += plant.opMinDuration[o] ?? 0;
      remaining[o] = sum;
    }
  }
  return remaining;
}

/** A rule's rank of a ready operation (smaller first), given when it could start at the earliest. */
export function ruleKey(
  plant: FlatPlant,
  rule: PlantRule,
  o: number,
  est: number,
  remaining: Float64Array,
): number {
  const j = plant.opJob[o] ?? 0;
  const due = plant.due[j] ?? Number.POSITIVE_INFINITY;
  switch (rule) {
    case 'EDD':
      return due;
    case 'SPT':
      return plant.opMinDuration[o] ?? 0;
    case 'CR':
      return Number.isFinite(due) ? (due - est) / Math.max(1, remaining[o] ?? 0) : Number.POSITIVE_INFINITY;
    case 'PRIORITY':
      return -(plant.priority[j] ?? 0);
    case 'FIFO':
      return est;
  }
}

/** The secondary key: the ready time, except for PRIORITY (due date) and FIFO (due date). */
function ruleTieKey(plant: FlatPlant, rule: PlantRule, o: number, est: number): number {
  return rule === 'PRIORITY' || rule === 'FIFO' ? (plant.due[plant.opJob[o] ?? 0] ?? 0) : est;
}

/** Places the frozen operations as they are, with their changeovers from the previous frozen one. */
function placeFixed(plant: FlatPlant, times: PlantTimes, timelines: ResourceTimelines): void {
  const fixed: number[] = [];
  for (let o = 0; o < plant.opCount; o++) if ((plant.opFixedOption[o] ?? -1) >= 0) fixed.push(o);
  fixed.sort(
    (a, b) =>
      (plant.optionResource[plant.opFixedOption[a] ?? 0] ?? 0) -
        (plant.optionResource[plant.opFixedOption[b] ?? 0] ?? 0) ||
      (plant.opFixedStart[a] ?? 0) - (plant.opFixedStart[b] ?? 0),
  );
  let lastResource = -1;
  let previousFamily = -1;
  for (const o of fixed) {
    const option = plant.opFixedOption[o] ?? 0;
    const r = plant.optionResource[option] ?? 0;
    const d = plant.optionDuration[option] ?? 0;
    const start = plant.opFixedStart[o] ?? 0;
    const calendar = plant.calendars[r];
    times.resource[o] = r;
    times.option[o] = option;
    times.start[o] = start;
    times.setupStart[o] = start;
    times.setup[o] = 0;
    if (d === 0 || !calendar) {
      times.end[o] = start;
      continue;
    }
    if (r !== lastResource) {
      lastResource = r;
      previousFamily = plant.initialFamily[r] ?? -1;
    }
    const family = plant.family[plant.opJob[o] ?? 0] ?? -1;
    const setup = changeover(plant, r, previousFamily, family);
    times.end[o] = plant.opSpan[o] === 1 ? calendar.addWork(start, d) : start + d;
    times.setup[o] = setup;
    times.setupStart[o] = setup > 0 ? calendar.timeAt(calendar.position(start) - setup) : start;
    previousFamily = family;
    timelines.append(o, r);
  }
}

/** A constructive schedule (see the file comment). Throws ShopModelError when a calendar ends too soon. */
export function listSchedule(plant: FlatPlant, options: ListScheduleOptions): PlantTimes {
  const n = plant.opCount;
  const times = emptyTimes(n);
  const timelines = new ResourceTimelines(plant, times);
  placeFixed(plant, times, timelines);
  const remaining = remainingWork(plant);
  const est = new Float64Array(n);
  const key1 = new Float64Array(n);
  const key2 = new Float64Array(n);
  const heap = new OperationHeap(n, key1, key2);
  const rule = options.rule;
  const latestStart = options.latestStart;
  const jobKey = options.byReadyTime ? jobLevelKeys(plant, rule, remaining) : null;
  const linksLeft = new Int32Array(plant.jobCount);
  const linkReady = new Float64Array(plant.jobCount);
  /** Work list: op numbers ≥ 0 are placed operations to follow up, ~j are jobs whose links are met. */
  const stack: number[] = [];
  for (let j = 0; j < plant.jobCount; j++) {
    linksLeft[j] = (plant.linkBeforeFirst[j + 1] ?? 0) - (plant.linkBeforeFirst[j] ?? 0);
    if (linksLeft[j] === 0) stack.push(~j);
  }
  const makeReady = (o: number, t: number): void => {
    est[o] = t;
    if ((plant.opFixedOption[o] ?? -1) >= 0) {
      stack.push(o);
      return;
    }
    if (jobKey) {
      key1[o] = t;
      key2[o] = jobKey[plant.opJob[o] ?? 0] ?? 0;
    } else if (latestStart) {
      key1[o] = latestStart[o] ?? 0;
      key2[o] = ruleKey(plant, rule, o, t, remaining);
    } else {
      key1[o] = ruleKey(plant, rule, o, t, remaining);
      key2[o] = ruleTieKey(plant, rule, o, t);
    }
    heap.push(o);
  };
  const finishJob = (j: number, t: number): void => {
    for (let k = plant.linkAfterFirst[j] ?? 0; k < (plant.linkAfterFirst[j + 1] ?? 0); k++) {
      const a = plant.linkAfter[k] ?? 0;
      if (t > (linkReady[a] ?? 0)) linkReady[a] = t;
      linksLeft[a] = (linksLeft[a] ?? 0) - 1;
      if (linksLeft[a] === 0) stack.push(~a);
    }
  };
  const drain = (): void => {
    while (stack.length > 0) {
      const x = stack.pop() ?? 0;
      if (x < 0) {
        const j = ~x;
        const first = plant.jobFirst[j] ?? 0;
        const t = Math.max(plant.release[j] ?? 0, linkReady[j] ?? 0);
        if (first === plant.jobFirst[j + 1]) finishJob(j, t);
        else makeReady(first, t);
        continue;
      }
      const j = plant.opJob[x] ?? 0;
      if (x + 1 < (plant.jobFirst[j + 1] ?? 0))
        makeReady(x + 1, (times.end[x] ?? 0) + (plant.opLag[x + 1] ?? 0));
      else finishJob(j, times.end[x] ?? 0);
    }
  };
  drain();
  let slot = emptySlot();
  let best = emptySlot();
  while (heap.length > 0) {
    const o = heap.pop();
    const t = est[o] ?? 0;
    let bestOption = -1;
    let bestResource = -1;
    for (let k = plant.optionFirst[o] ?? 0; k < (plant.optionFirst[o + 1] ?? 0); k++) {
      const r = plant.optionResource[k] ?? 0;
      const d = plant.optionDuration[k] ?? 0;
      if (d === 0) {
        slot.start = t;
        slot.end = t;
        slot.setup = 0;
        slot.setupStart = t;
        slot.position = -1;
      } else if (!timelines.probe(o, r, d, t, slot)) continue;
      if (bestOption < 0 || slot.end < best.end || (slot.end === best.end && r < bestResource)) {
        const swap = best;
        best = slot;
        slot = swap;
        bestOption = k;
        bestResource = r;
      }
    }
    if (bestOption < 0) throw calendarTooShort(plant, o);
    if (best.position < 0) {
      times.resource[o] = bestResource;
      times.option[o] = bestOption;
      times.start[o] = best.start;
      times.end[o] = best.end;
      times.setup[o] = 0;
      times.setupStart[o] = best.start;
    } else timelines.commit(o, bestResource, bestOption, best);
    stack.push(o);
    drain();
  }
  return times;
}

/** The error when no eligible resource's calendar reaches far enough for operation o. */
export function calendarTooShort(plant: FlatPlant, o: number): ShopModelError {
  const details: { field: string; message: string }[] = [];
  for (let k = plant.optionFirst[o] ?? 0; k < (plant.optionFirst[o + 1] ?? 0); k++) {
    const r = plant.optionResource[k] ?? 0;
    const d = plant.optionDuration[k] ?? 0;
    const calendar = plant.calendars[r];
    if (!calendar || calendar.windowCount === 0) continue;
    if (plant.opSpan[o] === 0 && d > calendar.longest) continue;
    if (!details.some((x) => x.field === `resources[${r}].windows`))
      details.push({ field: `resources[${r}].windows`, message: 'calendar ends before the work fits' });
  }
  if (details.length === 0) {
    const j = plant.opJob[o] ?? 0;
    details.push({
      field: `jobs[${j}].operations[${o - (plant.jobFirst[j] ?? 0)}]`,
      message: 'calendar ends before the work fits',
    });
  }
  return new ShopModelError(details);
}

/** Job-level rule keys for the backward pass's tie-breaks. */
function jobLevelKeys(plant: FlatPlant, rule: PlantRule, remaining: Float64Array): Float64Array {
  const keys = new Float64Array(plant.jobCount);
  for (let j = 0; j < plant.jobCount; j++) {
    const first = plant.jobFirst[j] ?? 0;
    const work = first < (plant.jobFirst[j + 1] ?? 0) ? (remaining[first] ?? 0) : 0;
    const due = plant.due[j] ?? Number.POSITIVE_INFINITY;
    switch (rule) {
      case 'EDD':
        keys[j] = -(Number.isFinite(due) ? due : 2 ** 40);
        break;
      case 'SPT':
        keys[j] = -work;
        break;
      case 'CR':
        keys[j] = Number.isFinite(due) ? -due / Math.max(1, work) : Number.NEGATIVE_INFINITY;
        break;
      case 'PRIORITY':
        keys[j] = plant.priority[j] ?? 0;
        break;
      case 'FIFO':
        keys[j] = -(plant.release[j] ?? 0);
        break;
    }
  }
  return keys;
}
