import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import {
  newId,
  plainDecimal,
  type ApiErrorDetail,
  type LatestPriceView,
  type SupplierPriceView,
} from '@mes/shared';
import { tenantToday } from '../shared/tenant-today';
import type {
  EffectivePriceQueryDto,
  LatestPriceQueryDto,
  SupplierPriceDto,
  SupplierPriceQueryDto,
} from './supplier-price.dto';
import { firstRow } from '../shared/first-row';

interface PriceRow {
  id: string;
  supplier_id: string;
  item_id: string;
  unit_price: string;
  currency: string;
  min_qty: string;
  valid_from: string;
  valid_to: string | null;
  note: string;
  created_at: Date;
  updated_at: Date;
}

/** A price in effect, as purchase orders use it. */
export interface EffectivePrice {
  supplierId: string;
  unitPrice: string;
  currency: string;
}

const COLUMNS = `id, supplier_id, item_id, unit_price::text, currency, min_qty::text, valid_from::text,
  valid_to::text, note, created_at, updated_at`;

/** In effect on $date for quantity $qty (null: any); the highest tier reached, newest first. */
const EFFECTIVE = (date: string, qty: string) =>
  `valid_from <= ${date}::date AND (valid_to IS NULL OR valid_to >= ${date}::date)
   AND (${qty}::numeric IS NULL OR min_qty <= ${qty}::numeric)`;

