import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  chartGroups,
  chartLayout,
  createOperatorInput,
  emptyReportForm,
  filterOperators,
  localDay,
  nextOperationSeq,
  niceMax,
  operationProgress,
  operatorForm,
  operatorFormErrors,
  orderProgress,
  outputAgainstPlan,
  overReportAllowed,
  planOfDay,
  reportFormErrors,
  reportInput,
  shortageLines,
  updateOperatorInput,
} from './data';

const can = { write: true, report: true };

describe('allowedActions', () => {
  it('offers what each status allows', () => {
    expect([...allowedActions('planned', can)].sort()).toEqual(['cancel', 'release', 'split']);
    expect([...allowedActions('released', can)].sort()).toEqual(['cancel', 'report', 'split', 'start']);
    expect([...allowedActions('in_progress', can)].sort()).toEqual(['complete', 'pause', 'report', 'split']);
    expect([...allowedActions('paused', can)].sort()).toEqual(['resume', 'split']);
    expect([...allowedActions('completed', can)]).toEqual(['close']);
    expect([...allowedActions('closed', can)]).toEqual([]);
    expect([...allowedActions('cancelled', can)]).toEqual([]);
  });

  it('by permission: reporting only, or writing only; picking orders issue materials', () => {
    expect([...allowedActions('in_progress', { write: false, report: true })].sort()).toEqual([
      'pause',
      'report',
    ]);
    expect([...allowedActions('released', { write: true, report: false })].sort()).toEqual([
      'cancel',
      'split',
    ]);
    expect(allowedActions('in_progress', can, 'picking').has('issue')).toBe(true);
    expect(allowedActions('in_progress', can, 'backflush').has('issue')).toBe(false);
    expect(allowedActions('planned', can, 'picking').has('issue')).toBe(false);
  });
});

describe('progress', () => {
  it('splits an operation into good, scrap and remaining against its planned quantity', () => {
    expect(operationProgress({ qty: '10', goodQty: '6', scrapQty: '1' })).toEqual({
      planned: '10',
      good: '6',
      scrap: '1',
      remaining: '3',
      goodPct: 60,
      scrapPct: 10,
      donePct: 70,
    });
    expect(operationProgress({ qty: '3', goodQty: '3', scrapQty: '0' }).donePct).toBe(100);
    // Over-reporting (tolerance) never draws beyond the bar.
    const over = operationProgress({ qty: '10', goodQty: '11', scrapQty: '1' });
    expect([over.goodPct, over.scrapPct, over.remaining]).toEqual([100, 0, '0']);
  });

  it('measures an order by what the last operation passed (received)', () => {
    expect(orderProgress({ receivedQty: '0', qty: '5' })).toBe(0);
    expect(orderProgress({ receivedQty: '1', qty: '3' })).toBe(33.3);
    expect(orderProgress({ receivedQty: '5', qty: '5' })).toBe(100);
  });
});

