/**
 * Contracts of the scheduling modules (`master-scheduling` 主生产计划, `shop-scheduling` 车间计划管理):
 * runs, schedule versions with KPIs, Gantt data, manual moves and locks, publishing and dispatch lists,
 * rush-order what-if, changeover families. Times are ISO 8601 strings; minutes are whole numbers.
 */

export const SCHEDULE_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];

export const SCHEDULE_STRATEGIES = ['forward', 'backward'] as const;
export type ScheduleStrategy = (typeof SCHEDULE_STRATEGIES)[number];

export const SCHEDULE_RULES = ['auto', 'EDD', 'SPT', 'CR', 'PRIORITY', 'FIFO'] as const;
export type ScheduleRuleName = (typeof SCHEDULE_RULES)[number];

export const SCHEDULE_VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export type ScheduleVersionStatus = (typeof SCHEDULE_VERSION_STATUSES)[number];

export const SchedulingErrorCode = {
  /** A scheduling run is queued or running for the tenant already. */
  RUN_ACTIVE: 'SCHEDULE_RUN_ACTIVE',
  /** The operation (or one it would push) is locked or already started on the floor. */
  OPERATION_LOCKED: 'OPERATION_LOCKED',
  /** Nothing to schedule: no open work order has an operation left. */
  NOTHING_TO_SCHEDULE: 'NOTHING_TO_SCHEDULE',
} as const;

export interface ObjectiveWeightsInput {
  makespan?: number;
  weightedTardiness?: number;
  lateJobs?: number;
  setup?: number;
}

/** `POST /scheduling/runs`. */
export interface ScheduleRunInput {
  /** Default backward: from the due dates, then repaired forward (fewer late orders). */
  strategy?: ScheduleStrategy;
  rule?: ScheduleRuleName;
  /** Improvement budget after the constructive schedule, 0…300 s (default 10). */
  timeLimitSeconds?: number;
  weights?: ObjectiveWeightsInput;
  /** Only these work centers (a workshop); default all. */
  workCenterCodes?: string[];
  name?: string;
}

export interface ScheduleRunSubmitted {
  runId: string;
  /** Progress at `GET /jobs/:jobId` and its SSE stream. */
  jobId: string;
}

