import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { WorkOrderRequests } from '@mes/orders-api';
import {
  ConflictError,
  ForbiddenError,
  InvalidStatusError,
  NotFoundError,
  SubscriptionsService,
  TenantDb,
  type Actor,
} from '@mes/platform';
import { RequisitionService, SupplierPriceService } from '@mes/purchasing-api';
import { ErrorCode, MrpErrorCode, type MrpFirmResult } from '@mes/shared';
import { tenantToday } from '../shared/dates';
import { currentRunId } from './current-run';
import { MrpPlanReader, ORDER_COLUMNS, type PlannedOrderRow } from './mrp-plan.reader';

const PLANNED_ORDER = '计划订单 / planned order';

/**
 * 计划下达: planned buys go on the to-buy list (source 'mrp') and, where a supplier price is in
 * effect, straight on to draft purchase orders, one per supplier (the purchasing module's
 * conversion); a buy without any supplier price stays an open to-buy line. Planned makes become
 * work-order requests (source 'mrp') until the shop-floor module takes them over. All in the
 * request's transaction: either every order is firmed or none.
 */
@Injectable()
export class MrpFirming {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly reader: MrpPlanReader,
    private readonly requisitions: RequisitionService,
    private readonly prices: SupplierPriceService,
    private readonly workOrderRequests: WorkOrderRequests,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async firm(actor: Actor & { tenantId: string }, ids: string[]): Promise<MrpFirmResult> {
    const current = await currentRunId(this.m);
    const rows = await this.m.query<PlannedOrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM mrp_planned_orders WHERE id = ANY($1) ORDER BY seq FOR UPDATE`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw new NotFoundError(`${PLANNED_ORDER} ${missing}`);
    const stale = rows.filter((r) => r.run_id !== current);
    if (stale.length)
      throw new ConflictError(
        MrpErrorCode.PLAN_SUPERSEDED,
        '计划已被新的 MRP 运算替换，请刷新 / the plan was replaced by a newer MRP run: reload it',
        stale.map((r) => ({ field: `ids[${ids.indexOf(r.id)}]`, message: `of superseded run ${r.run_id}` })),
      );
    const firmed = rows.find((r) => r.status !== 'planned');
    if (firmed) throw new InvalidStatusError(PLANNED_ORDER, firmed.status, '下达 / firm');

    // Buys land in purchasing, makes in orders: the tenant must have the module that receives them.
    const active = new Set(
      (await this.subscriptions.list(actor.tenantId))
        .filter((x) => x.status === 'active')
        .map((x) => x.moduleKey),
    );
    const missingModules = rows.flatMap((r, i) => {
      const needs = r.kind === 'buy' ? 'purchasing' : 'orders';
      return active.has(needs) ? [] : [{ field: `ids[${i}]`, message: `needs module ${needs}` }];
    });
    if (missingModules.length)
      throw new ForbiddenError(
        ErrorCode.MODULE_NOT_SUBSCRIBED,
        '下达计划订单需要订阅采购管理（采购件）或订单管理（自制件） / firming needs the purchasing (buys) or orders (makes) module',
        missingModules,
      );

    const today = await tenantToday(this.m, actor.tenantId);
    const items = await this.lookup.itemsByCode(rows.map((r) => r.item_code));
    const result: MrpFirmResult = { orders: [], purchaseOrders: [], requisitions: [], workOrderRequests: [] };
    const refs = new Map<
      string,
      { kind: 'purchase_order' | 'requisition' | 'work_order_request'; ref: string }
    >();

    const buys = rows.filter((r) => r.kind === 'buy');
    const toOrder: { requisitionId: string; orderId: string }[] = [];
    for (const r of buys) {
      const requisition = await this.requisitions.create(
        actor.tenantId,
        actor.userId,
        { itemCode: r.item_code, qty: r.qty, needBy: r.due_date, note: `MRP ${r.id}` },
        'mrp',
      );
      const item = items.get(r.item_code);
      const supplier = item ? await this.prices.cheapestFor(item.id, today, r.qty) : null;
      if (supplier) toOrder.push({ requisitionId: requisition.id, orderId: r.id });
      else {
        refs.set(r.id, { kind: 'requisition', ref: requisition.id });
        result.requisitions.push({ id: requisition.id, itemCode: r.item_code, qty: requisition.qty });
      }
    }
    if (toOrder.length) {
      const { orders } = await this.requisitions.convert(actor.tenantId, actor.userId, {
        ids: toOrder.map((o) => o.requisitionId),
      });
      result.purchaseOrders = orders.map((o) => ({ id: o.id, no: o.no, supplierCode: o.supplierCode }));
      for (const o of toOrder) {
        const requisition = await this.requisitions.get(o.requisitionId);
        refs.set(o.orderId, { kind: 'purchase_order', ref: requisition.orderNo ?? requisition.id });
      }
    }

    const makes = rows.filter((r) => r.kind === 'make');
    if (makes.length) {
      const requests = await this.workOrderRequests.createFromPlan(
        actor,
        makes.map((r) => ({
          itemCode: r.item_code,
          qty: r.qty,
          dueDate: r.due_date,
          sourceRef: r.id,
        })),
      );
      for (const w of requests) {
        if (w.sourceRef) refs.set(w.sourceRef, { kind: 'work_order_request', ref: w.no });
        result.workOrderRequests.push({ id: w.id, no: w.no, itemCode: w.itemCode, qty: w.qty });
      }
    }

    for (const r of rows) {
      const ref = refs.get(r.id);
      if (!ref) throw new Error(`planned order ${r.id} was not firmed`);
      await this.m.query(
        `UPDATE mrp_planned_orders SET status = 'firmed', firmed_kind = $2, firmed_ref = $3, firmed_by = $4,
           firmed_at = now() WHERE id = $1`,
        [r.id, ref.kind, ref.ref, actor.userId],
      );
    }
    const updated = await this.m.query<PlannedOrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM mrp_planned_orders WHERE id = ANY($1) ORDER BY seq`,
      [ids],
    );
    result.orders = await this.reader.views(updated);
    return result;
  }
}
