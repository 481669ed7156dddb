import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import {
  InvalidStatusError,
  NotFoundError,
  TenantDb,
  UsageMeter,
  ValidationFailedError,
} from '@mes/platform';
import { StockLedger } from '@mes/warehousing-api';
import {
  Dec,
  newId,
  plainDecimal,
  type WorkOrderPage,
  type WorkOrderStatus,
  type WorkReportView,
} from '@mes/shared';
import { need, WorkOrderComponents } from '../kit/components.service';
import { PRODUCTION_EXECUTION_MODULE_KEY, ProductionExecutionMeter } from '../manifest';
import { OverReportError, WorkOrderPausedError } from '../shared/production-execution.errors';
import { WorkOrderReader } from '../work-order/work-order.reader';
import {
  OPERATION_SELECT,
  WORK_ORDER,
  WORK_ORDER_SELECT,
  type OperationRow,
  type WorkOrderRow,
} from '../work-order/work-order.rows';
import { WorkOrderService, type TenantActor } from '../work-order/work-order.service';
import type { WorkReportDto } from './work-report.dto';

interface ReportRow {
  id: string;
  work_order_id: string;
  work_order_no: string;
  work_order_status: WorkOrderStatus;
  operation_seq: number;
  operation_name: string;
  good_qty: string;
  scrap_qty: string;
  rework_qty: string;
  reason_code: string | null;
  operator_codes: string[];
  equipment_code: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  reported_at: Date;
  actor_id: string | null;
  issue_doc_no: string | null;
  receipt_doc_no: string | null;
}

const REPORT_SELECT = `SELECT r.id, r.work_order_id, w.no AS work_order_no, w.status AS work_order_status,
    r.operation_seq, o.name AS operation_name, r.good_qty::text AS good_qty, r.scrap_qty::text AS scrap_qty,
    r.rework_qty::text AS rework_qty, r.reason_code, r.operator_codes, r.equipment_code, r.started_at, r.ended_at,
    r.reported_at, r.actor_id, r.issue_doc_no, r.receipt_doc_no
  FROM pe_reports r
  JOIN pe_work_orders w ON w.tenant_id = r.tenant_id AND w.id = r.work_order_id
  JOIN pe_operations o ON o.tenant_id = r.tenant_id AND o.work_order_id = r.work_order_id AND o.seq = r.operation_seq`;

const REPORT_LOCK_SELECT = `${WORK_ORDER_SELECT} WHERE w.id = $1 FOR UPDATE OF w`;

/** The report's own columns, as REPORT_SELECT reads them (for RETURNING). */
const REPORT_COLUMNS = `id, work_order_id, operation_seq, good_qty::text AS good_qty, scrap_qty::text AS scrap_qty,
    rework_qty::text AS rework_qty, reason_code, operator_codes, equipment_code, started_at, ended_at, reported_at,
    actor_id, issue_doc_no, receipt_doc_no`;

/**
 * What a report needs once the work order is locked, in one round trip: the tolerance, the report this
 * Idempotency-Key already made (if any), and the operations in `seq` order (none → one row of nulls).
 * Run after the lock, so under READ COMMITTED it sees everything committed before the lock was granted.
 */
const REPORT_CONTEXT_SELECT = `SELECT s.tolerance, s.done_id, o.*
  FROM (SELECT (SELECT over_report_tolerance::text FROM pe_settings) AS tolerance,
               (SELECT r.id FROM pe_reports r WHERE $2::varchar IS NOT NULL AND r.idempotency_key = $2
                   AND r.work_order_id = $1 LIMIT 1) AS done_id) s
  LEFT JOIN (${OPERATION_SELECT} WHERE o.work_order_id = $1) o ON true
  ORDER BY o.seq`;

type ReportContextRow = Omit<OperationRow, 'id'> & {
  id: string | null; // null: the work order has no operations
  tolerance: string | null;
  done_id: string | null;
};

/**
 * Whether WorkOrderService.refreshProgress would change anything after this report — the same rules:
 * an operation is done when the one before it is done and its good + scrap reached its base (the work
 * order qty for the first, the previous operation's good qty after), in progress when it has any
 * quantity, pending otherwise; the work order completes when all are done or the last reached the qty.
 * Most reports change nothing, and then its two reads are saved; when in doubt it answers true.
 */
function progressWouldChange(wo: WorkOrderRow, ops: OperationRow[]): boolean {
  let prev: OperationRow | null = null;
  let prevDone = true;
  let allDone = true;
  for (const o of ops) {
    const reported = new Dec(o.good_qty).plus(o.scrap_qty);
    const base: Dec = prev ? new Dec(prev.good_qty) : new Dec(wo.qty);
    const done: boolean = prevDone && reported.gte(base);
    const status = done ? 'done' : reported.gt(0) || new Dec(o.rework_qty).gt(0) ? 'in_progress' : 'pending';
    if (status !== o.status) return true;
    prevDone = done;
    allDone &&= done;
    prev = o;
  }
  const last = ops[ops.length - 1];
  const lastReached = last ? new Dec(last.good_qty).plus(last.scrap_qty).gte(wo.qty) : false;
  return (allDone || lastReached) && (wo.status === 'in_progress' || wo.status === 'released');
}

