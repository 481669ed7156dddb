import { isEmail } from 'class-validator';
import type { Contact, ItemStatus, ItemType, LotSizing, MakeOrBuy } from '@mes/shared';
import {
  EnumCells,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseInteger,
  type CellResult,
  type DecimalRule,
} from './cells';
import type { HeaderMap } from './row-reader';
import { codeCell, ErrorSink, RowReader, textCell } from './row-reader';
import type { SheetRow } from './sheet';

// ── enumerations: code, Chinese label (what exports write) and accepted synonyms ─────────────────

export const ITEM_TYPE_CELLS = new EnumCells<ItemType>(
  { raw: '原材料', semi: '半成品', finished: '成品', consumable: '辅料', spare: '备件' },
  {
    原料: 'raw',
    'semi-finished': 'semi',
    产成品: 'finished',
    耗材: 'consumable',
    辅材: 'consumable',
    备品备件: 'spare',
  },
);
export const MAKE_OR_BUY_CELLS = new EnumCells<MakeOrBuy>({ make: '自制', buy: '外购' }, { 采购: 'buy' });
export const ITEM_STATUS_CELLS = new EnumCells<ItemStatus>(
  { active: '启用', obsolete: '停用' },
  { 有效: 'active', 正常: 'active', 作废: 'obsolete', 淘汰: 'obsolete' },
);
export const PARTNER_STATUS_CELLS = new EnumCells<'active' | 'inactive'>(
  { active: '启用', inactive: '停用' },
  { 有效: 'active', 正常: 'active', 无效: 'inactive' },
);
export const LOT_RULE_CELLS = new EnumCells<LotSizing['rule']>(
  { LFL: '按需', FOQ: '固定批量', POQ: '周期批量', MINMULT: '最小批量倍数' },
  { 'lot for lot': 'LFL', 直接批量: 'LFL', 逐批: 'LFL' },
);

const decimal = (rule: DecimalRule) => (text: string) => parseDecimal(text, rule);
const integer = (min: number, max: number) => (text: string) => parseInteger(text, min, max);
const enumCell =
  <T extends string>(cells: EnumCells<T>) =>
  (text: string) =>
    cells.parse(text);

/** "箱=24; 盒=6" (also ：, ，、 and line breaks as separators): unit conversions. */
export function parseConversions(text: string): CellResult<{ unit: string; factor: string }[]> {
  const entries = text.split(/[;；,，、\n]+/).map((e) => e.trim());
  const list: { unit: string; factor: string }[] = [];
  for (const entry of entries.filter(Boolean)) {
    const match = /^(.+?)\s*[=:：]\s*(.+)$/.exec(entry);
    if (!match?.[1] || !match[2])
      return {
        ok: false,
        message: `应写成 单位=换算系数，如 箱=24 / write unit=factor, e.g. 箱=24: ${entry}`,
      };
    const unit = match[1].trim();
    if (unit.length > 20) return { ok: false, message: `单位过长 / unit too long: ${unit}` };
    const factor = parseDecimal(match[2], { min: '0', minExclusive: true });
    if (!factor.ok) return { ok: false, message: `${unit}: ${factor.message}` };
    if (list.some((c) => c.unit.toLowerCase() === unit.toLowerCase()))
      return { ok: false, message: `单位 ${unit} 重复 / unit ${unit} listed twice` };
    list.push({ unit, factor: factor.value });
  }
  return { ok: true, value: list };
}

/** "CNC-02:2.5; CNC-03:3": alternative work centers with their run minutes (omitted: the operation's). */
export function parseAlternatives(
  text: string,
): CellResult<{ workCenterCode: string; runMinutes: string | null }[]> {
  const list: { workCenterCode: string; runMinutes: string | null }[] = [];
  for (const entry of text
    .split(/[;；,，、\n]+/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [code = '', minutes] = entry.split(/\s*[:：=]\s*/);
    const checked = codeCell(40)(code.trim());
    if (!checked.ok) return checked;
    let runMinutes: string | null = null;
    if (minutes !== undefined && minutes !== '') {
      const parsed = parseDecimal(minutes, { min: '0' });
      if (!parsed.ok) return { ok: false, message: `${code}: ${parsed.message}` };
      runMinutes = parsed.value;
    }
    list.push({ workCenterCode: checked.value, runMinutes });
  }
  return { ok: true, value: list };
}

// ── items ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * One item row. Required fields hold '' when their cell was bad (the row is then reported and never
 * written); optional fields are undefined when their column is not in the file (kept on update).
 */
export interface ItemRecord {
  row: number;
  code: string;
  name: string;
  type: ItemType | '';
  baseUnit: string;
  makeOrBuy: MakeOrBuy | '';
  spec?: string;
  leadTimeDays?: number;
  safetyStock?: string;
  lotSizing?: LotSizing;
  lotTracked?: boolean;
  barcode?: string | null;
  defaultWarehouseCode?: string | null;
  inspectionRequired?: boolean;
  status?: ItemStatus;
  conversions?: { unit: string; factor: string }[];
}

