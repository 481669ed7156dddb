import type { WorkCenterInput, WorkCenterKind, WorkCenterView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type { WorkCenterInput, WorkCenterKind, WorkCenterView };

export interface WorkCenterPage {
  items: WorkCenterView[];
  total: number;
}

const BASE = '/master-data/work-centers';

/** Typed client of `/api/v1/master-data/work-centers` (工作中心). */
export function createWorkCenterApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    /** Every work center: not paged. */
    list: () => client.get<WorkCenterPage>(BASE),
    get: (id: string) => client.get<WorkCenterView>(one(id)),
    /** 400 on `calendarCode` for an unknown calendar; 409 `DUPLICATE_CODE`. */
    create: (input: WorkCenterInput, idempotencyKey?: string) =>
      client.post<WorkCenterView>(BASE, input, createOptions(idempotencyKey)),
    update: (id: string, patch: Partial<WorkCenterInput>) =>
      client.patch<WorkCenterView>(one(id), patch, { silent: true }),
    /** 409 `IN_USE` while a routing uses it. */
    remove: (id: string) => client.delete(one(id), { silent: true }),
  };
}

export type WorkCenterApi = ReturnType<typeof createWorkCenterApi>;
export const workCenterApi: WorkCenterApi = createWorkCenterApi();
