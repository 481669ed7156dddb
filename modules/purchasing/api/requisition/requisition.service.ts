import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type PartnerRef } from '@mes/master-data-api';
import { InvalidStatusError, NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import {
  newId,
  plainDecimal,
  type ApiErrorDetail,
  type PurchaseOrderView,
  type RequisitionSource,
  type RequisitionStatus,
  type RequisitionView,
} from '@mes/shared';
import { BuyerService } from '../buyer/buyer.service';
import { PurchaseOrderReader } from '../order/purchase-order.reader';
import { PurchaseOrderService, type ResolvedOrder } from '../order/purchase-order.service';
import { SupplierPriceService } from '../price/supplier-price.service';
import { tenantToday } from '../shared/tenant-today';
import type { ConvertRequisitionsDto, RequisitionDto, RequisitionQueryDto } from './requisition.dto';
import { firstRow } from '../shared/first-row';

interface RequisitionRow {
  id: string;
  item_id: string;
  qty: string;
  need_by: string | null;
  source: RequisitionSource;
  status: RequisitionStatus;
  supplier_id: string | null;
  order_id: string | null;
  order_no: string | null;
  note: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `r.id, r.item_id, r.qty::text, r.need_by::text, r.source, r.status, r.supplier_id, r.order_id,
  o.no AS order_no, r.note, r.created_at, r.updated_at`;
const FROM = `pur_requisitions r LEFT JOIN pur_orders o ON o.tenant_id = r.tenant_id AND o.id = r.order_id`;

/** 待采购清单: what needs buying (typed in now, planned by MRP later), turned into draft orders. */
@Injectable()
export class RequisitionService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly prices: SupplierPriceService,
    private readonly buyers: BuyerService,
    private readonly orders: PurchaseOrderService,
    private readonly orderReader: PurchaseOrderReader,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: RequisitionQueryDto): Promise<{ items: RequisitionView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`r.status = $${params.length}`);
    }
    if (query.source) {
      params.push(query.source);
      where.push(`r.source = $${params.length}`);
    }
    if (query.itemCode) {
      const i = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!i) return { items: [], total: 0 };
      params.push(i.id);
      where.push(`r.item_id = $${params.length}`);
    }
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM pur_requisitions r WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<RequisitionRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${cond}
        ORDER BY r.need_by NULLS LAST, r.created_at
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.views(rows), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<RequisitionView> {
    const [row] = await this.m.query<RequisitionRow[]>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [
      id,
    ]);
    if (!row) throw new NotFoundError('待采购 / requisition');
    return firstRow(await this.views([row]), 'requisition view');
  }

  /** A manual line; `source` 'mrp' is for the planning module. */
  async create(
    tenantId: string,
    actorId: string | null,
    dto: RequisitionDto,
    source: RequisitionSource = 'manual',
  ): Promise<RequisitionView> {
    const errors: ApiErrorDetail[] = [];
    const item = (await this.lookup.itemsByCode([dto.itemCode])).get(dto.itemCode);
    if (!item)
      errors.push({ field: 'itemCode', message: `未知物料 ${dto.itemCode} / unknown item ${dto.itemCode}` });
    let supplier: PartnerRef | undefined;
    if (dto.supplierCode) {
      supplier = (await this.lookup.partnersByCode('supplier', [dto.supplierCode])).get(dto.supplierCode);
      if (!supplier)
        errors.push({
          field: 'supplierCode',
          message: `未知供应商 ${dto.supplierCode} / unknown supplier ${dto.supplierCode}`,
        });
    }
    if (errors.length || !item) throw new ValidationFailedError(errors);
    const id = newId();
    await this.m.query(
      `INSERT INTO pur_requisitions (tenant_id, id, item_id, qty, need_by, source, status, supplier_id, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9)`,
      [
        tenantId,
        id,
        item.id,
        dto.qty,
        dto.needBy ?? null,
        source,
        supplier?.id ?? null,
        dto.note ?? '',
        actorId,
      ],
    );
    return this.get(id);
  }

  async cancel(id: string): Promise<RequisitionView> {
    const [row] = await this.m.query<{ status: RequisitionStatus }[]>(
      `SELECT status FROM pur_requisitions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError('待采购 / requisition');
    if (row.status !== 'open')
      throw new InvalidStatusError('待采购 / requisition', row.status, '取消 / cancel');
    await this.m.query(`UPDATE pur_requisitions SET status = 'cancelled', updated_at = now() WHERE id = $1`, [
      id,
    ]);
    return this.get(id);
  }

  /**
   * Open lines → draft purchase orders, one per supplier: the supplier given, else the line's own,
   * else the one with the cheapest price in effect today. Lines without a supplier or price are a 400.
   */
  async convert(
    tenantId: string,
    actorId: string | null,
    dto: ConvertRequisitionsDto,
  ): Promise<{ orders: PurchaseOrderView[] }> {
    const rows = await this.m.query<
      {
        id: string;
        item_id: string;
        qty: string;
        need_by: string | null;
        supplier_id: string | null;
        status: RequisitionStatus;
        note: string;
      }[]
    >(
      `SELECT id, item_id, qty::text, need_by::text, supplier_id, status, note FROM pur_requisitions
        WHERE id = ANY($1) ORDER BY created_at, id FOR UPDATE`,
      [dto.ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const errors: ApiErrorDetail[] = [];
    let fixedSupplier: string | null = null;
    if (dto.supplierCode) {
      const s = (await this.lookup.partnersByCode('supplier', [dto.supplierCode])).get(dto.supplierCode);
      if (!s)
        errors.push({
          field: 'supplierCode',
          message: `未知供应商 ${dto.supplierCode} / unknown supplier ${dto.supplierCode}`,
        });
      else fixedSupplier = s.id;
    }
    let buyerId: string | null = null;
    if (dto.buyerCode) {
      const b = await this.buyers.byCode(dto.buyerCode);
      if (!b?.active)
        errors.push({
          field: 'buyerCode',
          message: `未知或已停用的采购员 ${dto.buyerCode} / unknown or inactive buyer ${dto.buyerCode}`,
        });
      else buyerId = b.id;
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
    const today = await tenantToday(this.m, tenantId);
    const groups = new Map<string, { lines: ResolvedOrder['lines']; ids: string[] }>();
    for (const [i, id] of dto.ids.entries()) {
      const r = byId.get(id);
      const field = `ids[${i}]`;
      if (!r) {
        errors.push({ field, message: '待采购行不存在 / no such to-buy line' });
        continue;
      }
      if (r.status !== 'open') {
        errors.push({
          field,
          message: `该行状态为 ${r.status}，不是待采购 / the line is ${r.status}, not open`,
        });
        continue;
      }
      const supplierId = fixedSupplier ?? r.supplier_id;
      let unitPrice: string | null = null;
      let chosen: string | null = supplierId;
      if (supplierId) {
        unitPrice =
          (await this.prices.effectiveFor(supplierId, r.item_id, today, r.qty))?.unitPrice ??
          (await this.prices.latestFor(supplierId, r.item_id));
      } else if (!dto.supplierCode) {
        const cheapest = await this.prices.cheapestFor(r.item_id, today, r.qty);
        chosen = cheapest?.supplierId ?? null;
        unitPrice = cheapest?.unitPrice ?? null;
      }
      if (!chosen) {
        if (!dto.supplierCode)
          errors.push({
            field,
            message: '没有供应商：请指定供应商或维护采购价格 / no supplier: name one or add a supplier price',
          });
        continue;
      }
      if (unitPrice === null) {
        errors.push({
          field,
          message:
            '该供应商没有此物料的价格：请维护采购价格 / no price of the supplier for this item: add a supplier price',
        });
        continue;
      }
      const group = groups.get(chosen) ?? { lines: [], ids: [] };
      group.lines.push({
        itemId: r.item_id,
        qty: r.qty,
        unitPrice,
        dueDate: r.need_by && r.need_by >= today ? r.need_by : null,
        note: r.note,
      });
      group.ids.push(r.id);
      groups.set(chosen, group);
    }
    if (errors.length) throw new ValidationFailedError(errors);
    const orders: PurchaseOrderView[] = [];
    for (const [supplierId, group] of groups) {
      const orderId = await this.orders.insert(tenantId, actorId, {
        supplierId,
        buyerId,
        orderDate: today,
        expectedDate: null,
        warehouseId,
        tolerancePercent: '0',
        currency: 'CNY',
        note: '',
        lines: group.lines,
      });
      await this.m.query(
        `UPDATE pur_requisitions SET status = 'ordered', order_id = $2, supplier_id = $3, updated_at = now()
          WHERE id = ANY($1)`,
        [group.ids, orderId, supplierId],
      );
      orders.push(await this.orderReader.get(orderId));
    }
    return { orders };
  }

  private async views(rows: RequisitionRow[]): Promise<RequisitionView[]> {
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const suppliers = await this.lookup.partnersById(
      rows.flatMap((r) => (r.supplier_id ? [r.supplier_id] : [])),
    );
    return rows.map((r) => {
      const supplier = r.supplier_id ? suppliers.get(r.supplier_id) : undefined;
      return {
        id: r.id,
        itemCode: items.get(r.item_id)?.code ?? '',
        itemName: items.get(r.item_id)?.name ?? '',
        unit: items.get(r.item_id)?.unit ?? '',
        qty: plainDecimal(r.qty),
        needBy: r.need_by,
        source: r.source,
        status: r.status,
        supplierCode: supplier?.code ?? null,
        supplierName: supplier?.name ?? null,
        orderId: r.order_id,
        orderNo: r.order_no,
        note: r.note,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      };
    });
  }
}
