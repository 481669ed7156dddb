import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type ItemRef, type WarehouseRef } from '@mes/master-data-api';
import {
  DocumentNumbers,
  InvalidStatusError,
  NotFoundError,
  TenantDb,
  UsageMeter,
  ValidationFailedError,
  type Actor,
} from '@mes/platform';
import { StockLedger, StockReservations } from '@mes/warehousing-api';
import {
  Dec,
  newId,
  plainDecimal,
  type ApiErrorDetail,
  type OrdersPage,
  type SalesOrderStatus,
  type ShipmentView,
} from '@mes/shared';
import { ORDERS_MODULE_KEY, OrdersMeter } from '../manifest';
import { SALES_ORDER, SalesOrderReader } from '../sales-order/sales-order.reader';
import { lineDemandRef, type LineRow, type OrderRow } from '../sales-order/sales-order.rows';
import { OverShipmentError } from '../shared/orders.errors';
import type { OrderDocumentQueryDto, ShipmentDto } from './shipment.dto';
import { pageOrderDocuments } from '../shared/order-document-page';

const SHIPMENT = '发货单 / shipment';
/** A shipped order stays open to the check so that shipping more is an OVER_SHIPMENT, not a status error. */
const SHIPPABLE: SalesOrderStatus[] = ['confirmed', 'in_production', 'partially_shipped', 'shipped'];

interface ShipmentRow {
  id: string;
  no: string;
  order_id: string;
  order_no: string;
  customer_id: string;
  consignee_name: string;
  consignee_phone: string;
  consignee_address: string;
  note: string;
  created_at: Date;
}

interface ShipmentLineRow {
  shipment_id: string;
  line_no: number;
  item_id: string;
  warehouse_id: string;
  lot_no: string;
  qty: string;
  doc_no: string;
}

/** A shipment line checked against its order line, with the warehouse it ships from. */
interface Planned {
  index: number;
  line: LineRow;
  item: ItemRef;
  warehouse: WarehouseRef;
  qty: Dec;
  lot?: string;
  locationCode?: string;
}

/**
 * 通知发货: a shipping notice posts each line as a sales issue that first takes the stock reserved
 * for that order line, then free stock (FIFO). Everything happens in the request's transaction, so a
 * shortage on any line leaves nothing shipped.
 */
