import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { NotFoundError, TenantDb } from '@mes/platform';
import { plainDecimal, type PurchaseReceiptKind, type PurchaseReceiptView } from '@mes/shared';
import type { ReceiptQueryDto } from './purchase-receipt.dto';
import { firstRow } from '../shared/first-row';

interface ReceiptRow {
  id: string;
  no: string;
  kind: PurchaseReceiptKind;
  order_id: string;
  order_no: string;
  supplier_id: string;
  doc_no: string;
  note: string;
  created_by: string | null;
  created_at: Date;
}

interface ReceiptLineRow {
  receipt_id: string;
  line_no: number;
  item_id: string;
  qty: string;
  lot_no: string;
  warehouse_id: string;
  location_id: string | null;
  held: boolean;
}

const COLUMNS = `r.id, r.no, r.kind, r.order_id, o.no AS order_no, o.supplier_id, r.doc_no, r.note, r.created_by, r.created_at`;
const FROM = `pur_receipts r JOIN pur_orders o ON o.tenant_id = r.tenant_id AND o.id = r.order_id`;

/** 收货单 / 采购退货单: the receipts and returns posted against purchase orders. */
@Injectable()
export class PurchaseReceiptReader {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: ReceiptQueryDto): Promise<{ items: PurchaseReceiptView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.orderId) {
      params.push(query.orderId);
      where.push(`r.order_id = $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`r.kind = $${params.length}`);
    }
    if (query.supplierCode) {
      const s = (await this.lookup.partnersByCode('supplier', [query.supplierCode])).get(query.supplierCode);
      if (!s) return { items: [], total: 0 };
      params.push(s.id);
      where.push(`o.supplier_id = $${params.length}`);
    }
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM ${FROM} WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<ReceiptRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${cond} ORDER BY r.created_at DESC, r.no DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.views(rows), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<PurchaseReceiptView> {
    const rows = await this.m.query<ReceiptRow[]>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
    if (!rows.length) throw new NotFoundError('收货单 / receipt');
    return firstRow(await this.views(rows), 'receipt view');
  }

  private async views(rows: ReceiptRow[]): Promise<PurchaseReceiptView[]> {
    if (!rows.length) return [];
    const lines = await this.m.query<ReceiptLineRow[]>(
      `SELECT receipt_id, line_no, item_id, qty::text, lot_no, warehouse_id, location_id, held
         FROM pur_receipt_lines WHERE receipt_id = ANY($1) ORDER BY line_no, id`,
      [rows.map((r) => r.id)],
    );
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    const warehouses = await this.lookup.warehousesById(lines.map((l) => l.warehouse_id));
    const suppliers = await this.lookup.partnersById(rows.map((r) => r.supplier_id));
    return rows.map((r) => ({
      id: r.id,
      no: r.no,
      kind: r.kind,
      orderId: r.order_id,
      orderNo: r.order_no,
      supplierCode: suppliers.get(r.supplier_id)?.code ?? '',
      supplierName: suppliers.get(r.supplier_id)?.name ?? '',
      docNo: r.doc_no,
      note: r.note,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
      lines: lines
        .filter((l) => l.receipt_id === r.id)
        .map((l) => {
          const w = warehouses.get(l.warehouse_id);
          return {
            lineNo: l.line_no,
            itemCode: items.get(l.item_id)?.code ?? '',
            itemName: items.get(l.item_id)?.name ?? '',
            unit: items.get(l.item_id)?.unit ?? '',
            qty: plainDecimal(l.qty),
            lot: l.lot_no || null,
            warehouseCode: w?.code ?? '',
            locationCode: w?.locations.find((x) => x.id === l.location_id)?.code ?? null,
            held: l.held,
          };
        }),
    }));
  }
}
