import {
  INBOUND_MOVEMENT_TYPES,
  MOVEMENT_TYPES,
  OUTBOUND_MOVEMENT_TYPES,
  type DemandType,
  type FifoPick,
  type MovementBatchInput,
  type MovementType,
  type ReservationInput,
  type ReservationStatus,
  type StocktakeStatus,
} from '@mes/shared';
import { ApiError } from '@mes/web-core';

export { MODULE_KEY } from './module-key';
export const WRITE_PERMISSION = 'warehousing:write';
export const STOCKTAKE_PERMISSION = 'warehousing:stocktake';

export { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@mes/web-core/pages';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

// ---------------------------------------------------------------- movement types

/** How a type moves stock: in, out, from one place to another, or by the sign of its quantity. */
export type Direction = 'in' | 'out' | 'transfer' | 'signed';

export function directionOf(type: MovementType): Direction {
  if ((INBOUND_MOVEMENT_TYPES as readonly string[]).includes(type)) return 'in';
  if ((OUTBOUND_MOVEMENT_TYPES as readonly string[]).includes(type)) return 'out';
  return type === 'transfer' ? 'transfer' : 'signed';
}

export const typeLabelKey = (type: string) => `warehousing.type.${type}`;

export const TYPE_TAGS: Record<Direction, TagType> = {
  in: 'success',
  out: 'warning',
  transfer: 'primary',
  signed: 'info',
};

export interface TypeGroup {
  key: 'in' | 'out' | 'transfer' | 'adjust';
  labelKey: string;
  types: MovementType[];
}

/**
 * The types grouped 入库 / 出库 / 调拨 / 调整 for a select. `stocktake` rows are posted by a stocktake
 * sheet, never by hand: they appear only where `withSystem` (the history filter).
 */
export function typeGroups(withSystem = false): TypeGroup[] {
  return [
    { key: 'in', labelKey: 'warehousing.typeGroup.in', types: [...INBOUND_MOVEMENT_TYPES] },
    { key: 'out', labelKey: 'warehousing.typeGroup.out', types: [...OUTBOUND_MOVEMENT_TYPES] },
    { key: 'transfer', labelKey: 'warehousing.typeGroup.transfer', types: ['transfer'] },
    {
      key: 'adjust',
      labelKey: 'warehousing.typeGroup.adjust',
      types: withSystem ? ['adjustment', 'stocktake'] : ['adjustment'],
    },
  ];
}

export const ALL_TYPES: readonly MovementType[] = MOVEMENT_TYPES;

// ---------------------------------------------------------------- quantities (decimal strings)

const QTY = /^\d{1,12}(\.\d{1,6})?$/;

/** A quantity as typed: a decimal with at most 6 decimals; `signed` allows a leading minus. Not 0. */
export function isQty(value: string, signed = false): boolean {
  let v = value.trim();
  if (signed && v.startsWith('-')) v = v.slice(1);
  return QTY.test(v.replace(/^0+(?=\d)/, '')) && /[1-9]/.test(v);
}

/** "−" for a negative decimal string, "+" for a positive one, "" for zero (variances, signed qty). */
export function signOf(value: string | null | undefined): '' | '+' | '-' {
  if (!value || !/[1-9]/.test(value)) return '';
  return value.trim().startsWith('-') ? '-' : '+';
}

/** A decimal string without trailing zeros ("12.500000" → "12.5", "-0.0" → "0"). */
export function plainQty(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  let v = value.trim();
  if (v.includes('.')) v = v.replace(/0+$/, '').replace(/\.$/, '');
  if (!/[1-9]/.test(v)) return '0';
  return v;
}

/** What a keypad key does to the quantity typed so far (数字键盘). */
export function pressKey(current: string, key: string): string {
  if (key === 'C') return '';
  if (key === '⌫') return current.slice(0, -1);
  if (key === '.') return current.includes('.') ? current : `${current || '0'}.`;
  if (!/^\d$/.test(key)) return current;
  const next = current === '0' ? key : current + key;
  const [int = '', dec] = next.split('.');
  if (int.length > 12 || (dec !== undefined && dec.length > 6)) return current;
  return next;
}

// ---------------------------------------------------------------- idempotency

/** Whether a failure left the outcome unknown (no answer): the same key must be used to retry. */
export function isUnanswered(error: unknown): boolean {
  return error instanceof ApiError ? error.status === 0 || error.status >= 502 : true;
}

// ---------------------------------------------------------------- server messages → our words

export interface DetailText {
  key: string;
  params: Record<string, string>;
}

const DETAIL_PATTERNS: [RegExp, string, string[]][] = [
  [/^(.+)@(.+): requested (\S+), available (\S+)$/, 'short', ['item', 'warehouse', 'requested', 'available']],
  [/^unknown item (.*)$/, 'unknownItem', ['code']],
  [/^unknown warehouse (.*)$/, 'unknownWarehouse', ['code']],
  [/^unknown location (.*) in (.*)$/, 'unknownLocation', ['location', 'warehouse']],
  [/^item (.*) is lot-tracked: a lot is required$/, 'lotRequired', ['item']],
  [/^item (.*) is lot-tracked: name the lot to transfer$/, 'lotRequiredTransfer', ['item']],
  [/^item (.*) is not lot-tracked$/, 'notLotTracked', ['item']],
  [/^must not be 0$/, 'qtyZero', []],
  [/^must be > 0$/, 'qtyPositive', []],
  [/^must be a decimal string/, 'qtyDecimal', []],
  [/^a transfer must go to another warehouse or location$/, 'sameDestination', []],
  [/^must hold at least one line$/, 'noLines', []],
  [/^not a line of this stocktake$/, 'notOnSheet', []],
  [/^outside this stocktake/, 'outsideSheet', []],
];

/** The i18n key (under `warehousing.errors.detail`) and values of an API detail message, if known. */
export function detailTextOf(message: string): DetailText | null {
  for (const [re, key, names] of DETAIL_PATTERNS) {
    const m = re.exec(message.trim());
    if (!m) continue;
    return {
      key: `warehousing.errors.detail.${key}`,
      params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])),
    };
  }
  return null;
}

