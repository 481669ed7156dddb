import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { NotFoundError, TenantDb } from '@mes/platform';
import { StockReservations } from '@mes/warehousing-api';
import {
  Dec,
  plainDecimal,
  type SalesOrderLineView,
  type SalesOrderSummary,
  type SalesOrderView,
} from '@mes/shared';
import { LINE_COLUMNS, lineDemandRef, ORDER_COLUMNS, type LineRow, type OrderRow } from './sales-order.rows';

export const SALES_ORDER = '销售订单 / sales order';

/** Reads orders and lines (optionally locked) and turns them into views with live figures. */
@Injectable()
export class SalesOrderReader {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly reservations: StockReservations,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  /** The order row, locked for the rest of the transaction: writers of one order go one at a time. */
  async lock(id: string): Promise<OrderRow> {
    const [row] = await this.m.query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM so_orders o WHERE o.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError(SALES_ORDER);
    return row;
  }

  async lines(orderId: string): Promise<LineRow[]> {
    return this.m.query<LineRow[]>(
      `SELECT ${LINE_COLUMNS} FROM so_order_lines l WHERE l.order_id = $1 ORDER BY l.line_no`,
      [orderId],
    );
  }

  /** Quantity of open and accepted work-order requests per order line. */
  async inProductionByLine(lineIds: string[]): Promise<Map<string, Dec>> {
    if (!lineIds.length) return new Map();
    const rows = await this.m.query<{ line_id: string; qty: string }[]>(
      `SELECT line_id, sum(qty)::text AS qty FROM so_work_order_requests
        WHERE line_id = ANY($1) AND status IN ('open', 'accepted') GROUP BY line_id`,
      [lineIds],
    );
    return new Map(rows.map((r) => [r.line_id, new Dec(r.qty)]));
  }

  /** Stock reserved now for one line. */
  async reservedFor(orderNo: string, lineNo: number, itemCode: string): Promise<Dec> {
    const open = await this.reservations.openFor('sales_order', lineDemandRef(orderNo, lineNo));
    return open.get(itemCode) ?? new Dec(0);
  }

  async view(id: string): Promise<SalesOrderView> {
    const [order] = await this.m.query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM so_orders o WHERE o.id = $1`,
      [id],
    );
    if (!order) throw new NotFoundError(SALES_ORDER);
    const lines = await this.lines(order.id);
    const [summary] = await this.summaries([order], lines);
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    const warehouse = order.warehouse_id
      ? (await this.lookup.warehousesById([order.warehouse_id])).get(order.warehouse_id)
      : undefined;
    const inProduction = await this.inProductionByLine(lines.map((l) => l.id));
    const lineViews: SalesOrderLineView[] = [];
    for (const l of lines) {
      const item = items.get(l.item_id);
      const code = item?.code ?? '';
      const toShip = Dec.max(new Dec(l.qty).minus(l.shipped_qty), 0);
      lineViews.push({
        id: l.id,
        lineNo: l.line_no,
        itemCode: code,
        itemName: item?.name ?? '',
        unit: item?.unit ?? '',
        makeOrBuy: item?.makeOrBuy ?? 'buy',
        qty: plainDecimal(l.qty),
        unitPrice: plainDecimal(l.unit_price),
        amount: new Dec(l.amount).toFixed(2),
        dueDate: l.due_date,
        note: l.note,
        reserved: plainDecimal(await this.reservedFor(order.no, l.line_no, code)),
        inProduction: plainDecimal(inProduction.get(l.id) ?? '0'),
        shipped: plainDecimal(l.shipped_qty),
        returned: plainDecimal(l.returned_qty),
        toShip: plainDecimal(toShip),
      });
    }
    if (!summary) throw new NotFoundError(SALES_ORDER);
    return {
      ...summary,
      consigneeName: order.consignee_name,
      consigneePhone: order.consignee_phone,
      consigneeAddress: order.consignee_address,
      warehouseCode: warehouse?.code ?? null,
      note: order.note,
      confirmedAt: order.confirmed_at?.toISOString() ?? null,
      closedAt: order.closed_at?.toISOString() ?? null,
      updatedAt: order.updated_at.toISOString(),
      lines: lineViews,
    };
  }

  /** List rows; `lines` may be given (all lines of these orders) or is read here. */
  async summaries(orders: OrderRow[], lines?: LineRow[]): Promise<SalesOrderSummary[]> {
    if (!orders.length) return [];
    const all =
      lines ??
      (await this.m.query<LineRow[]>(
        `SELECT ${LINE_COLUMNS} FROM so_order_lines l WHERE l.order_id = ANY($1)`,
        [orders.map((o) => o.id)],
      ));
    const customers = await this.lookup.partnersById(orders.map((o) => o.customer_id));
    return orders.map((o) => {
      const own = all.filter((l) => l.order_id === o.id);
      const due = own
        .map((l) => l.due_date)
        .filter((d): d is string => Boolean(d))
        .sort()[0];
      const customer = customers.get(o.customer_id);
      return {
        id: o.id,
        no: o.no,
        customerCode: customer?.code ?? '',
        customerName: customer?.name ?? '',
        customerPo: o.customer_po,
        status: o.status,
        orderDate: o.order_date,
        dueDate: due ?? null,
        total: new Dec(o.total).toFixed(2),
        lineCount: own.length,
        createdAt: o.created_at.toISOString(),
      };
    });
  }
}
