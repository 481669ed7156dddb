import { describe, expect, it } from 'vitest';
import type { ScheduleComparison, ScheduleKpis, ScheduleVersionView } from '@mes/shared';
import {
  changeoverInput,
  comparisonRows,
  defaultRunForm,
  formatMinutes,
  formatMs,
  hours,
  isActiveRun,
  isPositiveQty,
  kpiChanges,
  moveSummary,
  percent,
  rowErrors,
  runDurationMs,
  runInput,
  timingList,
} from './data';

const kpis = (over: Partial<ScheduleKpis> = {}): ScheduleKpis => ({
  makespanEnd: '2026-11-23T10:00:00.000Z',
  makespanMinutes: 600,
  lateOrders: 2,
  totalLatenessMinutes: 180,
  maxLatenessMinutes: 120,
  setupMinutes: 60,
  meanUtilisation: 0.5,
  operations: 10,
  workOrders: 4,
  ...over,
});

describe('run form', () => {
  it('sends only what was set, the budget clamped to 0…300 s', () => {
    expect(runInput(defaultRunForm())).toEqual({ strategy: 'backward', rule: 'auto', timeLimitSeconds: 10 });
    const form = {
      ...defaultRunForm(),
      strategy: 'backward' as const,
      rule: 'EDD' as const,
      timeLimitSeconds: 999,
      weights: { makespan: 1, setup: undefined, lateJobs: 0 },
      workCenterCodes: ['CNC', 'PAINT'],
      name: '  夜班 ',
    };
    expect(runInput(form)).toEqual({
      strategy: 'backward',
      rule: 'EDD',
      timeLimitSeconds: 300,
      weights: { makespan: 1, lateJobs: 0 },
      workCenterCodes: ['CNC', 'PAINT'],
      name: '夜班',
    });
    expect(runInput({ ...defaultRunForm(), timeLimitSeconds: undefined }).timeLimitSeconds).toBe(10);
    expect(runInput({ ...defaultRunForm(), timeLimitSeconds: 2 }).timeLimitSeconds).toBe(2);
  });

  it('reads runs', () => {
    expect(isActiveRun({ status: 'queued' })).toBe(true);
    expect(isActiveRun({ status: 'cancelled' })).toBe(false);
    expect(
      runDurationMs({
        createdAt: '2026-01-01T00:00:00Z',
        startedAt: '2026-01-01T00:00:01Z',
        finishedAt: '2026-01-01T00:00:03.5Z',
      }),
    ).toBe(2500);
    expect(
      runDurationMs({ createdAt: '2026-01-01T00:00:00Z', startedAt: null, finishedAt: null }),
    ).toBeNull();
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(4300)).toBe('4.3 s');
    expect(formatMs(125_000)).toBe('2 min 5 s');
    expect(timingList({ store: 5, 'search.iterations': 3, load: 1, other: 2 }).map((p) => p.phase)).toEqual([
      'load',
      'search.iterations',
      'store',
      'other',
    ]);
    expect(timingList(null)).toEqual([]);
  });
});

describe('numbers', () => {
  it('formats minutes, hours and ratios', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(185)).toBe('3 h 5 min');
    expect(formatMinutes(1440 + 60)).toBe('1 d 1 h');
    expect(formatMinutes(-90)).toBe('-1 h 30 min');
    expect(hours(90)).toBe('1.5');
    expect(percent(0.456)).toBe(46);
    expect(percent(Number.NaN)).toBe(0);
    expect(isPositiveQty('10')).toBe(true);
    expect(isPositiveQty('0')).toBe(false);
    expect(isPositiveQty('1.1234567')).toBe(false);
  });
});

describe('KPI change and moves', () => {
  it('tells each KPI change and whether it is better', () => {
    const changes = kpiChanges(
      kpis(),
      kpis({
        makespanEnd: '2026-11-23T11:30:00.000Z',
        lateOrders: 1,
        totalLatenessMinutes: 240,
        meanUtilisation: 0.6,
      }),
    );
    expect(Object.fromEntries(changes.map((c) => [c.key, [c.delta, c.trend]]))).toEqual({
      makespanEnd: [90, 'worse'],
      lateOrders: [-1, 'better'],
      totalLatenessMinutes: [60, 'worse'],
      setupMinutes: [0, 'same'],
      meanUtilisation: [0.1, 'better'],
    });
    const noEnd = kpiChanges(kpis({ makespanEnd: null }), kpis({ makespanEnd: null, makespanMinutes: 500 }));
    expect(noEnd[0]).toMatchObject({ delta: -100, trend: 'better' });
  });

  it('counts what a move pushed', () => {
    const r = {
      moved: [
        { id: 'a', workOrderNo: 'WO-1', seq: 10, from: 'x', to: 'y' },
        { id: 'b', workOrderNo: 'WO-1', seq: 20, from: 'x', to: 'y' },
        { id: 'c', workOrderNo: 'WO-2', seq: 10, from: 'x', to: 'y' },
      ],
      kpis: kpis(),
    };
    expect(moveSummary(r, 'a')).toEqual({ moved: 3, pushed: 2, orders: ['WO-1', 'WO-2'] });
  });
});

