import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import type { MrpRecordBucket } from '@mes/mrp-engine';
import { NotFoundError, TenantDb } from '@mes/platform';
import {
  Dec,
  plainDecimal,
  type MrpDemandView,
  type MrpExceptionView,
  type MrpPlannedOrderDetail,
  type MrpPlannedOrderView,
  type MrpRecordBucketView,
  type MrpRecordView,
} from '@mes/shared';
import { weekStart } from '../shared/dates';
import { currentRunId } from './current-run';
import type { ExceptionQueryDto, PlannedOrderQueryDto } from './mrp-plan.dto';

export interface PlannedOrderRow {
  id: string;
  run_id: string;
  item_code: string;
  kind: 'make' | 'buy';
  qty: string;
  pegged_qty: string;
  release_date: string;
  due_date: string;
  status: 'planned' | 'firmed';
  firmed_kind: MrpPlannedOrderView['firmedKind'];
  firmed_ref: string | null;
}

export const ORDER_COLUMNS = `id, run_id, item_code, kind, qty::text, pegged_qty::text,
  to_char(release_date, 'YYYY-MM-DD') AS release_date, to_char(due_date, 'YYYY-MM-DD') AS due_date,
  status, firmed_kind, firmed_ref`;

const PLANNED_ORDER = '计划订单 / planned order';
const EMPTY = { items: [], total: 0, runId: null };

/** The stored plan (the latest succeeded run) as the API shows it. */
@Injectable()
export class MrpPlanReader {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async plannedOrders(
    query: PlannedOrderQueryDto,
  ): Promise<{ items: MrpPlannedOrderView[]; total: number; runId: string | null }> {
    const runId = await currentRunId(this.m);
    if (!runId) return EMPTY;
    const params: unknown[] = [runId];
    const where = ['run_id = $1'];
    for (const [column, value] of [
      ['item_code', query.itemCode],
      ['kind', query.kind],
      ['status', query.status],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const cond = where.join(' AND ');
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM mrp_planned_orders WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<PlannedOrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM mrp_planned_orders WHERE ${cond} ORDER BY seq
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.views(rows), total: Number(count?.n ?? 0), runId };
  }

  /** A planned order of the current plan with its pegs drilled to the demands they serve. */
  async plannedOrder(id: string): Promise<MrpPlannedOrderDetail> {
    const runId = await currentRunId(this.m);
    const [row] = await this.m.query<PlannedOrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM mrp_planned_orders WHERE id = $1 AND run_id = $2`,
      [id, runId],
    );
    if (!row) throw new NotFoundError(PLANNED_ORDER);
    const pegs = await this.m.query<
      {
        demand_ref: string;
        qty: string;
        source: MrpDemandView['source'] | null;
        item_code: string | null;
        demand_qty: string | null;
        due: string | null;
        order_id: string | null;
        order_no: string | null;
        line_no: number | null;
        customer_code: string | null;
        customer_name: string | null;
        forecast_id: string | null;
      }[]
    >(
      `SELECT p.demand_ref, p.qty::text, d.source, d.item_code, d.qty::text AS demand_qty,
              to_char(d.due_date, 'YYYY-MM-DD') AS due, d.order_id, d.order_no, d.line_no, d.customer_code,
              d.customer_name, d.forecast_id
         FROM mrp_pegs p LEFT JOIN mrp_demands d ON d.tenant_id = p.tenant_id AND d.run_id = p.run_id AND d.ref = p.demand_ref
        WHERE p.planned_order_id = $1 ORDER BY p.seq`,
      [id],
    );
    const [view] = await this.views([row]);
    if (!view) throw new NotFoundError(PLANNED_ORDER);
    return {
      ...view,
      pegs: pegs.map((p) => ({
        demandRef: p.demand_ref,
        qty: plainDecimal(p.qty),
        demand: p.source
          ? {
              ref: p.demand_ref,
              source: p.source,
              itemCode: p.item_code ?? '',
              qty: plainDecimal(p.demand_qty ?? '0'),
              due: p.due ?? '',
              orderId: p.order_id,
              orderNo: p.order_no,
              lineNo: p.line_no,
              customerCode: p.customer_code,
              customerName: p.customer_name,
              forecastId: p.forecast_id,
            }
          : null,
      })),
    };
  }

  async exceptions(
    query: ExceptionQueryDto,
  ): Promise<{ items: MrpExceptionView[]; total: number; runId: string | null }> {
    const runId = await currentRunId(this.m);
    if (!runId) return EMPTY;
    const params: unknown[] = [runId];
    const where = ['run_id = $1'];
    if (query.itemCode) {
      params.push(query.itemCode);
      where.push(`item_code = $${params.length}`);
    }
    if (query.type) {
      params.push(query.type);
      where.push(`type = $${params.length}`);
    }
    const cond = where.join(' AND ');
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM mrp_exceptions WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<
      {
        seq: number;
        type: MrpExceptionView['type'];
        item_code: string;
        ref: string | null;
        date: string | null;
        needed_on: string | null;
        message: string;
      }[]
    >(
      `SELECT seq, type, item_code, ref, to_char(date, 'YYYY-MM-DD') AS date,
              to_char(needed_on, 'YYYY-MM-DD') AS needed_on, message
         FROM mrp_exceptions WHERE ${cond} ORDER BY seq
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        seq: r.seq,
        type: r.type,
        itemCode: r.item_code,
        ref: r.ref,
        date: r.date,
        neededOn: r.needed_on,
        message: r.message,
      })),
      total: Number(count?.n ?? 0),
      runId,
    };
  }

  /** The item's time-phased record in the current plan, per event day or per ISO week (Monday). */
  async record(itemCode: string, bucket: 'day' | 'week'): Promise<MrpRecordView> {
    const runId = await currentRunId(this.m);
    const [row] = await this.m.query<
      {
        kind: 'make' | 'buy';
        low_level_code: number;
        lead_time_days: number;
        safety_stock: string;
        on_hand: string;
        allocated: string;
        available: string;
        buckets: string[][];
      }[]
    >(
      `SELECT kind, low_level_code, lead_time_days, safety_stock::text, on_hand::text, allocated::text,
              available::text, buckets
         FROM mrp_records WHERE run_id = $1 AND item_code = $2`,
      [runId, itemCode],
    );
    if (!row || !runId) throw new NotFoundError(`MRP 记录 ${itemCode} / MRP record of ${itemCode}`);
    return {
      runId,
      itemCode,
      kind: row.kind,
      lowLevelCode: row.low_level_code,
      leadTimeDays: row.lead_time_days,
      safetyStock: plainDecimal(row.safety_stock),
      onHand: plainDecimal(row.on_hand),
      allocated: plainDecimal(row.allocated),
      available: plainDecimal(row.available),
      bucket,
      buckets: bucket === 'week' ? weekly(buckets(row.buckets)) : buckets(row.buckets),
    };
  }

  async views(rows: PlannedOrderRow[]): Promise<MrpPlannedOrderView[]> {
    const items = await this.lookup.itemsByCode(rows.map((r) => r.item_code));
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      itemCode: r.item_code,
      itemName: items.get(r.item_code)?.name ?? '',
      unit: items.get(r.item_code)?.unit ?? '',
      kind: r.kind,
      qty: plainDecimal(r.qty),
      release: r.release_date,
      due: r.due_date,
      status: r.status,
      firmedKind: r.firmed_kind,
      firmedRef: r.firmed_ref,
      peggedQty: plainDecimal(r.pegged_qty),
    }));
  }
}

