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
import { quantityOverflow } from './mrp-model-error';
import { netItem } from './netting';
import type { NormalizedModel, PlanItem, PlanReceipt } from './normalized-model';
import { Pegger } from './pegging';
import { ItemWork, OrderTable, PegTable, growInt32 } from './plan-tables';
import { FRACTION_ONE, MAX_QTY, formatExact, formatQty, mulFactor, type Qty } from './quantity';

/**
 * Plans a model (parsed JSON, PLANNING-FORMATS.md): validates it (`MrpModelError` naming the fields),
 * nets the items in low-level-code order, sizes planned orders by their lot rules, explodes them into
 * their components' gross requirements, pegs every planned order to the top-level demands and reports
 * the exceptions. Pure and synchronous; `onProgress` lets a job report how far it is.
 */
export function planMrp(model: unknown, options: MrpPlanOptions & { records: true }): MrpResultWithRecords;
export function planMrp(model: unknown, options?: MrpPlanOptions): MrpResult;
export function planMrp(model: unknown, options: MrpPlanOptions = {}): MrpResult | MrpResultWithRecords {
  const normalized = validateModel(model);
  const plan = planNormalized(normalized, options);
  const plannedOrders = plannedOrderObjects(normalized, plan);
  return plan.records === null
    ? { plannedOrders, exceptions: plan.exceptions }
    : { plannedOrders, exceptions: plan.exceptions, records: plan.records };
}

/** The engine's result before formatting: planned orders and pegs as tables, in output order. */
export interface Plan {
  orders: OrderTable;
  pegs: PegTable;
  exceptions: MrpException[];
  records: MrpItemRecord[] | null;
  /** `YYYY-MM-DD` of a day number (cached). */
  formatDay: (day: number) => string;
}

/** Planned orders as result objects. */
function plannedOrderObjects(model: NormalizedModel, plan: Plan): MrpPlannedOrder[] {
  const { orders, pegs, formatDay } = plan;
  const { items, demandLabels } = model;
  const result = new Array<MrpPlannedOrder>(orders.count);
  for (let o = 0; o < orders.count; o++) {
    const first = orders.pegStart[o] ?? 0;
    const end = orders.pegEnd[o] ?? 0;
    const orderPegs = new Array<{ demand: string; qty: string }>(end - first);
    for (let k = first; k < end; k++) {
      orderPegs[k - first] = {
        demand: demandLabels[pegs.label[k] ?? 0] ?? '',
        qty: formatQty(pegs.qty[k] ?? 0),
      };
    }
    const item = items[orders.item[o] ?? 0];
    result[o] = {
      item: item?.code ?? '',
      kind: item?.kind ?? 'make',
      qty: formatQty(orders.qty[o] ?? 0),
      release: formatDay(orders.release[o] ?? 0),
      due: formatDay(orders.due[o] ?? 0),
      pegs: orderPegs,
    };
  }
  return result;
}

/** Items in planning order: by low-level code, then code (UTF-16 code units, locale-independent). */
function planningSequence(items: readonly PlanItem[], levels: Int32Array): Int32Array {
  const sequence = items.map((item) => item.index);
  sequence.sort((a, b) => {
    const byLevel = (levels[a] ?? 0) - (levels[b] ?? 0);
    if (byLevel !== 0) return byLevel;
    const x = items[a]?.code ?? '';
    const y = items[b]?.code ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return Int32Array.from(sequence);
}

/** Rows grouped per item (counting sort, model order kept): rows of item i are `start[i] .. start[i+1]−1`. */
function groupByItem(n: number, rows: readonly { item: number }[]): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const row of rows) start[row.item + 1] = (start[row.item + 1] ?? 0) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, n);
  const grouped = new Int32Array(rows.length);
  rows.forEach((row, index) => {
    const at = fill[row.item] ?? 0;
    fill[row.item] = at + 1;
    grouped[at] = index;
  });
  return { start, rows: grouped };
}

