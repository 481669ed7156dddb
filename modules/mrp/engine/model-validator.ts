import { nth } from './arrays';
import { parseDay } from './calendar-days';
import { DEFAULT_DEFER_TOLERANCE_DAYS } from './model';
import { MrpModelError, type MrpModelErrorDetail } from './mrp-model-error';
import type { LotRule, NormalizedModel, PlanDemand, PlanItem, PlanReceipt } from './normalized-model';
import {
  MAX_QTY,
  QTY_ONE,
  lineFactor,
  overflowMessage,
  parseQty,
  type LineFactor,
  type Qty,
} from './quantity';

const MAX_DETAILS = 100;
/** Placeholder for a BOM line with a bad qtyPer or scrapRate (the model is refused anyway). */
const NO_FACTOR: LineFactor = lineFactor(0, 0);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects every problem (up to 100) so one answer names them all. */
class Problems {
  readonly details: MrpModelErrorDetail[] = [];
  add(field: string, message: string): void {
    if (this.details.length < MAX_DETAILS) this.details.push({ field, message });
  }
  get any(): boolean {
    return this.details.length > 0;
  }
}

const describe = (code: string | undefined) => (code === undefined ? '' : `item "${code}": `);

/**
 * Checks a parsed JSON model against PLANNING-FORMATS.md and turns it into the engine's form.
 * Throws `MrpModelError` naming every bad field (and the item it belongs to).
 */
