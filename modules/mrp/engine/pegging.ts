import type { LineFactor } from './quantity';
import { FRACTION_ONE, MAX_QTY, mulFactor } from './quantity';
import type { ItemWork, OrderTable, PegTable } from './plan-tables';

/**
 * First-in-first-out pegging, one item at a time: supplies (firm ones — stock at start, then
 * scheduled receipts — before planned orders on the same day) are consumed by the requirements in date
 * order. What a planned order covers of a requirement carries that requirement's demand quantities
 * onto the order; quantities met by stock or scheduled receipts, lot-size excess and safety-stock
 * replenishment are on no planned order. A dependent requirement carries its parent order's pegs ×
 * qtyPer × (1 + scrapRate), then the rest of its quantity unpegged. Each order's pegs are merged per
 * demand, in demand order, rounded down to 0.000001 (so they never add up to more than its qty).
 *
 * A dependent requirement and a peg share (parent peg × line factor) may have more than 6 decimals:
 * quantities being consumed are exact pairs (whole millionths, fraction in 10⁻¹² millionths), so the
 * merged pegs are the exact sums rounded down once, as with exact decimals.
 */
export class Pegger {
  /** Per demand label: what the current planned order serves (whole + fraction, all 0 in between). */
  private readonly servedWhole: Float64Array;
  private readonly servedFraction: Float64Array;
  private touched: Int32Array;
  private touchedCount = 0;
  private readonly product = new Float64Array(2);

  // Supply being consumed: the current planned order (−1 while stock or a receipt is) and what is left.
  private current = -1;
  private leftWhole = 0;
  private leftFraction = 0;
  private firmAt = 0;
  private orderAt = 0;
  private orderEnd = 0;
  private work: ItemWork | null = null;

  constructor(
    labels: number,
    private readonly orders: OrderTable,
    private readonly pegs: PegTable,
    private readonly factors: readonly LineFactor[],
  ) {
    this.servedWhole = new Float64Array(labels);
    this.servedFraction = new Float64Array(labels);
    this.touched = new Int32Array(Math.max(16, labels));
  }

  /**
   * Pegs the orders `firstOrder .. endOrder − 1` (the item's, by due) to its requirements: first
   * `allocation` (allocations beyond stock: unpegged, they take the first supply), then the work's
   * requirements in `work.order`, against `work.firm*` and the orders.
   */
  pegItem(work: ItemWork, allocation: number, firstOrder: number, endOrder: number): void {
    this.work = work;
    this.current = -1;
    this.leftWhole = 0;
    this.leftFraction = 0;
    this.firmAt = 0;
    this.orderAt = firstOrder;
    this.orderEnd = endOrder;
    this.touchedCount = 0;
    if (allocation > 0 && !this.consume(-1, allocation, 0)) {
      this.finish();
      return;
    }
    const { orders, pegs, product, factors } = this;
    const { reqQty, reqFraction, reqLabel, reqParent, reqLine, order } = work;
    for (let i = 0; i < work.reqCount; i++) {
      const r = order[i] ?? 0;
      const qty = reqQty[r] ?? 0;
      const parent = reqParent[r] ?? -1;
      if (parent < 0) {
        if (!this.consume(reqLabel[r] ?? -1, qty, 0)) break;
        continue;
      }
      if (this.leftWhole === 0 && this.leftFraction === 0 && !this.advance()) break;
      const factor = factors[reqLine[r] ?? 0];
      if (factor === undefined) break;
      const unit = factor.num === 1 && factor.den === 1;
      const { num, den, scale } = factor;
      const firstPeg = orders.pegStart[parent] ?? 0;
      const endPeg = orders.pegEnd[parent] ?? 0;
      const pegLabel = pegs.label;
      const pegQty = pegs.qty;
      const qtyFraction = reqFraction[r] ?? 0;
      if (qty < this.leftWhole || (qty === this.leftWhole && qtyFraction <= this.leftFraction)) {
        // The whole requirement comes from the current supply: no need to walk it segment by segment.
        this.leftWhole -= qty;
        this.leftFraction -= qtyFraction;
        if (this.leftFraction < 0) {
          this.leftFraction += FRACTION_ONE;
          this.leftWhole -= 1;
        }
        if (this.current < 0) continue;
        for (let k = firstPeg; k < endPeg; k++) {
          const label = pegLabel[k] ?? 0;
          const peg = pegQty[k] ?? 0;
          if (unit) {
            this.serve(label, peg, 0);
            continue;
          }
          const p = peg * num;
          if (p <= MAX_QTY) {
            const rest = p % den;
            this.serve(label, (p - rest) / den, rest * scale);
          } else {
            mulFactor(peg, factor, product);
            this.serve(label, product[0] ?? 0, product[1] ?? 0);
          }
        }
        continue;
      }
      let restWhole = qty;
      let restFraction = qtyFraction;
      let ok = true;
      for (let k = firstPeg; k < endPeg && ok; k++) {
        const label = pegLabel[k] ?? 0;
        const peg = pegQty[k] ?? 0;
        let whole = peg;
        let fraction = 0;
        if (!unit) {
          mulFactor(peg, factor, product);
          whole = product[0] ?? 0;
          fraction = product[1] ?? 0;
        }
        restWhole -= whole;
        restFraction -= fraction;
        if (restFraction < 0) {
          restFraction += FRACTION_ONE;
          restWhole -= 1;
        }
        ok = this.consume(label, whole, fraction);
      }
      if (!ok || !this.consume(-1, restWhole, restFraction)) break;
    }
    this.finish();
    this.work = null;
  }

