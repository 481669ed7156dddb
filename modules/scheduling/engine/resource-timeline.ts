/**
 * Per-resource timelines for the list scheduler: each resource's operations (positive duration only)
 * as a list of operation numbers sorted by time, into which an operation is placed at the earliest
 * feasible moment — into a gap before operations already there (fixed ones included) when it fits,
 * changeovers of both neighbours included — found by binary search and a walk over the gaps.
 */
import { changeover, type FlatPlant } from './plant-model';
import type { PlantTimes } from './plant-schedule';
import type { WorkingCalendar } from './working-calendar';

/** A placement: the changeover and the work, and where it goes in the resource's list. */
export interface Slot {
  setupStart: number;
  start: number;
  end: number;
  setup: number;
  /** Index in the resource's list before which the operation goes. */
  position: number;
  /** The new changeover of the operation after it (−1 when none) and its new changeover start. */
  nextSetup: number;
  nextSetupStart: number;
}

export function emptySlot(): Slot {
  return { setupStart: 0, start: 0, end: 0, setup: 0, position: 0, nextSetup: -1, nextSetupStart: 0 };
}

/**
 * The earliest placement of d > 0 working minutes whose work starts at or after `est`, after a
 * resource that is free from `previousEnd` and needs `setup` working minutes of changeover first
 * (the changeover may run before `est`: it needs the machine, not the material). The changeover ends
 * exactly when the work starts. Returns false beyond the calendar's end (or, for spanBreaks false,
 * when no window is long enough).
 */
export function placeAfter(
  calendar: WorkingCalendar,
  est: number,
  previousEnd: number,
  setup: number,
  d: number,
  span: boolean,
  out: Slot,
): boolean {
  let s = est > previousEnd ? est : previousEnd;
  if (setup > 0) {
    const setupDone = calendar.timeAt(calendar.position(previousEnd) + setup - 1) + 1;
    if (setupDone > s) s = setupDone;
  }
  let end: number;
  if (span) {
    s = calendar.snap(s);
    end = calendar.addWork(s, d);
  } else {
    s = calendar.fit(s, d);
    end = s + d;
  }
  if (!Number.isFinite(end)) return false;
  out.start = s;
  out.end = end;
  out.setup = setup;
  out.setupStart = setup > 0 ? calendar.timeAt(calendar.position(s) - setup) : s;
  return true;
}

export class ResourceTimelines {
  readonly lists: number[][];

  constructor(
    private readonly plant: FlatPlant,
    private readonly times: PlantTimes,
  ) {
    this.lists = Array.from({ length: plant.resourceCount }, () => []);
  }

  private familyOf(o: number): number {
    return this.plant.family[this.plant.opJob[o] ?? 0] ?? -1;
  }

  /** The earliest feasible slot for operation o (d > 0 working minutes) on resource r, work not before est. */
  probe(o: number, r: number, d: number, est: number, out: Slot): boolean {
    const plant = this.plant;
    const list = this.lists[r] ?? [];
    const calendar = plant.calendars[r];
    if (!calendar) return false;
    const end = this.times.end;
    const start = this.times.start;
    const family = this.familyOf(o);
    const span = plant.opSpan[o] === 1;
    // The first operation ending after est: gaps before it cannot hold work starting at est or later.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((end[list[mid] ?? 0] ?? 0) > est) hi = mid;
      else lo = mid + 1;
    }
    for (let k = lo; k <= list.length; k++) {
      const previous = k > 0 ? (list[k - 1] ?? -1) : -1;
      const previousEnd = previous >= 0 ? (end[previous] ?? 0) : 0;
      const previousFamily = previous >= 0 ? this.familyOf(previous) : (plant.initialFamily[r] ?? -1);
      const setup = changeover(plant, r, previousFamily, family);
      if (!placeAfter(calendar, est, previousEnd, setup, d, span, out)) return false;
      out.position = k;
      if (k === list.length) {
        out.nextSetup = -1;
        return true;
      }
      const next = list[k] ?? 0;
      const nextSetup = changeover(plant, r, family, this.familyOf(next));
      const nextStart = start[next] ?? 0;
      const nextSetupStart =
        nextSetup > 0 ? calendar.timeAt(calendar.position(nextStart) - nextSetup) : nextStart;
      if (out.end <= nextSetupStart) {
        out.nextSetup = nextSetup;
        out.nextSetupStart = nextSetupStart;
        return true;
      }
    }
    return false;
  }

  /** Places o on r as probed (the slot must come from probe on the current state). */
  commit(o: number, r: number, option: number, slot: Slot): void {
    const t = this.times;
    t.resource[o] = r;
    t.option[o] = option;
    t.start[o] = slot.start;
    t.end[o] = slot.end;
    t.setup[o] = slot.setup;
    t.setupStart[o] = slot.setupStart;
    const list = this.lists[r] ?? [];
    if (slot.nextSetup >= 0) {
      const next = list[slot.position] ?? 0;
      t.setup[next] = slot.nextSetup;
      t.setupStart[next] = slot.nextSetupStart;
    }
    if (slot.position === list.length) list.push(o);
    else list.splice(slot.position, 0, o);
  }

  /** Appends an operation already timed (fixed operations, in start order). */
  append(o: number, r: number): void {
    this.lists[r]?.push(o);
  }
}
