import { Injectable } from '@nestjs/common';
import { MasterDataLookup, type WorkCenterRef } from '@mes/master-data-api';
import {
  Dec,
  OPEN_WORK_ORDER_STATUSES,
  plainDecimal,
  type SchedulableOperation,
  type SchedulableWorkOrder,
} from '@mes/shared';
import { WorkOrderReader } from '../work-order/work-order.reader';

/**
 * For the scheduling module: the open work orders (planned, released, in progress, paused) with their
 * operations and what is left of each, and the work centers with their calendars.
 */
@Injectable()
export class SchedulableWorkOrders {
  constructor(
    private readonly reader: WorkOrderReader,
    private readonly lookup: MasterDataLookup,
  ) {}

  async open(): Promise<SchedulableWorkOrder[]> {
    const rows = await this.reader.rows(`w.status = ANY($1) ORDER BY w.no`, [[...OPEN_WORK_ORDER_STATUSES]]);
    const ops = await this.reader.operations(rows.map((r) => r.id));
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const centers = await this.reader.workCenterCodes();
    const byOrder = new Map<string, SchedulableOperation[]>();
    for (const o of ops) {
      const list = byOrder.get(o.work_order_id) ?? [];
      list.push({
        seq: o.seq,
        name: o.name,
        workCenterId: o.work_center_id,
        workCenterCode: centers.get(o.work_center_id) ?? '',
        setupMinutes: o.setup_minutes,
        runMinutes: o.run_minutes,
        queueMinutes: o.queue_minutes,
        moveMinutes: o.move_minutes,
        remainingQty: plainDecimal(Dec.max(new Dec(o.planned_qty).minus(o.good_qty).minus(o.scrap_qty), 0)),
        status: o.status,
        startedAt: o.started_at?.toISOString() ?? null,
        alternatives: o.alternatives,
        spanBreaks: o.span_breaks,
      });
      byOrder.set(o.work_order_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      no: r.no,
      itemId: r.item_id,
      itemCode: items.get(r.item_id)?.code ?? '',
      itemName: items.get(r.item_id)?.name ?? '',
      qty: plainDecimal(r.qty),
      status: r.status,
      dueDate: r.due_date,
      releaseDate: r.release_date,
      priority: r.priority,
      parentId: r.parent_id,
      createdAt: r.created_at.toISOString(),
      operations: byOrder.get(r.id) ?? [],
    }));
  }

  /** Every work center with its calendar (MasterDataLookup.workCenters, passed through). */
  workCenters(): Promise<WorkCenterRef[]> {
    return this.lookup.workCenters();
  }
}
