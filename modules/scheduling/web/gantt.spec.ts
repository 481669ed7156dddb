import { describe, expect, it } from 'vitest';
import type { GanttOperation, GanttOrder, GanttResource, GanttView } from '@mes/shared';
import {
  DAY,
  HOUR,
  MINUTE,
  barColour,
  canDrag,
  closedRects,
  dragOutcome,
  dueMarkers,
  eligibleRows,
  formMove,
  ganttRows,
  ganttSpan,
  layoutBars,
  lateOrders,
  orderIndexes,
  rowAt,
  snapTime,
  timeScale,
  timeTicks,
  usedResources,
  utilisationBars,
  zoomWindow,
  LATE_COLOURS,
  ORDER_PALETTE,
  STATUS_COLOURS,
} from './gantt';

/** Local 2026-11-23 at h:m (the tests hold in any time zone). */
const at = (h: number, m = 0, day = 23) => new Date(2026, 10, day, h, m).getTime();
const iso = (h: number, m = 0, day = 23) => new Date(at(h, m, day)).toISOString();

const resource = (code: string, over: Partial<GanttResource> = {}): GanttResource => ({
  code,
  workCenterCode: code.split('#')[0] ?? code,
  name: `${code} 名称`,
  utilisation: 0.5,
  busyMinutes: 240,
  availableMinutes: 480,
  closed: [],
  ...over,
});

const op = (id: string, over: Partial<GanttOperation> = {}): GanttOperation => ({
  id,
  workOrderId: 'wo1',
  workOrderNo: 'WO-1',
  itemCode: 'FG-1',
  itemName: '成品',
  seq: 10,
  name: '车削',
  resourceCode: 'CNC',
  workCenterCode: 'CNC',
  eligibleResources: ['CNC', 'CNC#2'],
  setupStart: iso(8),
  start: iso(8, 30),
  end: iso(10),
  setupMinutes: 30,
  qty: '10',
  locked: false,
  started: false,
  late: false,
  ...over,
});

const order = (id: string, no: string, over: Partial<GanttOrder> = {}): GanttOrder => ({
  workOrderId: id,
  workOrderNo: no,
  itemCode: 'FG-1',
  itemName: '成品',
  qty: '10',
  priority: 0,
  dueDate: '2026-11-23',
  dueAt: iso(23, 59),
  start: iso(8),
  end: iso(12),
  latenessMinutes: 0,
  lateCause: null,
  ...over,
});

const view: GanttView = {
  version: {} as GanttView['version'],
  horizonStart: iso(8),
  resources: [
    resource('CNC', { closed: [{ start: iso(12), end: iso(13) }] }),
    resource('CNC#2', { utilisation: 0.9 }),
    resource('PAINT', { utilisation: 0 }),
  ],
  operations: [
    op('a'),
    op('b', {
      seq: 20,
      resourceCode: 'PAINT',
      workCenterCode: 'PAINT',
      eligibleResources: ['PAINT'],
      setupStart: iso(10),
      start: iso(10),
      end: iso(12),
    }),
    op('c', {
      workOrderId: 'wo2',
      workOrderNo: 'WO-2',
      resourceCode: 'CNC#2',
      setupStart: iso(9),
      start: iso(9),
      end: iso(11),
      late: true,
    }),
  ],
  orders: [
    order('wo2', 'WO-2', {
      start: iso(9),
      end: iso(11),
      dueAt: iso(10),
      latenessMinutes: 60,
      lateCause: { kind: 'resource', code: 'CNC', message: 'x', waitMinutes: 30 },
    }),
    order('wo1', 'WO-1'),
  ],
};

