import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type ItemRef, type PlanningBomLine } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { StockLedger, StockQueries, StockReservations } from '@mes/warehousing-api';
import { Dec, newId, plainDecimal } from '@mes/shared';
import { WORK_ORDER_DEMAND, type WorkOrderRow } from '../work-order/work-order.rows';

/**
 * A component of a work order's item (default BOM in effect today): for the whole order, or for the
 * lines consumed at one operation (backflush).
 */
export interface Component {
  item: ItemRef;
  qtyPer: Dec;
  scrapRate: Dec;
  /** qtyPer × (1 + scrapRate). */
  perUnit: Dec;
}

/** A quantity of a component to issue, optionally from a named warehouse and lot. */
export interface IssueRequest {
  item: ItemRef;
  qty: Dec;
  warehouseCode?: string;
  lot?: string;
  /** Where a ledger error about this line points (e.g. `lines[0]`). */
  field: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Today as YYYY-MM-DD in the tenant's default time zone (BOM effectivity is by calendar date). The
 * formatter is made once per zone: constructing one costs ~0.2 ms, on every backflush report.
 */
export function today(timeZone = 'Asia/Shanghai'): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date());
}

/** Component quantities are rounded up to the 6 decimals a quantity column holds. */
export function need(perUnit: Dec, qty: Dec | string): Dec {
  return perUnit.times(qty).toDecimalPlaces(6, Dec.ROUND_UP);
}

/**
 * The bill of materials side of a work order: its components, what has been issued to it, and the
 * posting of `production_issue` documents that take this work order's reservations first.
 */
@Injectable()
export class WorkOrderComponents {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly ledger: StockLedger,
    private readonly reservations: StockReservations,
    private readonly stock: StockQueries,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  /**
   * Every component of the item, whatever operation consumes it (kit check, picking): one indexed read
   * of that item's default BOM lines, not the tenant's whole BOM.
   */
  async of(item: Pick<ItemRef, 'id'>): Promise<Component[]> {
    return this.combine(await this.lookup.defaultBomLines(today(), item.id));
  }

  /**
   * The components backflushed when operation `operationSeq` of a work order of item `itemId` is
   * reported, `operationSeqs` being the work order's operations in order: the BOM lines at that
   * operation, and on the first operation also the lines with no operation or one the work order does
   * not have. One indexed read of the item's BOM lines; the items are resolved only when some line is
   * at this operation, so an operation consuming nothing costs that read alone.
   */
  async atOperation(
    itemId: string,
    operationSeq: number,
    operationSeqs: readonly number[],
  ): Promise<Component[]> {
    const first = operationSeq === operationSeqs[0];
    const lines = (await this.lookup.defaultBomLines(today(), itemId)).filter((l) =>
      l.operationSeq !== null && operationSeqs.includes(l.operationSeq)
        ? l.operationSeq === operationSeq
        : first,
    );
    return lines.length ? this.combine(lines) : [];
  }

  /**
   * Every component of each of `itemCodes` (as `of`), for many items at once: one read of the default
   * BOM lines and one of their items, whatever the number of items.
   */
  async ofItems(itemCodes: readonly string[]): Promise<Map<string, Component[]>> {
    const wanted = new Set(itemCodes);
    const lines = (await this.lookup.defaultBomLines(today())).filter((l) => wanted.has(l.parent));
    const items = await this.lookup.itemsByCode(lines.map((l) => l.child));
    const byParent = new Map<string, PlanningBomLine[]>();
    for (const l of lines) byParent.set(l.parent, [...(byParent.get(l.parent) ?? []), l]);
    return new Map(itemCodes.map((code) => [code, this.combineWith(byParent.get(code) ?? [], items)]));
  }

  /** Components of BOM lines, the same child on several lines (e.g. at two operations) added up. */
  private async combine(lines: PlanningBomLine[]): Promise<Component[]> {
    return this.combineWith(lines, await this.lookup.itemsByCode(lines.map((l) => l.child)));
  }

