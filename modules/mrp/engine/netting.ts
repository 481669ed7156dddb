import { nth } from './arrays';
import { lotQuantity } from './lot-sizing';
import type { LotRule } from './normalized-model';
import type { Qty } from './quantity';

/** An item's time-phased demand and supply, one entry per day on which something happens. */
export interface NettingInput {
  /** Ascending distinct days; the first is the planning start. */
  days: readonly number[];
  gross: readonly Qty[];
  receipts: readonly Qty[];
  /** On hand − allocated at start (may be negative). */
  available: Qty;
  safetyStock: Qty;
  lot: LotRule;
}

export interface NettingResult {
  /** Index into `days` of each planned order's due day, ascending. */
  orderDay: number[];
  orderQty: Qty[];
  /** Per day (only with `record`): end-of-day balance, net requirement, planned receipts. */
  balance?: Qty[];
  net?: Qty[];
  planned?: Qty[];
}

/**
 * Nets one item: PAB(d) = PAB(d−1) + receipts(d) + planned receipts(d) − gross(d); whenever PAB(d)
 * would fall below safety stock a planned order is due on d, sized by the lot rule. Only event days
 * are visited (the balance cannot change in between).
 */
export function netItem(input: NettingInput, record = false): NettingResult {
  const { days, gross, receipts, safetyStock, lot } = input;
  const result: NettingResult = { orderDay: [], orderQty: [] };
  const balance: Qty[] = [];
  const net: Qty[] = [];
  const planned: Qty[] = [];
  let pab = input.available;
  for (let i = 0; i < days.length; i++) {
    pab += nth(receipts, i) - nth(gross, i);
    let order = 0n;
    let shortfall = 0n;
    if (pab < safetyStock) {
      shortfall = safetyStock - pab;
      let coverage = shortfall;
      if (lot.rule === 'POQ') {
        // Lowest balance through day + periods − 1 without any further order.
        const last = nth(days, i) + lot.periods - 1;
        let projected = pab;
        let lowest = pab;
        for (let j = i + 1; j < days.length && nth(days, j) <= last; j++) {
          projected += nth(receipts, j) - nth(gross, j);
          if (projected < lowest) lowest = projected;
        }
        coverage = safetyStock - lowest;
      }
      order = lotQuantity(lot, shortfall, coverage);
      pab += order;
      result.orderDay.push(i);
      result.orderQty.push(order);
    }
    if (record) {
      balance.push(pab);
      net.push(shortfall);
      planned.push(order);
    }
  }
  if (record) Object.assign(result, { balance, net, planned });
  return result;
}
