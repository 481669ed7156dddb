import { nth } from './arrays';
import { formatDay as isoDay } from './calendar-days';
import { pastDueRelease, receiptExceptions } from './exceptions';
import { lowLevelCodes } from './low-level-codes';
import type {
  MrpException,
  MrpItemRecord,
  MrpPlanOptions,
  MrpPlannedOrder,
  MrpRecordBucket,
  MrpResult,
  MrpResultWithRecords,
} from './model';
import { validateModel } from './model-validator';
import { netItem, type NettingResult } from './netting';
import type { NormalizedModel, PlanItem, PlanReceipt } from './normalized-model';
import { pegItem, pegScratch, type FirmSupply, type PeggedOrder, type Requirement } from './pegging';
import { formatQty, mulQty, type Qty } from './quantity';

/**
 * Plans a model (parsed JSON, PLANNING-FORMATS.md): validates it (`MrpModelError` naming the fields),
 * nets the items in low-level-code order, sizes planned orders by their lot rules, explodes them into
 * their components' gross requirements, pegs every planned order to the top-level demands and reports
 * the exceptions. Pure and synchronous; `onProgress` lets a job report how far it is.
 */
export function planMrp(model: unknown, options: MrpPlanOptions & { records: true }): MrpResultWithRecords;
export function planMrp(model: unknown, options?: MrpPlanOptions): MrpResult;
export function planMrp(model: unknown, options: MrpPlanOptions = {}): MrpResult | MrpResultWithRecords {
  return planNormalized(validateModel(model), options);
}

export interface OrderState extends PeggedOrder {
  release: number;
}

/** Receives each planned order instead of `plannedOrders` (the CLI writes JSON from it directly). */
export type OrderSink = (item: PlanItem, order: OrderState, formatDay: (day: number) => string) => void;

export function planNormalized(
  model: NormalizedModel,
  options: MrpPlanOptions = {},
  sink?: OrderSink,
): MrpResult | MrpResultWithRecords {
  const { items, bom, start, demandLabels } = model;
  const n = items.length;
  const progress = options.onProgress;
  const levels = lowLevelCodes(
    items.map((item) => item.code),
    bom,
  );
  progress?.(0.05);

  const sequence = items
    .map((item) => item.index)
    .sort((a, b) => nth(levels, a) - nth(levels, b) || compareCodes(nth(items, a).code, nth(items, b).code));

  const demandsOf: Requirement[][] = Array.from({ length: n }, () => []);
  for (const demand of model.demands) {
    nth(demandsOf, demand.item).push({
      day: demand.day,
      qty: demand.qty,
      label: demand.label,
      parent: null,
      factor: 0n,
    });
  }
  // Dependent requirements wait as (parent order, BOM line) pairs: no objects kept across items.
  const dependentOrders: OrderState[][] = Array.from({ length: n }, () => []);
  const dependentLines: number[][] = Array.from({ length: n }, () => []);
  const receiptsOf: PlanReceipt[][] = Array.from({ length: n }, () => []);
  for (const receipt of model.receipts) nth(receiptsOf, receipt.item).push(receipt);

  const dates = new Map<number, string>();
  const formatDay = (day: number): string => {
    let text = dates.get(day);
    if (text === undefined) {
      text = isoDay(day);
      dates.set(day, text);
    }
    return text;
  };

  const plannedOrders: MrpPlannedOrder[] = [];
  const exceptions: MrpException[] = [];
  const records: MrpItemRecord[] = [];
  const step = Math.max(1, Math.floor(n / 50));
  const scratch = pegScratch(demandLabels.length);

  for (let position = 0; position < n; position++) {
    const itemIndex = nth(sequence, position);
    const item = nth(items, itemIndex);
    const itemRequirements = nth(demandsOf, itemIndex);
    demandsOf[itemIndex] = [];
    const parents = nth(dependentOrders, itemIndex);
    const lines = nth(dependentLines, itemIndex);
    dependentOrders[itemIndex] = [];
    dependentLines[itemIndex] = [];
    for (let k = 0; k < parents.length; k++) {
      const parent = nth(parents, k);
      const factor = nth(bom.factor, nth(lines, k));
      const day = parent.release < start ? start : parent.release;
      itemRequirements.push({ day, qty: mulQty(parent.qty, factor), label: -1, parent, factor });
    }
    itemRequirements.sort(byDay);
    const receipts = nth(receiptsOf, itemIndex).sort((a, b) => a.day - b.day || a.seq - b.seq);
    const available = item.onHand - item.allocated;

    const phased = timePhase(start, itemRequirements, receipts);
    const netting = netItem(
      { ...phased, available, safetyStock: item.safetyStock, lot: item.lot },
      options.records === true,
    );

    const orders: OrderState[] = netting.orderDay.map((dayIndex, k) => {
      const due = nth(phased.days, dayIndex);
      return {
        due,
        release: due - item.leadTimeDays,
        qty: nth(netting.orderQty, k),
        pegLabels: [],
        pegQtys: [],
      };
    });

    // Allocations beyond stock are older commitments: they take the first supply, pegged to nothing.
    const firm: FirmSupply[] = [];
    if (available > 0n) firm.push({ day: start, qty: available });
    else if (available < 0n)
      itemRequirements.unshift({ day: start, qty: -available, label: -1, parent: null, factor: 0n });
    for (const receipt of receipts) firm.push(receipt);
    pegItem(itemRequirements, firm, orders, scratch);

    // Explode into the components' gross requirements on the release day (not before start).
    const firstLine = nth(bom.lineStart, itemIndex);
    const endLine = nth(bom.lineStart, itemIndex + 1);
    for (const order of orders) {
      for (let line = firstLine; line < endLine; line++) {
        const child = nth(bom.child, line);
        nth(dependentOrders, child).push(order);
        nth(dependentLines, child).push(line);
      }
    }

    const itemExceptions = receiptExceptions({
      item: item.code,
      available,
      safetyStock: item.safetyStock,
      days: phased.days,
      gross: phased.gross,
      receipts,
      deferToleranceDays: model.deferToleranceDays,
      formatDay,
    });
    for (const order of orders) {
      if (order.release < start) {
        itemExceptions.push(pastDueRelease(item.code, item.kind, order.release, order.due, start, formatDay));
      }
    }
    if (itemExceptions.length > 1) itemExceptions.sort(byDateThenType);
    for (const exception of itemExceptions) exceptions.push(exception);

    if (sink) for (const order of orders) sink(item, order, formatDay);
    else
      for (const order of orders) {
        const pegs = new Array<{ demand: string; qty: string }>(order.pegLabels.length);
        for (let k = 0; k < pegs.length; k++) {
          pegs[k] = {
            demand: nth(demandLabels, nth(order.pegLabels, k)),
            qty: formatQty(nth(order.pegQtys, k)),
          };
        }
        plannedOrders.push({
          item: item.code,
          kind: item.kind,
          qty: formatQty(order.qty),
          release: formatDay(order.release),
          due: formatDay(order.due),
          pegs,
        });
      }

    if (options.records === true) {
      records.push(itemRecord(item, nth(levels, itemIndex), available, phased, netting, orders, formatDay));
    }
    if (progress && (position + 1) % step === 0) progress(0.05 + (0.95 * (position + 1)) / n);
  }
  progress?.(1);
  return options.records === true ? { plannedOrders, exceptions, records } : { plannedOrders, exceptions };
}

