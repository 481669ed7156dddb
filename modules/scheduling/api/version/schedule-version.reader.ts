import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError, TenantDb, ValidationFailedError } from '@mes/platform';
import type { PlantProblem } from '@mes/scheduling-engine';
import type {
  GanttOperation,
  GanttOrder,
  GanttResource,
  GanttView,
  ScheduleComparison,
  ScheduleVersionView,
} from '@mes/shared';
import type { ResourceInfo } from '../problem/plant-problem.builder';
import { TimeAxis } from '../problem/time-axis';
import { availableMinutes } from './schedule-summary';
import type { StoredProblem } from './schedule-version.store';
import {
  OPERATION_COLUMNS,
  ORDER_COLUMNS,
  versionView,
  type OperationRow,
  type OrderRow,
  type VersionRow,
} from './schedule-version.rows';

export const VERSION = '排产版本 / schedule version';

/** Schedule versions: list, one, Gantt data (by resource and by order), comparison. */
@Injectable()
export class ScheduleVersionReader {
  constructor(private readonly db: TenantDb) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(page: number, pageSize: number): Promise<{ items: ScheduleVersionView[]; total: number }> {
    const [count] = await this.m.query<{ n: string }[]>(`SELECT count(*)::text AS n FROM sch_versions`);
    const rows = await this.m.query<VersionRow[]>(
      `SELECT * FROM sch_versions ORDER BY created_at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    );
    return { items: rows.map(versionView), total: Number(count?.n ?? 0) };
  }

  async row(id: string, m: EntityManager = this.m, lock = false): Promise<VersionRow> {
    const [row] = await m.query<VersionRow[]>(
      `SELECT * FROM sch_versions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundError(VERSION);
    return row;
  }

  async get(id: string): Promise<ScheduleVersionView> {
    return versionView(await this.row(id));
  }

  /** The published version, or the newest when none is published (what the Gantt opens on). */
  async current(): Promise<ScheduleVersionView | null> {
    const [row] = await this.m.query<VersionRow[]>(
      `SELECT * FROM sch_versions ORDER BY (status = 'published') DESC, created_at DESC LIMIT 1`,
    );
    return row ? versionView(row) : null;
  }

  async stored(id: string, m: EntityManager = this.m): Promise<StoredProblem> {
    const [row] = await m.query<{ problem: PlantProblem; meta: Omit<StoredProblem, 'problem'> }[]>(
      `SELECT problem, meta FROM sch_version_problems WHERE version_id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError(VERSION);
    return { problem: row.problem, ...row.meta };
  }

  operations(id: string, m: EntityManager = this.m): Promise<OperationRow[]> {
    return m.query<OperationRow[]>(
      `SELECT ${OPERATION_COLUMNS} FROM sch_version_operations WHERE version_id = $1 ORDER BY job, op_index`,
      [id],
    );
  }

  orders(id: string, m: EntityManager = this.m): Promise<OrderRow[]> {
    return m.query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM sch_version_orders WHERE version_id = $1 ORDER BY job`,
      [id],
    );
  }

  async gantt(id: string, range: { from?: string; to?: string }): Promise<GanttView> {
    const version = await this.row(id);
    const stored = await this.stored(id);
    const ops = await this.operations(id);
    const orders = await this.orders(id);
    const axis = new TimeAxis(version.horizon_start);
    const from = range.from ? axis.minutes(new Date(range.from)) : 0;
    const to = range.to ? axis.minutes(new Date(range.to)) : Math.max(version.kpis.makespanMinutes, 1);
    if (!(to > from)) throw new ValidationFailedError([{ field: 'to', message: 'must be after from' }]);
    const late = new Set(orders.filter((o) => o.lateness_minutes > 0).map((o) => o.work_order_id));
    const eligible = (job: number, index: number): string[] =>
      (stored.problem.jobs[job]?.operations[index]?.options ?? []).map(
        (o) => stored.resources[o.resource]?.code ?? '',
      );
    const orderOf = new Map(orders.map((o) => [o.job, o]));
    const busy = new Array<number>(stored.resources.length).fill(0);
    const operations: GanttOperation[] = [];
    for (const op of ops) {
      const s = axis.minutes(op.setup_start);
      const e = axis.minutes(op.end_at);
      const window = stored.resources[op.resource]?.windows ?? null;
      busy[op.resource] =
        (busy[op.resource] ?? 0) + availableMinutes(window, Math.max(s, from), Math.min(e, to));
      if (e < from || s > to) continue;
      const order = orderOf.get(op.job);
      operations.push({
        id: op.id,
        workOrderId: op.work_order_id,
        workOrderNo: order?.work_order_no ?? '',
        itemCode: order?.item_code ?? '',
        itemName: order?.item_name ?? '',
        seq: op.seq,
        name: op.name,
        resourceCode: op.resource_code,
        workCenterCode: op.work_center_code,
        eligibleResources: eligible(op.job, op.op_index),
        setupStart: op.setup_start.toISOString(),
        start: op.start_at.toISOString(),
        end: op.end_at.toISOString(),
        setupMinutes: op.setup_minutes,
        qty: op.qty,
        locked: op.locked,
        started: op.started,
        late: late.has(op.work_order_id),
      });
    }
    const resources: GanttResource[] = stored.resources.map((r: ResourceInfo, i) => {
      const available = availableMinutes(r.windows, from, to);
      const b = busy[i] ?? 0;
      return {
        code: r.code,
        workCenterCode: r.workCenterCode,
        name: r.name,
        busyMinutes: b,
        availableMinutes: available,
        utilisation: available > 0 ? Number(Math.min(1, b / available).toFixed(4)) : 0,
        closed: closedSpans(axis, r.windows, from, to),
      };
    });
    return {
      version: versionView(version),
      horizonStart: version.horizon_start.toISOString(),
      resources,
      operations,
      orders: orders.map(orderView),
    };
  }

  async compare(ids: string[]): Promise<ScheduleComparison> {
    const versions: ScheduleVersionView[] = [];
    const byOrder = new Map<string, ScheduleComparison['orders'][number]>();
    for (const [k, id] of ids.entries()) {
      versions.push(await this.get(id));
      for (const o of await this.orders(id)) {
        let entry = byOrder.get(o.work_order_id);
        if (!entry) {
          entry = {
            workOrderId: o.work_order_id,
            workOrderNo: o.work_order_no,
            dueDate: o.due_date,
            ends: ids.map(() => null),
            latenessMinutes: ids.map(() => null),
          };
          byOrder.set(o.work_order_id, entry);
        }
        entry.ends[k] = o.end_at.toISOString();
        entry.latenessMinutes[k] = o.lateness_minutes;
      }
    }
    const orders = [...byOrder.values()].sort((a, b) => a.workOrderNo.localeCompare(b.workOrderNo));
    return { versions, orders };
  }
}

export function orderView(o: OrderRow): GanttOrder {
  return {
    workOrderId: o.work_order_id,
    workOrderNo: o.work_order_no,
    itemCode: o.item_code,
    itemName: o.item_name,
    qty: o.qty,
    priority: o.priority,
    dueDate: o.due_date,
    dueAt: o.due_at?.toISOString() ?? null,
    start: o.start_at.toISOString(),
    end: o.end_at.toISOString(),
    latenessMinutes: o.lateness_minutes,
    lateCause: o.late_cause,
  };
}

/** The closed stretches (outside working windows) within [from, to), for the Gantt's shading. */
function closedSpans(
  axis: TimeAxis,
  windows: readonly (readonly [number, number])[] | null,
  from: number,
  to: number,
): { start: string; end: string }[] {
  if (windows === null) return [];
  const spans: { start: string; end: string }[] = [];
  let t = from;
  for (const [s, e] of windows) {
    if (e <= t) continue;
    if (s >= to) break;
    if (s > t) spans.push({ start: axis.iso(t), end: axis.iso(s) });
    t = Math.max(t, e);
  }
  if (t < to) spans.push({ start: axis.iso(t), end: axis.iso(to) });
  return spans;
}
