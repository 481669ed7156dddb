import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type ItemRef, type RoutingStep, type WarehouseRef } from '@mes/master-data-api';
import {
  DocumentNumbers,
  InvalidStatusError,
  TenantDb,
  ValidationFailedError,
  type Actor,
} from '@mes/platform';
import { WorkOrderRequests } from '@mes/orders-api';
import { StockReservations } from '@mes/warehousing-api';
import {
  Dec,
  newId,
  plainDecimal,
  ProductionExecutionErrorCode,
  type IssueMode,
  type KitShortageDetail,
  type ReleaseWorkOrderResult,
  type SplitWorkOrderResult,
  type WorkOrderEventKind,
  type WorkOrderPage,
  type WorkOrderStatus,
  type WorkOrderSummary,
  type WorkOrderView,
} from '@mes/shared';
import { KitCheck } from '../kit/kit-check.service';
import { KitShortageError, WorkOrderConflictError } from '../shared/production-execution.errors';
import type {
  CreateWorkOrderDto,
  PauseWorkOrderDto,
  ReleaseWorkOrderDto,
  SplitWorkOrderDto,
  UpdateWorkOrderDto,
  WorkOrderQueryDto,
} from './work-order.dto';
import { WorkOrderReader } from './work-order.reader';
import { WORK_ORDER, WORK_ORDER_DEMAND, type OperationRow, type WorkOrderRow } from './work-order.rows';

export type TenantActor = Actor & { tenantId: string };

/** An operation to create on a new work order (from the routing, the parent, or the default). */
interface NewOperation {
  seq: number;
  name: string;
  workCenterId: string;
  setupMinutes: string;
  runMinutes: string;
  queueMinutes: string;
  moveMinutes: string;
  alternatives: { workCenterId: string; workCenterCode: string; runMinutes: string }[];
  spanBreaks: boolean;
}

interface NewWorkOrder {
  item: ItemRef;
  qty: string;
  dueDate: string | null;
  releaseDate: string | null;
  priority: number;
  parentId: string | null;
  source: 'manual' | 'request' | 'split';
  sourceRef: string | null;
  issueMode: IssueMode;
  warehouseId: string;
  note: string;
  operations: NewOperation[];
  no?: string;
  reason?: string;
}

/** Which statuses each action may start from, and where it leads. */
const TRANSITIONS: Record<
  'start' | 'pause' | 'resume' | 'complete' | 'close' | 'cancel',
  {
    from: WorkOrderStatus[];
    to: WorkOrderStatus;
    kind: WorkOrderEventKind;
    label: string;
    stamp: string | null;
  }
> = {
  start: {
    from: ['released'],
    to: 'in_progress',
    kind: 'started',
    label: '上线 / start',
    stamp: 'started_at',
  },
  pause: { from: ['in_progress'], to: 'paused', kind: 'paused', label: '暂停 / pause', stamp: 'paused_at' },
  resume: { from: ['paused'], to: 'in_progress', kind: 'resumed', label: '恢复 / resume', stamp: null },
  complete: {
    from: ['in_progress'],
    to: 'completed',
    kind: 'completed',
    label: '完工 / complete',
    stamp: 'completed_at',
  },
  close: { from: ['completed'], to: 'closed', kind: 'closed', label: '关闭 / close', stamp: 'closed_at' },
  cancel: {
    from: ['planned', 'released'],
    to: 'cancelled',
    kind: 'cancelled',
    label: '取消 / cancel',
    stamp: 'cancelled_at',
  },
};

const SPLITTABLE: WorkOrderStatus[] = ['planned', 'released', 'in_progress', 'paused'];

/**
 * 工单: created from an item's default routing (or one default operation), released after a kit check
 * that reserves the components, started (上线), paused and resumed, split (派生), completed and closed.
 * Every change locks the work order row and records an event.
 */