  private combineWith(lines: readonly PlanningBomLine[], items: ReadonlyMap<string, ItemRef>): Component[] {
    const byChild = new Map<string, Component>();
    for (const l of lines) {
      const item = items.get(l.child);
      if (!item) continue;
      const qtyPer = new Dec(l.qtyPer);
      const scrapRate = new Dec(l.scrapRate);
      const prev = byChild.get(item.code);
      // The same child on two lines (e.g. at two operations) adds up.
      const sumPer = prev ? prev.qtyPer.plus(qtyPer) : qtyPer;
      const perUnit = (prev?.perUnit ?? new Dec(0)).plus(qtyPer.times(new Dec(1).plus(scrapRate)));
      byChild.set(item.code, { item, qtyPer: sumPer, scrapRate: prev ? prev.scrapRate : scrapRate, perUnit });
    }
    return [...byChild.values()];
  }

  /** Quantity issued to the work order so far, per component item id. */
  async issued(workOrderId: string): Promise<Map<string, Dec>> {
    const rows = await this.m.query<{ item_id: string; qty: string }[]>(
      `SELECT item_id, sum(qty)::text AS qty FROM pe_material_issues WHERE work_order_id = $1 GROUP BY item_id`,
      [workOrderId],
    );
    return new Map(rows.map((r) => [r.item_id, new Dec(r.qty)]));
  }

  /** Quantity issued so far per work order id, then per component item id: one round trip. */
  async issuedByWorkOrder(workOrderIds: readonly string[]): Promise<Map<string, Map<string, Dec>>> {
    const rows = await this.m.query<{ work_order_id: string; item_id: string; qty: string }[]>(
      `SELECT work_order_id, item_id, sum(qty)::text AS qty FROM pe_material_issues
        WHERE work_order_id = ANY($1) GROUP BY work_order_id, item_id`,
      [workOrderIds],
    );
    const byOrder = new Map<string, Map<string, Dec>>();
    for (const r of rows) {
      const items = byOrder.get(r.work_order_id) ?? new Map<string, Dec>();
      items.set(r.item_id, new Dec(r.qty));
      byOrder.set(r.work_order_id, items);
    }
    return byOrder;
  }

  /** Open reserved quantity of every work order, per work order id, then per item id: one round trip. */
  async reservedByWorkOrder(): Promise<Map<string, Map<string, Dec>>> {
    const byOrder = new Map<string, Map<string, Dec>>();
    for (const r of await this.reservations.openTotals(WORK_ORDER_DEMAND)) {
      const items = byOrder.get(r.demandRef) ?? new Map<string, Dec>();
      items.set(r.itemId, new Dec(r.qty));
      byOrder.set(r.demandRef, items);
    }
    return byOrder;
  }

  /** Open reserved quantity for the work order, per item code. */
  reserved(workOrderId: string): Promise<Map<string, Dec>> {
    return this.reservations.openFor(WORK_ORDER_DEMAND, workOrderId);
  }

  /** Free stock per item code (on hand − reserved, not held), over every warehouse. */
  free(itemCodes: string[]): Promise<Map<string, Dec>> {
    return this.stock.availableByItem(itemCodes);
  }

