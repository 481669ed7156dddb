import type { GanttOperation, GanttOrder, GanttResource, GanttView, MoveOperationInput } from '@mes/shared';

/** The pure side of the Gantt: time scale, zoom windows, rows, bar layout, colours, drag → move. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One row per resource (machines, with closed time), or one per work order (with its due date). */
export type GanttMode = 'resource' | 'order';
export const GANTT_MODES: readonly GanttMode[] = ['resource', 'order'];
export type ColourBy = 'order' | 'status' | 'lateness';
export const COLOUR_BYS: readonly ColourBy[] = ['order', 'status', 'lateness'];
/** `all`: the whole schedule; the others show a window of that scale, panned along the span. */
export type Zoom = 'all' | 'hour' | 'day' | 'week';
export const ZOOMS: readonly Zoom[] = ['all', 'hour', 'day', 'week'];

/** How much time a zoom shows at once. */
export const ZOOM_WINDOW: Record<Exclude<Zoom, 'all'>, number> = {
  hour: 12 * HOUR,
  day: 3 * DAY,
  week: 14 * DAY,
};
/** Dropped bars land on multiples of this (local time). */
export const SNAP: Record<Zoom, number> = {
  all: 15 * MINUTE,
  hour: 5 * MINUTE,
  day: 15 * MINUTE,
  week: HOUR,
};

export interface Range {
  from: number;
  to: number;
}

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);
const finite = (values: number[]) => values.filter((v) => Number.isFinite(v));

/**
 * The whole time the chart can show: from the horizon start (or the first setup, if earlier) to the
 * last end, or due date in order mode; a little room after the end, at least an hour in all.
 */
export function ganttSpan(
  view: Pick<GanttView, 'horizonStart' | 'operations' | 'orders'>,
  mode: GanttMode = 'resource',
): Range {
  const starts = finite([ms(view.horizonStart), ...view.operations.map((o) => ms(o.setupStart))]);
  const ends = finite([
    ...view.operations.map((o) => ms(o.end)),
    ...(mode === 'order' ? view.orders.map((o) => ms(o.dueAt)) : []),
  ]);
  const from = starts.length ? Math.min(...starts) : Date.now();
  const last = ends.length ? Math.max(...ends) : from;
  const to = Math.max(from + HOUR, last + Math.max(30 * MINUTE, (last - from) * 0.03));
  return { from, to };
}

/** The window a zoom shows when it starts at `start`, kept inside the span (the span itself for `all`). */
export function zoomWindow(span: Range, zoom: Zoom, start: number = span.from): Range {
  if (zoom === 'all') return { ...span };
  const size = ZOOM_WINDOW[zoom];
  if (size >= span.to - span.from) return { from: span.from, to: span.from + size };
  const from = Math.max(span.from, Math.min(start, span.to - size));
  return { from, to: from + size };
}

export interface TimeScale extends Range {
  width: number;
  /** Pixel of an instant (ms). */
  x: (t: number) => number;
  /** Instant (ms) of a pixel. */
  t: (x: number) => number;
}

export function timeScale(range: Range, width: number): TimeScale {
  const span = Math.max(1, range.to - range.from);
  const w = Math.max(1, width);
  return {
    ...range,
    width: w,
    x: (t) => ((t - range.from) / span) * w,
    t: (x) => range.from + (x / w) * span,
  };
}

export interface Tick {
  t: number;
  x: number;
  label: string;
  /** At a local midnight (shows the date). */
  major: boolean;
}