export function validateModel(input: unknown): NormalizedModel {
  const problems = new Problems();
  if (!isObject(input)) throw new MrpModelError([{ field: '', message: 'the model must be a JSON object' }]);

  const start = typeof input.start === 'string' ? parseDay(input.start) : undefined;
  if (start === undefined) problems.add('start', 'must be a date YYYY-MM-DD');

  let deferToleranceDays = DEFAULT_DEFER_TOLERANCE_DAYS;
  if (input.options !== undefined) {
    if (!isObject(input.options)) problems.add('options', 'must be an object');
    else if (input.options.deferToleranceDays !== undefined) {
      const value = input.options.deferToleranceDays;
      if (!isWholeNumber(value) || value < 0) {
        problems.add('options.deferToleranceDays', 'must be a whole number of days ≥ 0');
      } else deferToleranceDays = value;
    }
  }

  const items = readItems(input.items, problems);
  const codeIndex = new Map<string, number>();
  for (const item of items) {
    if (codeIndex.has(item.code))
      problems.add(`items[${item.index}].code`, `duplicate item code "${item.code}"`);
    else codeIndex.set(item.code, item.index);
  }

  const startDay = start ?? 0;
  const dates = new Map<string, number | undefined>();
  const day = (value: unknown): number | undefined => {
    if (typeof value !== 'string') return undefined;
    let parsed = dates.get(value);
    if (parsed === undefined && !dates.has(value)) {
      parsed = parseDay(value);
      dates.set(value, parsed);
    }
    return parsed === undefined ? undefined : Math.max(parsed, startDay);
  };

  const itemOf = (row: Json, field: string, key = 'item'): number | undefined => {
    const code = row[key];
    if (typeof code !== 'string' || code === '') {
      problems.add(`${field}.${key}`, 'must be an item code');
      return undefined;
    }
    const index = codeIndex.get(code);
    if (index === undefined) problems.add(`${field}.${key}`, `unknown item "${code}"`);
    return index;
  };
  const codeText = (row: Json, key = 'item') => (typeof row[key] === 'string' ? row[key] : undefined);

  const quantity = (row: Json, key: string, field: string, code: string | undefined, positive = false) => {
    const parsed = parseQty(row[key]);
    if (!parsed.ok) {
      problems.add(`${field}.${key}`, `${describe(code)}${key} ${parsed.reason}`);
      return undefined;
    }
    if (positive ? parsed.value <= 0 : parsed.value < 0) {
      problems.add(
        `${field}.${key}`,
        `${describe(code)}${key} must be ${positive ? 'greater than 0' : '≥ 0'}`,
      );
      return undefined;
    }
    return parsed.value;
  };

  // BOM lines
  const bomRows = arrayOf(input.bom, 'bom', problems);
  const lineParent = new Int32Array(bomRows.length);
  const lineChild = new Int32Array(bomRows.length);
  const lineFactors: LineFactor[] = new Array<LineFactor>(bomRows.length);
  const factorCache = new Map<number, { qtyPer: Qty; scrap: Qty; value: LineFactor }>();
  bomRows.forEach((row, i) => {
    const field = `bom[${i}]`;
    if (!isObject(row)) {
      problems.add(field, 'must be an object');
      return;
    }
    const parent = itemOf(row, field, 'parent');
    const child = itemOf(row, field, 'child');
    const code = codeText(row, 'parent');
    const qtyPer = quantity(row, 'qtyPer', field, code, true);
    let scrap: Qty | undefined = 0;
    if (row.scrapRate !== undefined) {
      scrap = quantity(row, 'scrapRate', field, code);
      if (scrap !== undefined && scrap >= QTY_ONE) {
        problems.add(`${field}.scrapRate`, `${describe(code)}scrapRate must be in [0, 1)`);
        scrap = undefined;
      }
    }
    lineParent[i] = parent ?? -1;
    lineChild[i] = child ?? -1;
    if (qtyPer === undefined || scrap === undefined) lineFactors[i] = NO_FACTOR;
    else {
      // Few distinct (qtyPer, scrapRate) pairs: the exact fraction is computed once per pair.
      const key = qtyPer * 2_000_000 + scrap;
      let factor = factorCache.get(key);
      if (factor === undefined || factor.qtyPer !== qtyPer || factor.scrap !== scrap) {
        factor = { qtyPer, scrap, value: lineFactor(qtyPer, scrap) };
        factorCache.set(key, factor);
      }
      lineFactors[i] = factor.value;
    }
  });

  // Stock
  const stock = (key: 'onHand' | 'allocated') => {
    arrayOf(input[key], key, problems).forEach((row, i) => {
      const field = `${key}[${i}]`;
      if (!isObject(row)) {
        problems.add(field, 'must be an object');
        return;
      }
      const item = itemOf(row, field);
      const qty = quantity(row, 'qty', field, codeText(row));
      const target = item === undefined ? undefined : items[item];
      if (target && qty !== undefined) {
        target[key] += qty;
        if (target[key] > MAX_QTY) problems.add(field, overflowMessage(target.code));
      }
    });
  };
  stock('onHand');
  stock('allocated');

  // Scheduled receipts
  const receipts: PlanReceipt[] = [];
  const generatedRefs = new Map<string, number>();
  const generatedRef = (code: string, due: string) => {
    const key = `${code}@${due}`;
    const n = (generatedRefs.get(key) ?? 0) + 1;
    generatedRefs.set(key, n);
    return `${key}#${n}`;
  };
  arrayOf(input.scheduledReceipts, 'scheduledReceipts', problems).forEach((row, i) => {
    const field = `scheduledReceipts[${i}]`;
    if (!isObject(row)) {
      problems.add(field, 'must be an object');
      return;
    }
    const item = itemOf(row, field);
    const code = codeText(row);
    const qty = quantity(row, 'qty', field, code);
    const due = day(row.due);
    if (due === undefined) problems.add(`${field}.due`, `${describe(code)}due must be a date YYYY-MM-DD`);
    const ref = optionalText(row, 'ref', field, problems);
    optionalText(row, 'kind', field, problems);
    if (item === undefined || qty === undefined || due === undefined || code === undefined) return;
    receipts.push({ item, day: due, qty, ref: ref ?? generatedRef(code, String(row.due)), seq: i });
  });

  // Independent demands
  const demands: PlanDemand[] = [];
  const demandLabels: string[] = [];
  const labelIndex = new Map<string, number>();
  generatedRefs.clear();
  arrayOf(input.demands, 'demands', problems).forEach((row, i) => {
    const field = `demands[${i}]`;
    if (!isObject(row)) {
      problems.add(field, 'must be an object');
      return;
    }
    const item = itemOf(row, field);
    const code = codeText(row);
    const qty = quantity(row, 'qty', field, code);
    const due = day(row.due);
    if (due === undefined) problems.add(`${field}.due`, `${describe(code)}due must be a date YYYY-MM-DD`);
    const ref = optionalText(row, 'ref', field, problems);
    if (item === undefined || qty === undefined || due === undefined || code === undefined) return;
    const labelText = ref ?? generatedRef(code, String(row.due));
    let label = labelIndex.get(labelText);
    if (label === undefined) {
      label = demandLabels.length;
      demandLabels.push(labelText);
      labelIndex.set(labelText, label);
    }
    demands.push({ item, day: due, qty, label });
  });

  if (problems.any) throw new MrpModelError(problems.details);

  // Compressed BOM rows by parent, lines kept in model order.
  const lineStart = new Int32Array(items.length + 1);
  for (let i = 0; i < bomRows.length; i++) {
    const slot = nth(lineParent, i) + 1;
    lineStart[slot] = nth(lineStart, slot) + 1;
  }
  for (let p = 0; p < items.length; p++) lineStart[p + 1] = nth(lineStart, p + 1) + nth(lineStart, p);
  const fill = lineStart.slice(0, items.length);
  const child = new Int32Array(bomRows.length);
  const source = new Int32Array(bomRows.length);
  const factor: LineFactor[] = new Array<LineFactor>(bomRows.length);
  for (let i = 0; i < bomRows.length; i++) {
    const parent = nth(lineParent, i);
    const at = nth(fill, parent);
    fill[parent] = at + 1;
    child[at] = nth(lineChild, i);
    source[at] = i;
    factor[at] = nth(lineFactors, i);
  }

  return {
    start: startDay,
    deferToleranceDays,
    items,
    bom: { lineStart, child, factor, source },
    receipts,
    demands,
    demandLabels,
  };
}

