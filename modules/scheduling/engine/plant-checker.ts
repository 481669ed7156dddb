/**
 * The plant schedule checker: every operation once, on an eligible resource, frozen ones as frozen,
 * release dates, job precedence with its lag, links between jobs, no overlap of [setupStart, end) on a
 * resource, calendars (work and changeover only inside windows, the working minutes from start to end
 * equal to the duration, spanBreaks false inside one window), changeovers at least what the previous
 * operation on the resource requires. Returns every violation found (at most 100; empty = valid).
 */
import { changeover, flattenPlant, type FlatPlant, type PlantProblem } from './plant-model';
import type { ScheduledOperation } from './plant-schedule';
import type { Violation, ViolationKind } from './schedule-checker';

const MAX_LISTED = 100;

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function checkPlantSchedule(
  problem: PlantProblem,
  operations: readonly (readonly ScheduledOperation[])[],
): Violation[] {
  return checkFlatPlantSchedule(flattenPlant(problem), operations);
}

export function checkFlatPlantSchedule(
  plant: FlatPlant,
  operations: readonly (readonly ScheduledOperation[])[],
): Violation[] {
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, message: string): void => {
    if (violations.length < MAX_LISTED) violations.push({ kind, message });
  };
  if (operations.length !== plant.jobCount) {
    add('shape', `${operations.length} jobs scheduled, the problem has ${plant.jobCount}`);
  }
  const n = plant.opCount;
  const placed: (ScheduledOperation | undefined)[] = new Array<ScheduledOperation | undefined>(n);
  const duration = new Float64Array(n);
  for (let j = 0; j < plant.jobCount; j++) {
    const first = plant.jobFirst[j] ?? 0;
    const count = (plant.jobFirst[j + 1] ?? 0) - first;
    const ops = operations[j] ?? [];
    if (ops.length !== count) add('shape', `job ${j}: ${ops.length} operations scheduled, it has ${count}`);
    for (let i = 0; i < Math.min(count, ops.length); i++) {
      const op = ops[i];
      if (!op) continue;
      const name = `job ${j} operation ${i}`;
      if (op.job !== j || op.index !== i) {
        add('shape', `${name} is stated as job ${op.job} operation ${op.index}`);
      }
      if (
        ![op.start, op.end, op.setup, op.setupStart].every(isTime) ||
        op.end < op.start ||
        op.setupStart > op.start
      ) {
        add(
          'start',
          `${name}: setupStart ${op.setupStart}, start ${op.start}, end ${op.end}, setup ${op.setup} must be whole minutes ≥ 0 with setupStart ≤ start ≤ end`,
        );
        continue;
      }
      const o = first + i;
      let d = -1;
      for (let k = plant.optionFirst[o] ?? 0; k < (plant.optionFirst[o + 1] ?? 0); k++) {
        if (plant.optionResource[k] === op.resource) {
          d = plant.optionDuration[k] ?? 0;
          break;
        }
      }
      if (d < 0) {
        add('resource', `${name}: resource ${op.resource} is not eligible`);
        continue;
      }
      placed[o] = op;
      duration[o] = d;
      const fixedOption = plant.opFixedOption[o] ?? -1;
      if (fixedOption >= 0) {
        const r = plant.optionResource[fixedOption] ?? 0;
        const s = plant.opFixedStart[o] ?? 0;
        if (op.resource !== r || op.start !== s)
          add(
            'fixed',
            `${name} is frozen on resource ${r} at ${s}, scheduled on ${op.resource} at ${op.start}`,
          );
      }
      checkCalendar(plant, o, op, d, name, add);
      if (i === 0 && op.start < (plant.release[j] ?? 0)) {
        add('release', `${name} starts at ${op.start}, before the job's release ${plant.release[j] ?? 0}`);
      }
      const previous = i > 0 ? placed[o - 1] : undefined;
      if (previous) {
        const ready = previous.end + (plant.opLag[o] ?? 0);
        if (op.start < ready)
          add(
            'precedence',
            `${name} starts at ${op.start}, before operation ${i - 1} ends + lag at ${ready}`,
          );
      }
    }
  }
  checkLinks(plant, placed, add);
  checkResources(plant, placed, duration, add);
  return violations;
}

