import { Inject, Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import type {
  MrpBomLineInput,
  MrpDemandInput,
  MrpItemInput,
  MrpLotSizing,
  MrpModel,
  MrpScheduledReceiptInput,
  MrpStockInput,
} from '@mes/mrp-engine';
import { OpenSalesDemand, type OpenSalesLine } from '@mes/orders-api';
import { TenantDb } from '@mes/platform';
import { OpenPurchaseSupply } from '@mes/purchasing-api';
import { Dec, plainDecimal, type MrpDemandSource } from '@mes/shared';
import { StockQueries } from '@mes/warehousing-api';
import { addDays } from '../shared/dates';
import { MRP_WORK_IN_PROGRESS, type WorkInProgressSource } from './work-in-progress.source';

/** What the plan keeps of each top-level demand, so a peg drills down to its source. */
export interface DemandMeta {
  ref: string;
  source: MrpDemandSource;
  itemCode: string;
  qty: string;
  due: string;
  orderId: string | null;
  orderNo: string | null;
  lineNo: number | null;
  customerCode: string | null;
  customerName: string | null;
  forecastId: string | null;
}

export interface BuiltModel {
  model: MrpModel;
  demands: DemandMeta[];
  /** The sales order lines among the demands (stock locking reserves for them). */
  salesLines: OpenSalesLine[];
}

export interface BuildOptions {
  start: string;
  horizonDays: number;
}

/** Rounds a derived requirement up to the 6 decimals the engine (and numeric(18,6)) takes. */
const up6 = (d: Dec): string => plainDecimal(d.toDecimalPlaces(6, Dec.ROUND_UP));

/**
 * Builds the engine's planning model from the tenant's data, through the other modules' exported
 * read services (never their tables), inside the caller's transaction:
 * - items: active items with make/buy, lead time, safety stock, lot sizing; BOM: default BOMs in
 *   effect on the start date;
 * - on hand: stock not on QC hold; allocated: every open reservation (its stock is committed);
 * - scheduled receipts: open purchase order lines and MRP's open to-buy lines (在途), open
 *   work-order requests and work orders (在制, through the WorkInProgressSource seam);
 * - demands: open sales order lines net of their own reservations, forecasts, and the components
 *   of open work-order requests (due on the request's release day);
 * demands and receipts due after start + horizon are left out.
 */
@Injectable()
export class MrpModelBuilder {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly stock: StockQueries,
    private readonly purchases: OpenPurchaseSupply,
    private readonly sales: OpenSalesDemand,
    @Inject(MRP_WORK_IN_PROGRESS) private readonly wip: WorkInProgressSource,
  ) {}

  async build(options: BuildOptions): Promise<BuiltModel> {
    const { start } = options;
    const end = addDays(start, options.horizonDays);
    const inHorizon = (due: string | null) => due === null || due <= end;

    const planning = await this.lookup.planningItems();
    const items: MrpItemInput[] = planning.map((i) => ({
      code: i.code,
      type: i.makeOrBuy,
      leadTimeDays: i.leadTimeDays,
      safetyStock: plainDecimal(i.safetyStock),
      lotSizing: i.lotSizing as unknown as MrpLotSizing,
    }));
    const known = new Set(items.map((i) => i.code));
    const leadTime = new Map(items.map((i) => [i.code, i.leadTimeDays ?? 0]));
    const bom: MrpBomLineInput[] = (await this.lookup.defaultBomLines(start)).map((l) => ({
      parent: l.parent,
      child: l.child,
      qtyPer: plainDecimal(l.qtyPer),
      scrapRate: plainDecimal(l.scrapRate),
    }));
    const linesOf = new Map<string, MrpBomLineInput[]>();
    for (const l of bom) linesOf.set(l.parent, [...(linesOf.get(l.parent) ?? []), l]);

    // Stock of items that are no longer planned (obsolete) is left out; negative on-hand (a
    // warehouse that allows it) is owed stock: an allocation.
    const onHand: MrpStockInput[] = [];
    const allocated: MrpStockInput[] = [];
    for (const s of await this.stock.planningTotals()) {
      if (!known.has(s.itemCode)) continue;
      const qty = new Dec(s.onHand);
      if (qty.gt(0)) onHand.push({ item: s.itemCode, qty: plainDecimal(qty) });
      const owed = new Dec(s.reserved).plus(qty.lt(0) ? qty.neg() : 0);
      if (owed.gt(0)) allocated.push({ item: s.itemCode, qty: plainDecimal(owed) });
    }

    const receipts: MrpScheduledReceiptInput[] = [];
    for (const p of await this.purchases.list()) {
      if (!inHorizon(p.due)) continue;
      receipts.push({ item: p.itemCode, qty: p.qty, due: p.due ?? start, kind: p.kind, ref: p.ref });
    }

    const demands: MrpDemandInput[] = [];
    const meta = new Map<string, DemandMeta>();
    const addDemand = (
      d: MrpDemandInput & { ref: string },
      m: Omit<DemandMeta, 'ref' | 'itemCode' | 'qty' | 'due'>,
    ) => {
      demands.push(d);
      const seen = meta.get(d.ref);
      if (seen) seen.qty = plainDecimal(new Dec(seen.qty).plus(d.qty));
      else meta.set(d.ref, { ref: d.ref, itemCode: d.item, qty: d.qty, due: d.due, ...m });
    };

    for (const w of await this.sales.workOrderRequests()) {
      if (!inHorizon(w.due)) continue;
      const due = w.due ?? start;
      receipts.push({ item: w.itemCode, qty: w.qty, due, kind: 'WOR', ref: w.ref });
      // A request is production not yet released: its components are still to be provided.
      const release = addDays(due, -(leadTime.get(w.itemCode) ?? 0));
      for (const line of linesOf.get(w.itemCode) ?? []) {
        const qty = new Dec(w.qty).times(line.qtyPer).times(new Dec(1).plus(line.scrapRate ?? '0'));
        addDemand(
          { item: line.child, qty: up6(qty), due: release, ref: `${w.ref}>${line.child}` },
          { ...NO_LINK, source: 'work_order_request', orderNo: w.ref },
        );
      }
    }
    const wip = await this.wip.openWork(start);
    receipts.push(...wip.receipts.filter((r) => inHorizon(r.due)));
    allocated.push(...wip.allocations);

    const salesLines = (await this.sales.lines()).filter((l) => inHorizon(l.due));
    for (const l of salesLines) {
      addDemand(
        { item: l.itemCode, qty: l.qty, due: l.due, ref: l.ref },
        {
          ...NO_LINK,
          source: 'sales_order',
          orderId: l.orderId,
          orderNo: l.orderNo,
          lineNo: l.lineNo,
          customerCode: l.customerCode,
          customerName: l.customerName,
        },
      );
    }
    const forecasts = await this.db.manager.query<
      { id: string; item_id: string; qty: string; due: string }[]
    >(
      `SELECT id, item_id, qty::text, to_char(due_date, 'YYYY-MM-DD') AS due FROM mrp_forecasts
        WHERE due_date <= $1::date ORDER BY due_date, created_at, id`,
      [end],
    );
    const forecastItems = await this.lookup.itemsById(forecasts.map((f) => f.item_id));
    for (const f of forecasts) {
      addDemand(
        {
          item: forecastItems.get(f.item_id)?.code ?? f.item_id,
          qty: plainDecimal(f.qty),
          due: f.due,
          ref: `FC:${f.id}`,
        },
        { ...NO_LINK, source: 'forecast', forecastId: f.id },
      );
    }

    return {
      model: { start, items, bom, onHand, allocated, scheduledReceipts: receipts, demands },
      demands: [...meta.values()],
      salesLines,
    };
  }
}

const NO_LINK = {
  orderId: null,
  orderNo: null,
  lineNo: null,
  customerCode: null,
  customerName: null,
  forecastId: null,
} as const;