/** 物料采购价格 and 物料最新采购价格: supplier price lists with validity dates and tiers. */
@Injectable()
export class SupplierPriceService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: SupplierPriceQueryDto): Promise<{ items: SupplierPriceView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.supplierCode) {
      const s = (await this.lookup.partnersByCode('supplier', [query.supplierCode])).get(query.supplierCode);
      if (!s) return { items: [], total: 0 };
      params.push(s.id);
      where.push(`supplier_id = $${params.length}`);
    }
    if (query.itemCode) {
      const i = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!i) return { items: [], total: 0 };
      params.push(i.id);
      where.push(`item_id = $${params.length}`);
    }
    if (query.onDate) {
      params.push(query.onDate);
      where.push(EFFECTIVE(`$${params.length}`, 'NULL'));
    }
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM pur_prices WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<PriceRow[]>(
      `SELECT ${COLUMNS} FROM pur_prices WHERE ${cond}
        ORDER BY item_id, supplier_id, valid_from DESC, min_qty
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.views(rows), total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<SupplierPriceView> {
    const [row] = await this.m.query<PriceRow[]>(`SELECT ${COLUMNS} FROM pur_prices WHERE id = $1`, [id]);
    if (!row) throw new NotFoundError('采购价格 / supplier price');
    return firstRow(await this.views([row]), 'price view');
  }

  async create(tenantId: string, actorId: string | null, dto: SupplierPriceDto): Promise<SupplierPriceView> {
    const { supplierId, itemId } = await this.resolve(dto);
    const id = newId();
    await this.m.query(
      `INSERT INTO pur_prices (tenant_id, id, supplier_id, item_id, unit_price, currency, min_qty, valid_from, valid_to, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        tenantId,
        id,
        supplierId,
        itemId,
        dto.unitPrice,
        dto.currency ?? 'CNY',
        dto.minQty ?? '0',
        dto.validFrom,
        dto.validTo ?? null,
        dto.note ?? '',
        actorId,
      ],
    );
    return this.get(id);
  }

  async replace(id: string, dto: SupplierPriceDto): Promise<SupplierPriceView> {
    await this.get(id);
    const { supplierId, itemId } = await this.resolve(dto);
    await this.m.query(
      `UPDATE pur_prices SET supplier_id = $2, item_id = $3, unit_price = $4, currency = $5, min_qty = $6,
              valid_from = $7, valid_to = $8, note = $9, updated_at = now() WHERE id = $1`,
      [
        id,
        supplierId,
        itemId,
        dto.unitPrice,
        dto.currency ?? 'CNY',
        dto.minQty ?? '0',
        dto.validFrom,
        dto.validTo ?? null,
        dto.note ?? '',
      ],
    );
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const [, affected] = await this.m.query<[unknown[], number]>(`DELETE FROM pur_prices WHERE id = $1`, [
      id,
    ]);
    if (!affected) throw new NotFoundError('采购价格 / supplier price');
  }

  /** `GET /purchasing/prices/effective`: the supplier's price for the item on a date (404: none). */
  async effective(tenantId: string, query: EffectivePriceQueryDto): Promise<SupplierPriceView> {
    const supplier = (await this.lookup.partnersByCode('supplier', [query.supplierCode])).get(
      query.supplierCode,
    );
    const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
    const date = query.date ?? (await tenantToday(this.m, tenantId));
    const row =
      supplier && item ? await this.effectiveRow(supplier.id, item.id, date, query.qty ?? null) : null;
    if (!row) throw new NotFoundError('有效采购价格 / effective price');
    return firstRow(await this.views([row]), 'price view');
  }

  /**
   * The supplier's price for the item in effect on `date`: for `qty`, the highest tier it reaches;
   * without a quantity, the base (lowest) tier. Null when none.
   */
  async effectiveFor(
    supplierId: string,
    itemId: string,
    date: string,
    qty: string | null,
  ): Promise<EffectivePrice | null> {
    const row = await this.effectiveRow(supplierId, itemId, date, qty);
    return row ? { supplierId, unitPrice: row.unit_price, currency: row.currency } : null;
  }

  /** Among all suppliers, the lowest price in effect for the item (ties: the lowest supplier id). */
  async cheapestFor(itemId: string, date: string, qty: string | null): Promise<EffectivePrice | null> {
    const [row] = await this.m.query<{ supplier_id: string; unit_price: string; currency: string }[]>(
      `SELECT supplier_id, unit_price::text, currency FROM (
         SELECT DISTINCT ON (supplier_id) supplier_id, unit_price, currency FROM pur_prices
          WHERE item_id = $1 AND ${EFFECTIVE('$2', '$3')}
          ORDER BY supplier_id, min_qty DESC, valid_from DESC, created_at DESC
       ) p ORDER BY unit_price, supplier_id LIMIT 1`,
      [itemId, date, qty],
    );
    return row ? { supplierId: row.supplier_id, unitPrice: row.unit_price, currency: row.currency } : null;
  }

  /** The price of the last approved order line for the item from this supplier, or null. */
  async latestFor(supplierId: string, itemId: string): Promise<string | null> {
    const [row] = await this.m.query<{ unit_price: string }[]>(
      `SELECT l.unit_price::text FROM pur_order_lines l
         JOIN pur_orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
        WHERE l.item_id = $1 AND o.supplier_id = $2 AND o.approved_at IS NOT NULL AND o.status <> 'cancelled'
        ORDER BY o.approved_at DESC, o.no DESC, l.line_no DESC LIMIT 1`,
      [itemId, supplierId],
    );
    return row?.unit_price ?? null;
  }

  /** 物料最新采购价格: per item (or per item and supplier), the price of the last approved order. */
  async latest(query: LatestPriceQueryDto): Promise<{ items: LatestPriceView[]; total: number }> {
    const where = [`o.approved_at IS NOT NULL`, `o.status <> 'cancelled'`];
    const params: unknown[] = [];
    if (query.itemCode) {
      const i = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!i) return { items: [], total: 0 };
      params.push(i.id);
      where.push(`l.item_id = $${params.length}`);
    }
    if (query.supplierCode) {
      const s = (await this.lookup.partnersByCode('supplier', [query.supplierCode])).get(query.supplierCode);
      if (!s) return { items: [], total: 0 };
      params.push(s.id);
      where.push(`o.supplier_id = $${params.length}`);
    }
    const key = query.bySupplier === 'true' ? 'l.item_id, o.supplier_id' : 'l.item_id';
    const inner = `SELECT DISTINCT ON (${key}) l.item_id, o.supplier_id, l.unit_price::text AS unit_price,
         o.currency, o.no, o.order_date::text AS order_date, o.approved_at
       FROM pur_order_lines l JOIN pur_orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
      WHERE ${where.join(' AND ')}
      ORDER BY ${key}, o.approved_at DESC, o.no DESC, l.line_no DESC`;
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM (${inner}) x`,
      params,
    );
    const rows = await this.m.query<
      {
        item_id: string;
        supplier_id: string;
        unit_price: string;
        currency: string;
        no: string;
        order_date: string;
        approved_at: Date;
      }[]
    >(
      `SELECT * FROM (${inner}) x ORDER BY approved_at DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const suppliers = await this.lookup.partnersById(rows.map((r) => r.supplier_id));
    return {
      items: rows.map((r) => ({
        itemCode: items.get(r.item_id)?.code ?? '',
        itemName: items.get(r.item_id)?.name ?? '',
        unit: items.get(r.item_id)?.unit ?? '',
        supplierCode: suppliers.get(r.supplier_id)?.code ?? '',
        supplierName: suppliers.get(r.supplier_id)?.name ?? '',
        unitPrice: plainDecimal(r.unit_price),
        currency: r.currency,
        orderNo: r.no,
        orderDate: r.order_date,
        approvedAt: r.approved_at.toISOString(),
      })),
      total: Number(count?.n ?? 0),
    };
  }

  private async effectiveRow(
    supplierId: string,
    itemId: string,
    date: string,
    qty: string | null,
  ): Promise<PriceRow | null> {
    const [row] = await this.m.query<PriceRow[]>(
      `SELECT ${COLUMNS} FROM pur_prices WHERE supplier_id = $1 AND item_id = $2 AND ${EFFECTIVE('$3', '$4')}
        ORDER BY CASE WHEN $4::numeric IS NULL THEN min_qty END, min_qty DESC, valid_from DESC, created_at DESC
        LIMIT 1`,
      [supplierId, itemId, date, qty],
    );
    return row ?? null;
  }

  private async resolve(dto: SupplierPriceDto): Promise<{ supplierId: string; itemId: string }> {
    const errors: ApiErrorDetail[] = [];
    const supplier = (await this.lookup.partnersByCode('supplier', [dto.supplierCode])).get(dto.supplierCode);
    if (!supplier)
      errors.push({
        field: 'supplierCode',
        message: `未知供应商 ${dto.supplierCode} / unknown supplier ${dto.supplierCode}`,
      });
    const item = (await this.lookup.itemsByCode([dto.itemCode])).get(dto.itemCode);
    if (!item)
      errors.push({ field: 'itemCode', message: `未知物料 ${dto.itemCode} / unknown item ${dto.itemCode}` });
    if (dto.validTo && dto.validTo < dto.validFrom)
      errors.push({ field: 'validTo', message: '不能早于生效日期 / must not be before validFrom' });
    if (errors.length || !supplier || !item) throw new ValidationFailedError(errors);
    return { supplierId: supplier.id, itemId: item.id };
  }

  private async views(rows: PriceRow[]): Promise<SupplierPriceView[]> {
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const suppliers = await this.lookup.partnersById(rows.map((r) => r.supplier_id));
    return rows.map((r) => ({
      id: r.id,
      supplierCode: suppliers.get(r.supplier_id)?.code ?? '',
      supplierName: suppliers.get(r.supplier_id)?.name ?? '',
      itemCode: items.get(r.item_id)?.code ?? '',
      itemName: items.get(r.item_id)?.name ?? '',
      unit: items.get(r.item_id)?.unit ?? '',
      unitPrice: plainDecimal(r.unit_price),
      currency: r.currency,
      minQty: plainDecimal(r.min_qty),
      validFrom: r.valid_from,
      validTo: r.valid_to,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}