export interface ScheduleRunView {
  id: string;
  jobId: string;
  status: ScheduleRunStatus;
  strategy: ScheduleStrategy;
  rule: ScheduleRuleName;
  timeLimitSeconds: number;
  name: string;
  /** The version the run produced (also when cancelled after a first schedule). */
  versionId: string | null;
  cancelRequested: boolean;
  error: { message: string; details: { field: string; message: string }[] } | null;
  timings: Record<string, number> | null;
  /** Locks the run had to release (their predecessors could no longer finish before them), by work order and operation. */
  warnings: { field: string; message: string }[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ScheduleKpis {
  /** End of the last operation. */
  makespanEnd: string | null;
  /** Minutes from the horizon start to the end of the last operation. */
  makespanMinutes: number;
  lateOrders: number;
  /** Sum over late orders of minutes late. */
  totalLatenessMinutes: number;
  maxLatenessMinutes: number;
  setupMinutes: number;
  /** Mean over work centers with work of busy / available minutes, 0…1. */
  meanUtilisation: number;
  operations: number;
  workOrders: number;
}

export interface ScheduleVersionView {
  id: string;
  no: string;
  name: string;
  status: ScheduleVersionStatus;
  runId: string | null;
  strategy: ScheduleStrategy;
  rule: string;
  horizonStart: string;
  kpis: ScheduleKpis;
  /** How the search ended: constructive, time, iterations, cancel, bound. */
  stoppedBy: string;
  iterations: number;
  adjustments: number;
  createdAt: string;
  publishedAt: string | null;
}

export interface GanttResource {
  /** The schedulable unit: the work center code, or `WC#2` for the second of parallel units. */
  code: string;
  workCenterCode: string;
  name: string;
  utilisation: number;
  busyMinutes: number;
  availableMinutes: number;
  /** Closed time (breaks, nights, holidays) inside the shown range, for shading. */
  closed: { start: string; end: string }[];
}

export interface GanttOperation {
  id: string;
  workOrderId: string;
  workOrderNo: string;
  itemCode: string;
  itemName: string;
  seq: number;
  name: string;
  resourceCode: string;
  workCenterCode: string;
  /** Resources it may move to. */
  eligibleResources: string[];
  setupStart: string;
  start: string;
  end: string;
  setupMinutes: number;
  qty: string;
  locked: boolean;
  /** Started on the shop floor: fixed. */
  started: boolean;
  /** Its work order ends after its due date. */
  late: boolean;
}

export interface GanttOrder {
  workOrderId: string;
  workOrderNo: string;
  itemCode: string;
  itemName: string;
  qty: string;
  priority: number;
  dueDate: string | null;
  /** Due date as an instant (end of the due day, local time). */
  dueAt: string | null;
  start: string;
  end: string;
  latenessMinutes: number;
  /** Why it is late: the resource it waited longest for, or a release date (material). */
  lateCause: LateCause | null;
}

export interface LateCause {
  kind: 'resource' | 'material' | 'capacity';
  /** Work-center code, or the item code of the short component. */
  code: string;
  message: string;
  waitMinutes: number;
}

export interface GanttView {
  version: ScheduleVersionView;
  horizonStart: string;
  resources: GanttResource[];
  operations: GanttOperation[];
  orders: GanttOrder[];
}

/** `POST /scheduling/versions/:id/operations/:operationId/move`. */
export interface MoveOperationInput {
  start: string;
  /** Another eligible resource (unit code); default: stays where it is. */
  resourceCode?: string;
}

export interface MoveOperationResult {
  moved: { id: string; workOrderNo: string; seq: number; from: string; to: string }[];
  kpis: ScheduleKpis;
}

export interface ScheduleComparison {
  versions: ScheduleVersionView[];
  /** Per work order, the end and lateness in each version (same order as `versions`). */
  orders: {
    workOrderId: string;
    workOrderNo: string;
    dueDate: string | null;
    ends: (string | null)[];
    latenessMinutes: (number | null)[];
  }[];
}

/** `POST /scheduling/versions/:id/what-if`: a rush order (插单) inserted before the others. */
export interface RushOrderInput {
  itemCode: string;
  qty: string;
  dueDate: string;
}

export interface RushOrderResult {
  rush: {
    itemCode: string;
    qty: string;
    dueDate: string;
    start: string;
    end: string;
    latenessMinutes: number;
  };
  before: ScheduleKpis;
  after: ScheduleKpis;
  /** Orders whose lateness grows, with minutes before and after. */
  affected: {
    workOrderId: string;
    workOrderNo: string;
    dueDate: string | null;
    latenessBefore: number;
    latenessAfter: number;
  }[];
}

export interface DispatchListEntry {
  operationId: string;
  workOrderId: string;
  workOrderNo: string;
  itemCode: string;
  itemName: string;
  seq: number;
  name: string;
  resourceCode: string;
  setupStart: string;
  start: string;
  end: string;
  qty: string;
  dueDate: string | null;
  locked: boolean;
}

export interface DispatchListView {
  workCenterCode: string;
  versionId: string | null;
  versionNo: string | null;
  publishedAt: string | null;
  items: DispatchListEntry[];
}

export interface ItemFamilyInput {
  itemCode: string;
  family: string;
}

export interface ChangeoverInput {
  /** Work center code, or omitted for every work center. */
  workCenterCode?: string;
  fromFamily: string;
  toFamily: string;
  minutes: number;
}

export interface ChangeoverSettings {
  families: { itemCode: string; itemName: string; family: string }[];
  changeovers: { workCenterCode: string | null; fromFamily: string; toFamily: string; minutes: number }[];
}
