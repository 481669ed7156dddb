import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { likePattern, TenantDb } from '@mes/platform';
import { newId, type CalendarDefinition, type ItemType, type MakeOrBuy } from '@mes/shared';
import { LotEntity } from '../lot/lot.entity';
import { PartnerEntity, type PartnerKind } from '../partner/partner.entity';
import { LocationEntity } from '../warehouse/location.entity';

/** What other modules may know of an item. */
export interface ItemRef {
  id: string;
  code: string;
  name: string;
  spec: string;
  type: ItemType;
  unit: string;
  makeOrBuy: MakeOrBuy;
  leadTimeDays: number;
  lotTracked: boolean;
  inspectionRequired: boolean;
  defaultWarehouseId: string | null;
}

/** An active item's planning parameters (MRP). `lotSizing` is the engine's JSON shape. */
export interface PlanningItem {
  code: string;
  makeOrBuy: MakeOrBuy;
  leadTimeDays: number;
  safetyStock: string;
  lotSizing: Record<string, unknown>;
}

/** A line of an active item's default (non-order) BOM in effect on a date (MRP, production execution). */
export interface PlanningBomLine {
  parent: string;
  child: string;
  qtyPer: string;
  scrapRate: string;
  /** The routing operation (seq) that consumes it; null: not tied to one. */
  operationSeq: number | null;
}

/** The default BOM lines in effect on a date; the parent filter is appended by defaultBomLines. */
const DEFAULT_BOM_LINES_SELECT = `SELECT p.code AS parent, c.code AS child, l.qty_per::text AS "qtyPer",
         l.scrap_rate::text AS "scrapRate", l.operation_seq AS "operationSeq"
    FROM md_boms b
    JOIN md_items p ON p.tenant_id = b.tenant_id AND p.id = b.item_id AND p.status = 'active'
    JOIN md_bom_lines l ON l.tenant_id = b.tenant_id AND l.bom_id = b.id
    JOIN md_items c ON c.tenant_id = l.tenant_id AND c.id = l.item_id
   WHERE b.is_default AND b.status = 'active' AND b.order_ref IS NULL
     AND (l.valid_from IS NULL OR l.valid_from <= $1::date)
     AND (l.valid_to IS NULL OR l.valid_to >= $1::date)`;

export interface LocationRef {
  id: string;
  code: string;
  name: string;
}

export interface WarehouseRef {
  id: string;
  code: string;
  name: string;
  allowNegativeStock: boolean;
  locations: LocationRef[];
}

/** An operation of an item's default routing (work orders copy them). Minutes are decimal strings. */
export interface RoutingStep {
  seq: number;
  name: string;
  workCenterId: string;
  workCenterCode: string;
  setupMinutes: string;
  /** Per unit. */
  runMinutes: string;
  queueMinutes: string;
  moveMinutes: string;
  inspectionPoint: boolean;
  spanBreaks: boolean;
  alternatives: { workCenterId: string; workCenterCode: string; runMinutes: string }[];
}

/** A work center with its shift calendar (scheduling, production execution). */
export interface WorkCenterRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  parallelCapacity: number;
  efficiency: string;
  status: 'active' | 'inactive';
  calendar: { id: string; code: string; name: string; definition: CalendarDefinition } | null;
}

export interface PartnerRef {
  id: string;
  kind: PartnerKind;
  code: string;
  name: string;
  address: string;
  contacts: { name: string; phone?: string; email?: string }[];
}

/**
 * The read side of master data that other modules use (they never touch md_* entities): resolve
 * codes to ids and ids back to codes, in batches, within the caller's tenant transaction.
 */
@Injectable()
export class MasterDataLookup {
  constructor(private readonly db: TenantDb) {}

  async itemsByCode(codes: Iterable<string>): Promise<Map<string, ItemRef>> {
    const list = [...new Set(codes)];
    if (!list.length) return new Map();
    const refs = await this.items(`i.code = ANY($1)`, [list]);
    return new Map(refs.map((r) => [r.code, r]));
  }

  async itemsById(ids: Iterable<string>): Promise<Map<string, ItemRef>> {
    const list = [...new Set(ids)];
    if (!list.length) return new Map();
    const refs = await this.items(`i.id = ANY($1)`, [list]);
    return new Map(refs.map((r) => [r.id, r]));
  }