/**
 * 报工: a report of good / scrap / rework on one operation. The work order row is locked for the whole
 * report, so concurrent reports cannot together pass an operation's limit. On a backflush work order
 * each report issues the components consumed at its operation (BOM lines at that operation; lines with
 * no operation, or one the work order does not have, at the first); the last operation's good quantity
 * is received into the work order's warehouse — in the same transaction, so a report and its stock
 * movements exist together or not at all, and a replay with the same Idempotency-Key posts nothing.
 */
@Injectable()
export class WorkReportService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly reader: WorkOrderReader,
    private readonly workOrders: WorkOrderService,
    private readonly components: WorkOrderComponents,
    private readonly ledger: StockLedger,
    private readonly usage: UsageMeter,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async report(
    actor: TenantActor,
    workOrderId: string,
    dto: WorkReportDto,
    idempotencyKey: string | null,
  ): Promise<WorkReportView> {
    // Lock and read the work order in one statement (404 for a missing or foreign one); concurrent
    // reports of this work order wait here until this one commits.
    // The statements every report runs are prepared (parsed and planned once per connection).
    const [wo] = await this.db.prepared<WorkOrderRow[]>('pe_report_lock', REPORT_LOCK_SELECT, [workOrderId]);
    if (!wo) throw new NotFoundError(WORK_ORDER);
    const context = await this.db.prepared<ReportContextRow[]>('pe_report_context', REPORT_CONTEXT_SELECT, [
      workOrderId,
      idempotencyKey,
    ]);
    const doneId = context[0]?.done_id;
    if (idempotencyKey && doneId) {
      // The platform replays a repeated key before we get here; this is the belt to its braces.
      const [done] = await this.views(`r.id = $1`, [doneId]);
      if (done) return done;
    }
    if (wo.status === 'paused') throw new WorkOrderPausedError(wo.no);
    if (wo.status !== 'in_progress' && wo.status !== 'released')
      throw new InvalidStatusError(WORK_ORDER, wo.status, '报工 / report');

    const ops = context.filter((o): o is ReportContextRow & OperationRow => o.id !== null);
    const index = ops.findIndex((o) => o.seq === dto.operationSeq);
    const op = ops[index];
    const good = new Dec(dto.goodQty);
    const scrap = new Dec(dto.scrapQty ?? 0);
    const rework = new Dec(dto.reworkQty ?? 0);
    const errors = [];
    if (!op)
      errors.push({
        field: 'operationSeq',
        message: `work order ${wo.no} has no operation ${dto.operationSeq} (has ${ops.map((o) => o.seq).join(', ')})`,
      });
    if (!good.plus(scrap).gt(0)) errors.push({ field: 'goodQty', message: 'goodQty + scrapQty must be > 0' });
    if (scrap.gt(0) && !dto.reasonCode)
      errors.push({ field: 'reasonCode', message: 'required when scrapQty > 0' });
    if (dto.startedAt && dto.endedAt && new Date(dto.endedAt) < new Date(dto.startedAt))
      errors.push({ field: 'endedAt', message: 'must not be before startedAt' });
    if (!op || errors.length) throw new ValidationFailedError(errors);

    // What this operation may still report: its base × (1 + tolerance %) − good and scrap so far.
    const prev = index > 0 ? ops[index - 1] : undefined;
    const base = new Dec(prev ? prev.good_qty : wo.qty);
    const tolerance = new Dec(context[0]?.tolerance ?? 0);
    const limit = base.times(new Dec(1).plus(tolerance.div(100))).toDecimalPlaces(6, Dec.ROUND_DOWN);
    const allowed = Dec.max(limit.minus(op.good_qty).minus(op.scrap_qty), 0);
    const requested = good.plus(scrap);
    if (requested.gt(allowed)) {
      throw new OverReportError({
        field: 'goodQty',
        message: `operation ${op.seq}: requested ${plainDecimal(requested)}, allowed ${plainDecimal(allowed)}`,
        operationSeq: op.seq,
        allowed: plainDecimal(allowed),
        requested: plainDecimal(requested),
      });
    }

    if (wo.status === 'released')
      await this.workOrders.transition(
        actor,
        wo,
        'in_progress',
        'started',
        'started_at',
        '报工开工 / first report',
      );

    const id = newId();
    const now = new Date();

    // Backflush: the components consumed at this operation, for what it reports (good + scrap). An
    // operation that consumes nothing costs the one read of the item's BOM lines.
    let issueDocNo: string | null = null;
    if (wo.issue_mode === 'backflush') {
      const components = await this.components.atOperation(
        wo.item_id,
        op.seq,
        ops.map((o) => o.seq),
      );
      if (components.length) {
        const issued = await this.components.issue(
          actor,
          wo,
          components.map((c) => ({
            item: c.item,
            qty: need(c.perUnit, requested),
            field: `components.${c.item.code}`,
          })),
          id,
        );
        issueDocNo = issued?.docNo ?? null;
      }
    }

    let receiptDocNo: string | null = null;
    if (index === ops.length - 1 && good.gt(0)) {
      const item = (await this.lookup.itemsById([wo.item_id])).get(wo.item_id);
      const warehouse = (await this.lookup.warehousesById([wo.warehouse_id])).get(wo.warehouse_id);
      if (!item || !warehouse) throw new Error(`item or warehouse of work order ${wo.no} is missing`);
      const doc = await this.ledger.post(actor.tenantId, actor.userId, {
        type: 'production_receipt',
        ref: wo.no,
        note: `完工入库 ${wo.no}`,
        lines: [
          {
            itemCode: item.code,
            warehouseCode: warehouse.code,
            // A lot-tracked product is received under the work order's number as its lot.
            lot: item.lotTracked ? wo.no : null,
            qty: good.toFixed(),
            field: 'goodQty',
          },
        ],
      });
      receiptDocNo = doc.docNo;
      await this.m.query(
        `UPDATE pe_work_orders SET received_qty = received_qty + $2, updated_at = now() WHERE id = $1`,
        [wo.id, good.toFixed()],
      );
    }

    // The operation's quantities, the usage event (UsageMeter's own statement) and the report row in
    // one statement — the issue and the receipt above read none of them; RETURNING gives what
    // REPORT_SELECT would read back.
    const usage = this.usage.insert(
      actor.tenantId,
      ProductionExecutionMeter.REPORTS,
      '1',
      `report:${id}`,
      { moduleKey: PRODUCTION_EXECUTION_MODULE_KEY, occurredAt: now },
      20,
    );
    const [row] = await this.db.prepared<
      (ReportRow & { op_good: string; op_scrap: string; op_rework: string })[]
    >(
      'pe_report_write',
      `WITH op AS (
         UPDATE pe_operations SET good_qty = good_qty + $5, scrap_qty = scrap_qty + $6, rework_qty = rework_qty + $7,
           started_at = coalesce(started_at, $18) WHERE id = $19
         RETURNING good_qty::text AS good_qty, scrap_qty::text AS scrap_qty, rework_qty::text AS rework_qty),
       usage AS (${usage.sql})
       INSERT INTO pe_reports (tenant_id, id, work_order_id, operation_seq, good_qty, scrap_qty, rework_qty, reason_code,
         operator_codes, equipment_code, started_at, ended_at, reported_at, actor_id, idempotency_key, issue_doc_no,
         receipt_doc_no)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING ${REPORT_COLUMNS}, (SELECT good_qty FROM op) AS op_good, (SELECT scrap_qty FROM op) AS op_scrap,
         (SELECT rework_qty FROM op) AS op_rework`,
      [
        actor.tenantId,
        id,
        wo.id,
        op.seq,
        good.toFixed(),
        scrap.toFixed(),
        rework.toFixed(),
        dto.reasonCode ?? null,
        dto.operatorCodes ?? [],
        dto.equipmentCode ?? null,
        dto.startedAt ?? null,
        dto.endedAt ?? null,
        now,
        actor.userId,
        idempotencyKey,
        issueDocNo,
        receiptDocNo,
        dto.startedAt ?? now,
        op.id,
        ...usage.params,
      ],
    );
    if (!row) throw new Error('report just written is missing');
    const after = ops.map((o) =>
      o.id === op.id
        ? { ...o, good_qty: row.op_good, scrap_qty: row.op_scrap, rework_qty: row.op_rework }
        : o,
    );
    const completed = progressWouldChange(wo, after) && (await this.workOrders.refreshProgress(actor, wo.id));
    return this.toView({
      ...row,
      work_order_no: wo.no,
      work_order_status: completed ? 'completed' : wo.status,
      operation_name: op.name,
    });
  }

  async list(workOrderId: string): Promise<WorkOrderPage<WorkReportView>> {
    await this.reader.row(workOrderId);
    const items = await this.views(`r.work_order_id = $1 ORDER BY r.reported_at, r.id`, [workOrderId]);
    return { items, total: items.length };
  }

  private async views(where: string, params: unknown[]): Promise<WorkReportView[]> {
    const rows = await this.m.query<ReportRow[]>(`${REPORT_SELECT} WHERE ${where}`, params);
    return rows.map((r) => this.toView(r));
  }

  private toView(r: ReportRow): WorkReportView {
    return {
      id: r.id,
      workOrderId: r.work_order_id,
      workOrderNo: r.work_order_no,
      operationSeq: r.operation_seq,
      operationName: r.operation_name,
      goodQty: plainDecimal(r.good_qty),
      scrapQty: plainDecimal(r.scrap_qty),
      reworkQty: plainDecimal(r.rework_qty),
      reasonCode: r.reason_code,
      operatorCodes: r.operator_codes,
      equipmentCode: r.equipment_code,
      startedAt: r.started_at?.toISOString() ?? null,
      endedAt: r.ended_at?.toISOString() ?? null,
      reportedAt: r.reported_at.toISOString(),
      actorId: r.actor_id,
      issueDocNo: r.issue_doc_no,
      receiptDocNo: r.receipt_doc_no,
      workOrderStatus: r.work_order_status,
    };
  }
}
