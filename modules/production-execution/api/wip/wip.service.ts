import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { Dec, plainDecimal, type WipOperation, type WipWorkCenter } from '@mes/shared';
import type { OperationRow, WorkOrderRow } from '../work-order/work-order.rows';
import { WorkOrderReader } from '../work-order/work-order.reader';

/** 在制看板: per work center, the operations of released / running / paused work orders not yet done. */
@Injectable()
export class WipService {
  constructor(
    private readonly reader: WorkOrderReader,
    private readonly lookup: MasterDataLookup,
  ) {}

  async board(): Promise<WipWorkCenter[]> {
    const orders = await this.reader.rows(
      `w.status IN ('released', 'in_progress', 'paused') ORDER BY w.no`,
      [],
    );
    const ops = (await this.reader.operations(orders.map((o) => o.id))).filter((o) => o.status !== 'done');
    const byId = new Map(orders.map((o) => [o.id, o]));
    const items = await this.lookup.itemsById(orders.map((o) => o.item_id));
    const centers = await this.lookup.workCenters();
    const board = new Map<string, WipWorkCenter>();
    for (const c of centers)
      board.set(c.id, {
        workCenterId: c.id,
        workCenterCode: c.code,
        workCenterName: c.name,
        inProgress: [],
        pending: [],
      });
    const view = (wo: WorkOrderRow, o: OperationRow): WipOperation => ({
      workOrderId: wo.id,
      workOrderNo: wo.no,
      workOrderStatus: wo.status,
      itemCode: items.get(wo.item_id)?.code ?? '',
      itemName: items.get(wo.item_id)?.name ?? '',
      seq: o.seq,
      name: o.name,
      status: o.status,
      remainingQty: plainDecimal(Dec.max(new Dec(o.planned_qty).minus(o.good_qty).minus(o.scrap_qty), 0)),
      dueDate: wo.due_date,
      priority: wo.priority,
    });
    for (const o of ops) {
      const wo = byId.get(o.work_order_id);
      const center = board.get(o.work_center_id);
      if (!wo || !center) continue;
      (o.status === 'in_progress' ? center.inProgress : center.pending).push(view(wo, o));
    }
    // Only work centers with something on them (the board is for what is happening).
    return [...board.values()].filter((c) => c.inProgress.length || c.pending.length);
  }
}
