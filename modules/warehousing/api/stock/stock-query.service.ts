import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type ItemRef, type WarehouseRef } from '@mes/master-data-api';
import { NotFoundError, TenantDb } from '@mes/platform';
import {
  Dec,
  plainDecimal,
  type AgeingReport,
  type FifoPick,
  type MovementType,
  type MovementView,
  type StockByItemRow,
  type StockRow,
  type StockStatisticsRow,
} from '@mes/shared';
import type {
  AgeingQueryDto,
  FifoQueryDto,
  MovementQueryDto,
  StatisticsQueryDto,
  StockByItemQueryDto,
  StockQueryDto,
} from './stock-query.dto';

interface Filter {
  where: string[];
  params: unknown[];
}

const DAY_MS = 86_400_000;

/** Read side of the ledger: stock by balance and by item, history, FIFO picks, ageing, statistics. */
@Injectable()
export class StockQueries {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async stock(query: StockQueryDto): Promise<{ items: StockRow[]; total: number }> {
    const f = await this.filter(query, 'b');
    if (!f) return { items: [], total: 0 };
    if (query.locationCode)
      this.add(f, `b.location_id = ANY($?)`, await this.locationIds(query.warehouseCode, query.locationCode));
    if (query.lot) this.add(f, `b.lot_no = $?`, query.lot);
    if (!query.includeZero) f.where.push(`b.on_hand <> 0`);
    const cond = f.where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM wh_balances b WHERE ${cond}`,
      f.params,
    );
    const rows = await this.m.query<
      {
        item_id: string;
        warehouse_id: string;
        location_id: string | null;
        lot_no: string;
        on_hand: string;
        reserved: string;
        held: boolean;
        last_movement_at: Date;
      }[]
    >(
      `SELECT b.item_id, b.warehouse_id, b.location_id, b.lot_no, b.on_hand::text, b.reserved::text, b.held, b.last_movement_at
         FROM wh_balances b WHERE ${cond}
        ORDER BY b.item_id, b.warehouse_id, b.location_id NULLS FIRST, b.first_in_at
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      f.params,
    );
    const { items, warehouses } = await this.refs(rows);
    const stock = rows.map((r): StockRow => {
      const item = items.get(r.item_id);
      const w = warehouses.get(r.warehouse_id);
      const available = r.held ? new Dec(0) : new Dec(r.on_hand).minus(r.reserved);
      return {
        itemCode: item?.code ?? '',
        itemName: item?.name ?? '',
        unit: item?.unit ?? '',
        warehouseCode: w?.code ?? '',
        locationCode: w?.locations.find((l) => l.id === r.location_id)?.code ?? null,
        lot: r.lot_no || null,
        onHand: plainDecimal(r.on_hand),
        reserved: plainDecimal(r.reserved),
        available: plainDecimal(available),
        held: r.held,
        lastMovementAt: r.last_movement_at.toISOString(),
      };
    });
    return { items: stock, total: Number(count?.n ?? 0) };
  }

  /** One row per item: totals over every warehouse (or the one asked for). */
  async byItem(query: StockByItemQueryDto): Promise<{ items: StockByItemRow[]; total: number }> {
    const f = await this.filter(query, 'b');
    if (!f) return { items: [], total: 0 };
    const cond = f.where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(DISTINCT b.item_id)::text AS n FROM wh_balances b WHERE ${cond}`,
      f.params,
    );
    const rows = await this.m.query<{ item_id: string; on_hand: string; reserved: string; held: string }[]>(
      `SELECT b.item_id, sum(b.on_hand)::text AS on_hand, sum(b.reserved)::text AS reserved,
              coalesce(sum(b.on_hand) FILTER (WHERE b.held), 0)::text AS held
         FROM wh_balances b WHERE ${cond}
        GROUP BY b.item_id ORDER BY b.item_id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      f.params,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const list = rows
      .map((r): StockByItemRow => {
        const item = items.get(r.item_id);
        return {
          itemCode: item?.code ?? '',
          itemName: item?.name ?? '',
          unit: item?.unit ?? '',
          onHand: plainDecimal(r.on_hand),
          reserved: plainDecimal(r.reserved),
          available: plainDecimal(new Dec(r.on_hand).minus(r.reserved).minus(r.held)),
          held: plainDecimal(r.held),
        };
      })
      .sort((a, b) => a.itemCode.localeCompare(b.itemCode));
    return { items: list, total: Number(count?.n ?? 0) };
  }

  /** Free quantity (not reserved, not held) per item code — what other modules plan with. */
  async availableByItem(itemCodes: string[]): Promise<Map<string, Dec>> {
    const items = await this.lookup.itemsByCode(itemCodes);
    if (!items.size) return new Map();
    const rows = await this.m.query<{ item_id: string; free: string }[]>(
      `SELECT item_id, sum(on_hand - reserved)::text AS free FROM wh_balances
        WHERE NOT held AND item_id = ANY($1) GROUP BY item_id`,
      [[...items.values()].map((i) => i.id)],
    );
    const byId = new Map(rows.map((r) => [r.item_id, new Dec(r.free)]));
    return new Map([...items.values()].map((i) => [i.code, Dec.max(byId.get(i.id) ?? new Dec(0), 0)]));
  }

  /**
   * For MRP: per item code, the stock not on QC hold (`onHand`, may be negative where a warehouse
   * allows it) and its open reservations (`reserved`). Held stock is left out (not usable until released).
   */
  async planningTotals(): Promise<{ itemCode: string; onHand: string; reserved: string }[]> {
    const rows = await this.m.query<{ item_id: string; on_hand: string; reserved: string }[]>(
      `SELECT item_id, sum(on_hand)::text AS on_hand, sum(reserved)::text AS reserved FROM wh_balances
        WHERE NOT held GROUP BY item_id HAVING sum(on_hand) <> 0 OR sum(reserved) <> 0`,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    return rows.flatMap((r) => {
      const code = items.get(r.item_id)?.code;
      return code
        ? [{ itemCode: code, onHand: plainDecimal(r.on_hand), reserved: plainDecimal(r.reserved) }]
        : [];
    });
  }

  async movements(query: MovementQueryDto): Promise<{ items: MovementView[]; total: number }> {
    const f = await this.filter(query, 'mv');
    if (!f) return { items: [], total: 0 };
    if (query.type) this.add(f, `mv.type = $?`, query.type);
    if (query.docNo) this.add(f, `mv.doc_no = $?`, query.docNo);
    if (query.ref) this.add(f, `mv.ref = $?`, query.ref);
    if (query.lot) this.add(f, `mv.lot_no = $?`, query.lot);
    if (query.from) this.add(f, `mv.created_at >= $?`, query.from);
    if (query.to) this.add(f, `mv.created_at < $?`, query.to);
    const cond = f.where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM wh_movements mv WHERE ${cond}`,
      f.params,
    );
    const items = await this.movementViews(
      `${cond} ORDER BY mv.created_at DESC, mv.seq DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      f.params,
    );
    return { items, total: Number(count?.n ?? 0) };
  }

  async document(docNo: string): Promise<{ docNo: string; movements: MovementView[] }> {
    const movements = await this.movementViews(`mv.doc_no = $1 ORDER BY mv.seq`, [docNo]);
    if (!movements.length) throw new NotFoundError('单据 / document');
    return { docNo, movements };
  }

  /** Lots and locations to take `qty` from, oldest receipt first (先进先出). */
  async fifo(query: FifoQueryDto): Promise<{ picks: FifoPick[]; shortage: string }> {
    const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
    if (!item) return { picks: [], shortage: plainDecimal(query.qty) };
    const warehouse = query.warehouseCode
      ? (await this.lookup.warehousesByCode([query.warehouseCode])).get(query.warehouseCode)
      : undefined;
    if (query.warehouseCode && !warehouse) return { picks: [], shortage: plainDecimal(query.qty) };
    const rows = await this.m.query<
      { warehouse_id: string; location_id: string | null; lot_no: string; free: string; first_in_at: Date }[]
    >(
      `SELECT warehouse_id, location_id, lot_no, (on_hand - reserved)::text AS free, first_in_at FROM wh_balances
        WHERE item_id = $1 AND NOT held AND on_hand - reserved > 0 AND ($2::uuid IS NULL OR warehouse_id = $2)
        ORDER BY first_in_at, id`,
      [item.id, warehouse?.id ?? null],
    );
    const warehouses = await this.lookup.warehousesById(rows.map((r) => r.warehouse_id));
    let remaining = new Dec(query.qty);
    const picks: FifoPick[] = [];
    for (const r of rows) {
      if (!remaining.gt(0)) break;
      const take = Dec.min(remaining, new Dec(r.free));
      const w = warehouses.get(r.warehouse_id);
      picks.push({
        warehouseCode: w?.code ?? '',
        locationCode: w?.locations.find((l) => l.id === r.location_id)?.code ?? null,
        lot: r.lot_no || null,
        qty: plainDecimal(take),
        available: plainDecimal(r.free),
        receivedAt: r.first_in_at.toISOString(),
      });
      remaining = remaining.minus(take);
    }
    return { picks, shortage: plainDecimal(Dec.max(remaining, 0)) };
  }

  /**
   * 账龄: what is on hand, split by how long ago it came in. Stock leaves first-in first-out, so the
   * quantity on hand is made of the most recent receipts into each balance.
   */
  async ageing(query: AgeingQueryDto, now = new Date()): Promise<AgeingReport> {
    const bounds = (query.buckets ?? [30, 60, 90, 180]).slice().sort((a, b) => a - b);
    const buckets = [
      ...bounds.map((d, i) => ({ maxDays: d, label: `${(bounds[i - 1] ?? -1) + 1}-${d}` })),
      { maxDays: null, label: `>${bounds[bounds.length - 1] ?? 0}` },
    ];
    const f = await this.filter(query, 'b');
    if (!f) return { buckets, items: [] };
    const cond = f.where.join(' AND ') || 'true';
    const layers = await this.m.query<{ item_id: string; warehouse_id: string; qty: string; at: Date }[]>(
      `WITH inb AS (
         SELECT mv.balance_id, mv.qty, mv.created_at,
                sum(mv.qty) OVER (PARTITION BY mv.balance_id ORDER BY mv.created_at DESC, mv.seq DESC) AS cum
           FROM wh_movements mv JOIN wh_balances b ON b.tenant_id = mv.tenant_id AND b.id = mv.balance_id
          WHERE mv.qty > 0 AND b.on_hand > 0 AND ${cond}
       )
       SELECT b.item_id, b.warehouse_id, least(inb.qty, b.on_hand - (inb.cum - inb.qty))::text AS qty, inb.created_at AS at
         FROM inb JOIN wh_balances b ON b.id = inb.balance_id
        WHERE inb.cum - inb.qty < b.on_hand`,
      f.params,
    );
    const byKey = new Map<
      string,
      { item_id: string; warehouse_id: string; onHand: Dec; buckets: Dec[]; oldest: number }
    >();
    for (const l of layers) {
      const key = `${l.item_id}/${l.warehouse_id}`;
      let row = byKey.get(key);
      if (!row) {
        row = {
          item_id: l.item_id,
          warehouse_id: l.warehouse_id,
          onHand: new Dec(0),
          buckets: buckets.map(() => new Dec(0)),
          oldest: 0,
        };
        byKey.set(key, row);
      }
      const days = Math.max(0, Math.floor((now.getTime() - l.at.getTime()) / DAY_MS));
      const index = buckets.findIndex((b) => b.maxDays === null || days <= b.maxDays);
      row.buckets[index] = (row.buckets[index] ?? new Dec(0)).plus(l.qty);
      row.onHand = row.onHand.plus(l.qty);
      row.oldest = Math.max(row.oldest, days);
    }
    const rows = [...byKey.values()];
    const { items, warehouses } = await this.refs(rows);
    return {
      buckets,
      items: rows
        .map((r) => ({
          itemCode: items.get(r.item_id)?.code ?? '',
          itemName: items.get(r.item_id)?.name ?? '',
          warehouseCode: warehouses.get(r.warehouse_id)?.code ?? '',
          onHand: plainDecimal(r.onHand),
          buckets: r.buckets.map((b) => plainDecimal(b)),
          oldestDays: r.oldest,
        }))
        .sort((a, b) => b.oldestDays - a.oldestDays || a.itemCode.localeCompare(b.itemCode)),
    };
  }

  /** 库存统计: opening, in, out and closing per item over [from, to), with totals per movement type. */
  async statistics(query: StatisticsQueryDto): Promise<{ items: StockStatisticsRow[] }> {
    const f = await this.filter(query, 'mv');
    if (!f) return { items: [] };
    const cond = f.where.join(' AND ') || 'true';
    const from = query.from ?? '1970-01-01T00:00:00Z';
    const to = query.to ?? new Date(Date.now() + DAY_MS).toISOString();
    const p = f.params.length;
    const rows = await this.m.query<
      { item_id: string; type: MovementType | null; before: string; inbound: string; outbound: string }[]
    >(
      `SELECT mv.item_id, CASE WHEN mv.created_at >= $${p + 1} THEN mv.type END AS type,
              coalesce(sum(mv.qty) FILTER (WHERE mv.created_at < $${p + 1}), 0)::text AS before,
              coalesce(sum(mv.qty) FILTER (WHERE mv.created_at >= $${p + 1} AND mv.qty > 0), 0)::text AS inbound,
              coalesce(sum(-mv.qty) FILTER (WHERE mv.created_at >= $${p + 1} AND mv.qty < 0), 0)::text AS outbound
         FROM wh_movements mv WHERE ${cond} AND mv.created_at < $${p + 2}
        GROUP BY 1, 2`,
      [...f.params, from, to],
    );
    const byItem = new Map<
      string,
      { opening: Dec; inbound: Dec; outbound: Dec; byType: Map<MovementType, Dec> }
    >();
    for (const r of rows) {
      let row = byItem.get(r.item_id);
      if (!row) {
        row = { opening: new Dec(0), inbound: new Dec(0), outbound: new Dec(0), byType: new Map() };
        byItem.set(r.item_id, row);
      }
      row.opening = row.opening.plus(r.before);
      row.inbound = row.inbound.plus(r.inbound);
      row.outbound = row.outbound.plus(r.outbound);
      if (r.type) row.byType.set(r.type, new Dec(r.inbound).minus(r.outbound));
    }
    const items = await this.lookup.itemsById(byItem.keys());
    return {
      items: [...byItem.entries()]
        .map(([id, r]) => ({
          itemCode: items.get(id)?.code ?? '',
          itemName: items.get(id)?.name ?? '',
          opening: plainDecimal(r.opening),
          inbound: plainDecimal(r.inbound),
          outbound: plainDecimal(r.outbound),
          closing: plainDecimal(r.opening.plus(r.inbound).minus(r.outbound)),
          byType: Object.fromEntries([...r.byType].map(([t, q]) => [t, plainDecimal(q)])),
        }))
        .sort((a, b) => a.itemCode.localeCompare(b.itemCode)),
    };
  }

  private async movementViews(where: string, params: unknown[]): Promise<MovementView[]> {
    const rows = await this.m.query<
      {
        id: string;
        doc_no: string;
        type: MovementType;
        item_id: string;
        warehouse_id: string;
        location_id: string | null;
        lot_no: string;
        qty: string;
        ref: string | null;
        note: string;
        created_by: string | null;
        created_at: Date;
      }[]
    >(
      `SELECT mv.id, mv.doc_no, mv.type, mv.item_id, mv.warehouse_id, mv.location_id, mv.lot_no, mv.qty::text,
              mv.ref, mv.note, mv.created_by, mv.created_at
         FROM wh_movements mv WHERE ${where}`,
      params,
    );
    const { items, warehouses } = await this.refs(rows);
    return rows.map((r) => {
      const w = warehouses.get(r.warehouse_id);
      return {
        id: r.id,
        docNo: r.doc_no,
        type: r.type,
        itemCode: items.get(r.item_id)?.code ?? '',
        itemName: items.get(r.item_id)?.name ?? '',
        warehouseCode: w?.code ?? '',
        locationCode: w?.locations.find((l) => l.id === r.location_id)?.code ?? null,
        lot: r.lot_no || null,
        qty: plainDecimal(r.qty),
        ref: r.ref,
        note: r.note,
        createdBy: r.created_by,
        createdAt: r.created_at.toISOString(),
      };
    });
  }

  /** Item and warehouse filters shared by every query; null when a named code does not exist. */
  private async filter(
    query: { itemCode?: string; warehouseCode?: string; q?: string },
    alias: string,
  ): Promise<Filter | null> {
    const f: Filter = { where: [], params: [] };
    if (query.itemCode) {
      const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!item) return null;
      this.add(f, `${alias}.item_id = $?`, item.id);
    }
    if (query.warehouseCode) {
      const w = (await this.lookup.warehousesByCode([query.warehouseCode])).get(query.warehouseCode);
      if (!w) return null;
      this.add(f, `${alias}.warehouse_id = $?`, w.id);
    }
    if (query.q) {
      const ids = await this.lookup.searchItemIds(query.q);
      this.add(f, `${alias}.item_id = ANY($?)`, ids);
    }
    return f;
  }

  private add(f: Filter, sql: string, value: unknown): void {
    f.params.push(value);
    f.where.push(sql.replace('$?', `$${f.params.length}`));
  }

  private async locationIds(warehouseCode: string | undefined, locationCode: string): Promise<string[]> {
    const warehouses = warehouseCode
      ? [...(await this.lookup.warehousesByCode([warehouseCode])).values()]
      : await this.lookup.allWarehouses();
    return warehouses.flatMap((w) => w.locations.filter((l) => l.code === locationCode).map((l) => l.id));
  }

  private async refs(
    rows: { item_id: string; warehouse_id: string }[],
  ): Promise<{ items: Map<string, ItemRef>; warehouses: Map<string, WarehouseRef> }> {
    return {
      items: await this.lookup.itemsById(rows.map((r) => r.item_id)),
      warehouses: await this.lookup.warehousesById(rows.map((r) => r.warehouse_id)),
    };
  }
}