function checkCalendar(
  plant: FlatPlant,
  o: number,
  op: ScheduledOperation,
  d: number,
  name: string,
  add: (kind: ViolationKind, message: string) => void,
): void {
  const calendar = plant.calendars[op.resource];
  if (!calendar) return;
  if (d === 0) {
    if (op.end !== op.start) add('calendar', `${name}: zero duration but runs from ${op.start} to ${op.end}`);
    if (op.setup !== 0)
      add('setup', `${name}: a zero-duration operation takes no changeover, stated ${op.setup}`);
    return;
  }
  if (!calendar.isWorking(op.start))
    add('calendar', `${name}: starts at ${op.start}, outside the working windows`);
  const work = calendar.workBetween(op.start, op.end);
  if (work !== d || calendar.addWork(op.start, d) !== op.end)
    add('calendar', `${name}: ${work} working minutes from ${op.start} to ${op.end}, its duration is ${d}`);
  if (plant.opSpan[o] === 0) {
    const k = calendar.windowOf(op.start);
    if (k < 0 || op.end > (calendar.ends[k] ?? 0))
      add('calendar', `${name}: may not span breaks but [${op.start}, ${op.end}] is not inside one window`);
  }
  if (op.setup > 0) {
    if (!calendar.isWorking(op.setupStart))
      add('calendar', `${name}: changeover starts at ${op.setupStart}, outside the working windows`);
    const setupWork = calendar.workBetween(op.setupStart, op.start);
    if (setupWork < op.setup)
      add(
        'setup',
        `${name}: changeover of ${op.setup} minutes has ${setupWork} working minutes before the start`,
      );
  }
}

function checkLinks(
  plant: FlatPlant,
  placed: readonly (ScheduledOperation | undefined)[],
  add: (kind: ViolationKind, message: string) => void,
): void {
  for (let j = 0; j < plant.jobCount; j++) {
    const first = plant.jobFirst[j] ?? 0;
    if (first === plant.jobFirst[j + 1]) continue;
    const op = placed[first];
    if (!op) continue;
    for (let k = plant.linkBeforeFirst[j] ?? 0; k < (plant.linkBeforeFirst[j + 1] ?? 0); k++) {
      const b = plant.linkBefore[k] ?? 0;
      const last = (plant.jobFirst[b + 1] ?? 0) - 1;
      const end = last >= (plant.jobFirst[b] ?? 0) ? placed[last]?.end : undefined;
      if (end !== undefined && op.start < end)
        add('link', `job ${j} starts at ${op.start}, before the linked job ${b} ends at ${end}`);
    }
  }
}

function checkResources(
  plant: FlatPlant,
  placed: readonly (ScheduledOperation | undefined)[],
  duration: Float64Array,
  add: (kind: ViolationKind, message: string) => void,
): void {
  const ops: number[] = [];
  for (let o = 0; o < plant.opCount; o++) if (placed[o] && (duration[o] ?? 0) > 0) ops.push(o);
  const at = (o: number): ScheduledOperation => placed[o] as ScheduledOperation;
  ops.sort(
    (a, b) =>
      at(a).resource - at(b).resource || at(a).setupStart - at(b).setupStart || at(a).start - at(b).start,
  );
  let previous = -1;
  for (const o of ops) {
    const op = at(o);
    const j = plant.opJob[o] ?? 0;
    const name = `job ${j} operation ${o - (plant.jobFirst[j] ?? 0)}`;
    const r = op.resource;
    const prev = previous >= 0 && at(previous).resource === r ? at(previous) : undefined;
    const fromFamily = prev ? (plant.family[prev.job] ?? -1) : (plant.initialFamily[r] ?? -1);
    const need = changeover(plant, r, fromFamily, plant.family[j] ?? -1);
    if (op.setup < need)
      add(
        'setup',
        `${name} on resource ${r}: changeover ${op.setup}, ${need} needed after ${prev ? `job ${prev.job}` : 'the initial family'}`,
      );
    if (prev && prev.end > op.setupStart)
      add(
        'overlap',
        `resource ${r}: job ${prev.job} operation ${prev.index} [${prev.setupStart}, ${prev.end}) overlaps ${name} [${op.setupStart}, ${op.end})`,
      );
    previous = o;
  }
}
