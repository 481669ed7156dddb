/**
 * The backward strategy: the plant mirrored in time (t → H − t: calendars reversed, routings reversed,
 * links reversed, due dates become releases) is scheduled forward by the list scheduler, which is
 * scheduling the original backwards from its due dates — each job as late as its due date and the
 * capacity allow. The mirrored ends are the original latest starts; a forward pass then takes them as
 * priorities (earliest latest start first), so the result is always feasible and forward-valid.
 * Changeovers and frozen operations are left to the forward pass.
 */
import { listSchedule, type PlantRule } from './plant-dispatch';
import type { FlatPlant } from './plant-model';
import type { PlantTimes } from './plant-schedule';
import { ALWAYS_END, WorkingCalendar } from './working-calendar';

/** The mirror horizon: the latest due date, window end or release. */
function horizonOf(plant: FlatPlant): number {
  let h = 0;
  for (let j = 0; j < plant.jobCount; j++) {
    const due = plant.due[j] ?? 0;
    if (Number.isFinite(due) && due > h) h = due;
    if ((plant.release[j] ?? 0) > h) h = plant.release[j] ?? 0;
  }
  for (const calendar of plant.calendars) {
    if (calendar.lastEnd < ALWAYS_END && calendar.lastEnd > h) h = calendar.lastEnd;
  }
  return h;
}

function mirrorCalendar(calendar: WorkingCalendar, h: number): WorkingCalendar {
  if (calendar.windowCount === 0) return calendar;
  if (calendar.lastEnd >= ALWAYS_END) return WorkingCalendar.always();
  const windows: [number, number][] = [];
  for (let k = calendar.windowCount - 1; k >= 0; k--) {
    windows.push([h - (calendar.ends[k] ?? 0), h - (calendar.starts[k] ?? 0)]);
  }
  // Beyond the mirrored horizon lies the original's past: open, so that late jobs still get a rank.
  windows.push([h, ALWAYS_END]);
  return new WorkingCalendar(windows);
}

export function mirrorPlant(plant: FlatPlant): { mirror: FlatPlant; horizon: number; original: Int32Array } {
  const h = horizonOf(plant);
  const n = plant.opCount;
  const original = new Int32Array(n);
  const optionFirst = new Int32Array(n + 1);
  const optionResource = new Int32Array(plant.optionResource.length);
  const optionDuration = new Int32Array(plant.optionDuration.length);
  const opSpan = new Uint8Array(n);
  const opLag = new Int32Array(n);
  const opMinDuration = new Int32Array(n);
  let k = 0;
  for (let j = 0; j < plant.jobCount; j++) {
    const first = plant.jobFirst[j] ?? 0;
    const last = (plant.jobFirst[j + 1] ?? 0) - 1;
    for (let m = first; m <= last; m++) {
      const o = last - (m - first);
      original[m] = o;
      optionFirst[m] = k;
      for (let q = plant.optionFirst[o] ?? 0; q < (plant.optionFirst[o + 1] ?? 0); q++) {
        optionResource[k] = plant.optionResource[q] ?? 0;
        optionDuration[k] = plant.optionDuration[q] ?? 0;
        k++;
      }
      opSpan[m] = plant.opSpan[o] ?? 1;
      opLag[m] = m > first ? (plant.opLag[o + 1] ?? 0) : 0;
      opMinDuration[m] = plant.opMinDuration[o] ?? 0;
    }
  }
  optionFirst[n] = k;
  const release = new Int32Array(plant.jobCount);
  for (let j = 0; j < plant.jobCount; j++) {
    const due = plant.due[j] ?? Number.POSITIVE_INFINITY;
    release[j] = Number.isFinite(due) ? Math.max(0, h - due) : 0;
  }
  const mirror: FlatPlant = {
    ...plant,
    optionFirst,
    optionResource,
    optionDuration,
    opSpan,
    opLag,
    opFixedOption: new Int32Array(n).fill(-1),
    opFixedStart: new Float64Array(n),
    opMinDuration,
    release,
    family: new Int32Array(plant.jobCount).fill(-1),
    linkBeforeFirst: plant.linkAfterFirst,
    linkBefore: plant.linkAfter,
    linkAfterFirst: plant.linkBeforeFirst,
    linkAfter: plant.linkBefore,
    calendars: plant.calendars.map((c) => mirrorCalendar(c, h)),
    setupMatrix: plant.calendars.map(() => null),
    setupSize: new Int32Array(plant.resourceCount),
    initialFamily: new Int32Array(plant.resourceCount).fill(-1),
  };
  return { mirror, horizon: h, original };
}

/** Latest starts per operation from the backward (mirrored) pass. */
export function latestStarts(plant: FlatPlant, rule: PlantRule): Float64Array {
  const { mirror, horizon, original } = mirrorPlant(plant);
  const times = listSchedule(mirror, { rule, byReadyTime: true });
  const latest = new Float64Array(plant.opCount);
  for (let m = 0; m < plant.opCount; m++) latest[original[m] ?? 0] = horizon - (times.end[m] ?? 0);
  return latest;
}

/** The backward strategy: latest starts, then the forward repair pass ranked by them. */
export function backwardSchedule(plant: FlatPlant, rule: PlantRule): PlantTimes {
  return listSchedule(plant, { rule, latestStart: latestStarts(plant, rule) });
}