  /** Adds to what the current order serves of demand `label`. */
  private serve(label: number, whole: number, fraction: number): void {
    let servedWhole = this.servedWhole[label] ?? 0;
    let servedFraction = this.servedFraction[label] ?? 0;
    if (servedWhole === 0 && servedFraction === 0) {
      if (this.touchedCount === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.touchedCount++] = label;
    }
    servedWhole += whole;
    servedFraction += fraction;
    if (servedFraction >= FRACTION_ONE) {
      servedFraction -= FRACTION_ONE;
      servedWhole += 1;
    }
    this.servedWhole[label] = servedWhole;
    this.servedFraction[label] = servedFraction;
  }

  /** Consumes `whole + fraction` for demand `label` (−1: unpegged); false when supply ran out. */
  private consume(label: number, whole: number, fraction: number): boolean {
    let amountWhole = whole;
    let amountFraction = fraction;
    while (amountWhole > 0 || amountFraction > 0) {
      if (this.leftWhole === 0 && this.leftFraction === 0 && !this.advance()) return false;
      let takeWhole = this.leftWhole;
      let takeFraction = this.leftFraction;
      if (amountWhole < takeWhole || (amountWhole === takeWhole && amountFraction <= takeFraction)) {
        takeWhole = amountWhole;
        takeFraction = amountFraction;
      }
      if (this.current >= 0 && label >= 0) this.serve(label, takeWhole, takeFraction);
      amountWhole -= takeWhole;
      amountFraction -= takeFraction;
      if (amountFraction < 0) {
        amountFraction += FRACTION_ONE;
        amountWhole -= 1;
      }
      this.leftWhole -= takeWhole;
      this.leftFraction -= takeFraction;
      if (this.leftFraction < 0) {
        this.leftFraction += FRACTION_ONE;
        this.leftWhole -= 1;
      }
    }
    return true;
  }

  /** Moves to the next supply with something left; false when all are used up. */
  private advance(): boolean {
    this.finish();
    this.current = -1;
    const work = this.work;
    if (work === null) return false;
    const due = this.orders.due;
    const qty = this.orders.qty;
    for (;;) {
      const firm = this.firmAt < work.firmCount;
      const planned = this.orderAt < this.orderEnd;
      if (!firm && !planned) return false;
      if (firm && (!planned || (work.firmDay[this.firmAt] ?? 0) <= (due[this.orderAt] ?? 0))) {
        this.leftWhole = work.firmQty[this.firmAt] ?? 0;
        this.firmAt++;
      } else {
        this.current = this.orderAt;
        this.leftWhole = qty[this.orderAt] ?? 0;
        this.orderAt++;
      }
      this.leftFraction = 0;
      if (this.leftWhole > 0) return true;
      this.current = -1;
    }
  }

  /** Writes the current order's pegs: merged per demand, in demand order, rounded down. */
  private finish(): void {
    const count = this.touchedCount;
    if (this.current < 0 || count === 0) return;
    const touched = this.touched;
    if (count > 1) {
      if (count <= 24) {
        for (let i = 1; i < count; i++) {
          const value = touched[i] ?? 0;
          let j = i - 1;
          while (j >= 0 && (touched[j] ?? 0) > value) {
            touched[j + 1] = touched[j] ?? 0;
            j--;
          }
          touched[j + 1] = value;
        }
      } else touched.subarray(0, count).sort();
    }
    const pegs = this.pegs;
    const start = pegs.count;
    for (let i = 0; i < count; i++) {
      const label = touched[i] ?? 0;
      const whole = this.servedWhole[label] ?? 0;
      this.servedWhole[label] = 0;
      this.servedFraction[label] = 0;
      if (whole > 0) pegs.add(label, whole);
    }
    this.orders.pegStart[this.current] = start;
    this.orders.pegEnd[this.current] = pegs.count;
    this.touchedCount = 0;
  }
}
