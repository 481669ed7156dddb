import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import {
  Dec,
  newId,
  plainDecimal,
  type DemandType,
  type ReservationStatus,
  type ReservationView,
} from '@mes/shared';
import { InsufficientStockError } from '../shared/warehousing.errors';
import type { ReservationQueryDto } from './stock-reservation.dto';

export interface ReserveRequest {
  itemCode: string;
  warehouseCode?: string | null;
  qty: string;
  demandType: DemandType;
  demandRef: string;
  partial?: boolean;
  /** Where errors about this request point (e.g. `lines[1]`). */
  field?: string;
}

interface ReservationRow {
  id: string;
  item_id: string;
  warehouse_id: string;
  location_id: string | null;
  lot_no: string;
  qty: string;
  open_qty: string;
  demand_type: DemandType;
  demand_ref: string;
  status: ReservationStatus;
  created_at: Date;
}

/**
 * 库存预留: holds free stock (on hand − reserved, not on QC hold) for a demand — a sales order line or
 * a work order — oldest stock first. Reserved stock is taken only by documents that name the demand.
 */
@Injectable()
export class StockReservations {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  /** Reserves up to `qty`; returns what was reserved ("0" when nothing was free and partial). */
  async reserve(
    tenantId: string,
    actorId: string | null,
    req: ReserveRequest,
  ): Promise<{ reserved: string; reservations: ReservationView[] }> {
    const f = req.field ? `${req.field}.` : '';
    const item = (await this.lookup.itemsByCode([req.itemCode])).get(req.itemCode);
    const warehouse = req.warehouseCode
      ? (await this.lookup.warehousesByCode([req.warehouseCode])).get(req.warehouseCode)
      : null;
    const errors = [];
    if (!item) errors.push({ field: `${f}itemCode`, message: `unknown item ${req.itemCode}` });
    if (req.warehouseCode && !warehouse)
      errors.push({ field: `${f}warehouseCode`, message: `unknown warehouse ${req.warehouseCode}` });
    const qty = new Dec(req.qty);
    if (!qty.gt(0)) errors.push({ field: `${f}qty`, message: 'must be > 0' });
    if (!item || errors.length) throw new ValidationFailedError(errors);

    const balances = await this.m.query<
      { id: string; warehouse_id: string; location_id: string | null; lot_no: string; free: string }[]
    >(
      `SELECT id, warehouse_id, location_id, lot_no, (on_hand - reserved)::text AS free FROM wh_balances
        WHERE item_id = $1 AND NOT held AND ($2::uuid IS NULL OR warehouse_id = $2)
        ORDER BY first_in_at, id FOR UPDATE`,
      [item.id, warehouse?.id ?? null],
    );
    let remaining = qty;
    const now = new Date();
    const ids: string[] = [];
    for (const b of balances) {
      if (!remaining.gt(0)) break;
      const take = Dec.min(remaining, new Dec(b.free));
      if (!take.gt(0)) continue;
      const id = newId();
      await this.m.query(`UPDATE wh_balances SET reserved = reserved + $2 WHERE id = $1`, [
        b.id,
        take.toFixed(),
      ]);
      await this.m.query(
        `INSERT INTO wh_reservations (tenant_id, id, balance_id, item_id, warehouse_id, location_id, lot_no, qty, open_qty,
           demand_type, demand_ref, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, 'open', $11, $12, $12)`,
        [
          tenantId,
          id,
          b.id,
          item.id,
          b.warehouse_id,
          b.location_id,
          b.lot_no,
          take.toFixed(),
          req.demandType,
          req.demandRef,
          actorId,
          now,
        ],
      );
      ids.push(id);
      remaining = remaining.minus(take);
    }
    if (remaining.gt(0) && !req.partial) {
      throw new InsufficientStockError([
        {
          field: `${f}qty`,
          itemCode: item.code,
          warehouseCode: warehouse?.code ?? '*',
          requested: plainDecimal(qty),
          available: plainDecimal(qty.minus(remaining)),
        },
      ]);
    }
    const reservations = ids.length ? await this.views(`r.id = ANY($1)`, [ids]) : [];
    return { reserved: plainDecimal(qty.minus(remaining)), reservations };
  }

  /** Releases every open reservation of a demand (e.g. an order line cancelled or closed). */
  async releaseDemand(demandType: DemandType, demandRef: string): Promise<string> {
    const rows = await this.m.query<ReservationRow[]>(
      `SELECT id FROM wh_reservations WHERE status = 'open' AND demand_type = $1 AND demand_ref = $2 FOR UPDATE`,
      [demandType, demandRef],
    );
    let total = new Dec(0);
    for (const r of rows) total = total.plus(await this.releaseRow(r.id));
    return plainDecimal(total);
  }