@Injectable()
export class ShipmentService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly numbers: DocumentNumbers,
    private readonly usage: UsageMeter,
    private readonly ledger: StockLedger,
    private readonly reservations: StockReservations,
    private readonly reader: SalesOrderReader,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async ship(actor: Actor & { tenantId: string }, orderId: string, dto: ShipmentDto): Promise<ShipmentView> {
    const order = await this.reader.lock(orderId);
    if (!SHIPPABLE.includes(order.status))
      throw new InvalidStatusError(SALES_ORDER, order.status, '发货 / ship');
    const lines = await this.reader.lines(orderId);
    const planned = await this.plan(order, lines, dto);

    const now = new Date();
    const id = newId();
    // FH = 发货 (SH is purchasing's 收货, SR our sales returns).
    const no = await this.numbers.next(actor.tenantId, 'FH', now);
    await this.m.query(
      `INSERT INTO so_shipments (tenant_id, id, no, order_id, consignee_name, consignee_phone, consignee_address,
         note, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        actor.tenantId,
        id,
        no,
        orderId,
        order.consignee_name,
        order.consignee_phone,
        order.consignee_address,
        dto.note ?? '',
        actor.userId,
        now,
      ],
    );
    let seq = 0;
    for (const p of planned) {
      // One ledger document per line: each consumes the reservations of its own order line.
      const doc = await this.ledger.post(actor.tenantId, actor.userId, {
        type: 'sales_issue',
        ref: order.no,
        note: `发货 ${no}`,
        lines: [
          {
            itemCode: p.item.code,
            warehouseCode: p.warehouse.code,
            locationCode: p.locationCode ?? null,
            lot: p.lot ?? null,
            qty: p.qty.toFixed(),
            field: `lines[${p.index}]`,
          },
        ],
        consumeReservationsOf: {
          demandType: 'sales_order',
          demandRef: lineDemandRef(order.no, p.line.line_no),
        },
      });
      for (const mv of doc.movements) {
        await this.m.query(
          `INSERT INTO so_shipment_lines (tenant_id, id, shipment_id, line_id, seq, item_id, warehouse_id, lot_no, qty, doc_no)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            actor.tenantId,
            newId(),
            id,
            p.line.id,
            ++seq,
            p.item.id,
            p.warehouse.id,
            mv.lot ?? '',
            new Dec(mv.qty).abs().toFixed(),
            doc.docNo,
          ],
        );
      }
      await this.m.query(`UPDATE so_order_lines SET shipped_qty = shipped_qty + $2 WHERE id = $1`, [
        p.line.id,
        p.qty.toFixed(),
      ]);
    }

    const after = await this.reader.lines(orderId);
    for (const line of after) {
      // A line shipped in full keeps no stock (e.g. reserved in another warehouse than it shipped from).
      if (new Dec(line.shipped_qty).gte(line.qty))
        await this.reservations.releaseDemand('sales_order', lineDemandRef(order.no, line.line_no));
    }
    const done = after.every((l) => new Dec(l.shipped_qty).gte(l.qty));
    await this.m.query(`UPDATE so_orders SET status = $2, updated_at = now() WHERE id = $1`, [
      orderId,
      done ? 'shipped' : 'partially_shipped',
    ]);
    await this.usage.record(actor.tenantId, OrdersMeter.SHIPMENTS, '1', `shipment:${no}`, {
      moduleKey: ORDERS_MODULE_KEY,
      occurredAt: now,
    });
    return this.get(id);
  }

  async get(id: string): Promise<ShipmentView> {
    const [view] = await this.views(`s.id = $1`, [id]);
    if (!view) throw new NotFoundError(SHIPMENT);
    return view;
  }

  async list(query: OrderDocumentQueryDto): Promise<OrdersPage<ShipmentView>> {
    return pageOrderDocuments(this.m, this.lookup, query, {
      table: 'so_shipments',
      alias: 's',
      views: (where, params) => this.views(where, params),
    });
  }

  /** Checks every line (400 for unknown lines or warehouses, 409 OVER_SHIPMENT) before anything moves. */
  private async plan(order: OrderRow, lines: LineRow[], dto: ShipmentDto): Promise<Planned[]> {
    const errors: ApiErrorDetail[] = [];
    const byNo = new Map(lines.map((l) => [l.line_no, l]));
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    let shipFrom: WarehouseRef | null = null;
    if (dto.warehouseCode) {
      shipFrom = (await this.lookup.warehousesByCode([dto.warehouseCode])).get(dto.warehouseCode) ?? null;
      if (!shipFrom)
        errors.push({ field: 'warehouseCode', message: `unknown warehouse ${dto.warehouseCode}` });
    }
    const defaults = await this.lookup.warehousesById(
      [order.warehouse_id, ...[...items.values()].map((i) => i.defaultWarehouseId)].filter((w): w is string =>
        Boolean(w),
      ),
    );
    const planned: Planned[] = [];
    const totals = new Map<number, { qty: Dec; index: number; line: LineRow }>();
    for (const [index, l] of dto.lines.entries()) {
      const line = byNo.get(l.lineNo);
      if (!line) {
        errors.push({
          field: `lines[${index}].lineNo`,
          message: `order ${order.no} has no line ${l.lineNo}`,
        });
        continue;
      }
      const item = items.get(line.item_id);
      if (!item) throw new Error(`item of order line ${line.line_no} is missing`);
      const warehouse =
        shipFrom ??
        defaults.get(order.warehouse_id ?? '') ??
        defaults.get(item.defaultWarehouseId ?? '') ??
        (await this.reservedWarehouse(order.no, line.line_no));
      if (!warehouse) {
        if (!dto.warehouseCode)
          errors.push({
            field: 'warehouseCode',
            message: `required: line ${line.line_no} (${item.code}) has no default warehouse`,
          });
        continue;
      }
      const qty = new Dec(l.qty);
      const sum = totals.get(l.lineNo);
      totals.set(l.lineNo, { qty: (sum?.qty ?? new Dec(0)).plus(qty), index, line });
      planned.push({
        index,
        line,
        item,
        warehouse,
        qty,
        ...(l.lot ? { lot: l.lot } : {}),
        ...(l.locationCode ? { locationCode: l.locationCode } : {}),
      });
    }
    if (errors.length) throw new ValidationFailedError(errors);
    const over: ApiErrorDetail[] = [];
    for (const [lineNo, { qty, index, line }] of totals) {
      const open = Dec.max(new Dec(line.qty).minus(line.shipped_qty), 0);
      if (qty.gt(open))
        over.push({
          field: `lines[${index}].qty`,
          message: `line ${lineNo}: shipping ${plainDecimal(qty)}, still to ship ${plainDecimal(open)}`,
        });
    }
    if (over.length) throw new OverShipmentError(over);
    return planned;
  }

  /** The warehouse holding this line's reservations, when they are all in one. */
  private async reservedWarehouse(orderNo: string, lineNo: number): Promise<WarehouseRef | null> {
    const { items } = await this.reservations.list({
      page: 1,
      pageSize: 50,
      demandType: 'sales_order',
      demandRef: lineDemandRef(orderNo, lineNo),
      status: 'open',
    });
    const codes = [...new Set(items.map((r) => r.warehouseCode))];
    const [only] = codes;
    if (codes.length !== 1 || !only) return null;
    return (await this.lookup.warehousesByCode(codes)).get(only) ?? null;
  }

  private async views(where: string, params: unknown[]): Promise<ShipmentView[]> {
    const rows = await this.m.query<ShipmentRow[]>(
      `SELECT s.id, s.no, s.order_id, o.no AS order_no, o.customer_id, s.consignee_name, s.consignee_phone,
              s.consignee_address, s.note, s.created_at
         FROM so_shipments s JOIN so_orders o ON o.tenant_id = s.tenant_id AND o.id = s.order_id
        WHERE ${where}`,
      params,
    );
    if (!rows.length) return [];
    const lines = await this.m.query<ShipmentLineRow[]>(
      `SELECT sl.shipment_id, l.line_no, sl.item_id, sl.warehouse_id, sl.lot_no, sl.qty::text AS qty, sl.doc_no
         FROM so_shipment_lines sl JOIN so_order_lines l ON l.tenant_id = sl.tenant_id AND l.id = sl.line_id
        WHERE sl.shipment_id = ANY($1) ORDER BY sl.seq`,
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
      consigneeName: r.consignee_name,
      consigneePhone: r.consignee_phone,
      consigneeAddress: r.consignee_address,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      lines: lines
        .filter((l) => l.shipment_id === r.id)
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
            docNo: l.doc_no,
          };
        }),
    }));
  }
}