describe('time scale and zoom', () => {
  it('maps instants to pixels and back', () => {
    const s = timeScale({ from: at(8), to: at(12) }, 400);
    expect(s.x(at(10))).toBe(200);
    expect(s.t(100)).toBe(at(9));
    expect(s.x(at(8))).toBe(0);
  });

  it('spans the schedule, with room after the last end; order mode includes due dates', () => {
    const span = ganttSpan(view);
    expect(span.from).toBe(at(8));
    expect(span.to).toBeGreaterThan(at(12));
    expect(span.to).toBeLessThan(at(13));
    expect(ganttSpan(view, 'order').to).toBeGreaterThan(at(23, 59));
    const empty = ganttSpan({ horizonStart: iso(8), operations: [], orders: [] });
    expect(empty.to - empty.from).toBe(HOUR);
  });

  it('opens a window of the zoom inside the span', () => {
    const span = { from: at(0), to: at(0, 0, 30) };
    expect(zoomWindow(span, 'all')).toEqual(span);
    expect(zoomWindow(span, 'hour')).toEqual({ from: at(0), to: at(12) });
    expect(zoomWindow(span, 'day', at(6))).toEqual({ from: at(6), to: at(6) + 3 * DAY });
    // Not past the end; a window larger than the span starts at its start.
    expect(zoomWindow(span, 'day', at(0, 0, 29)).to).toBe(span.to);
    expect(zoomWindow({ from: at(0), to: at(5) }, 'day', at(3))).toEqual({
      from: at(0),
      to: at(0) + 3 * DAY,
    });
  });

  it('puts ticks at round local times, dates at midnight', () => {
    const hours = timeTicks(timeScale({ from: at(22), to: at(4, 0, 24) }, 600), 60);
    expect(hours.map((t) => t.label)).toEqual([
      '22:00',
      '23:00',
      '11-24',
      '01:00',
      '02:00',
      '03:00',
      '04:00',
    ]);
    expect(hours.filter((t) => t.major)).toHaveLength(1);
    const days = timeTicks(timeScale({ from: at(12), to: at(12, 0, 30) }, 700), 60);
    expect(days[0]?.label).toBe('11-24');
    expect(days.every((t) => t.major)).toBe(true);
    for (let i = 1; i < days.length; i += 1) expect(days[i]!.x - days[i - 1]!.x).toBeGreaterThanOrEqual(60);
  });
});

