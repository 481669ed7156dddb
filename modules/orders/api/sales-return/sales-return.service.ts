import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type WarehouseRef } from '@mes/master-data-api';
import {
  DocumentNumbers,
  InvalidStatusError,
  NotFoundError,
  TenantDb,
  ValidationFailedError,
  type Actor,
} from '@mes/platform';
import { StockLedger, type LedgerLine } from '@mes/warehousing-api';
import {
  Dec,
  newId,
  plainDecimal,
  type ApiErrorDetail,
  type OrdersPage,
  type SalesOrderStatus,
  type SalesReturnView,
} from '@mes/shared';
import { SALES_ORDER, SalesOrderReader } from '../sales-order/sales-order.reader';
import type { LineRow } from '../sales-order/sales-order.rows';
import type { OrderDocumentQueryDto } from '../shipment/shipment.dto';
import { OverReturnError } from '../shared/orders.errors';
import type { SalesReturnDto } from './sales-return.dto';
import { pageOrderDocuments } from '../shared/order-document-page';

const RETURN = '销售退货单 / sales return';
const RETURNABLE: SalesOrderStatus[] = ['partially_shipped', 'shipped', 'closed'];

interface ReturnRow {
  id: string;
  no: string;
  order_id: string;
  order_no: string;
  customer_id: string;
  reason: string;
  doc_no: string;
  created_at: Date;
}

interface ReturnLineRow {
  return_id: string;
  line_no: number;
  item_id: string;
  warehouse_id: string;
  lot_no: string;
  qty: string;
}

interface Planned {
  index: number;
  line: LineRow;
  itemCode: string;
  itemId: string;
  warehouse: WarehouseRef;
  qty: Dec;
  lot: string | null;
  locationCode: string | null;
}

