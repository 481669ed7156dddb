import type { LateCause, ScheduleKpis, ScheduleVersionStatus, ScheduleVersionView } from '@mes/shared';

export interface VersionRow {
  id: string;
  no: string;
  name: string;
  status: ScheduleVersionStatus;
  run_id: string | null;
  strategy: 'forward' | 'backward';
  rule: string;
  horizon_start: Date;
  kpis: ScheduleKpis;
  stopped_by: string;
  iterations: number;
  adjustments: number;
  created_at: Date;
  published_at: Date | null;
}

export interface OperationRow {
  id: string;
  job: number;
  op_index: number;
  work_order_id: string;
  seq: number;
  name: string;
  resource: number;
  resource_code: string;
  work_center_code: string;
  qty: string;
  setup_start: Date;
  start_at: Date;
  end_at: Date;
  setup_minutes: number;
  locked: boolean;
  started: boolean;
}

export interface OrderRow {
  job: number;
  work_order_id: string;
  work_order_no: string;
  item_code: string;
  item_name: string;
  qty: string;
  priority: number;
  due_date: string | null;
  due_at: Date | null;
  start_at: Date;
  end_at: Date;
  lateness_minutes: number;
  late_cause: LateCause | null;
}

export const ORDER_COLUMNS = `job, work_order_id, work_order_no, item_code, item_name, qty::text AS qty, priority,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, due_at, start_at, end_at, lateness_minutes, late_cause`;

export const OPERATION_COLUMNS = `id, job, op_index, work_order_id, seq, name, resource, resource_code, work_center_code,
  qty::text AS qty, setup_start, start_at, end_at, setup_minutes, locked, started`;

export function versionView(r: VersionRow): ScheduleVersionView {
  return {
    id: r.id,
    no: r.no,
    name: r.name,
    status: r.status,
    runId: r.run_id,
    strategy: r.strategy,
    rule: r.rule,
    horizonStart: r.horizon_start.toISOString(),
    kpis: r.kpis,
    stoppedBy: r.stopped_by,
    iterations: r.iterations,
    adjustments: r.adjustments,
    createdAt: r.created_at.toISOString(),
    publishedAt: r.published_at?.toISOString() ?? null,
  };
}
