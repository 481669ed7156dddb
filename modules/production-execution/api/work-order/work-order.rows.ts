import type {
  AlternativeWorkCenterView,
  IssueMode,
  OperationStatus,
  WorkOrderSource,
  WorkOrderStatus,
} from '@mes/shared';

export const WORK_ORDER = '工单 / work order';

/** The work order as stored; dates as `YYYY-MM-DD`, quantities as text. */
export interface WorkOrderRow {
  id: string;
  no: string;
  item_id: string;
  qty: string;
  status: WorkOrderStatus;
  due_date: string | null;
  release_date: string | null;
  priority: number;
  parent_id: string | null;
  parent_no: string | null;
  source: WorkOrderSource;
  source_ref: string | null;
  issue_mode: IssueMode;
  warehouse_id: string;
  received_qty: string;
  note: string;
  created_at: Date;
  updated_at: Date;
  released_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
}

export interface OperationRow {
  id: string;
  work_order_id: string;
  seq: number;
  name: string;
  work_center_id: string;
  setup_minutes: string;
  run_minutes: string;
  queue_minutes: string;
  move_minutes: string;
  alternatives: AlternativeWorkCenterView[];
  span_breaks: boolean;
  planned_qty: string;
  good_qty: string;
  scrap_qty: string;
  rework_qty: string;
  status: OperationStatus;
  started_at: Date | null;
  completed_at: Date | null;
}

export const WORK_ORDER_SELECT = `SELECT w.id, w.no, w.item_id, w.qty::text AS qty, w.status,
    to_char(w.due_date, 'YYYY-MM-DD') AS due_date, to_char(w.release_date, 'YYYY-MM-DD') AS release_date,
    w.priority, w.parent_id, p.no AS parent_no, w.source, w.source_ref, w.issue_mode, w.warehouse_id,
    w.received_qty::text AS received_qty, w.note, w.created_at, w.updated_at, w.released_at, w.started_at,
    w.completed_at, w.closed_at, w.cancelled_at
  FROM pe_work_orders w LEFT JOIN pe_work_orders p ON p.tenant_id = w.tenant_id AND p.id = w.parent_id`;

export const OPERATION_SELECT = `SELECT o.id, o.work_order_id, o.seq, o.name, o.work_center_id,
    trim_scale(o.setup_minutes)::text AS setup_minutes, trim_scale(o.run_minutes)::text AS run_minutes,
    trim_scale(o.queue_minutes)::text AS queue_minutes, trim_scale(o.move_minutes)::text AS move_minutes,
    o.alternatives, o.span_breaks, o.planned_qty::text AS planned_qty, o.good_qty::text AS good_qty,
    o.scrap_qty::text AS scrap_qty, o.rework_qty::text AS rework_qty, o.status, o.started_at, o.completed_at
  FROM pe_operations o`;

/** The demand reservations of a work order are held under. */
export const WORK_ORDER_DEMAND = 'work_order' as const;
