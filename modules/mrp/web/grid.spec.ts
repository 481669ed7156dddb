import { describe, expect, it } from 'vitest';
import type { MrpRecordBucketView } from '@mes/shared';
import { balanceChart, buildRecordGrid, compareDecimal, GRID_ROWS, isoWeek, toScaled } from './grid';

const bucket = (
  date: string,
  balance: string,
  over: Partial<MrpRecordBucketView> = {},
): MrpRecordBucketView => ({
  date,
  gross: '0',
  scheduledReceipts: '0',
  projectedBalance: balance,
  netRequirement: '0',
  plannedReceipts: '0',
  plannedReleases: '0',
  ...over,
});

describe('the MRP record grid', () => {
  it('lays out the six rows over the buckets, blank zero flows, flagged balances', () => {
    const grid = buildRecordGrid({
      safetyStock: '10',
      buckets: [
        bucket('2026-11-23', '15', { gross: '5' }),
        bucket('2026-11-24', '8', { gross: '7', netRequirement: '2' }),
        bucket('2026-11-25', '-0.5', { gross: '8.5', scheduledReceipts: '0.000' }),
        bucket('2026-11-26', '10', { plannedReceipts: '10.5', plannedReleases: '4' }),
      ],
    });
    expect(grid.columns).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    expect(grid.rows.map((r) => r.key)).toEqual([...GRID_ROWS]);
    const row = (key: string) => grid.rows.find((r) => r.key === key)!;
    expect(row('gross').cells.map((c) => c.text)).toEqual(['5', '7', '8.5', '']);
    expect(row('scheduledReceipts').cells.map((c) => c.text)).toEqual(['', '', '', '']);
    expect(row('projectedBalance').cells.map((c) => [c.text, c.flag])).toEqual([
      ['15', null],
      ['8', 'below-safety'],
      ['-0.5', 'negative'],
      ['10', null],
    ]);
    expect(row('netRequirement').cells.map((c) => c.flag)).toEqual([null, 'shortage', null, null]);
    expect(row('plannedReceipts').cells.map((c) => c.text)).toEqual(['', '', '', '10.5']);
    expect(row('plannedReleases').cells.map((c) => c.text)).toEqual(['', '', '', '4']);
  });

  it('compares decimal strings exactly', () => {
    expect(compareDecimal('0.1', '0.10')).toBe(0);
    expect(compareDecimal('-0.000000000000000001', '0')).toBe(-1);
    expect(compareDecimal('123456789012.123456', '123456789012.123455')).toBe(1);
    expect(toScaled('-1.5')).toBe(-1_500_000_000_000_000_000n);
  });

  it('numbers ISO weeks', () => {
    expect(isoWeek('2026-11-23')).toBe(48);
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2024-12-30')).toBe(1);
  });

  it('draws the balance as steps between zero and safety lines', () => {
    const chart = balanceChart(
      {
        safetyStock: '10',
        available: '20',
        buckets: [bucket('2026-11-23', '15'), bucket('2026-11-24', '-5')],
      },
      100,
      50,
      0,
    )!;
    // range −5…20 over 50 px: 20 → 0, 0 → 40, −5 → 50, 10 → 20, 15 → 10
    expect(chart.path).toBe('M0,0 V10 H50 V50 H100');
    expect(chart.zeroY).toBe(40);
    expect(chart.safetyY).toBe(20);
    expect(chart.marks).toEqual([{ x: 75, y: 50, flag: 'negative' }]);
    expect(balanceChart({ safetyStock: '0', available: '0', buckets: [] })).toBeNull();
    expect(
      balanceChart({ safetyStock: '0', available: '1', buckets: [bucket('2026-11-23', '1')] })?.safetyY,
    ).toBeNull();
  });
});