function readItems(value: unknown, problems: Problems): PlanItem[] {
  const items: PlanItem[] = [];
  if (!Array.isArray(value)) {
    problems.add('items', 'must be an array of items');
    return items;
  }
  value.forEach((row: unknown, index) => {
    const field = `items[${index}]`;
    if (!isObject(row)) {
      problems.add(field, 'must be an object');
      return;
    }
    const code = typeof row.code === 'string' && row.code !== '' ? row.code : undefined;
    if (code === undefined) problems.add(`${field}.code`, 'must be a non-empty string');
    const name = describe(code);
    const kind = row.type;
    if (kind !== 'make' && kind !== 'buy')
      problems.add(`${field}.type`, `${name}type must be "make" or "buy"`);
    let leadTimeDays = 0;
    if (row.leadTimeDays !== undefined) {
      if (!isWholeNumber(row.leadTimeDays) || row.leadTimeDays < 0) {
        problems.add(`${field}.leadTimeDays`, `${name}leadTimeDays must be a whole number of days ≥ 0`);
      } else leadTimeDays = row.leadTimeDays;
    }
    let safetyStock: Qty = 0;
    if (row.safetyStock !== undefined) {
      const parsed = parseQty(row.safetyStock);
      if (!parsed.ok) problems.add(`${field}.safetyStock`, `${name}safetyStock ${parsed.reason}`);
      else if (parsed.value < 0) problems.add(`${field}.safetyStock`, `${name}safetyStock must be ≥ 0`);
      else safetyStock = parsed.value;
    }
    const lot = readLotSizing(row.lotSizing, `${field}.lotSizing`, name, problems);
    items.push({
      index,
      code: code ?? '',
      kind: kind === 'buy' ? 'buy' : 'make',
      leadTimeDays,
      safetyStock,
      lot,
      onHand: 0,
      allocated: 0,
    });
  });
  return items;
}

function readLotSizing(value: unknown, field: string, name: string, problems: Problems): LotRule {
  if (value === undefined) return { rule: 'LFL' };
  if (!isObject(value)) {
    problems.add(field, `${name}lotSizing must be an object`);
    return { rule: 'LFL' };
  }
  const positive = (key: string, label: string): Qty => {
    const parsed = parseQty(value[key]);
    if (!parsed.ok) problems.add(`${field}.${key}`, `${name}${label} ${parsed.reason}`);
    else if (parsed.value <= 0) problems.add(`${field}.${key}`, `${name}${label} must be greater than 0`);
    else return parsed.value;
    return 1;
  };
  switch (value.rule) {
    case 'LFL':
      return { rule: 'LFL' };
    case 'FOQ':
      return { rule: 'FOQ', qty: positive('qty', 'FOQ qty') };
    case 'POQ': {
      const periods = value.periods;
      if (!isWholeNumber(periods) || periods < 1) {
        problems.add(`${field}.periods`, `${name}POQ periods must be a whole number ≥ 1`);
        return { rule: 'POQ', periods: 1 };
      }
      return { rule: 'POQ', periods };
    }
    case 'MINMULT': {
      let min: Qty = 0;
      if (value.min !== undefined) {
        const parsed = parseQty(value.min);
        if (!parsed.ok) problems.add(`${field}.min`, `${name}MINMULT min ${parsed.reason}`);
        else if (parsed.value < 0) problems.add(`${field}.min`, `${name}MINMULT min must be ≥ 0`);
        else min = parsed.value;
      }
      return { rule: 'MINMULT', min, multiple: positive('multiple', 'MINMULT multiple') };
    }
    default:
      problems.add(`${field}.rule`, `${name}lot sizing rule must be one of LFL, FOQ, POQ, MINMULT`);
      return { rule: 'LFL' };
  }
}

function arrayOf(value: unknown, field: string, problems: Problems): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  problems.add(field, 'must be an array');
  return [];
}

function optionalText(row: Json, key: string, field: string, problems: Problems): string | undefined {
  const value = row[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    problems.add(`${field}.${key}`, `${key} must be a non-empty string`);
    return undefined;
  }
  return value;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