/** The first shortage of a 409 INSUFFICIENT_STOCK: item, what was asked, what is available. */
export function shortageOf(error: unknown): { item: string; requested: string; available: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'INSUFFICIENT_STOCK') return null;
  for (const d of error.details) {
    const t = detailTextOf(d.message);
    if (t?.key.endsWith('.short'))
      return {
        item: t.params['item'] ?? '',
        requested: t.params['requested'] ?? '',
        available: t.params['available'] ?? '',
      };
  }
  const m = /可用\s*(\S+?)(?:[;；]|$)/.exec(error.message);
  return m?.[1] ? { item: '', requested: '', available: m[1] } : null;
}

/** "lines[2].qty" → { index: 2, field: "qty" }; "lines[2]" → field "". */
export function lineFieldOf(path: string): { index: number; field: string } | null {
  const m = /^lines\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m?.[1]) return null;
  return { index: Number(m[1]), field: m[2] ?? '' };
}

// ---------------------------------------------------------------- 出入库单据 (document form)

export interface DocLine {
  /** Stable row key for the table (not sent). */
  key: number;
  itemCode: string;
  /** Shown next to the code; not sent. */
  itemName: string;
  locationCode: string;
  lot: string;
  qty: string;
  toWarehouseCode: string;
  toLocationCode: string;
}

export interface DocumentForm {
  type: MovementType;
  warehouseCode: string;
  ref: string;
  note: string;
  lines: DocLine[];
}

let lineKeys = 0;
export function emptyLine(patch: Partial<DocLine> = {}): DocLine {
  lineKeys += 1;
  return {
    key: lineKeys,
    itemCode: '',
    itemName: '',
    locationCode: '',
    lot: '',
    qty: '',
    toWarehouseCode: '',
    toLocationCode: '',
    ...patch,
  };
}

export function emptyDocumentForm(type: MovementType = 'receipt'): DocumentForm {
  return { type, warehouseCode: '', ref: '', note: '', lines: [emptyLine(), emptyLine(), emptyLine()] };
}

/** A row nobody typed into: not sent, not checked. */
export const isBlankLine = (l: DocLine) =>
  !l.itemCode.trim() && !l.qty.trim() && !l.lot.trim() && !l.locationCode && !l.toLocationCode;

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/** The request body: blank rows dropped, strings trimmed, empty optionals left out, destinations for transfers only. */
export function documentFormToInput(form: DocumentForm): MovementBatchInput {
  const transfer = form.type === 'transfer';
  return {
    type: form.type,
    warehouseCode: form.warehouseCode,
    ...(opt(form.ref) ? { ref: opt(form.ref) } : {}),
    ...(opt(form.note) ? { note: opt(form.note) } : {}),
    lines: form.lines
      .filter((l) => !isBlankLine(l))
      .map((l) => {
        const line: MovementBatchInput['lines'][number] = { itemCode: l.itemCode.trim(), qty: l.qty.trim() };
        if (opt(l.locationCode)) line.locationCode = opt(l.locationCode);
        if (opt(l.lot)) line.lot = opt(l.lot);
        if (transfer) {
          line.toWarehouseCode = opt(l.toWarehouseCode) ?? form.warehouseCode;
          if (opt(l.toLocationCode)) line.toLocationCode = opt(l.toLocationCode);
        }
        return line;
      }),
  };
}