describe('comparison', () => {
  const version = (id: string) => ({ id, no: id, kpis: kpis() }) as ScheduleVersionView;
  const cmp: ScheduleComparison = {
    versions: [version('v1'), version('v2'), version('v3')],
    orders: [
      {
        workOrderId: 'w1',
        workOrderNo: 'WO-1',
        dueDate: '2026-11-23',
        ends: ['2026-11-23T10:00:00.000Z', '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z'],
        latenessMinutes: [60, 0, 60],
      },
      {
        workOrderId: 'w2',
        workOrderNo: 'WO-2',
        dueDate: null,
        ends: ['2026-11-23T10:00:00.000Z', '2026-11-23T10:30:00.000Z', null],
        latenessMinutes: [0, 0, null],
      },
    ],
  };

  it('measures each version against the first and flags orders that differ', () => {
    const rows = comparisonRows(cmp);
    expect(rows[0]?.cells.map((c) => [c.endDelta, c.trend])).toEqual([
      [0, 'none'],
      [-60, 'better'],
      [0, 'same'],
    ]);
    expect(rows[0]?.differs).toBe(true);
    expect(rows[1]?.cells.map((c) => [c.endDelta, c.trend])).toEqual([
      [0, 'none'],
      [30, 'worse'],
      [null, 'none'],
    ]);
    expect(rows[1]?.differs).toBe(true);
    const same = comparisonRows({
      ...cmp,
      orders: [
        {
          ...cmp.orders[0]!,
          ends: ['2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.000Z'],
          latenessMinutes: [0, 0, 0],
        },
      ],
    });
    expect(same[0]?.differs).toBe(false);
  });
});

describe('changeover settings', () => {
  it('sends the filled rows, work center omitted for all', () => {
    const { body, famIndex, coIndex } = changeoverInput(
      [
        { itemCode: ' FG-1 ', itemName: '', family: ' 红 ' },
        { itemCode: '', itemName: '', family: '' },
        { itemCode: 'FG-2', itemName: '', family: '蓝' },
      ],
      [
        { workCenterCode: '', fromFamily: '红', toFamily: '蓝', minutes: 30 },
        { workCenterCode: '', fromFamily: '', toFamily: '', minutes: undefined },
        { workCenterCode: 'CNC', fromFamily: '蓝', toFamily: '红', minutes: 0 },
      ],
    );
    expect(body).toEqual({
      families: [
        { itemCode: 'FG-1', family: '红' },
        { itemCode: 'FG-2', family: '蓝' },
      ],
      changeovers: [
        { fromFamily: '红', toFamily: '蓝', minutes: 30 },
        { workCenterCode: 'CNC', fromFamily: '蓝', toFamily: '红', minutes: 0 },
      ],
    });
    expect(famIndex).toEqual([0, 2]);
    expect(coIndex).toEqual([0, 2]);
  });

  it('puts the API details on the rows shown', () => {
    const r = rowErrors(
      [
        { field: 'families[1].itemCode', message: 'unknown item X' },
        { field: 'families[1].itemCode', message: 'listed twice' },
        { field: 'changeovers[1]', message: 'listed twice' },
        { field: 'changeovers[0].minutes', message: 'minutes must not be greater than 10080' },
        { field: 'changeovers[9].minutes', message: 'out of range' },
        { field: 'other', message: 'x' },
      ],
      [0, 2],
      [0, 2],
    );
    expect(r.families).toEqual({ 2: { itemCode: 'unknown item X; listed twice' } });
    expect(r.changeovers).toEqual({
      2: { '': 'listed twice' },
      0: { minutes: 'minutes must not be greater than 10080' },
    });
    expect(r.other).toEqual(['changeovers[9].minutes: out of range', 'other: x']);
  });
});
