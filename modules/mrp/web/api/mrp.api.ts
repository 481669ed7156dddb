import type {
  ItemView,
  JobView,
  MrpExceptionTypeName,
  MrpExceptionView,
  MrpFirmResult,
  MrpForecastInput,
  MrpForecastView,
  MrpOrderKind,
  MrpPlannedOrderDetail,
  MrpPlannedOrderStatus,
  MrpPlannedOrderView,
  MrpRecordView,
  MrpRunInput,
  MrpRunStatus,
  MrpRunSubmitted,
  MrpRunView,
  PurchaseOrderView,
} from '@mes/shared';
import { http, type HttpClient, type RequestOptions } from '@mes/web-core';

export type {
  ItemView,
  JobView,
  MrpExceptionTypeName,
  MrpExceptionView,
  MrpFirmResult,
  MrpForecastInput,
  MrpForecastView,
  MrpOrderKind,
  MrpPlannedOrderDetail,
  MrpPlannedOrderStatus,
  MrpPlannedOrderView,
  MrpRecordView,
  MrpRunInput,
  MrpRunStatus,
  MrpRunSubmitted,
  MrpRunView,
};

/** A list answer of the API. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The plan's lists also tell which run they come from (null: no plan yet). */
export interface PlanPage<T> extends Page<T> {
  runId: string | null;
}

interface Paging {
  page?: number;
  pageSize?: number;
}

export interface PlannedOrderQuery extends Paging {
  itemCode?: string;
  kind?: MrpOrderKind | '';
  status?: MrpPlannedOrderStatus | '';
}

export interface ExceptionQuery extends Paging {
  itemCode?: string;
  type?: MrpExceptionTypeName | '';
}

export interface ForecastQuery extends Paging {
  itemCode?: string;
}

/** Writes show their errors themselves (dialogs, messages). */
const SILENT: RequestOptions = { silent: true };
const text = (value: string | undefined) => value?.trim() || undefined;
const one = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** Typed client of `/api/v1/mrp/**` (物料需求计划) plus the few reads of other modules its pages need. */
export function createMrpApi(client: HttpClient = http) {
  return {
    /** 202 with the run and its job; 409 `MRP_RUN_ACTIVE` while one is queued or running. */
    submitRun: (input: MrpRunInput) => client.post<MrpRunSubmitted>('/mrp/runs', input, SILENT),
    runs: (query: Paging & { status?: MrpRunStatus | '' } = {}) =>
      client.get<Page<MrpRunView>>('/mrp/runs', {
        page: query.page,
        pageSize: query.pageSize,
        status: query.status || undefined,
      }),
    run: (id: string) => client.get<MrpRunView>(one('/mrp/runs', id)),
    /** The background job of a run (progress 0–100, state). */
    job: (jobId: string) => client.get<JobView>(one('/jobs', jobId), undefined, SILENT),
    /** The SSE stream of the job (the token in the URL: EventSource sends no headers). */
    jobEventsUrl: (jobId: string) => client.eventSourceUrl(`${one('/jobs', jobId)}/events`),

    plannedOrders: (query: PlannedOrderQuery = {}) =>
      client.get<PlanPage<MrpPlannedOrderView>>('/mrp/planned-orders', {
        page: query.page,
        pageSize: query.pageSize,
        itemCode: text(query.itemCode),
        kind: query.kind || undefined,
        status: query.status || undefined,
      }),
    plannedOrder: (id: string) => client.get<MrpPlannedOrderDetail>(one('/mrp/planned-orders', id)),
    /** 409 `PLAN_SUPERSEDED` / `INVALID_STATUS`; 403 when purchasing or orders is not subscribed. */
    firm: (ids: string[]) => client.post<MrpFirmResult>('/mrp/planned-orders/firm', { ids }, SILENT),

    exceptions: (query: ExceptionQuery = {}) =>
      client.get<PlanPage<MrpExceptionView>>('/mrp/exceptions', {
        page: query.page,
        pageSize: query.pageSize,
        itemCode: text(query.itemCode),
        type: query.type || undefined,
      }),
    record: (itemCode: string, bucket: 'day' | 'week' = 'day') =>
      client.get<MrpRecordView>(one('/mrp/records', itemCode.trim()), { bucket }, SILENT),

    forecasts: (query: ForecastQuery = {}) =>
      client.get<Page<MrpForecastView>>('/mrp/forecasts', {
        page: query.page,
        pageSize: query.pageSize,
        itemCode: text(query.itemCode),
      }),
    createForecast: (input: MrpForecastInput) =>
      client.post<MrpForecastView>('/mrp/forecasts', input, SILENT),
    updateForecast: (id: string, input: MrpForecastInput) =>
      client.put<MrpForecastView>(one('/mrp/forecasts', id), input, SILENT),
    deleteForecast: (id: string) => client.delete(one('/mrp/forecasts', id), SILENT),

    /** The item pickers' search: the first 20 active items whose code or name matches. */
    searchItems: async (q: string): Promise<ItemView[]> =>
      (
        await client.get<Page<ItemView>>('/master-data/items', {
          q: q.trim() || undefined,
          pageSize: 20,
          status: 'active',
        })
      ).items,
    /** The purchase order with that number, if the user may read purchasing (exceptions link to it). */
    findPurchaseOrder: async (no: string): Promise<PurchaseOrderView | null> => {
      const page = await client.get<Page<PurchaseOrderView>>(
        '/purchasing/orders',
        { q: no, pageSize: 5 },
        SILENT,
      );
      return page.items.find((o) => o.no === no) ?? null;
    },
  };
}

export type MrpApi = ReturnType<typeof createMrpApi>;
export const mrpApi: MrpApi = createMrpApi();
