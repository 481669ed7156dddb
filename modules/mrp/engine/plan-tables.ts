/**
 * The engine's working storage: growable typed arrays instead of per-order and per-requirement
 * objects (the benchmark model has ~420 000 planned orders, ~1.3 million requirements and 2.5 million
 * pegs; objects and bigints for those made garbage collection most of the run time).
 */

export function growInt32(values: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= values.length) return values;
  let size = Math.max(16, values.length * 2);
  while (size < need) size *= 2;
  const grown = new Int32Array(size);
  grown.set(values);
  return grown;
}

export function growFloat64(values: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  if (need <= values.length) return values;
  let size = Math.max(16, values.length * 2);
  while (size < need) size *= 2;
  const grown = new Float64Array(size);
  grown.set(values);
  return grown;
}

/** Every planned order, in output order (low-level code, item code, due); pegs in `PegTable`. */
export class OrderTable {
  count = 0;
  item: Int32Array<ArrayBuffer>;
  due: Int32Array<ArrayBuffer>;
  release: Int32Array<ArrayBuffer>;
  /** Millionths. */
  qty: Float64Array<ArrayBuffer>;
  /** The order's pegs are `pegStart .. pegEnd − 1` of the peg table. */
  pegStart: Int32Array<ArrayBuffer>;
  pegEnd: Int32Array<ArrayBuffer>;

  constructor(capacity = 1024) {
    this.item = new Int32Array(capacity);
    this.due = new Int32Array(capacity);
    this.release = new Int32Array(capacity);
    this.qty = new Float64Array(capacity);
    this.pegStart = new Int32Array(capacity);
    this.pegEnd = new Int32Array(capacity);
  }

  add(item: number, due: number, release: number, qty: number): number {
    const at = this.count;
    if (at === this.item.length) {
      const need = at + 1;
      this.item = growInt32(this.item, need);
      this.due = growInt32(this.due, need);
      this.release = growInt32(this.release, need);
      this.qty = growFloat64(this.qty, need);
      this.pegStart = growInt32(this.pegStart, need);
      this.pegEnd = growInt32(this.pegEnd, need);
    }
    this.item[at] = item;
    this.due[at] = due;
    this.release[at] = release;
    this.qty[at] = qty;
    this.pegStart[at] = 0;
    this.pegEnd[at] = 0;
    this.count = at + 1;
    return at;
  }
}

/** Pegs of all planned orders: demand label and quantity (millionths), each order's pegs contiguous. */
export class PegTable {
  count = 0;
  label: Int32Array<ArrayBuffer>;
  qty: Float64Array<ArrayBuffer>;

  constructor(capacity = 4096) {
    this.label = new Int32Array(capacity);
    this.qty = new Float64Array(capacity);
  }

  add(label: number, qty: number): void {
    const at = this.count;
    if (at === this.label.length) {
      this.label = growInt32(this.label, at + 1);
      this.qty = growFloat64(this.qty, at + 1);
    }
    this.label[at] = label;
    this.qty[at] = qty;
    this.count = at + 1;
  }
}

/**
 * One item's working arrays, reused from item to item. Requirements (`req*`, in collection order;
 * `order` lists them by day), the event days with their gross and receipt totals (`days`, `gross`,
 * `receipts`; day 0 is start), the netting per day (`balance`, `net`, `planned`) and the planned
 * orders (`orderDay` index into `days`, `orderQty`). Quantities that can carry more than 6 decimals
 * (requirements, gross, balance, net) are exact pairs: whole millionths (floor) in the main array and
 * the rest, 0 ≤ rest < 10¹², in 10⁻¹² millionths in the `*Fraction` array.
 */
export class ItemWork {
  reqCount = 0;
  reqDay = new Int32Array(256);
  /** Whole millionths and the exact rest in 10⁻¹² millionths (a dependent requirement's product). */
  reqQty = new Float64Array(256);
  reqFraction = new Float64Array(256);
  /** Demand label, or −1 for a dependent requirement (then `reqParent`, `reqLine`). */
  reqLabel = new Int32Array(256);
  reqParent = new Int32Array(256);
  reqLine = new Int32Array(256);
  sortKey = new Float64Array(256);
  order = new Int32Array(256);

  dayCount = 0;
  days = new Int32Array(256);
  gross = new Float64Array(256);
  grossFraction = new Float64Array(256);
  receipts = new Float64Array(256);
  balance = new Float64Array(256);
  balanceFraction = new Float64Array(256);
  net = new Float64Array(256);
  netFraction = new Float64Array(256);
  planned = new Float64Array(256);

  orderCount = 0;
  orderDay = new Int32Array(256);
  orderQty = new Float64Array(256);

  /** Firm supply for pegging: stock at start, then receipts in due order. */
  firmCount = 0;
  firmDay = new Int32Array(64);
  firmQty = new Float64Array(64);

  addRequirement(
    day: number,
    qty: number,
    fraction: number,
    label: number,
    parent: number,
    line: number,
  ): void {
    const at = this.reqCount;
    if (at === this.reqDay.length) {
      const need = at + 1;
      this.reqDay = growInt32(this.reqDay, need);
      this.reqQty = growFloat64(this.reqQty, need);
      this.reqFraction = growFloat64(this.reqFraction, need);
      this.reqLabel = growInt32(this.reqLabel, need);
      this.reqParent = growInt32(this.reqParent, need);
      this.reqLine = growInt32(this.reqLine, need);
      this.sortKey = growFloat64(this.sortKey, need);
      this.order = growInt32(this.order, need);
    }
    this.reqDay[at] = day;
    this.reqQty[at] = qty;
    this.reqFraction[at] = fraction;
    this.reqLabel[at] = label;
    this.reqParent[at] = parent;
    this.reqLine[at] = line;
    this.reqCount = at + 1;
  }

  /** Room for `need` event days (and as many planned orders). */
  reserveDays(need: number): void {
    if (need <= this.days.length) return;
    this.days = growInt32(this.days, need);
    this.gross = growFloat64(this.gross, need);
    this.grossFraction = growFloat64(this.grossFraction, need);
    this.receipts = growFloat64(this.receipts, need);
    this.balance = growFloat64(this.balance, need);
    this.balanceFraction = growFloat64(this.balanceFraction, need);
    this.net = growFloat64(this.net, need);
    this.netFraction = growFloat64(this.netFraction, need);
    this.planned = growFloat64(this.planned, need);
    this.orderDay = growInt32(this.orderDay, need);
    this.orderQty = growFloat64(this.orderQty, need);
  }

  reserveFirm(need: number): void {
    if (need <= this.firmDay.length) return;
    this.firmDay = growInt32(this.firmDay, need);
    this.firmQty = growFloat64(this.firmQty, need);
  }
}
