import { ApiError } from '@mes/web-core';
import type {
  ItemInput,
  ItemStatus,
  ItemType,
  ItemView,
  LotSizing,
  MakeOrBuy,
  UnitConversion,
} from './api/item.api';
import type { BomInput, BomLineInput, BomReplaceInput, BomTreeNode, BomView } from './api/bom.api';
import type { WarehouseInput, WarehouseView } from './api/warehouse.api';
import type { Contact, PartnerInput, PartnerKind, PartnerView } from './api/partner.api';
import type { UnitInput, UnitView } from './api/unit.api';

export { MODULE_KEY } from './module-key';

export { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@mes/web-core/pages';

/** Lengths and ranges the API accepts (its DTOs), so that the form refuses first. */
export const LIMITS = {
  itemCode: 64,
  code: 40,
  unitCode: 20,
  name: 200,
  shortName: 100,
  unitName: 50,
  spec: 200,
  barcode: 128,
  version: 20,
  orderRef: 64,
  address: 300,
  warehouseAddress: 200,
  taxId: 40,
  paymentTerms: 100,
  contactName: 50,
  contactTitle: 50,
  phone: 30,
  email: 254,
  leadTimeDays: 3650,
  lotPeriods: 365,
  precision: 6,
  operationSeq: 9999,
} as const;

/** Codes of items, warehouses, locations, customers, suppliers: letters, digits and - _ . / */
export const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_./]*$/u;
/** BOM versions: letters, digits and - _ . */
export const VERSION_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-_.]*$/u;

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export interface Option<V extends string> {
  value: V;
  labelKey: string;
  tagType?: TagType;
}

export const ITEM_TYPE_OPTIONS: Option<ItemType>[] = [
  { value: 'finished', labelKey: 'masterData.itemType.finished', tagType: 'success' },
  { value: 'semi', labelKey: 'masterData.itemType.semi', tagType: 'primary' },
  { value: 'raw', labelKey: 'masterData.itemType.raw', tagType: 'info' },
  { value: 'consumable', labelKey: 'masterData.itemType.consumable', tagType: 'warning' },
  { value: 'spare', labelKey: 'masterData.itemType.spare', tagType: 'info' },
];

export const MAKE_OR_BUY_OPTIONS: Option<MakeOrBuy>[] = [
  { value: 'make', labelKey: 'masterData.makeOrBuy.make' },
  { value: 'buy', labelKey: 'masterData.makeOrBuy.buy' },
];

export const ITEM_STATUS_OPTIONS: Option<ItemStatus>[] = [
  { value: 'active', labelKey: 'masterData.itemStatus.active', tagType: 'success' },
  { value: 'obsolete', labelKey: 'masterData.itemStatus.obsolete', tagType: 'info' },
];

export const PARTNER_STATUS_OPTIONS: Option<PartnerView['status']>[] = [
  { value: 'active', labelKey: 'masterData.partnerStatus.active', tagType: 'success' },
  { value: 'inactive', labelKey: 'masterData.partnerStatus.inactive', tagType: 'info' },
];

export type LotRule = LotSizing['rule'];

/** Lot sizing rules and the i18n keys of their label and hint. */
export const LOT_RULE_OPTIONS: Option<LotRule>[] = [
  { value: 'LFL', labelKey: 'masterData.lotRule.LFL' },
  { value: 'FOQ', labelKey: 'masterData.lotRule.FOQ' },
  { value: 'POQ', labelKey: 'masterData.lotRule.POQ' },
  { value: 'MINMULT', labelKey: 'masterData.lotRule.MINMULT' },
];

export function optionOf<V extends string>(options: readonly Option<V>[], value: string) {
  return options.find((o) => o.value === value);
}

/** Table columns of the item list: property, i18n key of the header, width. */
export const ITEM_COLUMNS: { prop: keyof ItemView; labelKey: string; minWidth: number }[] = [
  { prop: 'code', labelKey: 'masterData.fields.code', minWidth: 130 },
  { prop: 'name', labelKey: 'masterData.fields.name', minWidth: 140 },
  { prop: 'spec', labelKey: 'masterData.fields.spec', minWidth: 130 },
  { prop: 'type', labelKey: 'masterData.fields.type', minWidth: 90 },
  { prop: 'baseUnit', labelKey: 'masterData.fields.baseUnit', minWidth: 80 },
  { prop: 'makeOrBuy', labelKey: 'masterData.fields.makeOrBuy', minWidth: 80 },
  { prop: 'status', labelKey: 'masterData.fields.status', minWidth: 80 },
];

// ---------------------------------------------------------------- decimals (strings, never numbers)

