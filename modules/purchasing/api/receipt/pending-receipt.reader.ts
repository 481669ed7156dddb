import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { Dec, plainDecimal, type PendingReceiptRow, type PurchaseOrderStatus } from '@mes/shared';
import { tenantToday } from '../shared/tenant-today';
import type { PendingReceiptQueryDto } from './purchase-receipt.dto';

/** 待收货清单: lines of approved orders still awaiting delivery, the earliest due first. */
@Injectable()
export class PendingReceiptReader {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(
    tenantId: string,
    query: PendingReceiptQueryDto,
  ): Promise<{ items: PendingReceiptRow[]; total: number }> {
    const today = await tenantToday(this.m, tenantId);
    const params: unknown[] = [];
    const where = [`o.status IN ('approved', 'partially_received')`, `l.received_qty < l.qty`];
    if (query.supplierCode) {
      const s = (await this.lookup.partnersByCode('supplier', [query.supplierCode])).get(query.supplierCode);
      if (!s) return { items: [], total: 0 };
      params.push(s.id);
      where.push(`o.supplier_id = $${params.length}`);
    }
    if (query.itemCode) {
      const i = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!i) return { items: [], total: 0 };
      params.push(i.id);
      where.push(`l.item_id = $${params.length}`);
    }
    if (query.overdue === 'true') {
      params.push(today);
      where.push(`coalesce(l.due_date, o.expected_date) < $${params.length}::date`);
    }
    const cond = where.join(' AND ');
    const from = `pur_order_lines l JOIN pur_orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id`;
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM ${from} WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<
      {
        order_id: string;
        no: string;
        status: PurchaseOrderStatus;
        supplier_id: string;
        warehouse_id: string | null;
        line_no: number;
        item_id: string;
        qty: string;
        received_qty: string;
        due: string | null;
      }[]
    >(
      `SELECT o.id AS order_id, o.no, o.status, o.supplier_id, o.warehouse_id, l.line_no, l.item_id, l.qty::text,
              l.received_qty::text, coalesce(l.due_date, o.expected_date)::text AS due
         FROM ${from} WHERE ${cond}
        ORDER BY coalesce(l.due_date, o.expected_date) NULLS LAST, o.no, l.line_no
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const suppliers = await this.lookup.partnersById(rows.map((r) => r.supplier_id));
    const warehouses = await this.lookup.warehousesById(
      rows.flatMap((r) => (r.warehouse_id ? [r.warehouse_id] : [])),
    );
    return {
      items: rows.map((r) => ({
        orderId: r.order_id,
        orderNo: r.no,
        status: r.status,
        supplierCode: suppliers.get(r.supplier_id)?.code ?? '',
        supplierName: suppliers.get(r.supplier_id)?.name ?? '',
        lineNo: r.line_no,
        itemCode: items.get(r.item_id)?.code ?? '',
        itemName: items.get(r.item_id)?.name ?? '',
        unit: items.get(r.item_id)?.unit ?? '',
        qty: plainDecimal(r.qty),
        receivedQty: plainDecimal(r.received_qty),
        outstandingQty: plainDecimal(new Dec(r.qty).minus(r.received_qty)),
        dueDate: r.due,
        overdue: r.due !== null && r.due < today,
        warehouseCode: r.warehouse_id ? (warehouses.get(r.warehouse_id)?.code ?? null) : null,
      })),
      total: Number(count?.n ?? 0),
    };
  }
}
