import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type ItemRef, type WarehouseRef } from '@mes/master-data-api';
import {
  DocumentNumbers,
  InvalidStatusError,
  TenantDb,
  UsageMeter,
  ValidationFailedError,
} from '@mes/platform';
import {
  Dec,
  newId,
  plainDecimal,
  type ApiErrorDetail,
  type PurchaseOrderStatus,
  type PurchaseReceiptKind,
  type PurchaseReceiptView,
} from '@mes/shared';
import { QC_HOLD_LOCATION, StockLedger, type LedgerLine } from '@mes/warehousing-api';
import { PURCHASING_MODULE_KEY, PurchasingMeter } from '../manifest';
import { PurchaseOrderReader, type OrderLineRow, type OrderRow } from '../order/purchase-order.reader';
import { PurchaseOrderService } from '../order/purchase-order.service';
import { OverReceiptError, OverReturnError, type LineExcess } from '../shared/purchasing.errors';
import type { ReceiptDto } from './purchase-receipt.dto';
import { PurchaseReceiptReader } from './purchase-receipt.reader';

const WHAT = '采购订单 / purchase order';
/** A received order still takes what its tolerance allows (a second shipment of the overage). */
const RECEIVABLE: PurchaseOrderStatus[] = ['approved', 'partially_received', 'received'];
const RETURNABLE: PurchaseOrderStatus[] = ['partially_received', 'received', 'closed'];

/** A receipt or return line checked against its order line, ready to post. */
interface PlannedLine {
  index: number;
  orderLine: OrderLineRow;
  item: ItemRef;
  warehouse: WarehouseRef;
  qty: Dec;
  lot: string;
  locationCode: string | null;
  held: boolean;
}

/**
 * 收货 and 采购退货 against a purchase order. Each posts one warehousing document (ref = the order
 * number) and updates the order lines in the same transaction, so a refused line writes nothing.
 */