/** Quantities are numeric(18,6): at most 12 integer digits and 6 decimals. */
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

/** A non-negative decimal string ("0", "12.5"); no sign, no exponent, at most 6 decimals. */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim().replace(/^0+(?=\d)/, ''));
}

/** A decimal string greater than zero. */
export function isPositiveDecimal(value: string): boolean {
  return isDecimal(value) && /[1-9]/.test(value);
}

/** A decimal string in [0, 1) — a rate such as a scrap rate ("0.05" = 5 %). */
export function isRate(value: string): boolean {
  return isDecimal(value) && /^0(\.\d+)?$/.test(value.trim());
}

// ---------------------------------------------------------------- server errors → form fields

/** API field paths ("contacts[2].phone") to form fields ("contacts"). */
export function formFieldOf(path: string): string {
  return path.replace(/\[\d+\].*$/, '').split('.')[0] ?? path;
}

/** The row and field of a detail on a list field: "lines[2].qtyPer" → { index: 2, field: "qtyPer" }. */
export function rowFieldOf(path: string, list: string): { index: number; field: string } | null {
  const m = new RegExp(`^${list}\\[(\\d+)\\](?:\\.(\\w+))?`).exec(path);
  if (!m?.[1]) return null;
  return { index: Number(m[1]), field: m[2] ?? '' };
}

/**
 * Errors of table rows keyed by the row's index on screen (first message wins). Blank rows are not
 * sent, so "list[i]" in an API detail counts the filled rows only; this maps it back.
 */
export function rowErrorsOfFilled<R>(
  error: unknown,
  rows: readonly R[],
  isBlank: (row: R) => boolean,
  list: string,
): Record<number, string> {
  const out: Record<number, string> = {};
  if (!(error instanceof ApiError)) return out;
  const filled = rows.flatMap((row, i) => (isBlank(row) ? [] : [i]));
  for (const d of error.details) {
    const at = rowFieldOf(d.field, list);
    const index = at ? filled[at.index] : undefined;
    if (index !== undefined) out[index] ??= d.message;
  }
  return out;
}

/** Field errors of an API error keyed by form field (first message wins); empty for other errors. */
export function serverFieldErrors(error: unknown, fieldOf: (path: string) => string = formFieldOf) {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    if (!d.field) continue;
    out[fieldOf(d.field)] ??= d.message;
  }
  return out;
}

// ---------------------------------------------------------------- units

export interface UnitForm {
  code: string;
  name: string;
  precision: number;
}

export const emptyUnitForm = (): UnitForm => ({ code: '', name: '', precision: 0 });
export const unitToForm = (u: UnitView): UnitForm => ({ code: u.code, name: u.name, precision: u.precision });
export const unitFormToInput = (f: UnitForm): UnitInput => ({
  code: f.code.trim(),
  name: f.name.trim(),
  precision: f.precision,
});

// ---------------------------------------------------------------- items

/** One editable row "1 [unit] = [factor] [base unit]". */
export interface ConversionRow {
  unit: string;
  factor: string;
}

export interface ItemForm {
  code: string;
  name: string;
  spec: string;
  type: ItemType;
  baseUnit: string;
  makeOrBuy: MakeOrBuy;
  leadTimeDays: number;
  safetyStock: string;
  lotRule: LotRule;
  /** FOQ: the fixed quantity. */
  lotQty: string;
  /** POQ: the number of periods (days) one order covers. */
  lotPeriods: number;
  /** MINMULT: the minimum and the multiple. */
  lotMin: string;
  lotMultiple: string;
  lotTracked: boolean;
  barcode: string;
  defaultWarehouseCode: string;
  inspectionRequired: boolean;
  status: ItemStatus;
  conversions: ConversionRow[];
}

type LotFields = Pick<ItemForm, 'lotRule' | 'lotQty' | 'lotPeriods' | 'lotMin' | 'lotMultiple'>;

/** The lot-sizing fields of the form; the fields of the other rules keep their defaults. */
export function lotSizingToForm(lot: LotSizing | undefined): LotFields {
  const fields: LotFields = { lotRule: 'LFL', lotQty: '', lotPeriods: 1, lotMin: '', lotMultiple: '' };
  if (!lot) return fields;
  switch (lot.rule) {
    case 'LFL':
      return fields;
    case 'FOQ':
      return { ...fields, lotRule: 'FOQ', lotQty: lot.qty };
    case 'POQ':
      return { ...fields, lotRule: 'POQ', lotPeriods: lot.periods };
    case 'MINMULT':
      return { ...fields, lotRule: 'MINMULT', lotMin: lot.min, lotMultiple: lot.multiple };
  }
}

