import type { LocationView, WarehouseInput, WarehouseView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type { LocationView, WarehouseInput, WarehouseView };

export interface WarehousePage {
  items: WarehouseView[];
  total: number;
}

const BASE = '/master-data/warehouses';

/** Typed client of `/api/v1/master-data/warehouses` (仓库 with their 库位). */
export function createWarehouseApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: () => client.get<WarehousePage>(BASE),
    get: (id: string) => client.get<WarehouseView>(one(id)),
    create: (input: WarehouseInput, idempotencyKey?: string) =>
      client.post<WarehouseView>(BASE, input, createOptions(idempotencyKey)),
    /** `locations`, when given, replaces the whole list. */
    update: (id: string, patch: Partial<WarehouseInput>) =>
      client.patch<WarehouseView>(one(id), patch, { silent: true }),
    remove: (id: string) => client.delete(one(id), { silent: true }),
  };
}

export type WarehouseApi = ReturnType<typeof createWarehouseApi>;
export const warehouseApi: WarehouseApi = createWarehouseApi();