const LOT_FIELDS = ['lotQty', 'lotPeriods', 'lotMin', 'lotMultiple'] as const;
const LOT_NEEDS: Record<LotSizing['rule'], readonly (typeof LOT_FIELDS)[number][]> = {
  LFL: [],
  FOQ: ['lotQty'],
  POQ: ['lotPeriods'],
  MINMULT: ['lotMin', 'lotMultiple'],
};

/** The lot-sizing columns as one rule with exactly the fields it needs (as normalizeLotSizing). */
function readLotSizing(r: RowReader): LotSizing | undefined {
  if (!r.has('lotRule') && !LOT_FIELDS.some((f) => r.has(f))) return undefined;
  const rule = r.get('lotRule', enumCell(LOT_RULE_CELLS));
  const qty = r.get('lotQty', decimal({ min: '0', minExclusive: true }));
  const periods = r.get('lotPeriods', integer(1, 365));
  const min = r.get('lotMin', decimal({ min: '0' }));
  const multiple = r.get('lotMultiple', decimal({ min: '0', minExclusive: true }));
  if (rule === undefined && r.has('lotRule')) return undefined;
  const effective = rule ?? 'LFL';
  const given = { lotQty: qty, lotPeriods: periods, lotMin: min, lotMultiple: multiple };
  let bad = false;
  for (const field of LOT_FIELDS) {
    const needed = LOT_NEEDS[effective].includes(field);
    // undefined here means an absent column or a bad cell (already reported); null a blank cell.
    if (needed && given[field] === null) {
      r.error(field, `批量规则 ${effective} 需要此项 / required for lot rule ${effective}`);
      bad = true;
    } else if (needed && given[field] === undefined && !r.has(field)) {
      r.error(field, `批量规则 ${effective} 需要此列 / lot rule ${effective} needs this column`);
      bad = true;
    } else if (!needed && given[field] !== null && given[field] !== undefined) {
      r.error(field, `批量规则 ${effective} 不使用此项 / not used by lot rule ${effective}`);
      bad = true;
    }
  }
  if (bad) return undefined;
  switch (effective) {
    case 'LFL':
      return { rule: 'LFL' };
    case 'FOQ':
      return qty ? { rule: 'FOQ', qty } : undefined;
    case 'POQ':
      return periods ? { rule: 'POQ', periods } : undefined;
    case 'MINMULT':
      return min && multiple ? { rule: 'MINMULT', min, multiple } : undefined;
  }
}

export function parseItemRows(header: HeaderMap, rows: SheetRow[], sink: ErrorSink): ItemRecord[] {
  return rows.map((row) => {
    const r = new RowReader(header, sink, row);
    const opt = <T>(value: T | null | undefined, fallback: T): T | undefined =>
      value === undefined ? undefined : (value ?? fallback);
    const record: ItemRecord = {
      row: row.row,
      code: r.required('code', codeCell(64)) ?? '',
      name: r.required('name', textCell(200)) ?? '',
      type: r.required('type', enumCell(ITEM_TYPE_CELLS)) ?? '',
      baseUnit: r.required('baseUnit', textCell(20)) ?? '',
      makeOrBuy: r.required('makeOrBuy', enumCell(MAKE_OR_BUY_CELLS)) ?? '',
    };
    const fields: Omit<ItemRecord, 'row' | 'code' | 'name' | 'type' | 'baseUnit' | 'makeOrBuy'> = {
      spec: opt(r.get('spec', textCell(200)), ''),
      leadTimeDays: opt(r.get('leadTimeDays', integer(0, 3650)), 0),
      safetyStock: opt(r.get('safetyStock', decimal({ min: '0' })), '0'),
      lotSizing: readLotSizing(r),
      lotTracked: opt(r.get('lotTracked', parseBoolean), false),
      barcode: opt<string | null>(r.get('barcode', textCell(128)), null),
      defaultWarehouseCode: opt<string | null>(r.get('defaultWarehouseCode', textCell(40)), null),
      inspectionRequired: opt(r.get('inspectionRequired', parseBoolean), false),
      status: opt(r.get('status', enumCell(ITEM_STATUS_CELLS)), 'active'),
      conversions: opt(r.get('conversions', parseConversions), []),
    };
    // A field is undefined when its column is absent: the stored value is kept on update.
    return Object.assign(record, fields);
  });
}

// ── BOM lines ─────────────────────────────────────────────────────────────────────────────────────

export interface BomLineRecord {
  row: number;
  parentCode: string;
  /** null: the item's default BOM (or a new first version). */
  version: string | null;
  componentCode: string;
  qtyPer: string;
  scrapRate: string;
  operationSeq: number | null;
  validFrom: string | null;
  validTo: string | null;
}