/** The lot sizing of the form: only the fields of the chosen rule. */
export function formToLotSizing(form: LotFields): LotSizing {
  switch (form.lotRule) {
    case 'LFL':
      return { rule: 'LFL' };
    case 'FOQ':
      return { rule: 'FOQ', qty: form.lotQty.trim() };
    case 'POQ':
      return { rule: 'POQ', periods: form.lotPeriods };
    case 'MINMULT':
      return { rule: 'MINMULT', min: form.lotMin.trim(), multiple: form.lotMultiple.trim() };
  }
}

/** Finished goods and semis are usually made, the rest bought. */
export function defaultMakeOrBuy(type: ItemType): MakeOrBuy {
  return type === 'finished' || type === 'semi' ? 'make' : 'buy';
}

export function emptyItemForm(): ItemForm {
  return {
    code: '',
    name: '',
    spec: '',
    type: 'raw',
    baseUnit: '',
    makeOrBuy: 'buy',
    leadTimeDays: 0,
    safetyStock: '0',
    ...lotSizingToForm(undefined),
    lotTracked: false,
    barcode: '',
    defaultWarehouseCode: '',
    inspectionRequired: false,
    status: 'active',
    conversions: [],
  };
}

export function conversionsToRows(conversions: readonly UnitConversion[]): ConversionRow[] {
  return conversions.map((c) => ({ unit: c.unit, factor: c.factor }));
}

/** Rows → the API's conversions: trimmed, rows left entirely blank dropped. */
export function rowsToConversions(rows: readonly ConversionRow[]): UnitConversion[] {
  return rows
    .map((r) => ({ unit: r.unit.trim(), factor: r.factor.trim() }))
    .filter((r) => r.unit !== '' || r.factor !== '');
}

/**
 * What is wrong with each conversion row (i18n key, or null): a unit and a positive factor are
 * needed, the unit must differ from the base unit and appear once.
 */
export function conversionRowErrors(rows: readonly ConversionRow[], baseUnit: string): (string | null)[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    const unit = r.unit.trim();
    const factor = r.factor.trim();
    if (unit === '' && factor === '') return null;
    if (unit === '') return 'masterData.rules.conversionUnitRequired';
    if (unit === baseUnit.trim()) return 'masterData.rules.conversionIsBase';
    if (seen.has(unit)) return 'masterData.rules.conversionDuplicate';
    seen.add(unit);
    if (!isPositiveDecimal(factor)) return 'masterData.rules.conversionFactor';
    return null;
  });
}

export function itemToForm(item: ItemView): ItemForm {
  return {
    code: item.code,
    name: item.name,
    spec: item.spec,
    type: item.type,
    baseUnit: item.baseUnit,
    makeOrBuy: item.makeOrBuy,
    leadTimeDays: item.leadTimeDays,
    safetyStock: item.safetyStock,
    ...lotSizingToForm(item.lotSizing),
    lotTracked: item.lotTracked,
    barcode: item.barcode ?? '',
    defaultWarehouseCode: item.defaultWarehouseCode ?? '',
    inspectionRequired: item.inspectionRequired,
    status: item.status,
    conversions: conversionsToRows(item.conversions),
  };
}

/** The request body: trimmed strings, blanks as null, quantities kept as the strings typed. */
export function itemFormToInput(form: ItemForm): ItemInput {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    spec: form.spec.trim(),
    type: form.type,
    baseUnit: form.baseUnit.trim(),
    makeOrBuy: form.makeOrBuy,
    leadTimeDays: form.leadTimeDays,
    safetyStock: form.safetyStock.trim() || '0',
    lotSizing: formToLotSizing(form),
    lotTracked: form.lotTracked,
    barcode: form.barcode.trim() || null,
    defaultWarehouseCode: form.defaultWarehouseCode.trim() || null,
    inspectionRequired: form.inspectionRequired,
    status: form.status,
    conversions: rowsToConversions(form.conversions),
  };
}

const LOT_FIELDS: Record<string, keyof ItemForm> = {
  qty: 'lotQty',
  periods: 'lotPeriods',
  min: 'lotMin',
  multiple: 'lotMultiple',
};

/** API field paths of an item to form fields ("lotSizing.qty" → "lotQty", "conversions[1].factor" → "conversions"). */
export function itemFieldOf(path: string): string {
  const lot = /^lotSizing(?:\.(\w+))?/.exec(path);
  if (lot) return (lot[1] && LOT_FIELDS[lot[1]]) || 'lotRule';
  return formFieldOf(path);
}

// ---------------------------------------------------------------- BOMs