export type LineField = 'itemCode' | 'locationCode' | 'lot' | 'qty' | 'toWarehouseCode' | 'toLocationCode';
export type LineErrors = Partial<Record<LineField | 'row', string>>;

/** Client checks per row (i18n keys): an item and a valid quantity; a transfer must go somewhere else. */
export function documentLineErrors(form: DocumentForm): LineErrors[] {
  const signed = directionOf(form.type) === 'signed';
  return form.lines.map((l) => {
    if (isBlankLine(l)) return {};
    const e: LineErrors = {};
    if (!l.itemCode.trim()) e.itemCode = 'warehousing.rules.itemRequired';
    if (!l.qty.trim()) e.qty = 'warehousing.rules.qtyRequired';
    else if (!isQty(l.qty, signed))
      e.qty = signed ? 'warehousing.rules.qtySigned' : 'warehousing.rules.qtyInvalid';
    if (form.type === 'transfer') {
      const to = l.toWarehouseCode || form.warehouseCode;
      if (to === form.warehouseCode && (l.toLocationCode || '') === (l.locationCode || ''))
        e.toLocationCode = 'warehousing.rules.sameDestination';
    }
    return e;
  });
}

/**
 * Server errors of the document on the rows on screen, per cell. Blank rows are not sent, so
 * "lines[i]" counts the filled rows; this maps it back. A detail of the whole line lands on `row`.
 */
export function lineErrorsOfFilled(error: unknown, lines: readonly DocLine[]): Record<number, LineErrors> {
  const out: Record<number, LineErrors> = {};
  if (!(error instanceof ApiError)) return out;
  const filled = lines.flatMap((l, i) => (isBlankLine(l) ? [] : [i]));
  for (const d of error.details) {
    const at = lineFieldOf(d.field);
    const index = at ? filled[at.index] : undefined;
    if (at === null || index === undefined) continue;
    const field = (
      ['itemCode', 'locationCode', 'lot', 'qty', 'toWarehouseCode', 'toLocationCode'].includes(at.field)
        ? at.field
        : error.code === 'INSUFFICIENT_STOCK'
          ? 'qty'
          : 'row'
    ) as LineField | 'row';
    out[index] ??= {};
    out[index][field] ??= d.message;
  }
  return out;
}

/**
 * A FIFO suggestion applied to a line: the line becomes one line per pick (location and lot of the
 * oldest stock first). Without picks the line stays as it is.
 */
export function applyFifo(line: DocLine, picks: readonly FifoPick[]): DocLine[] {
  if (!picks.length) return [line];
  return picks.map((p, i) => ({
    ...line,
    ...(i === 0 ? {} : { key: emptyLine().key }),
    locationCode: p.locationCode ?? '',
    lot: p.lot ?? '',
    qty: plainQty(p.qty),
  }));
}

// ---------------------------------------------------------------- reservations

export const DEMAND_TYPES: { value: DemandType; labelKey: string }[] = [
  { value: 'sales_order', labelKey: 'warehousing.demandType.sales_order' },
  { value: 'work_order', labelKey: 'warehousing.demandType.work_order' },
  { value: 'other', labelKey: 'warehousing.demandType.other' },
];

export const RESERVATION_STATUS: Record<ReservationStatus, { labelKey: string; tagType: TagType }> = {
  open: { labelKey: 'warehousing.reservationStatus.open', tagType: 'warning' },
  consumed: { labelKey: 'warehousing.reservationStatus.consumed', tagType: 'success' },
  released: { labelKey: 'warehousing.reservationStatus.released', tagType: 'info' },
};

export interface ReservationForm {
  itemCode: string;
  warehouseCode: string;
  qty: string;
  demandType: DemandType;
  demandRef: string;
  partial: boolean;
}

