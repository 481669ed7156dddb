/**
 * Production execution (生产过程管理 / 报工) API shapes, shared by the API, the web and the scheduling
 * module. Quantities and minutes are decimal strings; dates `YYYY-MM-DD`; times ISO 8601.
 */
import type { ApiErrorDetail } from './error.contract';

/** planned → released → in_progress ⇄ paused → completed → closed; cancelled from planned/released. */
export const WORK_ORDER_STATUSES = [
  'planned',
  'released',
  'in_progress',
  'paused',
  'completed',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Work orders the scheduler still has to plan (not completed, closed or cancelled). */
export const OPEN_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = [
  'planned',
  'released',
  'in_progress',
  'paused',
];

export const WORK_ORDER_SOURCES = ['manual', 'request', 'split'] as const;
export type WorkOrderSource = (typeof WORK_ORDER_SOURCES)[number];

/** backflush: components are issued with the first operation's reports; picking: issued explicitly. */
export const ISSUE_MODES = ['backflush', 'picking'] as const;
export type IssueMode = (typeof ISSUE_MODES)[number];

export const OPERATION_STATUSES = ['pending', 'in_progress', 'done'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const WORK_ORDER_EVENT_KINDS = [
  'created',
  'updated',
  'released',
  'started',
  'paused',
  'resumed',
  'completed',
  'closed',
  'cancelled',
  'split',
] as const;
export type WorkOrderEventKind = (typeof WORK_ORDER_EVENT_KINDS)[number];

/** Error codes of this module beyond the platform's (KIT_SHORTAGE and OVER_REPORT are in ErrorCode). */
export const ProductionExecutionErrorCode = {
  /** A report on a paused work order: resume it first. */
  WORK_ORDER_PAUSED: 'WORK_ORDER_PAUSED',
  /** issue-materials found nothing left to issue. */
  NOTHING_TO_ISSUE: 'NOTHING_TO_ISSUE',
  /** A split asks for more than the quantity not yet reported (or all of the work order). */
  SPLIT_TOO_LARGE: 'SPLIT_TOO_LARGE',
} as const;

export interface AlternativeWorkCenterView {
  workCenterId: string;
  workCenterCode: string;
  runMinutes: string;
}

export interface WorkOrderOperationView {
  seq: number;
  name: string;
  workCenterId: string;
  workCenterCode: string;
  /** Planned quantity of this operation (the work order's quantity). */
  qty: string;
  setupMinutes: string;
  /** Per unit. */
  runMinutes: string;
  queueMinutes: string;
  moveMinutes: string;
  goodQty: string;
  scrapQty: string;
  reworkQty: string;
  status: OperationStatus;
  startedAt: string | null;
  completedAt: string | null;
  alternatives: AlternativeWorkCenterView[];
  /** May the work pause over a break (from the routing); false: it fits in one working window. */
  spanBreaks: boolean;
}

export interface WorkOrderSummary {
  id: string;
  no: string;
  status: WorkOrderStatus;
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  /** Good quantity of the last operation (received into the warehouse). */
  receivedQty: string;
  dueDate: string | null;
  releaseDate: string | null;
  priority: number;
  parentId: string | null;
  parentNo: string | null;
  source: WorkOrderSource;
  sourceRef: string | null;
  issueMode: IssueMode;
  warehouseCode: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  releasedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
}

export interface WorkOrderView extends WorkOrderSummary {
  operations: WorkOrderOperationView[];
}

export interface WorkOrderPage<T> {
  items: T[];
  total: number;
}

export interface CreateWorkOrderInput {
  itemCode: string;
  qty: string;
  dueDate?: string | null;
  releaseDate?: string | null;
  priority?: number;
  issueMode?: IssueMode;
  note?: string;
}

export interface UpdateWorkOrderInput {
  qty?: string;
  dueDate?: string | null;
  releaseDate?: string | null;
  priority?: number;
  note?: string;
}

export interface WorkOrderEventView {
  id: string;
  kind: WorkOrderEventKind;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus | null;
  reason: string;
  actorId: string | null;
  createdAt: string;
}

export interface WorkReportInput {
  operationSeq: number;
  goodQty: string;
  scrapQty?: string;
  reworkQty?: string;
  reasonCode?: string;
  operatorCodes?: string[];
  equipmentCode?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface WorkReportView {
  id: string;
  workOrderId: string;
  workOrderNo: string;
  operationSeq: number;
  operationName: string;
  goodQty: string;
  scrapQty: string;
  reworkQty: string;
  reasonCode: string | null;
  operatorCodes: string[];
  equipmentCode: string | null;
  startedAt: string | null;
  endedAt: string | null;
  reportedAt: string;
  actorId: string | null;
  /** Ledger documents this report posted (backflush issue, finished-goods receipt). */
  issueDocNo: string | null;
  receiptDocNo: string | null;
  /** The work order's status after the report. */
  workOrderStatus: WorkOrderStatus;
}

export interface KitCheckLine {
  itemCode: string;
  itemName: string;
  /** qtyPer × (1 + scrapRate) × qty − already issued, ≥ 0. */
  required: string;
  /** Free stock (on hand − reserved, not on QC hold) + what is reserved for this work order. */
  available: string;
  shortage: string;
}

export interface KitCheckResult {
  ok: boolean;
  lines: KitCheckLine[];
}

/** A detail of 409 KIT_SHORTAGE: `field` is `components.<itemCode>`. */
export interface KitShortageDetail extends ApiErrorDetail {
  itemCode: string;
  required: string;
  available: string;
  shortage: string;
}

/** A detail of 409 OVER_REPORT. */
export interface OverReportDetail extends ApiErrorDetail {
  operationSeq: number;
  allowed: string;
  requested: string;
}

export interface ReleaseWorkOrderInput {
  force?: boolean;
}

export interface ReleaseWorkOrderResult {
  workOrder: WorkOrderView;
  kit: KitCheckResult;
  /** What was reserved now, per component. */
  reservations: { itemCode: string; requested: string; reserved: string }[];
}

export interface SplitWorkOrderInput {
  qty: string;
  reason: string;
}

export interface SplitWorkOrderResult {
  parent: WorkOrderView;
  child: WorkOrderView;
}

export interface PickingListLine {
  itemCode: string;
  itemName: string;
  unit: string;
  qtyPer: string;
  scrapRate: string;
  /** qtyPer × (1 + scrapRate) × work order qty. */
  planned: string;
  issued: string;
  remaining: string;
  reserved: string;
}

export interface PickingList {
  workOrderId: string;
  workOrderNo: string;
  issueMode: IssueMode;
  lines: PickingListLine[];
}

export interface IssueMaterialsInput {
  lines?: { itemCode: string; qty: string; warehouseCode?: string; lot?: string }[];
}

export interface IssueMaterialsResult {
  docNo: string;
  lines: { itemCode: string; warehouseCode: string; lot: string | null; qty: string }[];
  pickingList: PickingList;
}

export interface ProductionSettingsView {
  /** Percent a operation may report beyond its base quantity ("10" = 10 %). */
  overReportTolerance: string;
}

export interface WipOperation {
  workOrderId: string;
  workOrderNo: string;
  workOrderStatus: WorkOrderStatus;
  itemCode: string;
  itemName: string;
  seq: number;
  name: string;
  status: OperationStatus;
  remainingQty: string;
  dueDate: string | null;
  priority: number;
}

export interface WipWorkCenter {
  workCenterId: string;
  workCenterCode: string;
  workCenterName: string;
  inProgress: WipOperation[];
  pending: WipOperation[];
}

/** What the scheduling module plans: an open work order and its operations. */
export interface SchedulableOperation {
  seq: number;
  name: string;
  workCenterId: string;
  workCenterCode: string;
  setupMinutes: string;
  /** Per unit. */
  runMinutes: string;
  queueMinutes: string;
  moveMinutes: string;
  /** planned − good − scrap, ≥ 0. */
  remainingQty: string;
  status: OperationStatus;
  startedAt: string | null;
  alternatives: AlternativeWorkCenterView[];
  spanBreaks: boolean;
}

export interface SchedulableWorkOrder {
  id: string;
  no: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  qty: string;
  status: WorkOrderStatus;
  dueDate: string | null;
  releaseDate: string | null;
  priority: number;
  parentId: string | null;
  createdAt: string;
  operations: SchedulableOperation[];
}

/** 今日产出: what one work center reported for one item on one local day. */
export interface ProductionOutputRow {
  workCenterId: string;
  workCenterCode: string;
  workCenterName: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  goodQty: string;
  scrapQty: string;
  reportCount: number;
}

/** `GET /production-execution/output?date=`: the reports of a local day (tenant time zone). */
export interface ProductionOutputView {
  /** `YYYY-MM-DD` in `timeZone`. */
  date: string;
  /** The tenant's IANA time zone the day is counted in. */
  timeZone: string;
  rows: ProductionOutputRow[];
}