  /** Ids of items whose code or name contains `q` (at most 5 000). */
  async searchItemIds(q: string): Promise<string[]> {
    const rows = await this.db.manager.query<{ id: string }[]>(
      `SELECT id FROM md_items WHERE code ILIKE $1 OR name ILIKE $1 ORDER BY code LIMIT 5000`,
      [likePattern(q.trim())],
    );
    return rows.map((r) => r.id);
  }

  async warehousesByCode(codes: Iterable<string>): Promise<Map<string, WarehouseRef>> {
    const list = [...new Set(codes)];
    if (!list.length) return new Map();
    const refs = await this.warehouses(`w.code = ANY($1)`, [list]);
    return new Map(refs.map((r) => [r.code, r]));
  }

  async warehousesById(ids: Iterable<string>): Promise<Map<string, WarehouseRef>> {
    const list = [...new Set(ids)];
    if (!list.length) return new Map();
    const refs = await this.warehouses(`w.id = ANY($1)`, [list]);
    return new Map(refs.map((r) => [r.id, r]));
  }

  async allWarehouses(): Promise<WarehouseRef[]> {
    return this.warehouses('true', []);
  }

  async partnersByCode(kind: PartnerKind, codes: Iterable<string>): Promise<Map<string, PartnerRef>> {
    const list = [...new Set(codes)];
    if (!list.length) return new Map();
    const rows = await this.db.manager.findBy(PartnerEntity, { kind, code: In(list) });
    return new Map(rows.map((p) => [p.code, this.toPartnerRef(p)]));
  }

  async partnersById(ids: Iterable<string>): Promise<Map<string, PartnerRef>> {
    const list = [...new Set(ids)];
    if (!list.length) return new Map();
    const rows = await this.db.manager.findBy(PartnerEntity, { id: In(list) });
    return new Map(rows.map((p) => [p.id, this.toPartnerRef(p)]));
  }

  /** The location with this code in the warehouse, created when missing (e.g. the QC-hold area). */
  async ensureLocation(
    tenantId: string,
    warehouseId: string,
    code: string,
    name: string,
  ): Promise<LocationRef> {
    await this.db.manager.query(
      `INSERT INTO md_locations (tenant_id, id, warehouse_id, code, name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [tenantId, newId(), warehouseId, code, name],
    );
    const row = await this.db.manager.findOneByOrFail(LocationEntity, { warehouseId, code });
    return { id: row.id, code: row.code, name: row.name };
  }

  /** Registers a lot number of a lot-tracked item the first time stock of it arrives. */
  async ensureLot(
    tenantId: string,
    itemId: string,
    lotNo: string,
    supplierId: string | null = null,
  ): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO md_lots (tenant_id, id, item_id, lot_no, supplier_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, item_id, lot_no) DO NOTHING`,
      [tenantId, newId(), itemId, lotNo, supplierId],
    );
  }

  /** Lot numbers with their dates, for FIFO/expiry decisions. */
  async lots(itemId: string): Promise<{ lotNo: string; expiresOn: string | null; createdAt: Date }[]> {
    const rows = await this.db.manager.findBy(LotEntity, { itemId });
    return rows.map((l) => ({ lotNo: l.lotNo, expiresOn: l.expiresOn, createdAt: l.createdAt }));
  }

  /** Planning parameters of every active item, in one round trip (MRP builds its model from them). */
  async planningItems(): Promise<PlanningItem[]> {
    return this.db.manager.query<PlanningItem[]>(
      `SELECT code, make_or_buy AS "makeOrBuy", lead_time_days AS "leadTimeDays",
              safety_stock::text AS "safetyStock", lot_sizing AS "lotSizing"
         FROM md_items WHERE status = 'active' ORDER BY code`,
    );
  }

  /**
   * The lines of each active item's default BOM (active, not an order BOM) whose effectivity covers
   * `onDate` (YYYY-MM-DD), in one round trip; children are named by code whatever their status.
   * With `parentId`, only that item's lines: one indexed read (the default BOM by item), run as a
   * prepared statement since production execution reads it on every backflush report.
   */
  async defaultBomLines(onDate: string, parentId?: string): Promise<PlanningBomLine[]> {
    if (parentId === undefined)
      return this.db.manager.query<PlanningBomLine[]>(`${DEFAULT_BOM_LINES_SELECT} ORDER BY p.code, l.seq`, [
        onDate,
      ]);
    return this.db.prepared<PlanningBomLine[]>(
      'md_default_bom_lines_of',
      `${DEFAULT_BOM_LINES_SELECT} AND b.item_id = $2 ORDER BY l.seq`,
      [onDate, parentId],
    );
  }