export interface BomLineRow {
  /** Stable row key for the table (not sent). */
  key: number;
  itemCode: string;
  /** Shown next to the code; not sent. */
  itemName: string;
  unit: string;
  qtyPer: string;
  scrapRate: string;
  operationSeq: number | null;
  /** Effectivity (YYYY-MM-DD), empty for open-ended. */
  validFrom: string;
  validTo: string;
}

export interface BomForm {
  itemCode: string;
  itemName: string;
  version: string;
  isDefault: boolean;
  lines: BomLineRow[];
}

let rowKey = 0;
export function emptyBomLine(): BomLineRow {
  rowKey += 1;
  return {
    key: rowKey,
    itemCode: '',
    itemName: '',
    unit: '',
    qtyPer: '',
    scrapRate: '',
    operationSeq: null,
    validFrom: '',
    validTo: '',
  };
}

export function emptyBomForm(itemCode = ''): BomForm {
  return { itemCode, itemName: '', version: '', isDefault: true, lines: [emptyBomLine()] };
}

export function bomToForm(bom: BomView): BomForm {
  return {
    itemCode: bom.itemCode,
    itemName: bom.itemName,
    version: bom.version,
    isDefault: bom.isDefault,
    lines: [...bom.lines]
      .sort((a, b) => a.seq - b.seq)
      .map((l) => ({
        ...emptyBomLine(),
        itemCode: l.itemCode,
        itemName: l.itemName,
        unit: l.unit,
        qtyPer: l.qtyPer,
        scrapRate: l.scrapRate,
        operationSeq: l.operationSeq,
        validFrom: l.validFrom ?? '',
        validTo: l.validTo ?? '',
      })),
  };
}

/** The lines as sent, in table order (so that "lines[i]" in an error is row i); blanks omitted. */
export function bomLinesToInput(rows: readonly BomLineRow[]): BomLineInput[] {
  return rows.map((r) => {
    const line: BomLineInput = { itemCode: r.itemCode.trim(), qtyPer: r.qtyPer.trim() };
    if (r.scrapRate.trim()) line.scrapRate = r.scrapRate.trim();
    if (r.operationSeq !== null) line.operationSeq = r.operationSeq;
    // Sent always, so saving a BOM never drops dates a line had (blank = open-ended).
    line.validFrom = r.validFrom || null;
    line.validTo = r.validTo || null;
    return line;
  });
}

export function bomFormToInput(form: BomForm): BomInput {
  const input: BomInput = {
    itemCode: form.itemCode.trim(),
    isDefault: form.isDefault,
    lines: bomLinesToInput(form.lines),
  };
  if (form.version.trim()) input.version = form.version.trim();
  return input;
}

export function bomFormToReplace(form: BomForm): BomReplaceInput {
  const input: BomReplaceInput = { lines: bomLinesToInput(form.lines) };
  if (form.version.trim()) input.version = form.version.trim();
  return input;
}

export type BomLineField = 'itemCode' | 'qtyPer' | 'scrapRate' | 'operationSeq';
export type BomLineErrors = Partial<Record<BomLineField, string>>;

/** Client-side checks of the lines (i18n keys per row and field). */
export function bomLineErrors(rows: readonly BomLineRow[], parentCode: string): BomLineErrors[] {
  return rows.map((r) => {
    const errors: BomLineErrors = {};
    const code = r.itemCode.trim();
    if (!code) errors.itemCode = 'masterData.rules.componentRequired';
    else if (code === parentCode.trim()) errors.itemCode = 'masterData.rules.componentIsParent';
    if (!r.qtyPer.trim()) errors.qtyPer = 'masterData.rules.qtyPerRequired';
    else if (!isPositiveDecimal(r.qtyPer)) errors.qtyPer = 'masterData.rules.qtyPerInvalid';
    if (r.scrapRate.trim() && !isRate(r.scrapRate)) errors.scrapRate = 'masterData.rules.scrapRateInvalid';
    return errors;
  });
}

/** The item codes of a 409 `BOM_CYCLE`, in cycle order; null for any other error. */
export function cycleOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'BOM_CYCLE') return null;
  return error.detailValues('lines');
}

/** "A → B → A": the cycle closed on its first code (whether or not the API repeats it). */
export function formatCycle(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  const closed = codes.length > 1 && codes[0] === codes[codes.length - 1] ? codes : [...codes, codes[0]];
  return closed.join(' → ');
}

/** A node of the explosion as a tree-table row: a unique key, no empty children arrays. */
export interface BomTreeRow extends Omit<BomTreeNode, 'children'> {
  key: string;
  children?: BomTreeRow[];
}

