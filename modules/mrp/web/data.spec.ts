import { describe, expect, it } from 'vitest';
import type { MrpDemandView, MrpFirmResult } from '@mes/shared';
import {
  exceptionAction,
  exceptionText,
  firmSummary,
  formatMs,
  isPastDueRelease,
  isPositiveQty,
  pegRows,
  phaseTimings,
  purchaseOrderNoOf,
  runDurationMs,
  today,
} from './data';

const demand = (over: Partial<MrpDemandView>): MrpDemandView => ({
  ref: 'SO1/1',
  source: 'sales_order',
  itemCode: 'DRILL',
  qty: '10',
  due: '2026-12-01',
  orderId: null,
  orderNo: null,
  lineNo: null,
  customerCode: null,
  customerName: null,
  forecastId: null,
  ...over,
});

describe('mrp data mapping', () => {
  it('drills pegs to the sales order page, the forecasts, or the requests', () => {
    const rows = pegRows([
      {
        demandRef: 'SO20261121-0001/2',
        qty: '4',
        demand: demand({
          ref: 'SO20261121-0001/2',
          orderId: 'o 1',
          orderNo: 'SO20261121-0001',
          lineNo: 2,
          customerCode: 'C01',
          customerName: '华东五金',
        }),
      },
      {
        demandRef: 'FC:f1',
        qty: '6',
        demand: demand({ ref: 'FC:f1', source: 'forecast', forecastId: 'f1' }),
      },
      { demandRef: 'WR1>GEAR', qty: '1', demand: demand({ ref: 'WR1>GEAR', source: 'work_order_request' }) },
      { demandRef: 'SO9/1', qty: '2', demand: demand({ ref: 'SO9/1', orderNo: 'SO9' }) },
      { demandRef: 'X', qty: '1', demand: null },
    ]);
    expect(rows[0]).toMatchObject({
      source: 'sales_order',
      label: 'SO20261121-0001',
      lineNo: 2,
      customer: 'C01 华东五金',
      link: '/orders/sales-orders/o%201',
      qty: '4',
      demandQty: '10',
    });
    expect(rows[1]).toMatchObject({ source: 'forecast', label: 'FC:f1', link: '/mrp/forecasts' });
    expect(rows[2]).toMatchObject({ source: 'work_order_request', label: 'WR1>GEAR' });
    // no order id: the number shows, no link
    expect(rows[3]).toMatchObject({ label: 'SO9', link: null });
    expect(rows[4]).toMatchObject({ source: 'unknown', label: 'X', link: null });
  });

  it('summarises what firming created', () => {
    const result: MrpFirmResult = {
      orders: [],
      purchaseOrders: [
        { id: '1', no: 'PO1', supplierCode: 'S1' },
        { id: '1', no: 'PO1', supplierCode: 'S1' },
        { id: '2', no: 'PO2', supplierCode: 'S2' },
      ],
      requisitions: [{ id: 'r', itemCode: 'A', qty: '1' }],
      workOrderRequests: [{ id: 'w', no: 'WR1', itemCode: 'B', qty: '2' }],
    };
    expect(firmSummary(result)).toEqual({
      purchaseOrders: ['PO1', 'PO2'],
      requisitions: 1,
      workOrderRequests: ['WR1'],
    });
  });

  it('tells past-due releases of planned orders only', () => {
    expect(isPastDueRelease({ release: '2026-11-20', status: 'planned' }, '2026-11-21')).toBe(true);
    expect(isPastDueRelease({ release: '2026-11-21', status: 'planned' }, '2026-11-21')).toBe(false);
    expect(isPastDueRelease({ release: '2026-11-20', status: 'firmed' }, '2026-11-21')).toBe(false);
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('reads run durations and phase timings', () => {
    expect(
      runDurationMs({
        createdAt: '2026-11-21T01:00:00Z',
        startedAt: '2026-11-21T01:00:01Z',
        finishedAt: '2026-11-21T01:00:05.5Z',
      }),
    ).toBe(4500);
    expect(
      runDurationMs({ createdAt: '2026-11-21T01:00:00Z', startedAt: null, finishedAt: null }),
    ).toBeNull();
    expect([formatMs(850), formatMs(4300), formatMs(125_000), formatMs(null)]).toEqual([
      '850 ms',
      '4.3 s',
      '2 min 5 s',
      '',
    ]);
    expect(
      phaseTimings({
        store: 3000,
        build: 200,
        'store.pegs': 1800,
        extra: 5,
        engine: 850,
        'store.orders': 900,
      }),
    ).toEqual([
      { phase: 'build', ms: 200, steps: [] },
      { phase: 'engine', ms: 850, steps: [] },
      {
        phase: 'store',
        ms: 3000,
        steps: [
          { step: 'pegs', ms: 1800 },
          { step: 'orders', ms: 900 },
        ],
      },
      { phase: 'extra', ms: 5, steps: [] },
    ]);
    expect(phaseTimings(null)).toEqual([]);
  });

  it('picks the action of each exception', () => {
    expect(purchaseOrderNoOf('PO20261121-0001/2')).toBe('PO20261121-0001');
    expect(purchaseOrderNoOf('REQ:abc')).toBeNull();
    expect(purchaseOrderNoOf('WR1>GEAR')).toBeNull();
    expect(purchaseOrderNoOf(null)).toBeNull();
    expect(exceptionAction({ type: 'PAST_DUE_RELEASE', ref: null, itemCode: 'A' })).toEqual({
      kind: 'plan',
      itemCode: 'A',
    });
    expect(exceptionAction({ type: 'EXPEDITE', ref: 'PO1/1', itemCode: 'A' })).toEqual({
      kind: 'purchase-order',
      no: 'PO1',
      itemCode: 'A',
    });
    expect(exceptionAction({ type: 'DEFER', ref: 'REQ:x', itemCode: 'A' })).toEqual({
      kind: 'record',
      itemCode: 'A',
    });
    expect(exceptionAction({ type: 'CANCEL', ref: 'WR2', itemCode: 'B' })).toEqual({
      kind: 'record',
      itemCode: 'B',
    });
  });

  it('words exceptions from their fields', () => {
    expect(
      exceptionText({
        type: 'EXPEDITE',
        ref: 'PO1/1',
        itemCode: 'A',
        date: '2026-12-10',
        neededOn: '2026-12-03',
      }),
    ).toEqual({
      key: 'mrp.exceptionText.EXPEDITE',
      values: { ref: 'PO1/1', item: 'A', date: '2026-12-10', neededOn: '2026-12-03', days: 7 },
    });
    expect(
      exceptionText({
        type: 'DEFER',
        ref: 'PO1/1',
        itemCode: 'A',
        date: '2026-11-30',
        neededOn: '2026-12-10',
      }).values['days'],
    ).toBe(10);
    expect(
      exceptionText({ type: 'CANCEL', ref: null, itemCode: 'A', date: null, neededOn: null }).values,
    ).toEqual({
      ref: 'A',
      item: 'A',
      date: '',
      neededOn: '',
      days: 0,
    });
  });

  it('checks forecast quantities as the API does', () => {
    for (const ok of ['1', '0.5', '200', '12.123456']) expect(isPositiveQty(ok), ok).toBe(true);
    for (const bad of ['0', '0.000', '-1', '1.1234567', 'abc', '', '1e3'])
      expect(isPositiveQty(bad), bad).toBe(false);
  });
});