describe('report form', () => {
  it('proposes the first operation not done', () => {
    expect(
      nextOperationSeq([
        { seq: 10, status: 'done' },
        { seq: 20, status: 'in_progress' },
      ]),
    ).toBe(20);
    expect(nextOperationSeq([{ seq: 10, status: 'done' }])).toBe(10);
    expect(nextOperationSeq([])).toBeNull();
  });

  it('checks quantities and the scrap reason before sending', () => {
    expect(reportFormErrors({ ...emptyReportForm(10), goodQty: '5' })).toEqual({});
    expect(reportFormErrors(emptyReportForm())).toEqual({
      operationSeq: 'pe.report.errors.operation',
      goodQty: 'pe.report.errors.nothing',
    });
    expect(reportFormErrors({ ...emptyReportForm(10), goodQty: '-1' })).toEqual({
      goodQty: 'pe.report.errors.qty',
    });
    expect(reportFormErrors({ ...emptyReportForm(10), goodQty: '1.1234567' })).toEqual({
      goodQty: 'pe.report.errors.qty',
    });
    expect(reportFormErrors({ ...emptyReportForm(10), scrapQty: '2' })).toEqual({
      reasonCode: 'pe.report.errors.reason',
    });
    expect(reportFormErrors({ ...emptyReportForm(10), scrapQty: '2', reasonCode: 'NG' })).toEqual({});
  });

  it('sends only what was filled in', () => {
    expect(reportInput({ ...emptyReportForm(20), goodQty: ' 4 ' })).toEqual({
      operationSeq: 20,
      goodQty: '4',
    });
    expect(
      reportInput({
        operationSeq: 10,
        goodQty: '',
        scrapQty: '1',
        reworkQty: '2',
        reasonCode: ' DIM ',
        operatorCodes: ['OP1', ' OP1 ', '', 'OP2'],
        equipmentCode: 'M1',
      }),
    ).toEqual({
      operationSeq: 10,
      goodQty: '0',
      scrapQty: '1',
      reworkQty: '2',
      reasonCode: 'DIM',
      operatorCodes: ['OP1', 'OP2'],
      equipmentCode: 'M1',
    });
  });
});

describe('conflict details', () => {
  it('reads the allowed quantity of OVER_REPORT and the shortages of KIT_SHORTAGE', () => {
    expect(
      overReportAllowed([{ field: 'goodQty', message: 'x', operationSeq: 20, allowed: '3', requested: '5' }]),
    ).toEqual({ operationSeq: 20, allowed: '3' });
    expect(overReportAllowed([{ field: 'status', message: 'paused' }])).toBeNull();
    expect(
      shortageLines([
        { field: 'components.M', message: 'x', itemCode: 'M', required: '10', available: '4', shortage: '6' },
        { field: 'other', message: 'y' },
      ]),
    ).toEqual([{ itemCode: 'M', required: '10', available: '4', shortage: '6' }]);
  });
});

describe('output against plan', () => {
  it('takes the local day of an instant in the tenant time zone', () => {
    expect(localDay('2026-11-20T16:30:00Z', 'Asia/Shanghai')).toBe('2026-11-21');
    expect(localDay('2026-11-20T15:30:00Z', 'Asia/Shanghai')).toBe('2026-11-20');
    expect(localDay('nonsense', 'Asia/Shanghai')).toBe('');
  });

  it('sums the dispatch list per item over the operations ending that day', () => {
    const entries = [
      { itemCode: 'A', itemName: '甲', end: '2026-11-21T02:00:00Z', qty: '10' },
      { itemCode: 'A', itemName: '甲', end: '2026-11-21T09:00:00Z', qty: '5.5' },
      { itemCode: 'B', itemName: '乙', end: '2026-11-21T17:00:00Z', qty: '7' }, // next day in Shanghai
    ];
    expect(planOfDay('WC1', entries, '2026-11-21', 'Asia/Shanghai')).toEqual([
      { workCenterCode: 'WC1', itemCode: 'A', itemName: '甲', qty: '15.5' },
    ]);
  });

  it('joins output and plan per work center and item with the percent of plan', () => {
    const out = [
      {
        workCenterId: 'w1',
        workCenterCode: 'WC1',
        workCenterName: '一',
        itemId: 'i',
        itemCode: 'A',
        itemName: '甲',
        unit: '个',
        goodQty: '6',
        scrapQty: '1',
        reportCount: 2,
      },
    ];
    const plan = [
      { workCenterCode: 'WC1', itemCode: 'A', itemName: '甲', qty: '8' },
      { workCenterCode: 'WC2', itemCode: 'B', itemName: '乙', qty: '4' },
    ];
    const lines = outputAgainstPlan(out, plan, new Map([['WC2', '二']]));
    expect(
      lines.map((l) => [l.workCenterCode, l.workCenterName, l.itemCode, l.goodQty, l.planQty, l.pct]),
    ).toEqual([
      ['WC1', '一', 'A', '6', '8', 75],
      ['WC2', '二', 'B', '0', '4', 0],
    ]);
    // Without scheduling: output only, no plan and no percent.
    expect(outputAgainstPlan(out, null).map((l) => [l.planQty, l.pct])).toEqual([[null, null]]);
    expect(chartGroups(lines)).toEqual([
      { label: 'WC1', good: 6, plan: 8 },
      { label: 'WC2', good: 0, plan: 4 },
    ]);
    expect(chartGroups(outputAgainstPlan(out, null))).toEqual([{ label: 'WC1', good: 6, plan: null }]);
  });

  it('lays out grouped bars on a round scale', () => {
    expect([0, 5, 7, 8, 12, 100, 101].map(niceMax)).toEqual([4, 8, 8, 8, 20, 100, 200]);
    const layout = chartLayout(
      [
        { label: 'WC1', good: 6, plan: 8 },
        { label: 'WC2', good: 0, plan: 4 },
      ],
      400,
      200,
    );
    expect(layout.max).toBe(8);
    expect(layout.groups.map((g) => g.bars.map((b) => b.kind))).toEqual([
      ['plan', 'good'],
      ['plan', 'good'],
    ]);
    const [plan, good] = layout.groups[0]!.bars;
    const plotHeight = layout.plotBottom - layout.plotTop;
    expect(plan!.height).toBeCloseTo(plotHeight);
    expect(good!.height).toBeCloseTo(plotHeight * 0.75);
    expect(good!.x).toBeCloseTo(plan!.x + plan!.width);
    expect(layout.groups[1]!.bars[1]!.height).toBe(0);
    // Output only: one bar per group.
    expect(chartLayout([{ label: 'WC1', good: 3, plan: null }]).groups[0]!.bars.map((b) => b.kind)).toEqual([
      'good',
    ]);
  });
});