@Injectable()
export class PurchaseReceiptService {
  constructor(
    private readonly db: TenantDb,
    private readonly orders: PurchaseOrderService,
    private readonly orderReader: PurchaseOrderReader,
    private readonly receipts: PurchaseReceiptReader,
    private readonly lookup: MasterDataLookup,
    private readonly ledger: StockLedger,
    private readonly numbers: DocumentNumbers,
    private readonly usage: UsageMeter,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  /** Receives goods: ≤ ordered × (1 + tolerance) − received per line, else 409 OVER_RECEIPT. */
  async receive(
    tenantId: string,
    actorId: string | null,
    orderId: string,
    dto: ReceiptDto,
  ): Promise<PurchaseReceiptView> {
    const order = await this.orderReader.lock(orderId);
    if (!RECEIVABLE.includes(order.status))
      throw new InvalidStatusError(WHAT, order.status, '收货 / receive');
    const planned = await this.plan(order, dto, 'receipt');
    const factor = new Dec(1).plus(new Dec(order.tolerance_pct).div(100));
    const excess = this.excess(planned, (l) => new Dec(l.qty).times(factor).minus(l.received_qty));
    if (excess.length) throw new OverReceiptError(excess);
    for (const p of planned) {
      if (!p.item.inspectionRequired) continue;
      await this.lookup.ensureLocation(
        tenantId,
        p.warehouse.id,
        QC_HOLD_LOCATION.code,
        QC_HOLD_LOCATION.name,
      );
      p.locationCode = QC_HOLD_LOCATION.code;
      p.held = true;
    }
    const id = await this.post(tenantId, actorId, order, 'receipt', planned, dto.note);
    for (const [lineId, qty] of this.totals(planned))
      await this.m.query(`UPDATE pur_order_lines SET received_qty = received_qty + $2 WHERE id = $1`, [
        lineId,
        qty.toFixed(),
      ]);
    await this.orders.refreshReceiptStatus(order);
    return this.receipts.get(id);
  }

  /** Returns goods to the supplier: ≤ received − returned per line, else 409 OVER_RETURN. */
  async returnGoods(
    tenantId: string,
    actorId: string | null,
    orderId: string,
    dto: ReceiptDto,
  ): Promise<PurchaseReceiptView> {
    const order = await this.orderReader.lock(orderId);
    if (!RETURNABLE.includes(order.status)) throw new InvalidStatusError(WHAT, order.status, '退货 / return');
    const planned = await this.plan(order, dto, 'return');
    const excess = this.excess(planned, (l) => new Dec(l.received_qty).minus(l.returned_qty));
    if (excess.length) throw new OverReturnError(excess);
    const id = await this.post(tenantId, actorId, order, 'return', planned, dto.note);
    for (const [lineId, qty] of this.totals(planned))
      await this.m.query(`UPDATE pur_order_lines SET returned_qty = returned_qty + $2 WHERE id = $1`, [
        lineId,
        qty.toFixed(),
      ]);
    await this.m.query(`UPDATE pur_orders SET updated_at = now() WHERE id = $1`, [orderId]);
    return this.receipts.get(id);
  }

  /** Matches the lines to the order and finds their warehouses; every bad field in one 400. */
  private async plan(order: OrderRow, dto: ReceiptDto, kind: PurchaseReceiptKind): Promise<PlannedLine[]> {
    const orderLines = await this.orderReader.lines(order.id);
    const byNo = new Map(orderLines.map((l) => [l.line_no, l]));
    const items = await this.lookup.itemsById(orderLines.map((l) => l.item_id));
    const errors: ApiErrorDetail[] = [];
    let header: WarehouseRef | null = null;
    if (dto.warehouseCode) {
      header = (await this.lookup.warehousesByCode([dto.warehouseCode])).get(dto.warehouseCode) ?? null;
      if (!header)
        errors.push({
          field: 'warehouseCode',
          message: `未知仓库 ${dto.warehouseCode} / unknown warehouse ${dto.warehouseCode}`,
        });
    } else if (order.warehouse_id) {
      header = (await this.lookup.warehousesById([order.warehouse_id])).get(order.warehouse_id) ?? null;
    }
    const fallbackIds = new Map<string, string>();
    if (!header && !dto.warehouseCode) {
      for (const l of orderLines) {
        const id =
          kind === 'return'
            ? await this.lastReceiptWarehouse(order.id, l.line_no)
            : items.get(l.item_id)?.defaultWarehouseId;
        if (id) fallbackIds.set(l.id, id);
      }
    }
    const fallbacks = await this.lookup.warehousesById(fallbackIds.values());
    const planned: PlannedLine[] = [];
    for (const [index, l] of dto.lines.entries()) {
      const orderLine = byNo.get(l.lineNo);
      if (!orderLine) {
        errors.push({
          field: `lines[${index}].lineNo`,
          message: `订单没有第 ${l.lineNo} 行 / the order has no line ${l.lineNo}`,
        });
        continue;
      }
      const item = items.get(orderLine.item_id);
      if (!item) throw new Error(`item ${orderLine.item_id} of an order line is missing`);
      const fallbackId = fallbackIds.get(orderLine.id);
      const warehouse = header ?? (fallbackId ? fallbacks.get(fallbackId) : undefined);
      if (!warehouse) {
        if (!dto.warehouseCode)
          errors.push({
            field: 'warehouseCode',
            message: `第 ${l.lineNo} 行 ${item.code}：订单未指定仓库且物料没有默认仓库，请选择仓库 / line ${l.lineNo} (${item.code}): the order names no warehouse and the item has no default: give one`,
          });
        continue;
      }
      planned.push({
        index,
        orderLine,
        item,
        warehouse,
        qty: new Dec(l.qty),
        lot: l.lot ?? '',
        locationCode: l.locationCode || null,
        held: false,
      });
    }
    if (errors.length) throw new ValidationFailedError(errors);
    return planned;
  }

  /** Lines whose running total would pass what the order line still allows. */
  private excess(planned: PlannedLine[], allowedOf: (l: OrderLineRow) => Dec): LineExcess[] {
    const running = new Map<string, Dec>();
    const out: LineExcess[] = [];
    for (const p of planned) {
      const total = (running.get(p.orderLine.id) ?? new Dec(0)).plus(p.qty);
      running.set(p.orderLine.id, total);
      const allowed = Dec.max(allowedOf(p.orderLine), 0);
      if (total.gt(allowed))
        out.push({
          field: `lines[${p.index}].qty`,
          lineNo: p.orderLine.line_no,
          itemCode: p.item.code,
          requested: plainDecimal(total),
          allowed: plainDecimal(allowed),
        });
    }
    return out;
  }

  private totals(planned: PlannedLine[]): Map<string, Dec> {
    const totals = new Map<string, Dec>();
    for (const p of planned)
      totals.set(p.orderLine.id, (totals.get(p.orderLine.id) ?? new Dec(0)).plus(p.qty));
    return totals;
  }

  /** Posts the ledger document and records the receipt / return with its lines; returns its id. */
  private async post(
    tenantId: string,
    actorId: string | null,
    order: OrderRow,
    kind: PurchaseReceiptKind,
    planned: PlannedLine[],
    note: string | undefined,
  ): Promise<string> {
    const no = await this.numbers.next(tenantId, kind === 'receipt' ? 'SH' : 'TH');
    const lines: LedgerLine[] = planned.map((p) => ({
      itemCode: p.item.code,
      warehouseCode: p.warehouse.code,
      locationCode: p.locationCode,
      lot: p.lot || null,
      qty: p.qty.toFixed(),
      field: `lines[${p.index}]`,
    }));
    const doc = await this.ledger.post(tenantId, actorId, {
      type: kind === 'receipt' ? 'purchase_receipt' : 'purchase_return',
      ref: order.no,
      note: `${no} ${note ?? ''}`.trim().slice(0, 200),
      supplierId: order.supplier_id,
      lines,
    });
    const id = newId();
    await this.m.query(
      `INSERT INTO pur_receipts (tenant_id, id, no, kind, order_id, doc_no, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, id, no, kind, order.id, doc.docNo, note ?? '', actorId],
    );
    // The QC-hold location may have been created just now: read the warehouses afresh.
    const warehouses = await this.lookup.warehousesById(planned.map((p) => p.warehouse.id));
    for (const p of planned) {
      const locationId = p.locationCode
        ? (warehouses.get(p.warehouse.id)?.locations.find((l) => l.code === p.locationCode)?.id ?? null)
        : null;
      await this.m.query(
        `INSERT INTO pur_receipt_lines (tenant_id, id, receipt_id, line_no, item_id, qty, lot_no, warehouse_id, location_id, held)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          tenantId,
          newId(),
          id,
          p.orderLine.line_no,
          p.item.id,
          p.qty.toFixed(),
          p.lot,
          p.warehouse.id,
          locationId,
          p.held,
        ],
      );
    }
    if (kind === 'receipt')
      await this.usage.record(tenantId, PurchasingMeter.RECEIPTS, '1', `receipt:${no}`, {
        moduleKey: PURCHASING_MODULE_KEY,
      });
    return id;
  }

  private async lastReceiptWarehouse(orderId: string, lineNo: number): Promise<string | null> {
    const [row] = await this.m.query<{ warehouse_id: string }[]>(
      `SELECT rl.warehouse_id FROM pur_receipt_lines rl
         JOIN pur_receipts r ON r.tenant_id = rl.tenant_id AND r.id = rl.receipt_id
        WHERE r.order_id = $1 AND r.kind = 'receipt' AND rl.line_no = $2
        ORDER BY r.created_at DESC LIMIT 1`,
      [orderId, lineNo],
    );
    return row?.warehouse_id ?? null;
  }
}
