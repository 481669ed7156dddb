import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { DocumentNumbers, InvalidStatusError, NotFoundError, TenantDb, type Actor } from '@mes/platform';
import {
  Dec,
  newId,
  plainDecimal,
  type ConvertToProductionResult,
  type OrdersPage,
  type SalesOrderStatus,
  type WorkOrderRequestStatus,
  type WorkOrderRequestView,
} from '@mes/shared';
import { SALES_ORDER, SalesOrderReader } from '../sales-order/sales-order.reader';
import { NothingToProduceError } from '../shared/orders.errors';
import type { WorkOrderRequestQueryDto } from './work-order-request.dto';

const REQUEST = '生产需求 / work-order request';
const CONVERTIBLE: SalesOrderStatus[] = ['confirmed', 'in_production', 'partially_shipped'];

interface RequestRow {
  id: string;
  no: string;
  order_id: string | null;
  order_no: string | null;
  customer_id: string | null;
  line_no: number | null;
  source: 'order' | 'mrp';
  source_ref: string | null;
  item_id: string;
  qty: string;
  due_date: string | null;
  status: WorkOrderRequestStatus;
  work_order_ref: string | null;
  created_at: Date;
}

const REQUEST_SELECT = `SELECT r.id, r.no, r.order_id, o.no AS order_no, o.customer_id, l.line_no, r.item_id,
    r.qty::text AS qty, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.status, r.work_order_ref, r.created_at,
    r.source, r.source_ref
  FROM so_work_order_requests r
  LEFT JOIN so_orders o ON o.tenant_id = r.tenant_id AND o.id = r.order_id
  LEFT JOIN so_order_lines l ON l.tenant_id = r.tenant_id AND l.id = r.line_id`;

/** A planned make order MRP firms into a request (no sales order line). */
export interface PlannedRequestInput {
  itemCode: string;
  qty: string;
  dueDate: string | null;
  /** The planned order it comes from (kept as `source_ref`). */
  sourceRef: string;
}

/**
 * 订单转生产: the shortage of each make item of an order becomes a work-order request, which the
 * shop-floor module takes over (`accept`); until then the requests are a list planners work from.
 */
@Injectable()
export class WorkOrderRequests {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly numbers: DocumentNumbers,
    private readonly reader: SalesOrderReader,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  /** For each make line: ordered − shipped − reserved − already requested, when > 0. */
  async convert(actor: Actor & { tenantId: string }, orderId: string): Promise<ConvertToProductionResult> {
    const order = await this.reader.lock(orderId);
    if (!CONVERTIBLE.includes(order.status))
      throw new InvalidStatusError(SALES_ORDER, order.status, '转生产 / convert to production');
    const lines = await this.reader.lines(orderId);
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    const requested = await this.reader.inProductionByLine(lines.map((l) => l.id));
    const ids: string[] = [];
    const now = new Date();
    for (const line of lines) {
      const item = items.get(line.item_id);
      if (item?.makeOrBuy !== 'make') continue;
      const reserved = await this.reader.reservedFor(order.no, line.line_no, item.code);
      const need = new Dec(line.qty)
        .minus(line.shipped_qty)
        .minus(reserved)
        .minus(requested.get(line.id) ?? new Dec(0));
      if (!need.gt(0)) continue;
      const id = newId();
      const no = await this.numbers.next(actor.tenantId, 'WR', now);
      await this.m.query(
        `INSERT INTO so_work_order_requests (tenant_id, id, no, order_id, line_id, item_id, qty, due_date, status,
           created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $10)`,
        [actor.tenantId, id, no, orderId, line.id, item.id, need.toFixed(), line.due_date, actor.userId, now],
      );
      ids.push(id);
    }
    if (!ids.length) throw new NothingToProduceError();
    if (order.status === 'confirmed')
      await this.m.query(`UPDATE so_orders SET status = 'in_production', updated_at = now() WHERE id = $1`, [
        orderId,
      ]);
    return {
      order: await this.reader.view(orderId),
      requests: await this.views(`r.id = ANY($1) ORDER BY l.line_no`, [ids]),
    };
  }