export function parseBomLineRows(header: HeaderMap, rows: SheetRow[], sink: ErrorSink): BomLineRecord[] {
  return rows.map((row) => {
    const r = new RowReader(header, sink, row);
    const validFrom = r.get('validFrom', parseDate) ?? null;
    const validTo = r.get('validTo', parseDate) ?? null;
    if (validFrom && validTo && validTo < validFrom)
      r.error('validTo', '不能早于生效日期 / must not be before validFrom');
    return {
      row: row.row,
      parentCode: r.required('parentCode', codeCell(64)) ?? '',
      version: r.get('version', codeCell(20, true)) ?? null,
      componentCode: r.required('componentCode', codeCell(64)) ?? '',
      qtyPer: r.required('qtyPer', decimal({ min: '0', minExclusive: true })) ?? '',
      scrapRate:
        r.get('scrapRate', decimal({ min: '0', max: '1', maxExclusive: true, percent: true })) ?? '0',
      operationSeq: r.get('operationSeq', integer(1, 9999)) ?? null,
      validFrom,
      validTo,
    };
  });
}

// ── routings ──────────────────────────────────────────────────────────────────────────────────────

export interface RoutingRecord {
  row: number;
  itemCode: string;
  version: string | null;
  seq: number;
  name: string;
  workCenterCode: string;
  setupMinutes: string;
  runMinutes: string;
  queueMinutes: string;
  moveMinutes: string;
  skill: string;
  inspectionPoint: boolean;
  sopUrl: string;
  alternatives: { workCenterCode: string; runMinutes: string }[];
}

export function parseRoutingRows(header: HeaderMap, rows: SheetRow[], sink: ErrorSink): RoutingRecord[] {
  const minutes = decimal({ min: '0' });
  return rows.map((row) => {
    const r = new RowReader(header, sink, row);
    const workCenterCode = r.required('workCenterCode', codeCell(40)) ?? '';
    const runMinutes = r.required('runMinutes', minutes) ?? '';
    const alternatives = (r.get('alternatives', parseAlternatives) ?? []).map((a) => ({
      workCenterCode: a.workCenterCode,
      runMinutes: a.runMinutes ?? runMinutes,
    }));
    const seen = new Set([workCenterCode]);
    for (const alt of alternatives) {
      if (seen.has(alt.workCenterCode))
        r.error(
          'alternatives',
          `工作中心 ${alt.workCenterCode} 重复 / ${alt.workCenterCode} is listed twice`,
        );
      seen.add(alt.workCenterCode);
    }
    if (alternatives.length > 20) r.error('alternatives', '最多 20 个 / at most 20 alternatives');
    return {
      row: row.row,
      itemCode: r.required('itemCode', codeCell(64)) ?? '',
      version: r.get('version', codeCell(20, true)) ?? null,
      seq: r.required('seq', integer(1, 9999)) ?? 0,
      name: r.required('name', textCell(100)) ?? '',
      workCenterCode,
      setupMinutes: r.get('setupMinutes', minutes) ?? '0',
      runMinutes,
      queueMinutes: r.get('queueMinutes', minutes) ?? '0',
      moveMinutes: r.get('moveMinutes', minutes) ?? '0',
      skill: r.get('skill', textCell(50)) ?? '',
      inspectionPoint: r.get('inspectionPoint', parseBoolean) ?? false,
      sopUrl: r.get('sopUrl', textCell(500)) ?? '',
      alternatives,
    };
  });
}

// ── customers and suppliers ───────────────────────────────────────────────────────────────────────

export interface PartnerRecord {
  row: number;
  code: string;
  name: string;
  taxId?: string;
  address?: string;
  paymentTerms?: string;
  /** The first (primary) contact; undefined when the row gives none (contacts are then kept). */
  contact?: Contact;
  status?: 'active' | 'inactive';
}

const emailCell = (text: string): CellResult<string> =>
  text.length <= 254 && isEmail(text)
    ? { ok: true, value: text }
    : { ok: false, message: `不是有效的邮箱 / not an email address: ${text}` };

export function parsePartnerRows(header: HeaderMap, rows: SheetRow[], sink: ErrorSink): PartnerRecord[] {
  return rows.map((row) => {
    const r = new RowReader(header, sink, row);
    const record: PartnerRecord = {
      row: row.row,
      code: r.required('code', codeCell(40)) ?? '',
      name: r.required('name', textCell(200)) ?? '',
    };
    const text = (field: 'taxId' | 'address' | 'paymentTerms', max: number) => {
      const value = r.get(field, textCell(max));
      if (value !== undefined) record[field] = value ?? '';
    };
    text('taxId', 40);
    text('address', 300);
    text('paymentTerms', 100);
    const status = r.get('status', enumCell(PARTNER_STATUS_CELLS));
    if (status !== undefined) record.status = status ?? 'active';
    const name = r.get('contactName', textCell(50));
    const phone = r.get('contactPhone', textCell(30));
    const email = r.get('contactEmail', emailCell);
    if (name) {
      record.contact = { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
    } else if (phone || email) {
      r.error('contactName', '填写电话或邮箱时联系人必填 / required with a phone or email');
    }
    return record;
  });
}
