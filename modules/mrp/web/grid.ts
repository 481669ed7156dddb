import type { MrpRecordBucketView, MrpRecordView } from '@mes/shared';

/** The rows of the classic time-phased MRP record, top to bottom. */
export const GRID_ROWS = [
  'gross',
  'scheduledReceipts',
  'projectedBalance',
  'netRequirement',
  'plannedReceipts',
  'plannedReleases',
] as const;
export type GridRowKey = (typeof GRID_ROWS)[number];

/** negative / below-safety: a projected balance; shortage: a net requirement (something to plan). */
export type CellFlag = 'negative' | 'below-safety' | 'shortage' | null;

export interface GridCell {
  value: string;
  /** What the shown text is: '' for a zero flow (the classic record leaves it blank). */
  text: string;
  flag: CellFlag;
}

export interface GridRow {
  key: GridRowKey;
  cells: GridCell[];
}

export interface RecordGrid {
  columns: string[];
  rows: GridRow[];
}

/** A decimal string as an integer × 10⁻¹⁸ (exact comparisons, no float). */
export function toScaled(value: string): bigint {
  const v = value.trim();
  const negative = v.startsWith('-');
  const [int = '0', frac = ''] = (negative || v.startsWith('+') ? v.slice(1) : v).split('.');
  const scaled = BigInt(int || '0') * 10n ** 18n + BigInt((frac + '0'.repeat(18)).slice(0, 18) || '0');
  return negative ? -scaled : scaled;
}

export const compareDecimal = (a: string, b: string): number => {
  const d = toScaled(a) - toScaled(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

const FIELD: Record<GridRowKey, keyof MrpRecordBucketView> = {
  gross: 'gross',
  scheduledReceipts: 'scheduledReceipts',
  projectedBalance: 'projectedBalance',
  netRequirement: 'netRequirement',
  plannedReceipts: 'plannedReceipts',
  plannedReleases: 'plannedReleases',
};

/** Flag of a projected balance: below zero, else below the safety stock. */
export function balanceFlag(balance: string, safetyStock: string): CellFlag {
  if (compareDecimal(balance, '0') < 0) return 'negative';
  if (compareDecimal(balance, safetyStock) < 0) return 'below-safety';
  return null;
}

/** The record as a grid: one column per bucket (day or week), the six rows of the classic record. */
export function buildRecordGrid(record: Pick<MrpRecordView, 'buckets' | 'safetyStock'>): RecordGrid {
  const columns = record.buckets.map((b) => b.date);
  const rows = GRID_ROWS.map((key): GridRow => ({
    key,
    cells: record.buckets.map((b): GridCell => {
      const value = b[FIELD[key]];
      const zero = compareDecimal(value, '0') === 0;
      if (key === 'projectedBalance')
        return { value, text: value, flag: balanceFlag(value, record.safetyStock) };
      return {
        value,
        text: zero ? '' : value,
        flag: key === 'netRequirement' && !zero ? 'shortage' : null,
      };
    }),
  }));
  return { columns, rows };
}

/** A week bucket's label: the Monday as MM-DD, with the ISO week number. */
export function isoWeek(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3); // the week's Thursday
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const fday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - fday + 3);
  return 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

export interface BalanceChart {
  width: number;
  height: number;
  /** SVG path of the balance as steps (it holds from one bucket to the next). */
  path: string;
  /** y of the zero line and of the safety stock line. */
  zeroY: number;
  safetyY: number | null;
  min: number;
  max: number;
  /** Points of the buckets whose balance is flagged (dots). */
  marks: { x: number; y: number; flag: 'negative' | 'below-safety' }[];
}

/**
 * The projected balance as a small step chart (SVG coordinates). Floats are fine here: it is a
 * picture, the grid shows the exact numbers.
 */
export function balanceChart(
  record: Pick<MrpRecordView, 'buckets' | 'safetyStock' | 'available'>,
  width = 600,
  height = 140,
  pad = 8,
): BalanceChart | null {
  const buckets = record.buckets;
  if (buckets.length === 0) return null;
  const values = buckets.map((b) => Number(b.projectedBalance));
  const safety = Number(record.safetyStock);
  const start = Number(record.available);
  const all = [...values, start, 0, ...(safety > 0 ? [safety] : [])];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - min) / span);
  const step = (width - 2 * pad) / buckets.length;
  const x = (i: number) => pad + step * i;
  const round = (n: number) => Math.round(n * 10) / 10;
  let path = `M${round(x(0))},${round(y(start))}`;
  const marks: BalanceChart['marks'] = [];
  values.forEach((v, i) => {
    path += ` V${round(y(v))} H${round(x(i + 1))}`;
    const flag = balanceFlag(buckets[i]?.projectedBalance ?? '0', record.safetyStock);
    if (flag === 'negative' || flag === 'below-safety')
      marks.push({ x: round(x(i) + step / 2), y: round(y(v)), flag });
  });
  return {
    width,
    height,
    path,
    zeroY: round(y(0)),
    safetyY: safety > 0 ? round(y(safety)) : null,
    min,
    max,
    marks,
  };
}
