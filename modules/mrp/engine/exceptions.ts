import type { MrpException, MrpItemKind } from './model';
import { FRACTION_ONE, type Qty } from './quantity';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export interface ReceiptCheckInput {
  item: string;
  /** On hand − allocated at start. */
  available: Qty;
  safetyStock: Qty;
  /** The item's event days (ascending, the first is start) and the final plan's gross per day. */
  days: Int32Array;
  gross: Float64Array;
  /** The exact rest of each day's gross beyond whole millionths, in 10⁻¹² millionths. */
  grossFraction: Float64Array;
  dayCount: number;
  /** Scheduled receipts in due order (ties in model order). */
  receipts: readonly { day: number; qty: Qty; ref: string }[];
  deferToleranceDays: number;
  formatDay: (day: number) => string;
}

/**
 * When is each scheduled receipt first needed? Firm supply is consumed first-in-first-out (on hand −
 * allocated, then receipts in due order): receipt R is first needed on the first day d where
 * available + (receipts before R) − cumulative gross through d < safety stock. Due after that day →
 * EXPEDITE; never needed → CANCEL; due more than `deferToleranceDays` before it → DEFER.
 */
export function receiptExceptions(input: ReceiptCheckInput): MrpException[] {
  const { item, safetyStock, gross, receipts, formatDay } = input;
  const out: MrpException[] = [];
  let supplied = input.available;
  let at = 0; // last day index folded into `cumulative` (days[0] is start)
  const fractions = input.grossFraction;
  // Cumulative gross rounded up to whole millionths (supply and safety stock are whole millionths).
  let cumulative = gross[0] ?? 0;
  let cumulativeFraction = fractions[0] ?? 0;
  let cumulativeUp = cumulative + (cumulativeFraction > 0 ? 1 : 0);
  for (const receipt of receipts) {
    // First day on which available + earlier receipts − cumulative gross < safety stock.
    while (supplied - cumulativeUp >= safetyStock && at + 1 < input.dayCount) {
      at++;
      cumulative += gross[at] ?? 0;
      cumulativeFraction += fractions[at] ?? 0;
      if (cumulativeFraction >= FRACTION_ONE) {
        cumulativeFraction -= FRACTION_ONE;
        cumulative += 1;
      }
      cumulativeUp = cumulative + (cumulativeFraction > 0 ? 1 : 0);
    }
    const needed = supplied - cumulativeUp < safetyStock ? (input.days[at] ?? 0) : undefined;
    const due = formatDay(receipt.day);
    const base = { item, ref: receipt.ref, date: due };
    if (needed === undefined) {
      out.push({
        type: 'CANCEL',
        ...base,
        message: `${receipt.ref} for ${item} due ${due} is not needed within the planning horizon: cancel it`,
      });
    } else if (receipt.day > needed) {
      const neededOn = formatDay(needed);
      out.push({
        type: 'EXPEDITE',
        ...base,
        neededOn,
        message: `${receipt.ref} for ${item} due ${due} is needed on ${neededOn}: expedite by ${days(receipt.day - needed)}`,
      });
    } else if (needed - receipt.day > input.deferToleranceDays) {
      const neededOn = formatDay(needed);
      out.push({
        type: 'DEFER',
        ...base,
        neededOn,
        message: `${receipt.ref} for ${item} due ${due} is not needed before ${neededOn}: defer by ${days(needed - receipt.day)}`,
      });
    }
    supplied += receipt.qty;
  }
  return out;
}

/** A planned order whose release falls before the planning start is kept and reported. */
export function pastDueRelease(
  item: string,
  kind: MrpItemKind,
  release: number,
  due: number,
  start: number,
  formatDay: (day: number) => string,
): MrpException {
  const date = formatDay(release);
  const neededOn = formatDay(due);
  return {
    type: 'PAST_DUE_RELEASE',
    item,
    date,
    neededOn,
    message: `Planned ${kind} order for ${item} due ${neededOn} should have been released on ${date}, ${days(start - release)} before the planning start ${formatDay(start)}`,
  };
}