  /** The operations of the item's default routing in `seq` order, or null when it has none. */
  async defaultRouting(itemId: string): Promise<RoutingStep[] | null> {
    const [routing] = await this.db.manager.query<{ id: string }[]>(
      `SELECT id FROM md_routings WHERE item_id = $1 AND is_default LIMIT 1`,
      [itemId],
    );
    if (!routing) return null;
    return this.db.manager.query<RoutingStep[]>(
      `SELECT o.seq, o.name, o.work_center_id AS "workCenterId", wc.code AS "workCenterCode",
              trim_scale(o.setup_minutes)::text AS "setupMinutes", trim_scale(o.run_minutes)::text AS "runMinutes",
              trim_scale(o.queue_minutes)::text AS "queueMinutes", trim_scale(o.move_minutes)::text AS "moveMinutes",
              o.inspection_point AS "inspectionPoint", o.span_breaks AS "spanBreaks",
              coalesce((SELECT json_agg(json_build_object('workCenterId', a.work_center_id, 'workCenterCode', aw.code,
                                 'runMinutes', trim_scale(a.run_minutes)::text) ORDER BY aw.code)
                          FROM md_operation_alternatives a
                          JOIN md_work_centers aw ON aw.tenant_id = a.tenant_id AND aw.id = a.work_center_id
                         WHERE a.tenant_id = o.tenant_id AND a.operation_id = o.id), '[]') AS alternatives
         FROM md_routing_operations o
         JOIN md_work_centers wc ON wc.tenant_id = o.tenant_id AND wc.id = o.work_center_id
        WHERE o.routing_id = $1 ORDER BY o.seq`,
      [routing.id],
    );
  }

  /** Every work center (active or not) with its calendar's definition, ordered by code. */
  async workCenters(): Promise<WorkCenterRef[]> {
    return this.db.manager.query<WorkCenterRef[]>(
      `SELECT w.id, w.code, w.name, w.kind, w.parallel_capacity AS "parallelCapacity",
              trim_scale(w.efficiency)::text AS efficiency, w.status,
              CASE WHEN c.id IS NULL THEN NULL
                   ELSE json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'definition', c.definition) END
                AS calendar
         FROM md_work_centers w LEFT JOIN md_calendars c ON c.tenant_id = w.tenant_id AND c.id = w.calendar_id
        ORDER BY w.code`,
    );
  }

  /** Items with their base unit's code, in one round trip (the ledger resolves every document). */
  private items(where: string, params: unknown[]): Promise<ItemRef[]> {
    return this.db.manager.query<ItemRef[]>(
      `SELECT i.id, i.code, i.name, i.spec, i.type, u.code AS unit, i.make_or_buy AS "makeOrBuy",
              i.lead_time_days AS "leadTimeDays", i.lot_tracked AS "lotTracked",
              i.inspection_required AS "inspectionRequired", i.default_warehouse_id AS "defaultWarehouseId"
         FROM md_items i JOIN md_units u ON u.tenant_id = i.tenant_id AND u.id = i.base_unit_id
        WHERE ${where}`,
      params,
    );
  }

  /** Warehouses with their locations (by code), in one round trip. */
  private warehouses(where: string, params: unknown[]): Promise<WarehouseRef[]> {
    return this.db.manager.query<WarehouseRef[]>(
      `SELECT w.id, w.code, w.name, w.allow_negative_stock AS "allowNegativeStock",
              coalesce((SELECT json_agg(json_build_object('id', l.id, 'code', l.code, 'name', l.name) ORDER BY l.code)
                          FROM md_locations l WHERE l.tenant_id = w.tenant_id AND l.warehouse_id = w.id), '[]') AS locations
         FROM md_warehouses w WHERE ${where} ORDER BY w.code`,
      params,
    );
  }

  private toPartnerRef(p: PartnerEntity): PartnerRef {
    return {
      id: p.id,
      kind: p.kind,
      code: p.code,
      name: p.name,
      address: p.address,
      contacts: p.contacts.map((c) => ({
        name: c.name,
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.email ? { email: c.email } : {}),
      })),
    };
  }
}
