import type {
  ChangeoverInput,
  ChangeoverSettings,
  DispatchListView,
  GanttOperation,
  GanttView,
  ItemFamilyInput,
  ItemView,
  JobView,
  KitCheckResult,
  MoveOperationInput,
  MoveOperationResult,
  RushOrderInput,
  RushOrderResult,
  ScheduleComparison,
  ScheduleRunInput,
  ScheduleRunSubmitted,
  ScheduleRunView,
  ScheduleVersionView,
  WorkCenterView,
} from '@mes/shared';
import { http, type HttpClient, type RequestOptions } from '@mes/web-core';

// The contract types of the scheduling pages (those above are only what this file itself uses).
export type {
  ChangeoverInput,
  ChangeoverSettings,
  DispatchListEntry,
  DispatchListView,
  GanttOperation,
  GanttOrder,
  GanttResource,
  GanttView,
  ItemFamilyInput,
  ItemView,
  JobView,
  KitCheckResult,
  LateCause,
  MoveOperationInput,
  MoveOperationResult,
  ObjectiveWeightsInput,
  RushOrderInput,
  RushOrderResult,
  ScheduleComparison,
  ScheduleKpis,
  ScheduleRuleName,
  ScheduleRunInput,
  ScheduleRunStatus,
  ScheduleRunSubmitted,
  ScheduleRunView,
  ScheduleStrategy,
  ScheduleVersionStatus,
  ScheduleVersionView,
  WorkCenterView,
} from '@mes/shared';

/** A list answer of the API. */
export interface Page<T> {
  items: T[];
  total: number;
}

interface Paging {
  page?: number;
  pageSize?: number;
}

/** Writes show their errors themselves (dialogs, messages, the side panel). */
const SILENT: RequestOptions = { silent: true };
const one = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;
const version = (id: string) => one('/scheduling/versions', id);
const operation = (versionId: string, operationId: string) =>
  `${version(versionId)}/operations/${encodeURIComponent(operationId)}`;

/**
 * Typed client of `/api/v1/scheduling/**` (主生产计划 / 车间计划管理) plus the few reads of other
 * modules its pages need (work centers, items).
 */
export function createSchedulingApi(client: HttpClient = http) {
  return {
    /** 202 with the run and its job; 409 `SCHEDULE_RUN_ACTIVE`, 400 `NOTHING_TO_SCHEDULE`. */
    submitRun: (input: ScheduleRunInput) =>
      client.post<ScheduleRunSubmitted>('/scheduling/runs', input, SILENT),
    runs: (query: Paging = {}) =>
      client.get<Page<ScheduleRunView>>('/scheduling/runs', { page: query.page, pageSize: query.pageSize }),
    run: (id: string) => client.get<ScheduleRunView>(one('/scheduling/runs', id)),
    /** Stops the search; the best schedule so far is kept. */
    cancelRun: (id: string) =>
      client.post<ScheduleRunView>(`${one('/scheduling/runs', id)}/cancel`, undefined, SILENT),
    /** The background job of a run (progress 0–100, state). */
    job: (jobId: string) => client.get<JobView>(one('/jobs', jobId), undefined, SILENT),
    /** The SSE stream of the job (the token in the URL: EventSource sends no headers). */
    jobEventsUrl: (jobId: string) => client.eventSourceUrl(`${one('/jobs', jobId)}/events`),

    versions: (query: Paging = {}) =>
      client.get<Page<ScheduleVersionView>>('/scheduling/versions', {
        page: query.page,
        pageSize: query.pageSize,
      }),
    /** The published version, else the newest; null when nothing was scheduled yet. */
    currentVersion: async () =>
      (await client.get<{ version: ScheduleVersionView | null }>('/scheduling/versions/current')).version,
    versionById: (id: string) => client.get<ScheduleVersionView>(version(id)),
    /** 2–5 versions side by side. */
    compare: (ids: readonly string[]) =>
      client.get<ScheduleComparison>('/scheduling/versions/compare', { ids: ids.join(',') }),
    gantt: (id: string, range: { from?: string; to?: string } = {}) =>
      client.get<GanttView>(`${version(id)}/gantt`, { from: range.from, to: range.to }),
    /** Moves an operation (and pushes what follows it); 409 `OPERATION_LOCKED`, 400 on start / resource. */
    move: (versionId: string, operationId: string, input: MoveOperationInput) =>
      client.post<MoveOperationResult>(`${operation(versionId, operationId)}/move`, input, SILENT),
    lock: (versionId: string, operationId: string, locked: boolean) =>
      client.post<Pick<GanttOperation, 'id' | 'locked'>>(
        `${operation(versionId, operationId)}/lock`,
        { locked },
        SILENT,
      ),
    publish: (id: string) => client.post<ScheduleVersionView>(`${version(id)}/publish`, undefined, SILENT),
    /** 插单模拟: nothing is stored. */
    whatIf: (id: string, input: RushOrderInput) =>
      client.post<RushOrderResult>(`${version(id)}/what-if`, input, SILENT),

    dispatchList: (workCenterCode: string) =>
      client.get<DispatchListView>(one('/scheduling/dispatch-lists', workCenterCode.trim())),

    changeovers: () => client.get<ChangeoverSettings>('/scheduling/changeovers'),
    /** Replaces both tables; 400 with details by row (`families[3].itemCode`, `changeovers[1]`). */
    saveChangeovers: (input: { families: ItemFamilyInput[]; changeovers: ChangeoverInput[] }) =>
      client.put<ChangeoverSettings>('/scheduling/changeovers', input, SILENT),

    /** 齐套检查 of a work order (production-execution): required, available and short per component. */
    kitCheck: (workOrderId: string) =>
      client.get<KitCheckResult>(`${one('/production-execution/work-orders', workOrderId)}/kit-check`),
    /** Releases a work order (工单发布); 409 `KIT_SHORTAGE` with the shortages unless forced. */
    release: (workOrderId: string, force: boolean) =>
      client.post<unknown>(
        `${one('/production-execution/work-orders', workOrderId)}/release`,
        { force },
        SILENT,
      ),

    /** Every work center (master data; not paged). */
    workCenters: async (): Promise<WorkCenterView[]> =>
      (await client.get<Page<WorkCenterView>>('/master-data/work-centers')).items,
    /** The item pickers' search: the first 20 active items whose code or name matches. */
    searchItems: async (q: string): Promise<ItemView[]> =>
      (
        await client.get<Page<ItemView>>('/master-data/items', {
          q: q.trim() || undefined,
          pageSize: 20,
          status: 'active',
        })
      ).items,
  };
}

export type SchedulingApi = ReturnType<typeof createSchedulingApi>;
export const schedulingApi: SchedulingApi = createSchedulingApi();