/** Item codes in a locale-independent order (UTF-16 code units). */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byDay = (a: { day: number }, b: { day: number }) => a.day - b.day;

const TYPE_RANK = { PAST_DUE_RELEASE: 0, EXPEDITE: 1, DEFER: 2, CANCEL: 3 } as const;
function byDateThenType(a: MrpException, b: MrpException): number {
  const x = a.date ?? '';
  const y = b.date ?? '';
  return x < y ? -1 : x > y ? 1 : TYPE_RANK[a.type] - TYPE_RANK[b.type];
}

interface TimePhased {
  days: number[];
  gross: Qty[];
  receipts: Qty[];
}

/** Start plus every day with a requirement or a receipt, with their totals (both lists sorted by day). */
function timePhase(
  start: number,
  requirements: readonly Requirement[],
  receipts: readonly PlanReceipt[],
): TimePhased {
  const days: number[] = [start];
  const gross: Qty[] = [0n];
  const incoming: Qty[] = [0n];
  let r = 0;
  let s = 0;
  let last = 0;
  while (r < requirements.length || s < receipts.length) {
    const rd = r < requirements.length ? nth(requirements, r).day : Infinity;
    const sd = s < receipts.length ? nth(receipts, s).day : Infinity;
    const day = rd < sd ? rd : sd;
    if (day !== days[last]) {
      days.push(day);
      gross.push(0n);
      incoming.push(0n);
      last++;
    }
    if (rd === day) gross[last] = nth(gross, last) + nth(requirements, r++).qty;
    else incoming[last] = nth(incoming, last) + nth(receipts, s++).qty;
  }
  return { days, gross, receipts: incoming };
}

function itemRecord(
  item: PlanItem,
  lowLevelCode: number,
  available: Qty,
  phased: TimePhased,
  netting: NettingResult,
  orders: readonly OrderState[],
  formatDay: (day: number) => string,
): MrpItemRecord {
  const releases = new Map<number, Qty>();
  for (const order of orders) releases.set(order.release, (releases.get(order.release) ?? 0n) + order.qty);
  const allDays = [...new Set([...phased.days, ...releases.keys()])].sort((a, b) => a - b);
  const buckets: MrpRecordBucket[] = [];
  let at = -1;
  for (const day of allDays) {
    while (at + 1 < phased.days.length && nth(phased.days, at + 1) <= day) at++;
    const onEventDay = at >= 0 && phased.days[at] === day;
    buckets.push({
      date: formatDay(day),
      gross: formatQty(onEventDay ? nth(phased.gross, at) : 0n),
      scheduledReceipts: formatQty(onEventDay ? nth(phased.receipts, at) : 0n),
      projectedBalance: formatQty(at >= 0 ? nth(netting.balance ?? [], at) : available),
      netRequirement: formatQty(onEventDay ? nth(netting.net ?? [], at) : 0n),
      plannedReceipts: formatQty(onEventDay ? nth(netting.planned ?? [], at) : 0n),
      plannedReleases: formatQty(releases.get(day) ?? 0n),
    });
  }
  return {
    item: item.code,
    kind: item.kind,
    lowLevelCode,
    leadTimeDays: item.leadTimeDays,
    safetyStock: formatQty(item.safetyStock),
    onHand: formatQty(item.onHand),
    allocated: formatQty(item.allocated),
    available: formatQty(available),
    buckets,
  };
}