  /**
   * Posts one `production_issue` document (ref: the work order no) for the requests. A request without
   * a warehouse takes, in order: this work order's reservations (in the warehouses holding them), free
   * stock oldest first, and for the rest the component's default warehouse (where the ledger decides:
   * 409 INSUFFICIENT_STOCK unless the warehouse allows negative stock). Returns the document number.
   */
  async issue(
    actor: { tenantId: string; userId: string | null },
    wo: WorkOrderRow,
    requests: IssueRequest[],
    reportId: string | null,
  ): Promise<{
    docNo: string;
    lines: { itemCode: string; warehouseCode: string; lot: string | null; qty: string }[];
  } | null> {
    const lines: {
      itemCode: string;
      warehouseCode: string;
      lot?: string | null;
      qty: string;
      field: string;
    }[] = [];
    const woWarehouse = (await this.lookup.warehousesById([wo.warehouse_id])).get(wo.warehouse_id);
    for (const r of requests) {
      if (!r.qty.gt(0)) continue;
      if (r.warehouseCode) {
        lines.push({
          itemCode: r.item.code,
          warehouseCode: r.warehouseCode,
          lot: r.lot ?? null,
          qty: r.qty.toFixed(),
          field: r.field,
        });
        continue;
      }
      const plan = await this.distribute(wo.id, r.item, r.qty, r.lot, woWarehouse?.code ?? '');
      for (const [warehouseCode, qty] of plan)
        lines.push({
          itemCode: r.item.code,
          warehouseCode,
          lot: r.lot ?? null,
          qty: qty.toFixed(),
          field: r.field,
        });
    }
    if (!lines.length) return null;
    const doc = await this.ledger.post(actor.tenantId, actor.userId, {
      type: 'production_issue',
      ref: wo.no,
      note: `工单发料 ${wo.no}`,
      lines,
      consumeReservationsOf: { demandType: WORK_ORDER_DEMAND, demandRef: wo.id },
    });
    const perItem = new Map<string, Dec>();
    for (const r of requests)
      if (r.qty.gt(0)) perItem.set(r.item.id, (perItem.get(r.item.id) ?? new Dec(0)).plus(r.qty));
    for (const [itemId, qty] of perItem) {
      await this.m.query(
        `INSERT INTO pe_material_issues (tenant_id, id, work_order_id, item_id, qty, doc_no, report_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [actor.tenantId, newId(), wo.id, itemId, qty.toFixed(), doc.docNo, reportId],
      );
    }
    return {
      docNo: doc.docNo,
      lines: doc.movements.map((mv) => ({
        itemCode: mv.itemCode,
        warehouseCode: mv.warehouseCode,
        lot: mv.lot,
        qty: plainDecimal(new Dec(mv.qty).abs()),
      })),
    };
  }

  /** Warehouse code → quantity to take of one component. */
  private async distribute(
    workOrderId: string,
    item: ItemRef,
    qty: Dec,
    lot: string | undefined,
    fallbackWarehouse: string,
  ): Promise<Map<string, Dec>> {
    const plan = new Map<string, Dec>();
    const add = (w: string, q: Dec) => plan.set(w, (plan.get(w) ?? new Dec(0)).plus(q));
    let remaining = qty;
    const { items: reservations } = await this.reservations.list({
      page: 1,
      pageSize: 500,
      itemCode: item.code,
      demandType: WORK_ORDER_DEMAND,
      demandRef: workOrderId,
      status: 'open',
    });
    for (const r of reservations) {
      if (!remaining.gt(0)) break;
      if (lot && r.lot !== lot) continue;
      const take = Dec.min(remaining, new Dec(r.openQty));
      add(r.warehouseCode, take);
      remaining = remaining.minus(take);
    }
    if (remaining.gt(0)) {
      const { picks } = await this.stock.fifo({ itemCode: item.code, qty: remaining.toFixed() });
      for (const p of picks) {
        if (!remaining.gt(0)) break;
        if (lot && p.lot !== lot) continue;
        const take = Dec.min(remaining, new Dec(p.qty));
        add(p.warehouseCode, take);
        remaining = remaining.minus(take);
      }
    }
    if (remaining.gt(0)) {
      const defaults = item.defaultWarehouseId
        ? await this.lookup.warehousesById([item.defaultWarehouseId])
        : new Map<string, { code: string }>();
      const w = defaults.get(item.defaultWarehouseId ?? '')?.code ?? [...plan.keys()][0] ?? fallbackWarehouse;
      add(w, remaining);
    }
    return plan;
  }
}