describe('rows and bars', () => {
  it('has a row per resource, or per work order by start', () => {
    expect(ganttRows(view, 'resource').map((r) => r.key)).toEqual(['CNC', 'CNC#2', 'PAINT']);
    const orders = ganttRows(view, 'order');
    expect(orders.map((r) => r.label)).toEqual(['WO-1', 'WO-2']);
    expect(orders[0]?.order?.workOrderId).toBe('wo1');
    // An operation on a resource the list lacks still gets a row.
    const extra = ganttRows(
      { ...view, operations: [...view.operations, op('d', { resourceCode: 'X' })] },
      'resource',
    );
    expect(extra.map((r) => r.key)).toEqual(['CNC', 'CNC#2', 'PAINT', 'X']);
  });

  it('lays out a bar per operation with its setup part, clipped to the window', () => {
    const rows = ganttRows(view, 'resource');
    const s = timeScale({ from: at(8), to: at(12) }, 400);
    const bars = layoutBars(view.operations, rows, 'resource', s, () => '#000');
    expect(bars).toHaveLength(3);
    const a = bars.find((b) => b.op.id === 'a')!;
    expect(a).toMatchObject({ row: 0, x: 0, w: 200, setupX: 0, setupW: 50, y: 6, h: 22 });
    const b = bars.find((b) => b.op.id === 'b')!;
    expect(b).toMatchObject({ row: 2, x: 200, w: 200, setupW: 0 });
    // A window that cuts bars: only the visible part, bars outside are left out.
    const late = layoutBars(
      view.operations,
      rows,
      'resource',
      timeScale({ from: at(10), to: at(12) }, 200),
      () => '#000',
    );
    expect(late.map((x) => x.op.id).sort()).toEqual(['b', 'c']);
    expect(late.find((x) => x.op.id === 'c')).toMatchObject({ x: 0, w: 100 });
    // Order mode: by work order.
    const byOrder = layoutBars(view.operations, ganttRows(view, 'order'), 'order', s, () => '#000');
    expect(byOrder.filter((x) => x.row === 0).map((x) => x.op.id)).toEqual(['a', 'b']);
  });

  it('shades closed time of resources and marks due dates of orders', () => {
    const s = timeScale({ from: at(8), to: at(16) }, 800);
    expect(closedRects(ganttRows(view, 'resource'), s)).toEqual([
      { key: `CNC:${iso(12)}`, x: 400, y: 0, w: 100, h: 34 },
    ]);
    const marks = dueMarkers(ganttRows(view, 'order'), s);
    expect(marks).toEqual([{ key: 'wo2', x: 200, y: 36, h: 30, late: true }]);
  });

  it('colours by order, status or lateness', () => {
    const idx = orderIndexes(view.orders);
    expect(idx.get('wo1')).toBe(0);
    expect(idx.get('wo2')).toBe(1);
    expect(barColour(op('a'), 'order', idx)).toBe(ORDER_PALETTE[0]);
    expect(barColour(op('c', { workOrderId: 'wo2' }), 'order', idx)).toBe(ORDER_PALETTE[1]);
    expect(barColour(op('z', { workOrderId: 'unknown' }), 'order', idx)).toMatch(/^#/);
    expect(barColour(op('a', { locked: true }), 'status', idx)).toBe(STATUS_COLOURS.locked);
    expect(barColour(op('a', { locked: true, started: true }), 'status', idx)).toBe(STATUS_COLOURS.started);
    expect(barColour(op('a'), 'status', idx)).toBe(STATUS_COLOURS.normal);
    expect(barColour(op('a', { late: true }), 'lateness', idx)).toBe(LATE_COLOURS.late);
    expect(barColour(op('a'), 'lateness', idx)).toBe(LATE_COLOURS.onTime);
  });

  it('keeps the resources with work or that work may move to', () => {
    expect(usedResources(view).map((r) => r.code)).toEqual(['CNC', 'CNC#2', 'PAINT']);
    const idle = { ...view, resources: [...view.resources, resource('IDLE')] };
    expect(usedResources(idle).map((r) => r.code)).toEqual(['CNC', 'CNC#2', 'PAINT']);
    expect(
      usedResources({ ...idle, operations: [op('a', { eligibleResources: [] })] }).map((r) => r.code),
    ).toEqual(['CNC']);
  });

  it('lists late orders and utilisation', () => {
    expect(lateOrders(view.orders).map((o) => o.workOrderNo)).toEqual(['WO-2']);
    expect(utilisationBars(view.resources).map((u) => u.code)).toEqual(['CNC#2', 'CNC', 'PAINT']);
    expect(utilisationBars([resource('X', { utilisation: 1.4 })])[0]?.value).toBe(1);
  });
});

describe('drag and the move form', () => {
  const rows = ganttRows(view, 'resource');

  it('finds the row under the pointer and where an operation may go', () => {
    expect(rowAt(0, 3)).toBe(0);
    expect(rowAt(35, 3)).toBe(1);
    expect(rowAt(-1, 3)).toBe(-1);
    expect(rowAt(34 * 3, 3)).toBe(-1);
    expect([...eligibleRows(op('a'), rows)]).toEqual([0, 1]);
    expect(canDrag(op('a'), 'resource')).toBe(true);
    expect(canDrag(op('a', { locked: true }), 'resource')).toBe(true);
    expect(canDrag(op('a', { started: true }), 'resource')).toBe(false);
    expect(canDrag(op('a'), 'order')).toBe(false);
  });

  it('snaps to local multiples', () => {
    expect(snapTime(at(8, 7), 15 * MINUTE)).toBe(at(8, 0));
    expect(snapTime(at(8, 8), 15 * MINUTE)).toBe(at(8, 15));
    expect(snapTime(at(8, 8), 0)).toBe(at(8, 8));
  });

  it('turns a drop into a move request', () => {
    const a = op('a');
    expect(dragOutcome(a, 62 * MINUTE, 15 * MINUTE, rows[0], 'resource')).toEqual({
      kind: 'move',
      input: { start: iso(9, 30) },
    });
    expect(dragOutcome(a, 2 * MINUTE, 15 * MINUTE, rows[0], 'resource')).toEqual({ kind: 'none' });
    // Another eligible row: resource changes, time may stay.
    expect(dragOutcome(a, 0, 15 * MINUTE, rows[1], 'resource')).toEqual({
      kind: 'move',
      input: { start: iso(8, 30), resourceCode: 'CNC#2' },
    });
    expect(dragOutcome(a, -30 * MINUTE, 5 * MINUTE, rows[1], 'resource')).toEqual({
      kind: 'move',
      input: { start: iso(8), resourceCode: 'CNC#2' },
    });
    expect(dragOutcome(a, HOUR, 15 * MINUTE, rows[2], 'resource')).toEqual({
      kind: 'ineligible',
      resourceCode: 'PAINT',
    });
    // Outside the rows: only the time.
    expect(dragOutcome(a, HOUR, 15 * MINUTE, undefined, 'resource')).toEqual({
      kind: 'move',
      input: { start: iso(9, 30) },
    });
  });

  it('builds the side panel request', () => {
    const a = op('a');
    expect(formMove(a, new Date(at(14)), 'CNC')).toEqual({ start: iso(14) });
    expect(formMove(a, iso(14), 'CNC#2')).toEqual({ start: iso(14), resourceCode: 'CNC#2' });
    expect(formMove(a, null, 'CNC')).toBeNull();
    expect(formMove(a, iso(14), 'PAINT')).toBeNull();
  });
});
