import type { UnitInput, UnitView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type { UnitInput, UnitView };

const BASE = '/master-data/units';

/** Typed client of `/api/v1/master-data/units` (计量单位; the list is not paged). */
export function createUnitApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: () => client.get<{ items: UnitView[] }>(BASE),
    create: (input: UnitInput, idempotencyKey?: string) =>
      client.post<UnitView>(BASE, input, createOptions(idempotencyKey)),
    update: (id: string, patch: Partial<UnitInput>) =>
      client.patch<UnitView>(one(id), patch, { silent: true }),
    /** 409 `IN_USE` while an item counts in this unit. */
    remove: (id: string) => client.delete(one(id), { silent: true }),
  };
}

export type UnitApi = ReturnType<typeof createUnitApi>;
export const unitApi: UnitApi = createUnitApi();
