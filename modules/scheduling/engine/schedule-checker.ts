/**
 * The validity checker: every operation scheduled once, precedence within jobs, no overlap on a
 * resource, durations, eligible resources, release dates, the claimed makespan. Returns every
 * violation found (empty = valid); every test runs it on every schedule the engine returns.
 * Calendars come with the scheduling module.
 */
import type { FlatShop } from './model';

export type ViolationKind =
  | 'shape'
  | 'start'
  | 'release'
  | 'precedence'
  | 'overlap'
  | 'duration'
  | 'resource'
  | 'makespan'
  // The plant checker's kinds (plant-checker.ts).
  | 'calendar'
  | 'setup'
  | 'fixed'
  | 'link';

export interface Violation {
  kind: ViolationKind;
  message: string;
}

export interface ScheduleToCheck {
  /** starts[j][i]: start of job j's i-th operation. */
  starts: readonly (readonly number[])[];
  /** ends[j][i], when the schedule states them; otherwise start + duration of the resource. */
  ends?: readonly (readonly number[])[];
  /** resources[j][i], when the schedule states them; otherwise the assigned resource. */
  resources?: readonly (readonly number[])[];
  makespan?: number;
}

const MAX_LISTED = 100;

export function checkSchedule(shop: FlatShop, schedule: ScheduleToCheck): Violation[] {
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, message: string): void => {
    if (violations.length < MAX_LISTED) violations.push({ kind, message });
  };
  if (schedule.starts.length !== shop.jobCount) {
    add('shape', `${schedule.starts.length} jobs scheduled, the problem has ${shop.jobCount}`);
  }
  const start = new Float64Array(shop.opCount).fill(Number.NaN);
  const end = new Float64Array(shop.opCount).fill(Number.NaN);
  const resource = new Int32Array(shop.opCount).fill(-1);
  for (let j = 0; j < shop.jobCount; j++) {
    const first = shop.jobFirst[j] ?? 0;
    const count = (shop.jobFirst[j + 1] ?? 0) - first;
    const starts = schedule.starts[j] ?? [];
    if (starts.length !== count)
      add('shape', `job ${j}: ${starts.length} operations scheduled, it has ${count}`);
    for (let i = 0; i < count; i++) {
      const o = first + i;
      const s = starts[i];
      if (s === undefined) continue;
      if (typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
        add('start', `job ${j} operation ${i}: start ${String(s)} is not a whole time ≥ 0`);
        continue;
      }
      let r = shop.opMachine[o] ?? 0;
      let duration = shop.opDuration[o] ?? 0;
      const stated = schedule.resources?.[j]?.[i];
      if (stated !== undefined) {
        let eligible = false;
        for (let k = shop.optionFirst[o] ?? 0; k < (shop.optionFirst[o + 1] ?? 0); k++) {
          if (shop.optionResource[k] === stated) {
            eligible = true;
            r = stated;
            duration = shop.optionDuration[k] ?? 0;
            break;
          }
        }
        if (!eligible) add('resource', `job ${j} operation ${i}: resource ${stated} is not eligible`);
      }
      const e = schedule.ends?.[j]?.[i] ?? s + duration;
      if (e - s !== duration)
        add(
          'duration',
          `job ${j} operation ${i}: runs ${e - s}, its duration on resource ${r} is ${duration}`,
        );
      start[o] = s;
      end[o] = e;
      resource[o] = r;
      if (i === 0 && s < (shop.release[j] ?? 0)) {
        add(
          'release',
          `job ${j} operation 0 starts at ${s}, before the job's release ${shop.release[j] ?? 0}`,
        );
      }
      if (i > 0) {
        const previous = end[o - 1] ?? Number.NaN;
        if (previous > s)
          add(
            'precedence',
            `job ${j} operation ${i} starts at ${s}, before operation ${i - 1} ends at ${previous}`,
          );
      }
    }
  }
  // Overlaps: per resource, operations sorted by start; each must start at or after the previous end.
  const ops: number[] = [];
  for (let o = 0; o < shop.opCount; o++) if ((resource[o] ?? -1) >= 0) ops.push(o);
  ops.sort(
    (a, b) =>
      (resource[a] ?? 0) - (resource[b] ?? 0) ||
      (start[a] ?? 0) - (start[b] ?? 0) ||
      (end[a] ?? 0) - (end[b] ?? 0),
  );
  let latest = -1;
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k] ?? 0;
    const previous = k > 0 ? (ops[k - 1] ?? 0) : -1;
    if (previous < 0 || resource[previous] !== resource[o]) latest = -1;
    const s = start[o] ?? 0;
    if (latest >= 0 && (end[latest] ?? 0) > s && (end[o] ?? 0) > s) {
      add(
        'overlap',
        `resource ${resource[o] ?? 0}: ${describe(shop, latest)} [${start[latest] ?? 0}, ${end[latest] ?? 0}) overlaps ${describe(shop, o)} [${s}, ${end[o] ?? 0})`,
      );
    }
    if (latest < 0 || (end[o] ?? 0) > (end[latest] ?? 0)) latest = o;
  }
  if (schedule.makespan !== undefined) {
    let makespan = 0;
    for (let o = 0; o < shop.opCount; o++) if ((end[o] ?? 0) > makespan) makespan = end[o] ?? 0;
    if (makespan !== schedule.makespan)
      add('makespan', `makespan stated ${schedule.makespan}, the operations end at ${makespan}`);
  }
  return violations;
}

function describe(shop: FlatShop, o: number): string {
  const j = shop.opJob[o] ?? 0;
  return `job ${j} operation ${o - (shop.jobFirst[j] ?? 0)}`;
}