export const emptyReservationForm = (): ReservationForm => ({
  itemCode: '',
  warehouseCode: '',
  qty: '',
  demandType: 'sales_order',
  demandRef: '',
  partial: false,
});

export function reservationFormToInput(f: ReservationForm): ReservationInput {
  return {
    itemCode: f.itemCode.trim(),
    ...(f.warehouseCode ? { warehouseCode: f.warehouseCode } : {}),
    qty: f.qty.trim(),
    demandType: f.demandType,
    demandRef: f.demandRef.trim(),
    ...(f.partial ? { partial: true } : {}),
  };
}

// ---------------------------------------------------------------- stocktakes

export const STOCKTAKE_STATUS: Record<StocktakeStatus, { labelKey: string; tagType: TagType }> = {
  counting: { labelKey: 'warehousing.stocktakeStatus.counting', tagType: 'warning' },
  posted: { labelKey: 'warehousing.stocktakeStatus.posted', tagType: 'success' },
  cancelled: { labelKey: 'warehousing.stocktakeStatus.cancelled', tagType: 'info' },
};

/** The counts typed on the sheet that differ from what is stored, as the `counts` body. */
export function changedCounts(
  lines: readonly { id: string; countedQty: string | null }[],
  typed: Readonly<Record<string, string>>,
): { lineId: string; countedQty: string }[] {
  return lines.flatMap((l) => {
    const v = typed[l.id]?.trim() ?? '';
    if (v === '' || plainQty(v) === plainQty(l.countedQty)) return [];
    return [{ lineId: l.id, countedQty: v }];
  });
}

/** A counted quantity: zero or more, at most 6 decimals. */
export const isCount = (value: string) =>
  value.trim() !== '' && (isQty(value) || /^0+(\.0+)?$/.test(value.trim()));

// ---------------------------------------------------------------- ageing (账龄)

export const DEFAULT_BUCKETS = [30, 60, 90, 180] as const;
const BUCKETS_KEY = 'mes.warehousing.ageingBuckets';

/** Day bounds as typed ("30, 60 90"): ascending, distinct whole days 1..3650, at most 11; null when not. */
export function parseBuckets(text: string): number[] | null {
  const parts = text
    .split(/[\s,，、;；]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length || parts.length > 11) return null;
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,4}$/.test(p)) return null;
    const n = Number(p);
    if (n < 1 || n > 3650) return null;
    days.push(n);
  }
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  return sorted.length === days.length ? sorted : null;
}

/** The bounds the factory last chose (this browser), else 30/60/90/180. */
export function savedBuckets(storage: Pick<Storage, 'getItem'> = localStorage): number[] {
  const saved = storage.getItem(BUCKETS_KEY);
  return (saved && parseBuckets(saved)) || [...DEFAULT_BUCKETS];
}

export function saveBuckets(days: readonly number[], storage: Pick<Storage, 'setItem'> = localStorage) {
  storage.setItem(BUCKETS_KEY, days.join(','));
}

/** Bucket labels for the bounds: "0–30 天", "31–60 天", …, "> 180 天". */
export function bucketRanges(days: readonly number[]): { from: number; to: number | null }[] {
  const out: { from: number; to: number | null }[] = [];
  let from = 0;
  for (const d of days) {
    out.push({ from, to: d });
    from = d + 1;
  }
  out.push({ from: days.length ? (days[days.length - 1] ?? 0) + 1 : 0, to: null });
  return out;
}

// ---------------------------------------------------------------- dates

const pad = (n: number) => String(n).padStart(2, '0');
/** Local YYYY-MM-DD of a date. */
export const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** This month so far: [first day, today] as YYYY-MM-DD. */
export function thisMonth(now = new Date()): [string, string] {
  return [isoDay(new Date(now.getFullYear(), now.getMonth(), 1)), isoDay(now)];
}

/** A day range (YYYY-MM-DD, local) as the API's ISO bounds: from the start of the first day to the end of the last. */
export function dayRangeToIso(range: readonly [string, string] | null | undefined): {
  from?: string;
  to?: string;
} {
  if (!range?.[0] || !range[1]) return {};
  const [fy, fm, fd] = range[0].split('-').map(Number);
  const [ty, tm, td] = range[1].split('-').map(Number);
  return {
    from: new Date(fy ?? 0, (fm ?? 1) - 1, fd ?? 1).toISOString(),
    to: new Date(ty ?? 0, (tm ?? 1) - 1, (td ?? 1) + 1).toISOString(),
  };
}
