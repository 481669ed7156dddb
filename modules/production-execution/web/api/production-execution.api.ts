import type {
  CreateOperatorInput,
  DispatchListView,
  IssueMaterialsInput,
  IssueMaterialsResult,
  IssueMode,
  ItemView,
  KitCheckResult,
  KitShortageDetail,
  OperatorView,
  OrdersPage,
  OverReportDetail,
  PickingList,
  ProductionOutputRow,
  ProductionOutputView,
  ReleaseWorkOrderResult,
  SplitWorkOrderResult,
  UpdateOperatorInput,
  WipOperation,
  WipWorkCenter,
  WorkCenterView,
  WorkOrderEventView,
  WorkOrderOperationView,
  WorkOrderPage,
  WorkOrderRequestView,
  WorkOrderStatus,
  WorkOrderSummary,
  WorkOrderView,
  WorkReportInput,
  WorkReportView,
} from '@mes/shared';
import { http, type HttpClient, type RequestOptions } from '@mes/web-core';

export type {
  CreateOperatorInput,
  DispatchListView,
  IssueMode,
  ItemView,
  KitCheckResult,
  KitShortageDetail,
  OperatorView,
  OverReportDetail,
  PickingList,
  ProductionOutputRow,
  ProductionOutputView,
  UpdateOperatorInput,
  WipOperation,
  WipWorkCenter,
  WorkCenterView,
  WorkOrderEventView,
  WorkOrderOperationView,
  WorkOrderRequestView,
  WorkOrderStatus,
  WorkOrderSummary,
  WorkOrderView,
  WorkReportInput,
  WorkReportView,
};

export interface WorkOrderQuery {
  page?: number;
  pageSize?: number;
  status?: WorkOrderStatus | '';
  itemCode?: string;
  /** Work order no, item code or name contains. */
  q?: string;
}

export interface CreateWorkOrderForm {
  itemCode: string;
  qty: string;
  dueDate?: string | null;
  releaseDate?: string | null;
  priority?: number;
  issueMode?: IssueMode;
  note?: string;
}

const BASE = '/production-execution/work-orders';
const OPERATORS = '/production-execution/operators';
const blank = (v: string | undefined) => v?.trim() || undefined;

/** Silent (the page shows the error itself), with the `Idempotency-Key` when one is given. */
function writeOptions(idempotencyKey?: string): RequestOptions {
  return { silent: true, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) };
}

/** Typed client of `/api/v1/production-execution/**` and the few reads of other modules the pages need. */
export function createProductionExecutionApi(client: HttpClient = http) {
  const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
  const act = (id: string, action: string, body?: unknown, key?: string) =>
    client.post<WorkOrderView>(`${one(id)}/${action}`, body, writeOptions(key));
  return {
    list: (q: WorkOrderQuery = {}) =>
      client.get<WorkOrderPage<WorkOrderSummary>>(BASE, {
        page: q.page,
        pageSize: q.pageSize,
        status: q.status || undefined,
        itemCode: blank(q.itemCode),
        q: blank(q.q),
      }),
    get: (id: string) => client.get<WorkOrderView>(one(id)),
    events: (id: string) => client.get<WorkOrderEventView[]>(`${one(id)}/events`),
    kitCheck: (id: string) => client.get<KitCheckResult>(`${one(id)}/kit-check`),
    create: (input: CreateWorkOrderForm, key?: string) =>
      client.post<WorkOrderView>(BASE, input, writeOptions(key)),
    /** Takes over an open work-order request of the orders module. */
    fromRequest: (requestId: string, key?: string) =>
      client.post<WorkOrderView>(
        `${BASE}/from-request/${encodeURIComponent(requestId)}`,
        undefined,
        writeOptions(key),
      ),
    /** 下达: 409 KIT_SHORTAGE (details per short component) unless `force`. */
    release: (id: string, force: boolean, key?: string) =>
      client.post<ReleaseWorkOrderResult>(`${one(id)}/release`, { force }, writeOptions(key)),
    start: (id: string, key?: string) => act(id, 'start', undefined, key),
    pause: (id: string, reason: string, key?: string) => act(id, 'pause', { reason }, key),
    resume: (id: string, key?: string) => act(id, 'resume', undefined, key),
    complete: (id: string, key?: string) => act(id, 'complete', undefined, key),
    close: (id: string, key?: string) => act(id, 'close', undefined, key),
    cancel: (id: string, key?: string) => act(id, 'cancel', undefined, key),
    split: (id: string, input: { qty: string; reason: string }, key?: string) =>
      client.post<SplitWorkOrderResult>(`${one(id)}/split`, input, writeOptions(key)),
    reports: (id: string) => client.get<WorkOrderPage<WorkReportView>>(`${one(id)}/reports`),
    /** 报工 under an Idempotency-Key: a retried submission is applied once. */
    report: (id: string, input: WorkReportInput, key: string) =>
      client.post<WorkReportView>(`${one(id)}/reports`, input, writeOptions(key)),
    pickingList: (id: string) => client.get<PickingList>(`${one(id)}/picking-list`),
    issueMaterials: (id: string, input: IssueMaterialsInput, key?: string) =>
      client.post<IssueMaterialsResult>(`${one(id)}/issue-materials`, input, writeOptions(key)),
    wip: () => client.get<WipWorkCenter[]>('/production-execution/wip'),
    /** 今日产出 of a local day (default: the tenant's today). */
    output: (date?: string) =>
      client.get<ProductionOutputView>('/production-execution/output', { date: date || undefined }),
    /** 操作工 of the shop floor (no PIN hashes: only `hasPin`). */
    operators: () => client.get<OperatorView[]>(OPERATORS),
    /** 409 DUPLICATE_CODE / DUPLICATE_BADGE. */
    createOperator: (input: CreateOperatorInput, key?: string) =>
      client.post<OperatorView>(OPERATORS, input, writeOptions(key)),
    /** Name, badge, PIN (null clears; left out keeps), active. */
    updateOperator: (id: string, input: UpdateOperatorInput) =>
      client.put<OperatorView>(`${OPERATORS}/${encodeURIComponent(id)}`, input, writeOptions()),

    // ---- other modules (silent: a 403 of an unsubscribed module is an answer, not an error)
    /** Items made in house, by code or name. */
    makeItems: (q: string, pageSize = 20) =>
      client.get<{ items: ItemView[]; total: number }>(
        '/master-data/items',
        { q: q.trim() || undefined, pageSize, status: 'active', makeOrBuy: 'make' },
        { silent: true },
      ),
    workCenters: () =>
      client.get<{ items: WorkCenterView[]; total: number }>('/master-data/work-centers', undefined, {
        silent: true,
      }),
    /** Open work-order requests (orders module); 403 when the tenant has no orders module. */
    openRequests: (pageSize = 100) =>
      client.get<OrdersPage<WorkOrderRequestView>>(
        '/orders/work-order-requests',
        { status: 'open', pageSize },
        { silent: true },
      ),
    /** The published schedule's dispatch list of a work center (scheduling module; 403 without it). */
    dispatchList: (workCenterCode: string) =>
      client.get<DispatchListView>(
        `/scheduling/dispatch-lists/${encodeURIComponent(workCenterCode)}`,
        undefined,
        { silent: true },
      ),
  };
}

export type ProductionExecutionApi = ReturnType<typeof createProductionExecutionApi>;
export const peApi: ProductionExecutionApi = createProductionExecutionApi();
