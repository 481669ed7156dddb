import { nth } from './arrays';
import { QTY_ONE, floorToStep, type Qty } from './quantity';

/** A planned order as pegging sees it; `pegLabels`/`pegQtys` are filled by `pegItem`. */
export interface PeggedOrder {
  due: number;
  qty: Qty;
  /** Demand labels in demand order, with the quantity of each this order serves. */
  pegLabels: number[];
  pegQtys: Qty[];
}

/**
 * One gross requirement. An independent demand has its `label`; a dependent one (label −1) comes
 * from `parent`'s release and carries the parent's pegs scaled by `factor` (= qty / parent.qty).
 */
export interface Requirement {
  day: number;
  qty: Qty;
  label: number;
  parent: PeggedOrder | null;
  factor: Qty;
}

/** Per-demand accumulator reused across items (one slot per demand label, all 0n between orders). */
export interface PegScratch {
  served: Qty[];
  touched: number[];
}

export function pegScratch(labels: number): PegScratch {
  return { served: new Array<Qty>(labels).fill(0n), touched: [] };
}

/** Stock at start and scheduled receipts, in the order they are consumed. */
export interface FirmSupply {
  day: number;
  qty: Qty;
}

/**
 * First-in-first-out pegging of one item: supplies (firm ones before planned orders on the same day)
 * are consumed by the requirements in date order. What a planned order covers of a requirement carries
 * that requirement's demand quantities onto the order; quantities met by stock or scheduled receipts,
 * lot-size excess and safety-stock replenishment are on no planned order. Each order's pegs are merged
 * per demand, in demand order, rounded down to 0.000001 (so they never add up to more than its qty).
 */
export function pegItem(
  requirements: readonly Requirement[],
  firm: readonly FirmSupply[],
  orders: readonly PeggedOrder[],
  scratch: PegScratch,
): void {
  let firmAt = 0;
  let orderAt = 0;
  /** The planned order being consumed (null while stock or a receipt is). */
  const supply: { order: PeggedOrder | null } = { order: null };
  let left = 0n;
  const { served, touched } = scratch;

  const finish = () => {
    if (supply.order === null || touched.length === 0) return;
    if (touched.length > 1) touched.sort((a, b) => a - b);
    for (const label of touched) {
      const qty = floorToStep(nth(served, label));
      served[label] = 0n;
      if (qty > 0n) {
        supply.order.pegLabels.push(label);
        supply.order.pegQtys.push(qty);
      }
    }
    touched.length = 0;
  };
  /** Moves to the next supply with something left; false when all are used up. */
  const advance = (): boolean => {
    finish();
    supply.order = null;
    for (;;) {
      const f = firm[firmAt];
      const o = orders[orderAt];
      if (f === undefined && o === undefined) return false;
      if (f !== undefined && (o === undefined || f.day <= o.due)) {
        firmAt++;
        left = f.qty;
      } else if (o !== undefined) {
        orderAt++;
        supply.order = o;
        left = o.qty;
      }
      if (left > 0n) return true;
      supply.order = null;
    }
  };
  /** Consumes `amount` for demand `label` (−1: unpegged); false when supply ran out. */
  const consume = (label: number, amount: Qty): boolean => {
    while (amount > 0n) {
      if (left === 0n && !advance()) return false;
      const take = amount < left ? amount : left;
      if (supply.order !== null && label >= 0) {
        const before = nth(served, label);
        if (before === 0n) touched.push(label);
        served[label] = before + take;
      }
      amount -= take;
      left -= take;
    }
    return true;
  };

  for (const requirement of requirements) {
    const parent = requirement.parent;
    if (parent === null) {
      if (!consume(requirement.label, requirement.qty)) break;
      continue;
    }
    const unit = requirement.factor === QTY_ONE;
    if (left === 0n && !advance()) break;
    if (requirement.qty <= left) {
      // The whole requirement comes from the current supply: no need to walk it segment by segment.
      left -= requirement.qty;
      if (supply.order === null) continue;
      for (let k = 0; k < parent.pegLabels.length; k++) {
        const label = nth(parent.pegLabels, k);
        const share = unit ? nth(parent.pegQtys, k) : (nth(parent.pegQtys, k) * requirement.factor) / QTY_ONE;
        const before = nth(served, label);
        if (before === 0n) touched.push(label);
        served[label] = before + share;
      }
      continue;
    }
    let rest = requirement.qty;
    let ok = true;
    for (let k = 0; k < parent.pegLabels.length && ok; k++) {
      const share = unit ? nth(parent.pegQtys, k) : (nth(parent.pegQtys, k) * requirement.factor) / QTY_ONE;
      rest -= share;
      ok = consume(nth(parent.pegLabels, k), share);
    }
    if (!ok || !consume(-1, rest)) break;
  }
  finish();
}