export function planNormalized(model: NormalizedModel, options: MrpPlanOptions = {}): Plan {
  const { items, bom, start } = model;
  const n = items.length;
  const progress = options.onProgress;
  const withRecords = options.records === true;
  const levels = lowLevelCodes(
    items.map((item) => item.code),
    bom,
  );
  progress?.(0.05);
  const sequence = planningSequence(items, levels);

  const demands = groupByItem(n, model.demands);
  const receiptRows = groupByItem(n, model.receipts);

  // Dependent requirements wait as (parent order, BOM line) entries in per-item linked lists.
  const waitingHead = new Int32Array(n).fill(-1);
  const waitingTail = new Int32Array(n).fill(-1);
  const waitingCapacity = Math.max(1 << 16, 4 * bom.child.length);
  let waitingNext = new Int32Array(waitingCapacity);
  let waitingOrder = new Int32Array(waitingCapacity);
  let waitingLine = new Int32Array(waitingCapacity);
  let waitingCount = 0;

  const dates = new Map<number, string>();
  const formatDay = (day: number): string => {
    let text = dates.get(day);
    if (text === undefined) {
      text = isoDay(day);
      dates.set(day, text);
    }
    return text;
  };

  // Sized from the model (grown when needed): fewer copies of the big tables.
  const orders = new OrderTable(Math.max(1024, 4 * n));
  const pegs = new PegTable(Math.max(4096, 32 * n));
  const work = new ItemWork();
  const pegger = new Pegger(model.demandLabels.length, orders, pegs, bom.factor);
  const exceptions: MrpException[] = [];
  const records: MrpItemRecord[] = [];
  const step = Math.max(1, Math.floor(n / 50));
  const product = new Float64Array(2);
  const receipts: PlanReceipt[] = [];

  for (let position = 0; position < n; position++) {
    const itemIndex = sequence[position] ?? 0;
    const item = items[itemIndex];
    if (item === undefined) continue;

    // Requirements: independent demands (model order), then dependent ones as their parents released.
    work.reqCount = 0;
    for (let k = demands.start[itemIndex] ?? 0; k < (demands.start[itemIndex + 1] ?? 0); k++) {
      const demand = model.demands[demands.rows[k] ?? 0];
      if (demand !== undefined) work.addRequirement(demand.day, demand.qty, 0, demand.label, -1, -1);
    }
    for (let e = waitingHead[itemIndex] ?? -1; e >= 0; e = waitingNext[e] ?? -1) {
      const parent = waitingOrder[e] ?? 0;
      const line = waitingLine[e] ?? 0;
      const factor = bom.factor[line];
      if (factor === undefined) continue;
      // parent qty × qtyPer × (1 + scrapRate), exactly: whole millionths and the rest.
      const parentQty = orders.qty[parent] ?? 0;
      let qty: number;
      let fraction: number;
      const exact = parentQty * factor.num;
      if (exact <= MAX_QTY) {
        // The usual case in doubles: an exact integer product, an exact remainder.
        const rest = exact % factor.den;
        qty = (exact - rest) / factor.den;
        fraction = rest * factor.scale;
      } else {
        mulFactor(parentQty, factor, product);
        qty = product[0] ?? 0;
        fraction = product[1] ?? 0;
      }
      if (qty > MAX_QTY) throw quantityOverflow(item);
      const release = orders.release[parent] ?? 0;
      work.addRequirement(release < start ? start : release, qty, fraction, -1, parent, line);
    }
    sortRequirements(work, start);

    receipts.length = 0;
    for (let k = receiptRows.start[itemIndex] ?? 0; k < (receiptRows.start[itemIndex + 1] ?? 0); k++) {
      const receipt = model.receipts[receiptRows.rows[k] ?? 0];
      if (receipt !== undefined) receipts.push(receipt);
    }
    if (receipts.length > 1) receipts.sort(byDayThenSeq);
    const available = item.onHand - item.allocated;

    timePhase(work, start, receipts, available, item);
    netItem(work, item, available);

    const firstOrder = orders.count;
    for (let k = 0; k < work.orderCount; k++) {
      const due = work.days[work.orderDay[k] ?? 0] ?? 0;
      orders.add(itemIndex, due, due - item.leadTimeDays, work.orderQty[k] ?? 0);
    }
    const endOrder = orders.count;

    // Allocations beyond stock are older commitments: they take the first supply, pegged to nothing.
    work.reserveFirm(receipts.length + 1);
    let firm = 0;
    if (available > 0) {
      work.firmDay[firm] = start;
      work.firmQty[firm++] = available;
    }
    for (const receipt of receipts) {
      work.firmDay[firm] = receipt.day;
      work.firmQty[firm++] = receipt.qty;
    }
    work.firmCount = firm;
    pegger.pegItem(work, available < 0 ? -available : 0, firstOrder, endOrder);

    // Explode into the components' gross requirements on the release day (not before start).
    const firstLine = bom.lineStart[itemIndex] ?? 0;
    const endLine = bom.lineStart[itemIndex + 1] ?? 0;
    if (endLine > firstLine) {
      const need = waitingCount + (endOrder - firstOrder) * (endLine - firstLine);
      if (need > waitingNext.length) {
        waitingNext = growInt32(waitingNext, need);
        waitingOrder = growInt32(waitingOrder, need);
        waitingLine = growInt32(waitingLine, need);
      }
      for (let o = firstOrder; o < endOrder; o++) {
        for (let line = firstLine; line < endLine; line++) {
          const child = bom.child[line] ?? 0;
          const e = waitingCount++;
          waitingNext[e] = -1;
          waitingOrder[e] = o;
          waitingLine[e] = line;
          const tail = waitingTail[child] ?? -1;
          if (tail < 0) waitingHead[child] = e;
          else waitingNext[tail] = e;
          waitingTail[child] = e;
        }
      }
    }

    if (receipts.length > 0 || (endOrder > firstOrder && (orders.release[firstOrder] ?? 0) < start)) {
      const itemExceptions =
        receipts.length === 0
          ? []
          : receiptExceptions({
              item: item.code,
              available,
              safetyStock: item.safetyStock,
              days: work.days,
              gross: work.gross,
              grossFraction: work.grossFraction,
              dayCount: work.dayCount,
              receipts,
              deferToleranceDays: model.deferToleranceDays,
              formatDay,
            });
      for (let o = firstOrder; o < endOrder; o++) {
        const release = orders.release[o] ?? 0;
        if (release < start) {
          itemExceptions.push(
            pastDueRelease(item.code, item.kind, release, orders.due[o] ?? 0, start, formatDay),
          );
        }
      }
      if (itemExceptions.length > 1) itemExceptions.sort(byDateThenType);
      for (const exception of itemExceptions) exceptions.push(exception);
    }

    if (withRecords) {
      records.push(itemRecord(item, levels[itemIndex] ?? 0, available, work, orders, firstOrder, formatDay));
    }
    if (progress && (position + 1) % step === 0) progress(0.05 + (0.95 * (position + 1)) / n);
  }
  progress?.(1);
  return { orders, pegs, exceptions, records: withRecords ? records : null, formatDay };
}