/** 销售退货: goods a customer sends back come into stock (sales_return) against what was shipped. */
@Injectable()
export class SalesReturnService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly numbers: DocumentNumbers,
    private readonly ledger: StockLedger,
    private readonly reader: SalesOrderReader,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async create(
    actor: Actor & { tenantId: string },
    orderId: string,
    dto: SalesReturnDto,
  ): Promise<SalesReturnView> {
    const order = await this.reader.lock(orderId);
    if (!RETURNABLE.includes(order.status))
      throw new InvalidStatusError(SALES_ORDER, order.status, '退货 / return');
    const lines = await this.reader.lines(orderId);
    const planned = await this.plan(lines, dto);

    const now = new Date();
    const id = newId();
    const no = await this.numbers.next(actor.tenantId, 'SR', now);
    const ledgerLines: LedgerLine[] = planned.map((p) => ({
      itemCode: p.itemCode,
      warehouseCode: p.warehouse.code,
      locationCode: p.locationCode,
      lot: p.lot,
      qty: p.qty.toFixed(),
      field: `lines[${p.index}]`,
    }));
    const doc = await this.ledger.post(actor.tenantId, actor.userId, {
      type: 'sales_return',
      ref: order.no,
      note: `退货 ${no}: ${dto.reason}`.slice(0, 200),
      lines: ledgerLines,
    });
    await this.m.query(
      `INSERT INTO so_returns (tenant_id, id, no, order_id, reason, doc_no, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor.tenantId, id, no, orderId, dto.reason, doc.docNo, actor.userId, now],
    );
    for (const [seq, p] of planned.entries()) {
      await this.m.query(
        `INSERT INTO so_return_lines (tenant_id, id, return_id, line_id, seq, item_id, warehouse_id, lot_no, qty)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          actor.tenantId,
          newId(),
          id,
          p.line.id,
          seq + 1,
          p.itemId,
          p.warehouse.id,
          p.lot ?? '',
          p.qty.toFixed(),
        ],
      );
      await this.m.query(`UPDATE so_order_lines SET returned_qty = returned_qty + $2 WHERE id = $1`, [
        p.line.id,
        p.qty.toFixed(),
      ]);
    }
    await this.m.query(`UPDATE so_orders SET updated_at = now() WHERE id = $1`, [orderId]);
    return this.get(id);
  }

  async get(id: string): Promise<SalesReturnView> {
    const [view] = await this.views(`r.id = $1`, [id]);
    if (!view) throw new NotFoundError(RETURN);
    return view;
  }

  async list(query: OrderDocumentQueryDto): Promise<OrdersPage<SalesReturnView>> {
    return pageOrderDocuments(this.m, this.lookup, query, {
      table: 'so_returns',
      alias: 'r',
      views: (where, params) => this.views(where, params),
    });
  }

  /** 400 for unknown lines or warehouses, 409 OVER_RETURN beyond shipped − returned. */
  private async plan(lines: LineRow[], dto: SalesReturnDto): Promise<Planned[]> {
    const errors: ApiErrorDetail[] = [];
    const byNo = new Map(lines.map((l) => [l.line_no, l]));
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    const named = await this.lookup.warehousesByCode(
      dto.lines.map((l) => l.warehouseCode).filter((c): c is string => Boolean(c)),
    );
    const shipped = await this.m.query<{ line_id: string; warehouse_id: string; lot_no: string }[]>(
      `SELECT line_id, warehouse_id, lot_no FROM so_shipment_lines WHERE line_id = ANY($1) ORDER BY seq DESC`,
      [lines.map((l) => l.id)],
    );
    const shippedFrom = await this.lookup.warehousesById(shipped.map((s) => s.warehouse_id));
    const planned: Planned[] = [];
    const totals = new Map<number, { qty: Dec; index: number; line: LineRow }>();
    for (const [index, l] of dto.lines.entries()) {
      const line = byNo.get(l.lineNo);
      if (!line) {
        errors.push({ field: `lines[${index}].lineNo`, message: `the order has no line ${l.lineNo}` });
        continue;
      }
      const item = items.get(line.item_id);
      if (!item) throw new Error(`item of order line ${line.line_no} is missing`);
      const history = shipped.filter((s) => s.line_id === line.id);
      let warehouse: WarehouseRef | undefined;
      if (l.warehouseCode) {
        warehouse = named.get(l.warehouseCode);
        if (!warehouse)
          errors.push({
            field: `lines[${index}].warehouseCode`,
            message: `unknown warehouse ${l.warehouseCode}`,
          });
      } else {
        warehouse = history[0] ? shippedFrom.get(history[0].warehouse_id) : undefined;
        if (!warehouse)
          errors.push({
            field: `lines[${index}].warehouseCode`,
            message: 'required: the line was never shipped',
          });
      }
      // A lot-tracked line shipped from exactly one lot comes back into that lot unless told otherwise.
      const lots = [...new Set(history.map((s) => s.lot_no).filter(Boolean))];
      const lot = l.lot ?? (item.lotTracked && lots.length === 1 ? (lots[0] ?? null) : null);
      const qty = new Dec(l.qty);
      const sum = totals.get(l.lineNo);
      totals.set(l.lineNo, { qty: (sum?.qty ?? new Dec(0)).plus(qty), index, line });
      if (!warehouse) continue;
      planned.push({
        index,
        line,
        itemCode: item.code,
        itemId: item.id,
        warehouse,
        qty,
        lot,
        locationCode: l.locationCode ?? null,
      });
    }
    if (errors.length) throw new ValidationFailedError(errors);
    const over: ApiErrorDetail[] = [];
    for (const [lineNo, { qty, index, line }] of totals) {
      const open = new Dec(line.shipped_qty).minus(line.returned_qty);
      if (qty.gt(open))
        over.push({
          field: `lines[${index}].qty`,
          message: `line ${lineNo}: returning ${plainDecimal(qty)}, shipped and not returned ${plainDecimal(open)}`,
        });
    }
    if (over.length) throw new OverReturnError(over);
    return planned;
  }

  private async views(where: string, params: unknown[]): Promise<SalesReturnView[]> {
    const rows = await this.m.query<ReturnRow[]>(
      `SELECT r.id, r.no, r.order_id, o.no AS order_no, o.customer_id, r.reason, r.doc_no, r.created_at
         FROM so_returns r JOIN so_orders o ON o.tenant_id = r.tenant_id AND o.id = r.order_id
        WHERE ${where}`,
      params,
    );
    if (!rows.length) return [];
    const lines = await this.m.query<ReturnLineRow[]>(
      `SELECT rl.return_id, l.line_no, rl.item_id, rl.warehouse_id, rl.lot_no, rl.qty::text AS qty
         FROM so_return_lines rl JOIN so_order_lines l ON l.tenant_id = rl.tenant_id AND l.id = rl.line_id
        WHERE rl.return_id = ANY($1) ORDER BY rl.seq`,
      [rows.map((r) => r.id)],
    );
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    const warehouses = await this.lookup.warehousesById(lines.map((l) => l.warehouse_id));
    const customers = await this.lookup.partnersById(rows.map((r) => r.customer_id));
    return rows.map((r) => ({
      id: r.id,
      no: r.no,
      orderId: r.order_id,
      orderNo: r.order_no,
      customerName: customers.get(r.customer_id)?.name ?? '',
      reason: r.reason,
      docNo: r.doc_no,
      createdAt: r.created_at.toISOString(),
      lines: lines
        .filter((l) => l.return_id === r.id)
        .map((l) => {
          const item = items.get(l.item_id);
          return {
            lineNo: l.line_no,
            itemCode: item?.code ?? '',
            itemName: item?.name ?? '',
            unit: item?.unit ?? '',
            warehouseCode: warehouses.get(l.warehouse_id)?.code ?? '',
            lot: l.lot_no || null,
            qty: plainDecimal(l.qty),
          };
        }),
    }));
  }
}