describe('operators', () => {
  const op = { code: 'OP-001', name: '张伟', badge: 'B-1', active: true };

  it('leaves out an empty badge and PIN on create', () => {
    expect(createOperatorInput({ ...operatorForm(), code: ' OP-2 ', name: ' 李娜 ', badge: ' ' })).toEqual({
      code: 'OP-2',
      name: '李娜',
    });
    expect(createOperatorInput({ ...operatorForm(op), pin: '1234' })).toEqual({
      code: 'OP-001',
      name: '张伟',
      badge: 'B-1',
      pin: '1234',
    });
  });

  it('keeps the PIN when left empty on edit, and clears an emptied badge', () => {
    const form = operatorForm(op);
    expect(form.pin).toBe('');
    expect(updateOperatorInput(form)).toEqual({ name: '张伟', badge: 'B-1', active: true });
    expect(updateOperatorInput({ ...form, badge: '', pin: '87654321', active: false })).toEqual({
      name: '张伟',
      badge: null,
      pin: '87654321',
      active: false,
    });
  });

  it('checks code (create only), name and a 4–8 digit PIN', () => {
    expect(operatorFormErrors(operatorForm(), false)).toEqual({
      code: 'pe.operators.errors.code',
      name: 'pe.operators.errors.name',
    });
    expect(operatorFormErrors({ ...operatorForm(op), code: 'bad code' }, false)).toHaveProperty('code');
    expect(operatorFormErrors({ ...operatorForm(op), code: '' }, true)).toEqual({});
    for (const pin of ['123', '123456789', '12a4'])
      expect(operatorFormErrors({ ...operatorForm(op), pin }, true)).toEqual({
        pin: 'pe.operators.errors.pin',
      });
    expect(operatorFormErrors({ ...operatorForm(op), pin: '0000' }, true)).toEqual({});
  });

  it('filters by code, name or badge', () => {
    const list = [op, { code: 'OP-002', name: '李娜', badge: null }];
    expect(filterOperators(list, ' b-1 ')).toEqual([op]);
    expect(filterOperators(list, '李')).toHaveLength(1);
    expect(filterOperators(list, '')).toHaveLength(2);
  });
});