const byDayThenSeq = (a: PlanReceipt, b: PlanReceipt) => a.day - b.day || a.seq - b.seq;

/**
 * Orders the requirements by day, collection order within a day (independent demands first), into
 * `work.order`: a numeric sort of keys (day − start) × count + position, no comparator.
 */
function sortRequirements(work: ItemWork, start: number): void {
  const count = work.reqCount;
  const { order, sortKey, reqDay } = work;
  let sorted = true;
  for (let i = 0; i < count; i++) {
    order[i] = i;
    if (i > 0 && (reqDay[i] ?? 0) < (reqDay[i - 1] ?? 0)) sorted = false;
  }
  if (sorted) return;
  for (let i = 0; i < count; i++) sortKey[i] = ((reqDay[i] ?? 0) - start) * count + i;
  if (count <= 40) {
    // Insertion sort: cheaper than a native sort call on the short lists most items have.
    for (let i = 1; i < count; i++) {
      const key = sortKey[i] ?? 0;
      let j = i - 1;
      while (j >= 0 && (sortKey[j] ?? 0) > key) {
        sortKey[j + 1] = sortKey[j] ?? 0;
        j--;
      }
      sortKey[j + 1] = key;
    }
  } else sortKey.subarray(0, count).sort();
  for (let i = 0; i < count; i++) order[i] = (sortKey[i] ?? 0) % count;
}

