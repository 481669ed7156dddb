import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { likePattern, NotFoundError, TenantDb } from '@mes/platform';
import {
  Dec,
  plainDecimal,
  type PurchaseOrderLineView,
  type PurchaseOrderStatus,
  type PurchaseOrderSummary,
  type PurchaseOrderView,
} from '@mes/shared';
import type { PurchaseOrderQueryDto } from './purchase-order.dto';
import { firstRow } from '../shared/first-row';

export interface OrderRow {
  id: string;
  no: string;
  supplier_id: string;
  buyer_id: string | null;
  status: PurchaseOrderStatus;
  order_date: string;
  expected_date: string | null;
  warehouse_id: string | null;
  tolerance_pct: string;
  currency: string;
  total_amount: string;
  note: string;
  created_at: Date;
  updated_at: Date;
  approved_at: Date | null;
  closed_at: Date | null;
}

export interface OrderLineRow {
  id: string;
  order_id: string;
  line_no: number;
  item_id: string;
  qty: string;
  unit_price: string;
  amount: string;
  due_date: string | null;
  received_qty: string;
  returned_qty: string;
  note: string;
}

export const ORDER_COLUMNS = `o.id, o.no, o.supplier_id, o.buyer_id, o.status, o.order_date::text, o.expected_date::text,
  o.warehouse_id, o.tolerance_pct::text, o.currency, o.total_amount::text, o.note, o.created_at, o.updated_at,
  o.approved_at, o.closed_at`;

export const LINE_COLUMNS = `l.id, l.order_id, l.line_no, l.item_id, l.qty::text, l.unit_price::text, l.amount::text,
  l.due_date::text, l.received_qty::text, l.returned_qty::text, l.note`;

/** Read side of purchase orders: rows to views with codes and names from master data. */
@Injectable()
export class PurchaseOrderReader {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: PurchaseOrderQueryDto): Promise<{ items: PurchaseOrderSummary[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('$?', `$${params.length}`));
    };
    if (query.status) add(`o.status = $?`, query.status);
    if (query.supplierCode) {
      const s = (await this.lookup.partnersByCode('supplier', [query.supplierCode])).get(query.supplierCode);
      if (!s) return { items: [], total: 0 };
      add(`o.supplier_id = $?`, s.id);
    }
    if (query.itemCode) {
      const i = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!i) return { items: [], total: 0 };
      add(
        `EXISTS (SELECT 1 FROM pur_order_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id AND l.item_id = $?)`,
        i.id,
      );
    }
    if (query.q?.trim()) add(`o.no ILIKE $?`, likePattern(query.q.trim()));
    if (query.from) add(`o.order_date >= $?::date`, query.from);
    if (query.to) add(`o.order_date <= $?::date`, query.to);
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM pur_orders o WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM pur_orders o WHERE ${cond}
        ORDER BY o.order_date DESC, o.no DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.summaries(rows), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<PurchaseOrderView> {
    const [row] = await this.m.query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM pur_orders o WHERE o.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('采购订单 / purchase order');
    return this.view(row, await this.lines(id));
  }

  /** The order row, locked until the transaction ends (receipts, returns and status changes). */
  async lock(id: string): Promise<OrderRow> {
    const [row] = await this.m.query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM pur_orders o WHERE o.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError('采购订单 / purchase order');
    return row;
  }

  async lines(orderId: string): Promise<OrderLineRow[]> {
    return this.m.query<OrderLineRow[]>(
      `SELECT ${LINE_COLUMNS} FROM pur_order_lines l WHERE l.order_id = $1 ORDER BY l.line_no`,
      [orderId],
    );
  }

  async view(row: OrderRow, lines: OrderLineRow[]): Promise<PurchaseOrderView> {
    const summary = firstRow(await this.summaries([row]), 'order summary');
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    return {
      ...summary,
      lines: lines.map((l): PurchaseOrderLineView => {
        const item = items.get(l.item_id);
        const outstanding = Dec.max(new Dec(l.qty).minus(l.received_qty), 0);
        return {
          lineNo: l.line_no,
          itemCode: item?.code ?? '',
          itemName: item?.name ?? '',
          unit: item?.unit ?? '',
          qty: plainDecimal(l.qty),
          unitPrice: plainDecimal(l.unit_price),
          amount: new Dec(l.amount).toFixed(2),
          dueDate: l.due_date,
          receivedQty: plainDecimal(l.received_qty),
          returnedQty: plainDecimal(l.returned_qty),
          outstandingQty: plainDecimal(outstanding),
          inspectionRequired: item?.inspectionRequired ?? false,
          lotTracked: item?.lotTracked ?? false,
          note: l.note,
        };
      }),
    };
  }

  private async summaries(rows: OrderRow[]): Promise<PurchaseOrderSummary[]> {
    const suppliers = await this.lookup.partnersById(rows.map((r) => r.supplier_id));
    const warehouses = await this.lookup.warehousesById(
      rows.flatMap((r) => (r.warehouse_id ? [r.warehouse_id] : [])),
    );
    const buyerIds = [...new Set(rows.flatMap((r) => (r.buyer_id ? [r.buyer_id] : [])))];
    const buyers = new Map(
      (buyerIds.length
        ? await this.m.query<{ id: string; code: string; name: string }[]>(
            `SELECT id, code, name FROM pur_buyers WHERE id = ANY($1)`,
            [buyerIds],
          )
        : []
      ).map((b) => [b.id, b]),
    );
    return rows.map((r) => {
      const buyer = r.buyer_id ? buyers.get(r.buyer_id) : undefined;
      return {
        id: r.id,
        no: r.no,
        supplierCode: suppliers.get(r.supplier_id)?.code ?? '',
        supplierName: suppliers.get(r.supplier_id)?.name ?? '',
        buyerCode: buyer?.code ?? null,
        buyerName: buyer?.name ?? null,
        status: r.status,
        orderDate: r.order_date,
        expectedDate: r.expected_date,
        warehouseCode: r.warehouse_id ? (warehouses.get(r.warehouse_id)?.code ?? null) : null,
        tolerancePercent: plainDecimal(r.tolerance_pct),
        currency: r.currency,
        totalAmount: new Dec(r.total_amount).toFixed(2),
        note: r.note,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        approvedAt: r.approved_at?.toISOString() ?? null,
        closedAt: r.closed_at?.toISOString() ?? null,
      };
    });
  }
}
