import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { StockReservations } from '@mes/warehousing-api';
import { Dec, plainDecimal } from '@mes/shared';
import { lineDemandRef } from '../sales-order/sales-order.rows';

/** An open sales order line as MRP counts it (an independent demand). */
export interface OpenSalesLine {
  /** `SO no/line no` — the same ref the line's stock reservations carry. */
  ref: string;
  orderId: string;
  orderNo: string;
  lineNo: number;
  customerCode: string;
  customerName: string;
  itemCode: string;
  /** ordered − shipped − open reserved for the line (> 0): reserved stock is already an allocation. */
  qty: string;
  /** Line due date, else the order date. */
  due: string;
}

/** An open work-order request (生产需求) not yet taken over by the shop floor: planned production. */
export interface OpenWorkOrderRequest {
  ref: string;
  itemCode: string;
  qty: string;
  due: string | null;
  source: 'order' | 'mrp';
}

/** For MRP: what customers still wait for, and the production already requested for it. */
@Injectable()
export class OpenSalesDemand {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly reservations: StockReservations,
  ) {}

  /** Lines of confirmed / in-production / partially shipped orders with something left to deliver. */
  async lines(): Promise<OpenSalesLine[]> {
    const rows = await this.db.manager.query<
      {
        order_id: string;
        order_no: string;
        line_no: number;
        customer_id: string;
        item_id: string;
        open: string;
        due: string;
      }[]
    >(
      `SELECT o.id AS order_id, o.no AS order_no, l.line_no, o.customer_id, l.item_id,
              (l.qty - l.shipped_qty)::text AS open,
              to_char(coalesce(l.due_date, o.order_date), 'YYYY-MM-DD') AS due
         FROM so_order_lines l JOIN so_orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
        WHERE o.status IN ('confirmed', 'in_production', 'partially_shipped') AND l.qty > l.shipped_qty
        ORDER BY due, o.no, l.line_no`,
    );
    const reserved = new Map<string, Dec>();
    for (const r of await this.reservations.openTotals('sales_order'))
      reserved.set(`${r.demandRef}|${r.itemId}`, new Dec(r.qty));
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const customers = await this.lookup.partnersById(rows.map((r) => r.customer_id));
    const lines: OpenSalesLine[] = [];
    for (const r of rows) {
      const ref = lineDemandRef(r.order_no, r.line_no);
      const open = new Dec(r.open).minus(reserved.get(`${ref}|${r.item_id}`) ?? 0);
      if (!open.gt(0)) continue;
      const customer = customers.get(r.customer_id);
      lines.push({
        ref,
        orderId: r.order_id,
        orderNo: r.order_no,
        lineNo: r.line_no,
        customerCode: customer?.code ?? '',
        customerName: customer?.name ?? '',
        itemCode: items.get(r.item_id)?.code ?? r.item_id,
        qty: plainDecimal(open),
        due: r.due,
      });
    }
    return lines;
  }

  /** Open work-order requests (from orders or from MRP), oldest due first. */
  async workOrderRequests(): Promise<OpenWorkOrderRequest[]> {
    const rows = await this.db.manager.query<
      { no: string; item_id: string; qty: string; due: string | null; source: 'order' | 'mrp' }[]
    >(
      `SELECT no, item_id, qty::text, to_char(due_date, 'YYYY-MM-DD') AS due, source
         FROM so_work_order_requests WHERE status = 'open' ORDER BY due_date NULLS FIRST, no`,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    return rows.map((r) => ({
      ref: r.no,
      itemCode: items.get(r.item_id)?.code ?? r.item_id,
      qty: plainDecimal(r.qty),
      due: r.due,
      source: r.source,
    }));
  }
}