  /** For MRP: firmed planned make orders become open requests with source 'mrp'. */
  async createFromPlan(
    actor: Actor & { tenantId: string },
    inputs: PlannedRequestInput[],
  ): Promise<WorkOrderRequestView[]> {
    const items = await this.lookup.itemsByCode(inputs.map((i) => i.itemCode));
    const ids: string[] = [];
    const now = new Date();
    for (const input of inputs) {
      const item = items.get(input.itemCode);
      if (!item) throw new NotFoundError(`物料 ${input.itemCode} / item ${input.itemCode}`);
      const id = newId();
      const no = await this.numbers.next(actor.tenantId, 'WR', now);
      await this.m.query(
        `INSERT INTO so_work_order_requests (tenant_id, id, no, order_id, line_id, item_id, qty, due_date, status,
           source, source_ref, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, NULL, NULL, $4, $5, $6, 'open', 'mrp', $7, $8, $9, $9)`,
        [actor.tenantId, id, no, item.id, input.qty, input.dueDate, input.sourceRef, actor.userId, now],
      );
      ids.push(id);
    }
    if (!ids.length) return [];
    const views = await this.views(`r.id = ANY($1)`, [ids]);
    const byId = new Map(views.map((v) => [v.id, v]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async list(query: WorkOrderRequestQueryDto): Promise<OrdersPage<WorkOrderRequestView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`r.status = $${params.length}`);
    }
    if (query.orderNo) {
      params.push(query.orderNo);
      where.push(`o.no = $${params.length}`);
    }
    if (query.itemCode) {
      const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!item) return { items: [], total: 0 };
      params.push(item.id);
      where.push(`r.item_id = $${params.length}`);
    }
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM so_work_order_requests r
         LEFT JOIN so_orders o ON o.tenant_id = r.tenant_id AND o.id = r.order_id WHERE ${cond}`,
      params,
    );
    const items = await this.views(
      `${cond} ORDER BY r.created_at DESC, r.no DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items, total: Number(count?.n ?? 0) };
  }

  async get(id: string): Promise<WorkOrderRequestView> {
    const [view] = await this.views(`r.id = $1`, [id]);
    if (!view) throw new NotFoundError(REQUEST);
    return view;
  }

  /** An open request the planner no longer wants. */
  async cancel(id: string): Promise<WorkOrderRequestView> {
    return this.transition(id, 'cancelled', null, '取消 / cancel');
  }

  /** Facade for the shop-floor module: an open request became its work order `workOrderRef`. */
  async accept(id: string, workOrderRef: string): Promise<WorkOrderRequestView> {
    return this.transition(id, 'accepted', workOrderRef, '接收 / accept');
  }

  /** Open requests, oldest first (what the shop floor has still to take over). */
  async open(limit = 500): Promise<WorkOrderRequestView[]> {
    return this.views(`r.status = 'open' ORDER BY r.created_at, r.no LIMIT ${Math.min(limit, 5000)}`, []);
  }

  private async transition(
    id: string,
    status: WorkOrderRequestStatus,
    workOrderRef: string | null,
    action: string,
  ): Promise<WorkOrderRequestView> {
    const [row] = await this.m.query<{ status: WorkOrderRequestStatus }[]>(
      `SELECT status FROM so_work_order_requests WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError(REQUEST);
    if (row.status !== 'open') throw new InvalidStatusError(REQUEST, row.status, action);
    await this.m.query(
      `UPDATE so_work_order_requests SET status = $2, work_order_ref = coalesce($3, work_order_ref),
         updated_at = now() WHERE id = $1`,
      [id, status, workOrderRef],
    );
    return this.get(id);
  }

  private async views(where: string, params: unknown[]): Promise<WorkOrderRequestView[]> {
    const rows = await this.m.query<RequestRow[]>(`${REQUEST_SELECT} WHERE ${where}`, params);
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const customers = await this.lookup.partnersById(
      rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])),
    );
    return rows.map((r) => {
      const item = items.get(r.item_id);
      return {
        id: r.id,
        no: r.no,
        orderId: r.order_id,
        orderNo: r.order_no,
        customerName: (r.customer_id ? customers.get(r.customer_id)?.name : undefined) ?? '',
        lineNo: r.line_no,
        itemCode: item?.code ?? '',
        itemName: item?.name ?? '',
        unit: item?.unit ?? '',
        qty: plainDecimal(r.qty),
        dueDate: r.due_date,
        status: r.status,
        workOrderRef: r.work_order_ref,
        source: r.source,
        sourceRef: r.source_ref,
        createdAt: r.created_at.toISOString(),
      };
    });
  }
}