const TYPE_RANK = { PAST_DUE_RELEASE: 0, EXPEDITE: 1, DEFER: 2, CANCEL: 3 } as const;
function byDateThenType(a: MrpException, b: MrpException): number {
  const x = a.date ?? '';
  const y = b.date ?? '';
  return x < y ? -1 : x > y ? 1 : TYPE_RANK[a.type] - TYPE_RANK[b.type];
}

/**
 * Start plus every day with a requirement or a receipt, with their totals (requirements in
 * `work.order`, receipts sorted by day), into `work.days`, `gross`, `receipts`.
 */
function timePhase(
  work: ItemWork,
  start: number,
  receipts: readonly PlanReceipt[],
  available: Qty,
  item: PlanItem,
): void {
  const count = work.reqCount;
  work.reserveDays(count + receipts.length + 1);
  const { days, gross, grossFraction, reqDay, reqQty, reqFraction, order } = work;
  const incoming = work.receipts;
  days[0] = start;
  gross[0] = 0;
  grossFraction[0] = 0;
  incoming[0] = 0;
  let r = 0;
  let s = 0;
  let last = 0;
  let totalGross = 0;
  let totalSupply = available;
  while (r < count || s < receipts.length) {
    const requirement = order[r] ?? 0;
    const rd = r < count ? (reqDay[requirement] ?? 0) : Infinity;
    const sd = s < receipts.length ? (receipts[s]?.day ?? 0) : Infinity;
    const day = rd < sd ? rd : sd;
    if (day !== days[last]) {
      last++;
      days[last] = day;
      gross[last] = 0;
      grossFraction[last] = 0;
      incoming[last] = 0;
    }
    if (rd === day) {
      const qty = reqQty[requirement] ?? 0;
      let fraction = (grossFraction[last] ?? 0) + (reqFraction[requirement] ?? 0);
      let whole = (gross[last] ?? 0) + qty;
      if (fraction >= FRACTION_ONE) {
        fraction -= FRACTION_ONE;
        whole += 1;
      }
      gross[last] = whole;
      grossFraction[last] = fraction;
      totalGross += qty + 1;
      r++;
    } else {
      const qty = receipts[s]?.qty ?? 0;
      incoming[last] = (incoming[last] ?? 0) + qty;
      totalSupply += qty;
      s++;
    }
  }
  if (totalGross > MAX_QTY || totalSupply > MAX_QTY) throw quantityOverflow(item);
  work.dayCount = last + 1;
}

function itemRecord(
  item: PlanItem,
  lowLevelCode: number,
  available: Qty,
  work: ItemWork,
  orders: OrderTable,
  firstOrder: number,
  formatDay: (day: number) => string,
): MrpItemRecord {
  const releases = new Map<number, Qty>();
  for (let o = firstOrder; o < orders.count; o++) {
    const release = orders.release[o] ?? 0;
    releases.set(release, (releases.get(release) ?? 0) + (orders.qty[o] ?? 0));
  }
  const eventDays = Array.from(work.days.subarray(0, work.dayCount));
  const allDays = [...new Set([...eventDays, ...releases.keys()])].sort((a, b) => a - b);
  const buckets: MrpRecordBucket[] = [];
  let at = -1;
  for (const day of allDays) {
    while (at + 1 < work.dayCount && (work.days[at + 1] ?? 0) <= day) at++;
    const onEventDay = at >= 0 && work.days[at] === day;
    buckets.push({
      date: formatDay(day),
      gross: onEventDay ? formatExact(work.gross[at] ?? 0, work.grossFraction[at] ?? 0) : '0',
      scheduledReceipts: formatQty(onEventDay ? (work.receipts[at] ?? 0) : 0),
      projectedBalance:
        at >= 0 ? formatExact(work.balance[at] ?? 0, work.balanceFraction[at] ?? 0) : formatQty(available),
      netRequirement: onEventDay ? formatExact(work.net[at] ?? 0, work.netFraction[at] ?? 0) : '0',
      plannedReceipts: formatQty(onEventDay ? (work.planned[at] ?? 0) : 0),
      plannedReleases: formatQty(releases.get(day) ?? 0),
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
