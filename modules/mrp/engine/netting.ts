import { lotQuantity } from './lot-sizing';
import { quantityOverflow } from './mrp-model-error';
import type { PlanItem } from './normalized-model';
import type { ItemWork } from './plan-tables';
import { FRACTION_ONE, MAX_QTY, type Qty } from './quantity';

/**
 * Nets one item over its event days (`work.days`, `gross`, `receipts`, day 0 is start):
 * PAB(d) = PAB(d−1) + receipts(d) + planned receipts(d) − gross(d), starting from `available`;
 * whenever PAB(d) would fall below safety stock a planned order is due on d, sized by the lot rule.
 * Only event days are visited (the balance cannot change in between). Fills `work.orderDay`,
 * `orderQty`, `orderCount` and per day `balance` (end of day), `net` and `planned`.
 *
 * Gross requirements, the balance and the shortfall are exact (whole millionths + a fraction of one in
 * 10⁻¹² millionths); safety stock and lot quantities are whole millionths, so "balance < safety
 * stock" compares whole parts and the shortfall rounded up to 0.000001 is safety stock − whole part.
 */
export function netItem(work: ItemWork, item: PlanItem, available: Qty): void {
  const { days, gross, grossFraction, receipts, balance, balanceFraction, net, netFraction } = work;
  const { planned, orderDay, orderQty } = work;
  const count = work.dayCount;
  const safetyStock = item.safetyStock;
  const lot = item.lot;
  const periods = lot.rule === 'POQ' ? lot.periods : 0;
  let orders = 0;
  let pab = available;
  let pabFraction = 0;
  for (let i = 0; i < count; i++) {
    pab += (receipts[i] ?? 0) - (gross[i] ?? 0);
    pabFraction -= grossFraction[i] ?? 0;
    if (pabFraction < 0) {
      pabFraction += FRACTION_ONE;
      pab -= 1;
    }
    if (pab > MAX_QTY || pab < -MAX_QTY) throw quantityOverflow(item);
    let order = 0;
    let shortfall = 0;
    let shortfallFraction = 0;
    if (pab < safetyStock) {
      // safety stock − (pab + pabFraction), exactly; rounded up it is safetyStock − pab.
      shortfall = safetyStock - pab;
      if (pabFraction > 0) {
        shortfall -= 1;
        shortfallFraction = FRACTION_ONE - pabFraction;
      }
      const needed = safetyStock - pab;
      let coverage = needed;
      if (periods > 0) {
        // Lowest balance through day + periods − 1 without any further order (whole part decides).
        const last = (days[i] ?? 0) + periods - 1;
        let projected = pab;
        let projectedFraction = pabFraction;
        let lowest = pab;
        for (let j = i + 1; j < count && (days[j] ?? 0) <= last; j++) {
          projected += (receipts[j] ?? 0) - (gross[j] ?? 0);
          projectedFraction -= grossFraction[j] ?? 0;
          if (projectedFraction < 0) {
            projectedFraction += FRACTION_ONE;
            projected -= 1;
          }
          if (projected < lowest) lowest = projected;
        }
        if (lowest < -MAX_QTY) throw quantityOverflow(item);
        coverage = safetyStock - lowest;
      }
      order = lotQuantity(lot, needed, coverage);
      if (order > MAX_QTY) throw quantityOverflow(item);
      pab += order;
      if (pab > MAX_QTY) throw quantityOverflow(item);
      orderDay[orders] = i;
      orderQty[orders] = order;
      orders++;
    }
    balance[i] = pab;
    balanceFraction[i] = pabFraction;
    net[i] = shortfall;
    netFraction[i] = shortfallFraction;
    planned[i] = order;
  }
  work.orderCount = orders;
}
