import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { NotFoundError, TenantDb } from '@mes/platform';
import {
  newId,
  plainDecimal,
  type WorkOrderEventKind,
  type WorkOrderEventView,
  type WorkOrderOperationView,
  type WorkOrderStatus,
  type WorkOrderSummary,
  type WorkOrderView,
} from '@mes/shared';
import {
  OPERATION_SELECT,
  WORK_ORDER,
  WORK_ORDER_SELECT,
  type OperationRow,
  type WorkOrderRow,
} from './work-order.rows';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Reads work orders, locks them for a change and records their events. */
@Injectable()
export class WorkOrderReader {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  /** The row, locked for the rest of the transaction (404 for a missing or foreign one). */
  async lock(id: string): Promise<WorkOrderRow> {
    await this.m.query(`SELECT 1 FROM pe_work_orders WHERE id = $1 FOR UPDATE`, [id]);
    return this.row(id);
  }

  async row(id: string): Promise<WorkOrderRow> {
    const [row] = await this.m.query<WorkOrderRow[]>(`${WORK_ORDER_SELECT} WHERE w.id = $1`, [id]);
    if (!row) throw new NotFoundError(WORK_ORDER);
    return row;
  }

  async rows(where: string, params: unknown[]): Promise<WorkOrderRow[]> {
    return this.m.query<WorkOrderRow[]>(`${WORK_ORDER_SELECT} WHERE ${where}`, params);
  }

  /** Operations of the given work orders, in `seq` order. */
  async operations(workOrderIds: string[]): Promise<OperationRow[]> {
    if (!workOrderIds.length) return [];
    return this.m.query<OperationRow[]>(
      `${OPERATION_SELECT} WHERE o.work_order_id = ANY($1) ORDER BY o.work_order_id, o.seq`,
      [workOrderIds],
    );
  }

  async view(id: string): Promise<WorkOrderView> {
    const [view] = await this.views([await this.row(id)]);
    if (!view) throw new NotFoundError(WORK_ORDER);
    return view;
  }

  async summaries(rows: WorkOrderRow[]): Promise<WorkOrderSummary[]> {
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const warehouses = await this.lookup.warehousesById(rows.map((r) => r.warehouse_id));
    return rows.map((r) => {
      const item = items.get(r.item_id);
      return {
        id: r.id,
        no: r.no,
        status: r.status,
        itemId: r.item_id,
        itemCode: item?.code ?? '',
        itemName: item?.name ?? '',
        unit: item?.unit ?? '',
        qty: plainDecimal(r.qty),
        receivedQty: plainDecimal(r.received_qty),
        dueDate: r.due_date,
        releaseDate: r.release_date,
        priority: r.priority,
        parentId: r.parent_id,
        parentNo: r.parent_no,
        source: r.source,
        sourceRef: r.source_ref,
        issueMode: r.issue_mode,
        warehouseCode: warehouses.get(r.warehouse_id)?.code ?? '',
        note: r.note,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        releasedAt: iso(r.released_at),
        startedAt: iso(r.started_at),
        completedAt: iso(r.completed_at),
        closedAt: iso(r.closed_at),
        cancelledAt: iso(r.cancelled_at),
      };
    });
  }

  async views(rows: WorkOrderRow[]): Promise<WorkOrderView[]> {
    const summaries = await this.summaries(rows);
    const ops = await this.operations(rows.map((r) => r.id));
    const centers = await this.workCenterCodes();
    return summaries.map((s) => ({
      ...s,
      operations: ops.filter((o) => o.work_order_id === s.id).map((o) => this.operationView(o, centers)),
    }));
  }

  operationView(o: OperationRow, centers: Map<string, string>): WorkOrderOperationView {
    return {
      seq: o.seq,
      name: o.name,
      workCenterId: o.work_center_id,
      workCenterCode: centers.get(o.work_center_id) ?? '',
      qty: plainDecimal(o.planned_qty),
      setupMinutes: o.setup_minutes,
      runMinutes: o.run_minutes,
      queueMinutes: o.queue_minutes,
      moveMinutes: o.move_minutes,
      goodQty: plainDecimal(o.good_qty),
      scrapQty: plainDecimal(o.scrap_qty),
      reworkQty: plainDecimal(o.rework_qty),
      status: o.status,
      startedAt: iso(o.started_at),
      completedAt: iso(o.completed_at),
      alternatives: o.alternatives,
      spanBreaks: o.span_breaks,
    };
  }

  /** Work center id → code (every work center of the tenant). */
  async workCenterCodes(): Promise<Map<string, string>> {
    return new Map((await this.lookup.workCenters()).map((w) => [w.id, w.code]));
  }

  async recordEvent(
    tenantId: string,
    workOrderId: string,
    kind: WorkOrderEventKind,
    from: WorkOrderStatus | null,
    to: WorkOrderStatus | null,
    actorId: string | null,
    reason = '',
    at = new Date(),
  ): Promise<void> {
    await this.m.query(
      `INSERT INTO pe_events (tenant_id, id, work_order_id, kind, from_status, to_status, reason, actor_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, newId(), workOrderId, kind, from, to, reason.slice(0, 200), actorId, at],
    );
  }

  async events(workOrderId: string): Promise<WorkOrderEventView[]> {
    await this.row(workOrderId);
    const rows = await this.m.query<
      {
        id: string;
        kind: WorkOrderEventKind;
        from_status: WorkOrderStatus | null;
        to_status: WorkOrderStatus | null;
        reason: string;
        actor_id: string | null;
        created_at: Date;
      }[]
    >(
      `SELECT id, kind, from_status, to_status, reason, actor_id, created_at FROM pe_events
        WHERE work_order_id = $1 ORDER BY created_at, id`,
      [workOrderId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      reason: r.reason,
      actorId: r.actor_id,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
