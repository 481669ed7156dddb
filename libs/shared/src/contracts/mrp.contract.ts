/** Contracts of the `mrp` module (物料需求计划): runs, the stored plan, forecasts. */

export const MRP_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type MrpRunStatus = (typeof MRP_RUN_STATUSES)[number];

export const MRP_ORDER_KINDS = ['make', 'buy'] as const;
export type MrpOrderKind = (typeof MRP_ORDER_KINDS)[number];

export const MRP_PLANNED_ORDER_STATUSES = ['planned', 'firmed'] as const;
export type MrpPlannedOrderStatus = (typeof MRP_PLANNED_ORDER_STATUSES)[number];

export const MRP_EXCEPTION_TYPES = ['PAST_DUE_RELEASE', 'EXPEDITE', 'CANCEL', 'DEFER'] as const;
export type MrpExceptionTypeName = (typeof MRP_EXCEPTION_TYPES)[number];

/** Error codes of this module beyond the platform's. */
export const MrpErrorCode = {
  /** A run is queued or running for the tenant already. */
  RUN_ACTIVE: 'MRP_RUN_ACTIVE',
  /** The planned order belongs to a plan a newer run replaced. */
  PLAN_SUPERSEDED: 'PLAN_SUPERSEDED',
} as const;

/** `POST /mrp/runs`. */
export interface MrpRunInput {
  /** Plan start (YYYY-MM-DD); default: today in the tenant's time zone. */
  start?: string;
  /** Demands and receipts due later than start + horizonDays are left out; default 180. */
  horizonDays?: number;
  /** Reserve the on-hand stock the plan matches to sales order lines. */
  lockStock?: boolean;
}

export interface MrpRunCounts {
  items: number;
  bomLines: number;
  demands: number;
  scheduledReceipts: number;
  plannedOrders: number;
  pegs: number;
  exceptions: number;
  /** Sales order lines that got stock reserved (lockStock). */
  lockedLines: number;
  lockedQty: string;
}

export interface MrpRunView {
  id: string;
  /** The BullMQ job (= the run id): progress at `GET /jobs/:id` and its SSE stream. */
  jobId: string;
  status: MrpRunStatus;
  start: string;
  horizonDays: number;
  lockStock: boolean;
  /** The run whose plan is shown now (the latest succeeded one). */
  current: boolean;
  counts: MrpRunCounts | null;
  /** Milliseconds per phase: build, engine, lock, store. */
  timings: Record<string, number> | null;
  error: { message: string; details: { field: string; message: string }[] } | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface MrpRunSubmitted {
  runId: string;
  jobId: string;
}

export interface MrpPlannedOrderView {
  id: string;
  runId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  kind: MrpOrderKind;
  qty: string;
  release: string;
  due: string;
  status: MrpPlannedOrderStatus;
  /** What firming created: a purchase order (no), an open to-buy line, a work-order request (no). */
  firmedKind: 'purchase_order' | 'requisition' | 'work_order_request' | null;
  firmedRef: string | null;
  /** Σ peg qty: the part of qty that serves a demand (the rest is lot-size excess / safety stock). */
  peggedQty: string;
}

export type MrpDemandSource = 'sales_order' | 'forecast' | 'work_order_request';

/** The top-level demand a planned order serves. */
export interface MrpDemandView {
  ref: string;
  source: MrpDemandSource;
  itemCode: string;
  qty: string;
  due: string;
  orderId: string | null;
  orderNo: string | null;
  lineNo: number | null;
  customerCode: string | null;
  customerName: string | null;
  forecastId: string | null;
}

export interface MrpPegView {
  demandRef: string;
  qty: string;
  /** Null when the demand is not one MRP knows (should not happen). */
  demand: MrpDemandView | null;
}

export interface MrpPlannedOrderDetail extends MrpPlannedOrderView {
  pegs: MrpPegView[];
}

export interface MrpExceptionView {
  seq: number;
  type: MrpExceptionTypeName;
  itemCode: string;
  ref: string | null;
  date: string | null;
  neededOn: string | null;
  message: string;
}

export interface MrpRecordBucketView {
  /** The day, or with ?bucket=week the Monday starting the week. */
  date: string;
  gross: string;
  scheduledReceipts: string;
  /** End of the day (week): planned receipts included. */
  projectedBalance: string;
  netRequirement: string;
  plannedReceipts: string;
  plannedReleases: string;
}

export interface MrpRecordView {
  runId: string;
  itemCode: string;
  kind: MrpOrderKind;
  lowLevelCode: number;
  leadTimeDays: number;
  safetyStock: string;
  onHand: string;
  allocated: string;
  available: string;
  bucket: 'day' | 'week';
  buckets: MrpRecordBucketView[];
}

/** `POST /mrp/planned-orders/firm`. */
export interface MrpFirmInput {
  ids: string[];
}

export interface MrpFirmResult {
  orders: MrpPlannedOrderView[];
  purchaseOrders: { id: string; no: string; supplierCode: string }[];
  requisitions: { id: string; itemCode: string; qty: string }[];
  workOrderRequests: { id: string; no: string; itemCode: string; qty: string }[];
}

export interface MrpForecastInput {
  itemCode: string;
  qty: string;
  dueDate: string;
  note?: string;
}

export interface MrpForecastView {
  id: string;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  dueDate: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}
