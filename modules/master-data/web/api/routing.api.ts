import type {
  RoutingAlternative,
  RoutingInput,
  RoutingOperationInput,
  RoutingOperationView,
  RoutingView,
} from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type { RoutingAlternative, RoutingInput, RoutingOperationInput, RoutingOperationView, RoutingView };

export interface RoutingPage {
  items: RoutingView[];
  total: number;
}

export interface RoutingQuery {
  page?: number;
  pageSize?: number;
  /** The item's code. */
  itemCode?: string;
}

/** `PUT /routings/:id`: the version and the whole new list of operations. */
export interface RoutingReplaceInput {
  version?: string;
  operations: RoutingOperationInput[];
}

const BASE = '/master-data/routings';

/** Typed client of `/api/v1/master-data/routings` (工艺路线). */
export function createRoutingApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: (query: RoutingQuery = {}) =>
      client.get<RoutingPage>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        itemCode: query.itemCode?.trim(),
      }),
    get: (id: string) => client.get<RoutingView>(one(id)),
    /** 400 on `operations[i].<field>` (unknown work center, a seq twice); 409 on `version`. */
    create: (input: RoutingInput, idempotencyKey?: string) =>
      client.post<RoutingView>(BASE, input, createOptions(idempotencyKey)),
    /** Replaces the operations (and the version when given). */
    replace: (id: string, input: RoutingReplaceInput) =>
      client.put<RoutingView>(one(id), input, { silent: true }),
    /** Makes this version the item's default routing. */
    setDefault: (id: string) => client.post<RoutingView>(`${one(id)}/default`, undefined, { silent: true }),
    remove: (id: string) => client.delete(one(id), { silent: true }),
  };
}

export type RoutingApi = ReturnType<typeof createRoutingApi>;
export const routingApi: RoutingApi = createRoutingApi();