export function toTreeRows(node: BomTreeNode, key = '0'): BomTreeRow {
  const { children, ...rest } = node;
  const row: BomTreeRow = { ...rest, key };
  if (children.length) row.children = children.map((c, i) => toTreeRows(c, `${key}.${i}`));
  return row;
}

/** Every node of the explosion, depth first, root first. */
export function flattenTree(node: BomTreeNode): BomTreeNode[] {
  return [node, ...node.children.flatMap(flattenTree)];
}

// ---------------------------------------------------------------- warehouses

export interface LocationRow {
  code: string;
  name: string;
}

export interface WarehouseForm {
  code: string;
  name: string;
  address: string;
  /** Stock in this warehouse may go below zero (允许负库存). */
  allowNegativeStock: boolean;
  locations: LocationRow[];
}

export const emptyWarehouseForm = (): WarehouseForm => ({
  code: '',
  name: '',
  address: '',
  allowNegativeStock: false,
  locations: [],
});

export const warehouseToForm = (w: WarehouseView): WarehouseForm => ({
  code: w.code,
  name: w.name,
  address: w.address,
  allowNegativeStock: w.allowNegativeStock,
  locations: w.locations.map((l) => ({ code: l.code, name: l.name })),
});

/** The body; on an update the locations list replaces the stored one. Blank rows are dropped. */
export function warehouseFormToInput(form: WarehouseForm): WarehouseInput {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    address: form.address.trim(),
    allowNegativeStock: form.allowNegativeStock,
    locations: form.locations
      .map((l) => ({ code: l.code.trim(), name: l.name.trim() }))
      .filter((l) => l.code !== '' || l.name !== ''),
  };
}

/** Per location row: i18n key of what is wrong, or null (code and name needed, codes unique). */
export function locationRowErrors(rows: readonly LocationRow[]): (string | null)[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    const code = r.code.trim();
    if (code === '' && r.name.trim() === '') return null;
    if (code === '') return 'masterData.rules.locationCodeRequired';
    if (!CODE_PATTERN.test(code)) return 'masterData.rules.codeInvalid';
    if (seen.has(code)) return 'masterData.rules.locationDuplicate';
    seen.add(code);
    if (r.name.trim() === '') return 'masterData.rules.locationNameRequired';
    return null;
  });
}

// ---------------------------------------------------------------- customers / suppliers

export interface ContactRow {
  name: string;
  phone: string;
  email: string;
  title: string;
}

export interface PartnerForm {
  code: string;
  name: string;
  taxId: string;
  address: string;
  paymentTerms: string;
  contacts: ContactRow[];
  status: PartnerView['status'];
}

export const emptyContact = (): ContactRow => ({ name: '', phone: '', email: '', title: '' });

export const emptyPartnerForm = (): PartnerForm => ({
  code: '',
  name: '',
  taxId: '',
  address: '',
  paymentTerms: '',
  contacts: [],
  status: 'active',
});

export const partnerToForm = (p: PartnerView): PartnerForm => ({
  code: p.code,
  name: p.name,
  taxId: p.taxId,
  address: p.address,
  paymentTerms: p.paymentTerms,
  contacts: p.contacts.map((c) => ({
    name: c.name,
    phone: c.phone ?? '',
    email: c.email ?? '',
    title: c.title ?? '',
  })),
  status: p.status,
});

/** The body: trimmed; contact rows left blank dropped, blank contact fields omitted. */
export function partnerFormToInput(form: PartnerForm): PartnerInput {
  const contacts = form.contacts
    .map((c) => {
      const contact: Contact = { name: c.name.trim() };
      if (c.phone.trim()) contact.phone = c.phone.trim();
      if (c.email.trim()) contact.email = c.email.trim();
      if (c.title.trim()) contact.title = c.title.trim();
      return contact;
    })
    .filter((c) => Object.values(c).some((v) => v !== ''));
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    taxId: form.taxId.trim(),
    address: form.address.trim(),
    paymentTerms: form.paymentTerms.trim(),
    contacts,
    status: form.status,
  };
}

/** Per contact row: i18n key of what is wrong, or null (a contact with any detail needs a name). */
export function contactRowErrors(rows: readonly ContactRow[]): (string | null)[] {
  return rows.map((c) => {
    const any = [c.phone, c.email, c.title].some((v) => v.trim() !== '');
    if (any && c.name.trim() === '') return 'masterData.rules.contactNameRequired';
    if (c.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email.trim()))
      return 'masterData.rules.emailInvalid';
    return null;
  });
}

/** i18n prefix of the texts of a partner page ("masterData.customers" / "masterData.suppliers"). */
export const partnerTextPrefix = (kind: PartnerKind) => `masterData.${kind}`;