@Injectable()
export class WorkOrderService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly numbers: DocumentNumbers,
    private readonly reader: WorkOrderReader,
    private readonly kit: KitCheck,
    private readonly reservations: StockReservations,
    private readonly requests: WorkOrderRequests,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async create(actor: TenantActor, dto: CreateWorkOrderDto): Promise<WorkOrderView> {
    const { item, warehouse, operations } = await this.resolve(dto.itemCode, dto.warehouseCode);
    const id = await this.insert(actor, {
      item,
      qty: dto.qty,
      dueDate: dto.dueDate ?? null,
      releaseDate: dto.releaseDate ?? null,
      priority: dto.priority ?? 0,
      parentId: null,
      source: 'manual',
      sourceRef: null,
      issueMode: dto.issueMode ?? 'backflush',
      warehouseId: warehouse.id,
      note: dto.note ?? '',
      operations,
    });
    return this.reader.view(id);
  }

  /** Takes over an open work-order request of the orders module (its item, quantity and due date). */
  async createFromRequest(actor: TenantActor, requestId: string): Promise<WorkOrderView> {
    const request = await this.requests.get(requestId);
    if (request.status !== 'open')
      throw new InvalidStatusError('生产需求 / work-order request', request.status, '转工单 / accept');
    const { item, warehouse, operations } = await this.resolve(request.itemCode);
    const no = await this.numbers.next(actor.tenantId, 'GD');
    // Accept first: it locks the request, so two concurrent take-overs cannot both make a work order.
    await this.requests.accept(requestId, no);
    const id = await this.insert(actor, {
      no,
      item,
      qty: request.qty,
      dueDate: request.dueDate,
      releaseDate: null,
      priority: 0,
      parentId: null,
      source: 'request',
      sourceRef: request.no,
      issueMode: 'backflush',
      warehouseId: warehouse.id,
      note: request.orderNo ? `销售订单 ${request.orderNo}` : '',
      operations,
    });
    return this.reader.view(id);
  }

  async list(query: WorkOrderQueryDto): Promise<WorkOrderPage<WorkOrderSummary>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`w.status = $${params.length}`);
    }
    if (query.itemCode) {
      const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!item) return { items: [], total: 0 };
      params.push(item.id);
      where.push(`w.item_id = $${params.length}`);
    }
    if (query.q?.trim()) {
      const q = query.q.trim();
      params.push(await this.lookup.searchItemIds(q));
      params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(w.item_id = ANY($${params.length - 1}) OR w.no ILIKE $${params.length})`);
    }
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM pe_work_orders w WHERE ${cond}`,
      params,
    );
    const rows = await this.reader.rows(
      `${cond} ORDER BY w.created_at DESC, w.no DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.reader.summaries(rows), total: Number(count?.n ?? 0) };
  }

  get(id: string): Promise<WorkOrderView> {
    return this.reader.view(id);
  }

  /** Changes a planned work order (409 INVALID_STATUS once released). */
  async update(actor: TenantActor, id: string, dto: UpdateWorkOrderDto): Promise<WorkOrderView> {
    const wo = await this.reader.lock(id);
    if (wo.status !== 'planned') throw new InvalidStatusError(WORK_ORDER, wo.status, '修改 / change');
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (dto.qty !== undefined) set('qty', dto.qty);
    if (dto.dueDate !== undefined) set('due_date', dto.dueDate);
    if (dto.releaseDate !== undefined) set('release_date', dto.releaseDate);
    if (dto.priority !== undefined) set('priority', dto.priority);
    if (dto.note !== undefined) set('note', dto.note);
    if (!sets.length) return this.reader.view(id);
    await this.m.query(
      `UPDATE pe_work_orders SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
      params,
    );
    if (dto.qty !== undefined)
      await this.m.query(`UPDATE pe_operations SET planned_qty = $2 WHERE work_order_id = $1`, [id, dto.qty]);
    await this.reader.recordEvent(actor.tenantId, id, 'updated', wo.status, wo.status, actor.userId);
    return this.reader.view(id);
  }

  /**
   * 下达: kit check; short components are 409 KIT_SHORTAGE unless `force`. Then reserves what each
   * component still needs for this work order (partially when forced) and sets it released.
   */
  async release(actor: TenantActor, id: string, dto: ReleaseWorkOrderDto): Promise<ReleaseWorkOrderResult> {
    const wo = await this.reader.lock(id);
    if (wo.status !== 'planned') throw new InvalidStatusError(WORK_ORDER, wo.status, '下达 / release');
    const kit = await this.kit.lines(wo);
    if (!kit.ok && !dto.force) {
      throw new KitShortageError(
        kit.lines
          .filter((l) => l.shortage !== '0')
          .map((l): KitShortageDetail => ({
            field: `components.${l.itemCode}`,
            message: `${l.itemCode}: required ${l.required}, available ${l.available}, short ${l.shortage}`,
            itemCode: l.itemCode,
            required: l.required,
            available: l.available,
            shortage: l.shortage,
          })),
      );
    }
    const reservations = await this.reserve(actor, id, kit.lines);
    await this.transition(
      actor,
      wo,
      'released',
      'released',
      'released_at',
      dto.force && !kit.ok ? '强制下达 / forced' : '',
    );
    return {
      workOrder: await this.reader.view(id),
      kit: {
        ok: kit.ok,
        lines: kit.lines.map(({ itemCode, itemName, required, available, shortage }) => ({
          itemCode,
          itemName,
          required,
          available,
          shortage,
        })),
      },
      reservations,
    };
  }

  async start(actor: TenantActor, id: string): Promise<WorkOrderView> {
    return this.act(actor, id, 'start');
  }

  async pause(actor: TenantActor, id: string, dto: PauseWorkOrderDto): Promise<WorkOrderView> {
    return this.act(actor, id, 'pause', dto.reason);
  }

  async resume(actor: TenantActor, id: string): Promise<WorkOrderView> {
    return this.act(actor, id, 'resume');
  }

  /** Completes an in-progress work order early (what was reported stays as reported). */
  async complete(actor: TenantActor, id: string): Promise<WorkOrderView> {
    return this.act(actor, id, 'complete');
  }

  /** Closes a completed work order; what is still reserved for it goes back to free stock. */
  async close(actor: TenantActor, id: string): Promise<WorkOrderView> {
    const view = await this.act(actor, id, 'close');
    await this.reservations.releaseDemand(WORK_ORDER_DEMAND, id);
    return view;
  }

  /** Cancels a planned or released work order and releases its reservations. */
  async cancel(actor: TenantActor, id: string): Promise<WorkOrderView> {
    const view = await this.act(actor, id, 'cancel');
    await this.reservations.releaseDemand(WORK_ORDER_DEMAND, id);
    return view;
  }

  /**
   * 派生: moves `qty` of the quantity not yet reported on the first operation into a new planned work
   * order (source 'split', same operations). 409 when more than that is asked or nothing would be left.
   */
  async split(actor: TenantActor, id: string, dto: SplitWorkOrderDto): Promise<SplitWorkOrderResult> {
    const wo = await this.reader.lock(id);
    if (!SPLITTABLE.includes(wo.status)) throw new InvalidStatusError(WORK_ORDER, wo.status, '派生 / split');
    const ops = await this.reader.operations([id]);
    const first = ops[0];
    const started = first ? new Dec(first.good_qty).plus(first.scrap_qty) : new Dec(0);
    const unreported = new Dec(wo.qty).minus(started);
    const qty = new Dec(dto.qty);
    if (qty.gt(unreported) || qty.gte(wo.qty)) {
      throw new WorkOrderConflictError(
        'qty',
        `派生数量 ${plainDecimal(qty)} 超过未报工数量 ${plainDecimal(unreported)}（且原工单须保留数量） / ` +
          `split ${plainDecimal(qty)} exceeds the unreported ${plainDecimal(unreported)} (the work order must keep some)`,
        ProductionExecutionErrorCode.SPLIT_TOO_LARGE,
      );
    }
    const item = (await this.lookup.itemsById([wo.item_id])).get(wo.item_id);
    if (!item) throw new Error(`item of work order ${wo.no} is missing`);
    const rest = new Dec(wo.qty).minus(qty);
    await this.m.query(`UPDATE pe_work_orders SET qty = $2, updated_at = now() WHERE id = $1`, [
      id,
      rest.toFixed(),
    ]);
    await this.m.query(`UPDATE pe_operations SET planned_qty = $2 WHERE work_order_id = $1`, [
      id,
      rest.toFixed(),
    ]);
    const childId = await this.insert(actor, {
      item,
      qty: qty.toFixed(),
      dueDate: wo.due_date,
      releaseDate: wo.release_date,
      priority: wo.priority,
      parentId: id,
      source: 'split',
      sourceRef: wo.no,
      issueMode: wo.issue_mode,
      warehouseId: wo.warehouse_id,
      note: wo.note,
      operations: ops.map((o) => ({
        seq: o.seq,
        name: o.name,
        workCenterId: o.work_center_id,
        setupMinutes: o.setup_minutes,
        runMinutes: o.run_minutes,
        queueMinutes: o.queue_minutes,
        moveMinutes: o.move_minutes,
        alternatives: o.alternatives,
        spanBreaks: o.span_breaks,
      })),
      reason: dto.reason,
    });
    await this.reader.recordEvent(
      actor.tenantId,
      id,
      'split',
      wo.status,
      wo.status,
      actor.userId,
      dto.reason,
    );
    // Reservations follow the smaller requirement: release them and reserve what is still needed.
    if ((await this.reservations.openFor(WORK_ORDER_DEMAND, id)).size) {
      await this.reservations.releaseDemand(WORK_ORDER_DEMAND, id);
      const kit = await this.kit.lines(await this.reader.row(id));
      await this.reserve(actor, id, kit.lines);
    }
    await this.refreshProgress(actor, id);
    return { parent: await this.reader.view(id), child: await this.reader.view(childId) };
  }

  /**
   * Recomputes the operations' statuses after a report or a split: an operation is done when the one
   * before it is done (or it is the first) and its good + scrap reached its base (the work order qty for
   * the first, the previous operation's good qty after). The work order completes when every operation
   * is done or the last one's good + scrap reached the work order qty. Returns true when it completed now.
   */
  async refreshProgress(actor: TenantActor, id: string): Promise<boolean> {
    const wo = await this.reader.row(id);
    const ops = await this.reader.operations([id]);
    let prev: OperationRow | null = null;
    let prevDone = true;
    let allDone = true;
    for (const o of ops) {
      const reported = new Dec(o.good_qty).plus(o.scrap_qty);
      const base: Dec = prev ? new Dec(prev.good_qty) : new Dec(wo.qty);
      const done: boolean = prevDone && reported.gte(base);
      const status = done
        ? 'done'
        : reported.gt(0) || new Dec(o.rework_qty).gt(0)
          ? 'in_progress'
          : 'pending';
      if (status !== o.status)
        await this.m.query(
          `UPDATE pe_operations SET status = $2,
             completed_at = CASE WHEN $3::boolean THEN coalesce(completed_at, now()) END WHERE id = $1`,
          [o.id, status, status === 'done'],
        );
      prevDone = done;
      allDone &&= done;
      prev = o;
    }
    const last = ops[ops.length - 1];
    const lastReached = last ? new Dec(last.good_qty).plus(last.scrap_qty).gte(wo.qty) : false;
    if ((allDone || lastReached) && (wo.status === 'in_progress' || wo.status === 'released')) {
      await this.transition(actor, wo, 'completed', 'completed', 'completed_at', '');
      return true;
    }
    return false;
  }

  /** Moves a locked work order to `to`, stamping `stamp`, and records the event. */
  async transition(
    actor: TenantActor,
    wo: WorkOrderRow,
    to: WorkOrderStatus,
    kind: WorkOrderEventKind,
    stamp: string | null,
    reason: string,
  ): Promise<void> {
    await this.m.query(
      `UPDATE pe_work_orders SET status = $2, updated_at = now()${stamp ? `, ${stamp} = coalesce(${stamp}, now())` : ''}
        WHERE id = $1`,
      [wo.id, to],
    );
    await this.reader.recordEvent(actor.tenantId, wo.id, kind, wo.status, to, actor.userId, reason);
    wo.status = to;
  }

  private async act(
    actor: TenantActor,
    id: string,
    action: keyof typeof TRANSITIONS,
    reason = '',
  ): Promise<WorkOrderView> {
    const t = TRANSITIONS[action];
    const wo = await this.reader.lock(id);
    if (!t.from.includes(wo.status)) throw new InvalidStatusError(WORK_ORDER, wo.status, t.label);
    await this.transition(actor, wo, t.to, t.kind, t.stamp, reason);
    return this.reader.view(id);
  }

  /** Reserves what each component still needs beyond what is already reserved for the work order. */
  private async reserve(
    actor: TenantActor,
    id: string,
    lines: { itemCode: string; requiredQty: Dec; reservedQty: Dec }[],
  ): Promise<ReleaseWorkOrderResult['reservations']> {
    const out: ReleaseWorkOrderResult['reservations'] = [];
    for (const l of lines) {
      const want = l.requiredQty.minus(l.reservedQty);
      if (!want.gt(0)) continue;
      const { reserved } = await this.reservations.reserve(actor.tenantId, actor.userId, {
        itemCode: l.itemCode,
        qty: want.toFixed(),
        demandType: WORK_ORDER_DEMAND,
        demandRef: id,
        partial: true,
        field: `components.${l.itemCode}`,
      });
      out.push({ itemCode: l.itemCode, requested: plainDecimal(want), reserved });
    }
    return out;
  }

  /**
   * The make item, its finished-goods warehouse and the operations to copy: 400 naming `itemCode` for
   * an unknown or bought item or when there is nothing to make it on, `warehouseCode` when there is
   * no warehouse.
   */
  private async resolve(
    itemCode: string,
    warehouseCode?: string,
  ): Promise<{ item: ItemRef; warehouse: WarehouseRef; operations: NewOperation[] }> {
    const item = (await this.lookup.itemsByCode([itemCode])).get(itemCode);
    if (!item) throw new ValidationFailedError([{ field: 'itemCode', message: `unknown item ${itemCode}` }]);
    if (item.makeOrBuy !== 'make')
      throw new ValidationFailedError([
        { field: 'itemCode', message: `item ${itemCode} is bought, not made: it cannot have a work order` },
      ]);
    let warehouse: WarehouseRef | undefined;
    if (warehouseCode) {
      warehouse = (await this.lookup.warehousesByCode([warehouseCode])).get(warehouseCode);
      if (!warehouse)
        throw new ValidationFailedError([
          { field: 'warehouseCode', message: `unknown warehouse ${warehouseCode}` },
        ]);
    } else {
      warehouse = item.defaultWarehouseId
        ? (await this.lookup.warehousesById([item.defaultWarehouseId])).get(item.defaultWarehouseId)
        : undefined;
      warehouse ??= (await this.lookup.allWarehouses())[0];
      if (!warehouse)
        throw new ValidationFailedError([
          {
            field: 'warehouseCode',
            message: 'required: the tenant has no warehouse to receive the output into',
          },
        ]);
    }
    const routing = await this.lookup.defaultRouting(item.id);
    let operations: NewOperation[];
    if (routing?.length) {
      operations = routing.map((s: RoutingStep) => ({
        seq: s.seq,
        name: s.name,
        workCenterId: s.workCenterId,
        setupMinutes: s.setupMinutes,
        runMinutes: s.runMinutes,
        queueMinutes: s.queueMinutes,
        moveMinutes: s.moveMinutes,
        alternatives: s.alternatives,
        spanBreaks: s.spanBreaks,
      }));
    } else {
      const center = (await this.lookup.workCenters()).find((w) => w.status === 'active');
      if (!center)
        throw new ValidationFailedError([
          {
            field: 'itemCode',
            message: `item ${itemCode} has no routing and there is no active work center to make it on`,
          },
        ]);
      operations = [
        {
          seq: 10,
          name: '生产',
          workCenterId: center.id,
          setupMinutes: '0',
          runMinutes: '0',
          queueMinutes: '0',
          moveMinutes: '0',
          alternatives: [],
          spanBreaks: true,
        },
      ];
    }
    return { item, warehouse, operations };
  }

  private async insert(actor: TenantActor, w: NewWorkOrder): Promise<string> {
    const id = newId();
    const now = new Date();
    const no = w.no ?? (await this.numbers.next(actor.tenantId, 'GD', now));
    await this.m.query(
      `INSERT INTO pe_work_orders (tenant_id, id, no, item_id, qty, status, due_date, release_date, priority, parent_id,
         source, source_ref, issue_mode, warehouse_id, note, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'planned', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [
        actor.tenantId,
        id,
        no,
        w.item.id,
        w.qty,
        w.dueDate,
        w.releaseDate,
        w.priority,
        w.parentId,
        w.source,
        w.sourceRef,
        w.issueMode,
        w.warehouseId,
        w.note,
        actor.userId,
        now,
      ],
    );
    for (const o of w.operations) {
      await this.m.query(
        `INSERT INTO pe_operations (tenant_id, id, work_order_id, seq, name, work_center_id, setup_minutes, run_minutes,
           queue_minutes, move_minutes, alternatives, span_breaks, planned_qty)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          actor.tenantId,
          newId(),
          id,
          o.seq,
          o.name,
          o.workCenterId,
          o.setupMinutes,
          o.runMinutes,
          o.queueMinutes,
          o.moveMinutes,
          JSON.stringify(o.alternatives),
          o.spanBreaks,
          w.qty,
        ],
      );
    }
    await this.reader.recordEvent(
      actor.tenantId,
      id,
      'created',
      null,
      'planned',
      actor.userId,
      w.reason ?? '',
      now,
    );
    return id;
  }
}