  async release(id: string): Promise<ReservationView> {
    const [row] = await this.m.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM wh_reservations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError('库存预留 / reservation');
    if (row.status === 'open') await this.releaseRow(id);
    return this.get(id);
  }

  /** Open quantity reserved for a demand, per item code. */
  async openFor(demandType: DemandType, demandRef: string): Promise<Map<string, Dec>> {
    const rows = await this.m.query<{ item_id: string; open: string }[]>(
      `SELECT item_id, sum(open_qty)::text AS open FROM wh_reservations
        WHERE status = 'open' AND demand_type = $1 AND demand_ref = $2 GROUP BY item_id`,
      [demandType, demandRef],
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    return new Map(rows.map((r) => [items.get(r.item_id)?.code ?? r.item_id, new Dec(r.open)]));
  }

  /** Open reserved quantity per demand ref and item id of one demand type, in one round trip (MRP). */
  async openTotals(demandType: DemandType): Promise<{ demandRef: string; itemId: string; qty: string }[]> {
    return this.m.query<{ demandRef: string; itemId: string; qty: string }[]>(
      `SELECT demand_ref AS "demandRef", item_id AS "itemId", sum(open_qty)::text AS qty FROM wh_reservations
        WHERE status = 'open' AND demand_type = $1 GROUP BY demand_ref, item_id`,
      [demandType],
    );
  }

  async get(id: string): Promise<ReservationView> {
    const [view] = await this.views(`r.id = $1`, [id]);
    if (!view) throw new NotFoundError('库存预留 / reservation');
    return view;
  }

  async list(query: ReservationQueryDto): Promise<{ items: ReservationView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.itemCode) {
      const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!item) return { items: [], total: 0 };
      params.push(item.id);
      where.push(`r.item_id = $${params.length}`);
    }
    if (query.demandType) {
      params.push(query.demandType);
      where.push(`r.demand_type = $${params.length}`);
    }
    if (query.demandRef) {
      params.push(query.demandRef);
      where.push(`r.demand_ref = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`r.status = $${params.length}`);
    }
    const cond = where.length ? where.join(' AND ') : 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM wh_reservations r WHERE ${cond}`,
      params,
    );
    const items = await this.views(
      `${cond} ORDER BY r.created_at DESC, r.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items, total: Number(count?.n ?? 0) };
  }

  private async releaseRow(id: string): Promise<Dec> {
    const [row] = await this.m.query<{ balance_id: string; open_qty: string }[]>(
      `SELECT balance_id, open_qty::text FROM wh_reservations WHERE id = $1 AND status = 'open' FOR UPDATE`,
      [id],
    );
    if (!row) return new Dec(0);
    await this.m.query(
      `UPDATE wh_reservations SET status = 'released', open_qty = 0, updated_at = now() WHERE id = $1`,
      [id],
    );
    await this.m.query(`UPDATE wh_balances SET reserved = reserved - $2 WHERE id = $1`, [
      row.balance_id,
      row.open_qty,
    ]);
    return new Dec(row.open_qty);
  }

  private async views(where: string, params: unknown[]): Promise<ReservationView[]> {
    const rows = await this.m.query<ReservationRow[]>(
      `SELECT r.id, r.item_id, r.warehouse_id, r.location_id, r.lot_no, r.qty::text, r.open_qty::text,
              r.demand_type, r.demand_ref, r.status, r.created_at
         FROM wh_reservations r WHERE ${where}`,
      params,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const warehouses = await this.lookup.warehousesById(rows.map((r) => r.warehouse_id));
    return rows.map((r) => {
      const w = warehouses.get(r.warehouse_id);
      return {
        id: r.id,
        itemCode: items.get(r.item_id)?.code ?? '',
        itemName: items.get(r.item_id)?.name ?? '',
        warehouseCode: w?.code ?? '',
        locationCode: w?.locations.find((l) => l.id === r.location_id)?.code ?? null,
        lot: r.lot_no || null,
        qty: plainDecimal(r.qty),
        openQty: plainDecimal(r.open_qty),
        demandType: r.demand_type,
        demandRef: r.demand_ref,
        status: r.status,
        createdAt: r.created_at.toISOString(),
      };
    });
  }
}
