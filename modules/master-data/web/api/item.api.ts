import type {
  ItemInput,
  ItemQuery,
  ItemStatus,
  ItemType,
  ItemView,
  LotSizing,
  MakeOrBuy,
  UnitConversion,
  WhereUsedRow,
} from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type {
  ItemInput,
  ItemQuery,
  ItemStatus,
  ItemType,
  ItemView,
  LotSizing,
  MakeOrBuy,
  UnitConversion,
  WhereUsedRow,
};

export interface ItemPage {
  items: ItemView[];
  total: number;
}

/** A list filter as the page holds it: '' for "all". */
export type ItemFilter = Omit<ItemQuery, 'type' | 'makeOrBuy' | 'status'> & {
  type?: ItemType | '';
  makeOrBuy?: MakeOrBuy | '';
  status?: ItemStatus | '';
};

const BASE = '/master-data/items';

/** Typed client of `/api/v1/master-data/items` (物料). */
export function createItemApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: (query: ItemFilter = {}) =>
      client.get<ItemPage>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        code: query.code?.trim(),
        q: query.q?.trim(),
        type: query.type,
        makeOrBuy: query.makeOrBuy,
        status: query.status,
      }),
    get: (id: string) => client.get<ItemView>(one(id)),
    /** 409 `DUPLICATE_CODE` (detail on "code") when the code is taken. */
    create: (input: ItemInput, idempotencyKey?: string) =>
      client.post<ItemView>(BASE, input, createOptions(idempotencyKey)),
    update: (id: string, patch: Partial<ItemInput>) =>
      client.patch<ItemView>(one(id), patch, { silent: true }),
    /** 409 `IN_USE` while a BOM uses the item. */
    remove: (id: string) => client.delete(one(id), { silent: true }),
    /** The BOMs that use the item as a component. */
    whereUsed: (id: string) => client.get<{ items: WhereUsedRow[] }>(`${one(id)}/where-used`),
  };
}

export type ItemApi = ReturnType<typeof createItemApi>;
export const itemApi: ItemApi = createItemApi();

/** The item pickers' search: the first 20 active items whose code or name matches. */
export const searchActiveItems = async (q: string): Promise<ItemView[]> =>
  (await itemApi.list({ q, pageSize: 20, status: 'active' })).items;
