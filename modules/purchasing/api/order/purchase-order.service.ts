import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import {
  DocumentNumbers,
  InvalidStatusError,
  TenantDb,
  UsageMeter,
  ValidationFailedError,
} from '@mes/platform';
import { Dec, newId, type ApiErrorDetail, type PurchaseOrderView } from '@mes/shared';
import { BuyerService } from '../buyer/buyer.service';
import { PURCHASING_MODULE_KEY, PurchasingMeter } from '../manifest';
import { SupplierPriceService } from '../price/supplier-price.service';
import { tenantToday } from '../shared/tenant-today';
import type { PurchaseOrderDto } from './purchase-order.dto';
import { PurchaseOrderReader, type OrderRow } from './purchase-order.reader';

const WHAT = '采购订单 / purchase order';

/** A purchase order with every code resolved to an id and every line priced. */
export interface ResolvedOrder {
  supplierId: string;
  buyerId: string | null;
  orderDate: string;
  expectedDate: string | null;
  warehouseId: string | null;
  tolerancePercent: string;
  currency: string;
  note: string;
  lines: { itemId: string; qty: string; unitPrice: string; dueDate: string | null; note: string }[];
}

/** Amount of a line: qty × unit price, rounded half up to the cent. */
export function lineAmount(qty: string, unitPrice: string): Dec {
  return new Dec(qty).times(unitPrice).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * 采购订单: drafts are edited freely; approval freezes them for receiving; closing stops further
 * receipts; cancelling is only possible while nothing has been received.
 */
@Injectable()
export class PurchaseOrderService {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: PurchaseOrderReader,
    private readonly lookup: MasterDataLookup,
    private readonly prices: SupplierPriceService,
    private readonly buyers: BuyerService,
    private readonly numbers: DocumentNumbers,
    private readonly usage: UsageMeter,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async create(tenantId: string, actorId: string | null, dto: PurchaseOrderDto): Promise<PurchaseOrderView> {
    const resolved = await this.resolve(tenantId, dto);
    const id = await this.insert(tenantId, actorId, resolved);
    return this.reader.get(id);
  }

  /** Writes a new draft order (numbered, metered) and returns its id. */
  async insert(tenantId: string, actorId: string | null, order: ResolvedOrder): Promise<string> {
    const id = newId();
    const no = await this.numbers.next(tenantId, 'PO');
    await this.m.query(
      `INSERT INTO pur_orders (tenant_id, id, no, supplier_id, buyer_id, status, order_date, expected_date,
         warehouse_id, tolerance_pct, currency, note, created_by)
       VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $10, $11, $12)`,
      [
        tenantId,
        id,
        no,
        order.supplierId,
        order.buyerId,
        order.orderDate,
        order.expectedDate,
        order.warehouseId,
        order.tolerancePercent,
        order.currency,
        order.note,
        actorId,
      ],
    );
    await this.writeLines(tenantId, id, order.lines);
    await this.usage.record(tenantId, PurchasingMeter.PURCHASE_ORDERS, '1', `po:${no}`, {
      moduleKey: PURCHASING_MODULE_KEY,
    });
    return id;
  }

  /** PUT: a draft's header and lines replaced whole. */
  async replace(tenantId: string, id: string, dto: PurchaseOrderDto): Promise<PurchaseOrderView> {
    const row = await this.reader.lock(id);
    if (row.status !== 'draft') throw new InvalidStatusError(WHAT, row.status, '修改 / edit');
    const order = await this.resolve(tenantId, dto);
    await this.m.query(
      `UPDATE pur_orders SET supplier_id = $2, buyer_id = $3, order_date = $4, expected_date = $5,
              warehouse_id = $6, tolerance_pct = $7, currency = $8, note = $9, updated_at = now()
        WHERE id = $1`,
      [
        id,
        order.supplierId,
        order.buyerId,
        order.orderDate,
        order.expectedDate,
        order.warehouseId,
        order.tolerancePercent,
        order.currency,
        order.note,
      ],
    );
    await this.m.query(`DELETE FROM pur_order_lines WHERE order_id = $1`, [id]);
    await this.writeLines(tenantId, id, order.lines);
    return this.reader.get(id);
  }

  async approve(id: string, actorId: string | null): Promise<PurchaseOrderView> {
    const row = await this.reader.lock(id);
    if (row.status !== 'draft') throw new InvalidStatusError(WHAT, row.status, '审核 / approve');
    await this.m.query(
      `UPDATE pur_orders SET status = 'approved', approved_at = now(), approved_by = $2, updated_at = now()
        WHERE id = $1`,
      [id, actorId],
    );
    return this.reader.get(id);
  }

  /** Only draft or approved orders (nothing received yet); their to-buy lines go back to the list. */
  async cancel(id: string): Promise<PurchaseOrderView> {
    const row = await this.reader.lock(id);
    if (row.status !== 'draft' && row.status !== 'approved')
      throw new InvalidStatusError(WHAT, row.status, '取消 / cancel');
    await this.m.query(
      `UPDATE pur_orders SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
    await this.m.query(
      `UPDATE pur_requisitions SET status = 'open', order_id = NULL, updated_at = now()
        WHERE order_id = $1 AND status = 'ordered'`,
      [id],
    );
    return this.reader.get(id);
  }

  /** 采购订单关闭: no further receipts; returns of what came in stay possible. */
  async close(id: string): Promise<PurchaseOrderView> {
    const row = await this.reader.lock(id);
    if (!['approved', 'partially_received', 'received'].includes(row.status))
      throw new InvalidStatusError(WHAT, row.status, '关闭 / close');
    await this.m.query(
      `UPDATE pur_orders SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
    return this.reader.get(id);
  }

  /** Header status after receipts changed the received quantities. */
  async refreshReceiptStatus(row: OrderRow): Promise<void> {
    if (!['approved', 'partially_received', 'received'].includes(row.status)) return;
    const lines = await this.reader.lines(row.id);
    const all = lines.every((l) => new Dec(l.received_qty).gte(l.qty));
    const any = lines.some((l) => new Dec(l.received_qty).gt(0));
    const status = all ? 'received' : any ? 'partially_received' : 'approved';
    await this.m.query(`UPDATE pur_orders SET status = $2, updated_at = now() WHERE id = $1`, [
      row.id,
      status,
    ]);
  }

  private async writeLines(tenantId: string, orderId: string, lines: ResolvedOrder['lines']): Promise<void> {
    let total = new Dec(0);
    for (const [i, line] of lines.entries()) {
      const amount = lineAmount(line.qty, line.unitPrice);
      total = total.plus(amount);
      await this.m.query(
        `INSERT INTO pur_order_lines (tenant_id, id, order_id, line_no, item_id, qty, unit_price, amount, due_date, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          tenantId,
          newId(),
          orderId,
          i + 1,
          line.itemId,
          line.qty,
          line.unitPrice,
          amount.toFixed(2),
          line.dueDate,
          line.note,
        ],
      );
    }
    await this.m.query(`UPDATE pur_orders SET total_amount = $2 WHERE id = $1`, [orderId, total.toFixed(2)]);
  }

  /** Codes to ids, prices filled in; every bad field collected into one 400. */
  private async resolve(tenantId: string, dto: PurchaseOrderDto): Promise<ResolvedOrder> {
    const errors: ApiErrorDetail[] = [];
    const supplier = (await this.lookup.partnersByCode('supplier', [dto.supplierCode])).get(dto.supplierCode);
    if (!supplier)
      errors.push({
        field: 'supplierCode',
        message: `未知供应商 ${dto.supplierCode} / unknown supplier ${dto.supplierCode}`,
      });
    let buyerId: string | null = null;
    if (dto.buyerCode) {
      const buyer = await this.buyers.byCode(dto.buyerCode);
      if (!buyer)
        errors.push({
          field: 'buyerCode',
          message: `未知采购员 ${dto.buyerCode} / unknown buyer ${dto.buyerCode}`,
        });
      else if (!buyer.active)
        errors.push({
          field: 'buyerCode',
          message: `采购员 ${dto.buyerCode} 已停用 / buyer ${dto.buyerCode} is inactive`,
        });
      else buyerId = buyer.id;
    }
    let warehouseId: string | null = null;
    if (dto.warehouseCode) {
      const w = (await this.lookup.warehousesByCode([dto.warehouseCode])).get(dto.warehouseCode);
      if (!w)
        errors.push({
          field: 'warehouseCode',
          message: `未知仓库 ${dto.warehouseCode} / unknown warehouse ${dto.warehouseCode}`,
        });
      else warehouseId = w.id;
    }
    const orderDate = dto.orderDate ?? (await tenantToday(this.m, tenantId));
    if (dto.expectedDate && dto.expectedDate < orderDate)
      errors.push({ field: 'expectedDate', message: '不能早于订单日期 / must not be before the order date' });
    const items = await this.lookup.itemsByCode(dto.lines.map((l) => l.itemCode));
    const lines: ResolvedOrder['lines'] = [];
    for (const [i, l] of dto.lines.entries()) {
      const item = items.get(l.itemCode);
      if (!item) {
        errors.push({
          field: `lines[${i}].itemCode`,
          message: `未知物料 ${l.itemCode} / unknown item ${l.itemCode}`,
        });
        continue;
      }
      if (l.dueDate && l.dueDate < orderDate)
        errors.push({
          field: `lines[${i}].dueDate`,
          message: '不能早于订单日期 / must not be before the order date',
        });
      let unitPrice = l.unitPrice ?? null;
      if (unitPrice === null && supplier) {
        unitPrice =
          (await this.prices.effectiveFor(supplier.id, item.id, orderDate, l.qty))?.unitPrice ??
          (await this.prices.latestFor(supplier.id, item.id));
        if (unitPrice === null)
          errors.push({
            field: `lines[${i}].unitPrice`,
            message: `${dto.supplierCode} 在 ${orderDate} 没有 ${l.itemCode} 的有效价格，请填写单价 / no price of ${dto.supplierCode} for ${l.itemCode} on ${orderDate}: give a unit price`,
          });
      }
      lines.push({
        itemId: item.id,
        qty: l.qty,
        unitPrice: unitPrice ?? '0',
        dueDate: l.dueDate ?? null,
        note: l.note ?? '',
      });
    }
    if (errors.length || !supplier) throw new ValidationFailedError(errors);
    return {
      supplierId: supplier.id,
      buyerId,
      orderDate,
      expectedDate: dto.expectedDate ?? null,
      warehouseId,
      tolerancePercent: dto.tolerancePercent ?? '0',
      currency: dto.currency ?? 'CNY',
      note: dto.note ?? '',
      lines,
    };
  }
}