/** The stored compact rows back to buckets. */
function buckets(rows: string[][]): MrpRecordBucket[] {
  return rows.map((r) => {
    const at = (i: number) => r[i] ?? '0';
    return {
      date: at(0),
      gross: at(1),
      scheduledReceipts: at(2),
      projectedBalance: at(3),
      netRequirement: at(4),
      plannedReceipts: at(5),
      plannedReleases: at(6),
    };
  });
}

const FLOWS = ['gross', 'scheduledReceipts', 'netRequirement', 'plannedReceipts', 'plannedReleases'] as const;
type Flow = (typeof FLOWS)[number];

/** Sums of the flows per week; the projected balance is the one at the end of the week's last event day. */
function weekly(days: MrpRecordBucket[]): MrpRecordBucketView[] {
  const out: { date: string; sums: Record<Flow, Dec>; balance: string }[] = [];
  for (const b of days) {
    const week = weekStart(b.date);
    let last = out.at(-1);
    if (last?.date !== week) {
      last = {
        date: week,
        sums: Object.fromEntries(FLOWS.map((f) => [f, new Dec(0)])) as Record<Flow, Dec>,
        balance: b.projectedBalance,
      };
      out.push(last);
    }
    for (const f of FLOWS) last.sums[f] = last.sums[f].plus(b[f]);
    last.balance = b.projectedBalance;
  }
  return out.map((w) => ({
    date: w.date,
    gross: plainDecimal(w.sums.gross),
    scheduledReceipts: plainDecimal(w.sums.scheduledReceipts),
    projectedBalance: w.balance,
    netRequirement: plainDecimal(w.sums.netRequirement),
    plannedReceipts: plainDecimal(w.sums.plannedReceipts),
    plannedReleases: plainDecimal(w.sums.plannedReleases),
  }));
}
