import { Injectable } from '@nestjs/common';
import type { MrpModel, MrpResultWithRecords } from '@mes/mrp-engine';
import type { OpenSalesLine } from '@mes/orders-api';
import { Dec, plainDecimal } from '@mes/shared';
import { StockReservations } from '@mes/warehousing-api';

/**
 * 库存匹配锁定: reserves, for each sales order line, the on-hand stock the plan matched to it.
 * The engine consumes an item's available stock (on hand − allocated) by its requirements in date
 * order — on one day independent demands first, in model order — so the stock a line gets is what
 * is left after the item's gross requirements of earlier days (dependent ones included, read from
 * the time-phased record) and the independent demands before it on its day. Reserving exactly that
 * leaves the plan valid: the next run sees it as allocated and the line's demand as that much smaller.
 */
@Injectable()
export class MrpStockLocker {
  constructor(private readonly reservations: StockReservations) {}

  /** The quantity to reserve per sales order line ref (only lines that get something). */
  matched(model: MrpModel, result: MrpResultWithRecords, lines: OpenSalesLine[]): Map<string, Dec> {
    const sales = new Set(lines.map((l) => l.ref));
    const records = new Map(result.records.map((r) => [r.item, r]));
    const takenByDay = new Map<string, Dec>();
    const out = new Map<string, Dec>();
    for (const d of model.demands ?? []) {
      const record = records.get(d.item);
      if (!record) continue;
      const day = d.due < model.start ? model.start : d.due;
      const key = `${d.item}|${day}`;
      let before = takenByDay.get(key);
      if (!before) {
        before = new Dec(0);
        for (const b of record.buckets) if (b.date < day) before = before.plus(b.gross);
      }
      const left = Dec.max(new Dec(record.available).minus(before), 0);
      const take = Dec.min(left, d.qty);
      takenByDay.set(key, before.plus(d.qty));
      if (d.ref && sales.has(d.ref) && take.gt(0)) out.set(d.ref, (out.get(d.ref) ?? new Dec(0)).plus(take));
    }
    return out;
  }

  /** Reserves the matched stock (partially when the warehouse has less free now); returns line count and qty. */
  async lock(
    tenantId: string,
    userId: string | null,
    model: MrpModel,
    result: MrpResultWithRecords,
    lines: OpenSalesLine[],
  ): Promise<{ lines: number; qty: string }> {
    const byRef = new Map(lines.map((l) => [l.ref, l]));
    let count = 0;
    let total = new Dec(0);
    for (const [ref, qty] of this.matched(model, result, lines)) {
      const line = byRef.get(ref);
      if (!line) continue;
      const { reserved } = await this.reservations.reserve(tenantId, userId, {
        itemCode: line.itemCode,
        qty: plainDecimal(qty),
        demandType: 'sales_order',
        demandRef: ref,
        partial: true,
      });
      if (new Dec(reserved).gt(0)) {
        count += 1;
        total = total.plus(reserved);
      }
    }
    return { lines: count, qty: plainDecimal(total) };
  }
}