const TICK_STEPS = [
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];
const pad = (n: number) => String(n).padStart(2, '0');
const dayLabel = (d: Date) => `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const timeLabel = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Local midnight at or before `t`. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Axis ticks at least `minGap` px apart, aligned to local midnight; midnights show the date. */
export function timeTicks(scale: TimeScale, minGap = 64): Tick[] {
  const span = scale.to - scale.from;
  const step =
    TICK_STEPS.find((s) => (s / span) * scale.width >= minGap) ?? TICK_STEPS[TICK_STEPS.length - 1] ?? DAY;
  const ticks: Tick[] = [];
  if (step >= DAY) {
    // Whole local days (DST-safe: step by calendar days).
    const days = Math.round(step / DAY);
    const d = new Date(startOfDay(scale.from));
    while (d.getTime() < scale.from) d.setDate(d.getDate() + 1);
    for (let guard = 0; d.getTime() <= scale.to && guard < 1000; guard += 1) {
      const t = d.getTime();
      ticks.push({ t, x: scale.x(t), label: dayLabel(d), major: true });
      d.setDate(d.getDate() + days);
    }
    return ticks;
  }
  let day = startOfDay(scale.from);
  for (let guard = 0; day <= scale.to && guard < 400; guard += 1) {
    for (let t = day; t < day + DAY + HOUR && t <= scale.to; t += step) {
      const d = new Date(t);
      if (t !== day && d.getHours() === 0 && d.getMinutes() === 0) break; // next local day
      if (t >= scale.from) {
        const major = d.getHours() === 0 && d.getMinutes() === 0;
        ticks.push({ t, x: scale.x(t), label: major ? dayLabel(d) : timeLabel(d), major });
      }
    }
    const next = new Date(day);
    next.setDate(next.getDate() + 1);
    day = next.getTime();
  }
  return ticks;
}

export interface GanttRow {
  key: string;
  label: string;
  sub: string;
  resource?: GanttResource;
  order?: GanttOrder;
}

/**
 * The rows: the resources in the API's order (plus any an operation names that the list lacks), or
 * the work orders by start, then number.
 */
export function ganttRows(
  view: Pick<GanttView, 'resources' | 'operations' | 'orders'>,
  mode: GanttMode,
): GanttRow[] {
  if (mode === 'resource') {
    const rows: GanttRow[] = view.resources.map((r) => ({
      key: r.code,
      label: r.code,
      sub: r.name,
      resource: r,
    }));
    const known = new Set(rows.map((r) => r.key));
    for (const op of view.operations) {
      if (known.has(op.resourceCode)) continue;
      known.add(op.resourceCode);
      rows.push({ key: op.resourceCode, label: op.resourceCode, sub: op.workCenterCode });
    }
    return rows;
  }
  const orders = [...view.orders].sort(
    (a, b) => ms(a.start) - ms(b.start) || a.workOrderNo.localeCompare(b.workOrderNo),
  );
  const rows: GanttRow[] = orders.map((o) => ({
    key: o.workOrderId,
    label: o.workOrderNo,
    sub: `${o.itemCode} ${o.itemName}`.trim(),
    order: o,
  }));
  const known = new Set(rows.map((r) => r.key));
  for (const op of view.operations) {
    if (known.has(op.workOrderId)) continue;
    known.add(op.workOrderId);
    rows.push({ key: op.workOrderId, label: op.workOrderNo, sub: op.itemCode });
  }
  return rows;
}

/** The row of an operation in a mode. */
export const rowKeyOf = (op: Pick<GanttOperation, 'resourceCode' | 'workOrderId'>, mode: GanttMode) =>
  mode === 'resource' ? op.resourceCode : op.workOrderId;

export type OpStatus = 'started' | 'locked' | 'normal';
export const opStatus = (op: Pick<GanttOperation, 'started' | 'locked'>): OpStatus =>
  op.started ? 'started' : op.locked ? 'locked' : 'normal';

export const ORDER_PALETTE = [
  '#409eff',
  '#67c23a',
  '#e6a23c',
  '#9b59b6',
  '#1abc9c',
  '#34495e',
  '#d35400',
  '#2c82c9',
  '#8e44ad',
  '#16a085',
  '#c0392b',
  '#7f8c8d',
] as const;
export const STATUS_COLOURS: Record<OpStatus, string> = {
  started: '#67c23a',
  locked: '#e6a23c',
  normal: '#409eff',
};
export const LATE_COLOURS = { late: '#f56c6c', onTime: '#409eff' } as const;

/** Colour index of each work order: by start, then number (stable across reloads of one schedule). */
export function orderIndexes(orders: readonly Pick<GanttOrder, 'workOrderId' | 'workOrderNo' | 'start'>[]) {
  const sorted = [...orders].sort(
    (a, b) => ms(a.start) - ms(b.start) || a.workOrderNo.localeCompare(b.workOrderNo),
  );
  return new Map(sorted.map((o, i) => [o.workOrderId, i]));
}

export function barColour(
  op: Pick<GanttOperation, 'workOrderId' | 'started' | 'locked' | 'late'>,
  by: ColourBy,
  orderIndex: ReadonlyMap<string, number>,
): string {
  if (by === 'status') return STATUS_COLOURS[opStatus(op)];
  if (by === 'lateness') return op.late ? LATE_COLOURS.late : LATE_COLOURS.onTime;
  const i = orderIndex.get(op.workOrderId);
  let hash = 0;
  if (i === undefined) for (const c of op.workOrderId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return ORDER_PALETTE[(i ?? hash) % ORDER_PALETTE.length] ?? ORDER_PALETTE[0];
}

export interface Geometry {
  rowHeight: number;
  /** Space above and below a bar inside its row. */
  barPad: number;
}
export const GEOMETRY: Geometry = { rowHeight: 34, barPad: 6 };

export interface BarLayout {
  op: GanttOperation;
  row: number;
  /** The whole bar (setup + run), clipped to the window. */
  x: number;
  w: number;
  /** The setup part (setupStart → start), clipped; w 0 without setup. */
  setupX: number;
  setupW: number;
  y: number;
  h: number;
  colour: string;
}

const clip = (scale: TimeScale, a: number, b: number) => {
  const x1 = scale.x(Math.max(a, scale.from));
  const x2 = scale.x(Math.min(b, scale.to));
  return { x: x1, w: Math.max(0, x2 - x1) };
};

/** The bars inside the window (at least 2 px wide, so that short operations can be clicked). */
export function layoutBars(
  operations: readonly GanttOperation[],
  rows: readonly GanttRow[],
  mode: GanttMode,
  scale: TimeScale,
  colourOf: (op: GanttOperation) => string,
  geo: Geometry = GEOMETRY,
): BarLayout[] {
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const bars: BarLayout[] = [];
  for (const op of operations) {
    const row = rowIndex.get(rowKeyOf(op, mode));
    if (row === undefined) continue;
    const setupStart = ms(op.setupStart);
    const begin = Number.isFinite(setupStart) ? Math.min(setupStart, ms(op.start)) : ms(op.start);
    const end = ms(op.end);
    if (!(end > scale.from && begin < scale.to)) continue;
    const whole = clip(scale, begin, end);
    const setup = begin < ms(op.start) ? clip(scale, begin, ms(op.start)) : { x: whole.x, w: 0 };
    bars.push({
      op,
      row,
      x: whole.x,
      w: Math.max(2, whole.w),
      setupX: setup.x,
      setupW: setup.w,
      y: row * geo.rowHeight + geo.barPad,
      h: geo.rowHeight - 2 * geo.barPad,
      colour: colourOf(op),
    });
  }
  return bars;
}

export interface Rect {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Closed time of the resource rows, as grey bands inside the window. */
export function closedRects(rows: readonly GanttRow[], scale: TimeScale, geo: Geometry = GEOMETRY): Rect[] {
  const rects: Rect[] = [];
  rows.forEach((r, i) => {
    for (const c of r.resource?.closed ?? []) {
      const a = ms(c.start);
      const b = ms(c.end);
      if (!(b > scale.from && a < scale.to)) continue;
      const { x, w } = clip(scale, a, b);
      if (w > 0) rects.push({ key: `${r.key}:${c.start}`, x, y: i * geo.rowHeight, w, h: geo.rowHeight });
    }
  });
  return rects;
}

export interface DueMarker {
  key: string;
  x: number;
  y: number;
  h: number;
  late: boolean;
}

/** The due instant of each order row inside the window (order mode). */
export function dueMarkers(
  rows: readonly GanttRow[],
  scale: TimeScale,
  geo: Geometry = GEOMETRY,
): DueMarker[] {
  const marks: DueMarker[] = [];
  rows.forEach((r, i) => {
    const due = ms(r.order?.dueAt);
    if (!r.order || !Number.isFinite(due) || due < scale.from || due > scale.to) return;
    marks.push({
      key: r.key,
      x: scale.x(due),
      y: i * geo.rowHeight + 2,
      h: geo.rowHeight - 4,
      late: r.order.latenessMinutes > 0,
    });
  });
  return marks;
}

/** The row under a y pixel of the chart body; -1 outside. */
export function rowAt(y: number, rowCount: number, geo: Geometry = GEOMETRY): number {
  const i = Math.floor(y / geo.rowHeight);
  return y < 0 || i >= rowCount ? -1 : i;
}

/** The rows (resource mode) an operation may be dropped on: its own and its eligible resources. */
export function eligibleRows(
  op: Pick<GanttOperation, 'resourceCode' | 'eligibleResources'>,
  rows: readonly GanttRow[],
): Set<number> {
  const ok = new Set([op.resourceCode, ...op.eligibleResources]);
  const out = new Set<number>();
  rows.forEach((r, i) => {
    if (r.resource && ok.has(r.key)) out.add(i);
  });
  return out;
}

/** Whether the user may drag an operation: resource mode, not started on the floor. */
export const canDrag = (op: Pick<GanttOperation, 'started'>, mode: GanttMode) =>
  mode === 'resource' && !op.started;

/** An instant rounded to the nearest multiple of `snap` (local time: whole minutes from local midnight). */
export function snapTime(t: number, snap: number): number {
  if (snap <= 0) return t;
  const day = startOfDay(t);
  return day + Math.round((t - day) / snap) * snap;
}

export type DragOutcome =
  | { kind: 'move'; input: MoveOperationInput }
  | { kind: 'none' }
  | { kind: 'ineligible'; resourceCode: string };

/**
 * What dropping a bar does: its start shifted by the time dragged (snapped), and in resource mode
 * the row it was dropped on as the new resource when that differs — refused when the operation
 * cannot run there; nothing when neither changed.
 */
export function dragOutcome(
  op: Pick<GanttOperation, 'start' | 'resourceCode' | 'eligibleResources'>,
  deltaMs: number,
  snap: number,
  target: GanttRow | undefined,
  mode: GanttMode,
): DragOutcome {
  const start = ms(op.start);
  const next = snapTime(start + deltaMs, snap);
  const moved = Math.abs(next - start) >= Math.min(snap, MINUTE) && next !== start;
  let resourceCode: string | undefined;
  if (mode === 'resource' && target?.resource && target.key !== op.resourceCode) {
    if (!op.eligibleResources.includes(target.key)) return { kind: 'ineligible', resourceCode: target.key };
    resourceCode = target.key;
  }
  if (!moved && !resourceCode) return { kind: 'none' };
  return {
    kind: 'move',
    input: { start: new Date(moved ? next : start).toISOString(), ...(resourceCode ? { resourceCode } : {}) },
  };
}

/** The request of the side panel's form: the picked start, and the resource when it changed. */
export function formMove(
  op: Pick<GanttOperation, 'resourceCode' | 'eligibleResources'>,
  start: Date | string | null,
  resourceCode: string,
): MoveOperationInput | null {
  const t = start instanceof Date ? start.getTime() : ms(start);
  if (!Number.isFinite(t)) return null;
  const other = resourceCode && resourceCode !== op.resourceCode ? resourceCode : undefined;
  if (other && !op.eligibleResources.includes(other)) return null;
  return { start: new Date(t).toISOString(), ...(other ? { resourceCode: other } : {}) };
}

/** Minutes late of the operation's work order (0 on time or unknown). */
export function lateMinutesOf(
  op: Pick<GanttOperation, 'workOrderId'>,
  orders: readonly GanttOrder[],
): number {
  return orders.find((o) => o.workOrderId === op.workOrderId)?.latenessMinutes ?? 0;
}

/** Late orders, latest first, for the 延期订单 table. */
export const lateOrders = (orders: readonly GanttOrder[]) =>
  orders.filter((o) => o.latenessMinutes > 0).sort((a, b) => b.latenessMinutes - a.latenessMinutes);

/** Utilisation bars per resource, busiest first (0…1 clamped). */
export function utilisationBars(resources: readonly GanttResource[]) {
  return [...resources]
    .map((r) => ({
      code: r.code,
      name: r.name,
      value: Math.max(0, Math.min(1, r.utilisation || 0)),
      busy: r.busyMinutes,
      available: r.availableMinutes,
    }))
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
}

/**
 * The resources worth a row: those with an operation, or that an operation may move to (so that
 * dragging still finds them); the others only lengthen the chart.
 */
export function usedResources(view: Pick<GanttView, 'resources' | 'operations'>): GanttResource[] {
  const used = new Set<string>();
  for (const op of view.operations) {
    used.add(op.resourceCode);
    for (const r of op.eligibleResources) used.add(r);
  }
  return view.resources.filter((r) => used.has(r.code));
}
