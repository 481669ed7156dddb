import type { BomInput, BomLineInput, BomLineView, BomTreeNode, BomView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type { BomInput, BomLineInput, BomLineView, BomTreeNode, BomView };

export interface BomPage {
  items: BomView[];
  total: number;
}

export interface BomQuery {
  page?: number;
  pageSize?: number;
  /** The parent item's code. */
  itemCode?: string;
}

/** `PUT /boms/:id`: the version and the whole new list of lines. */
export interface BomReplaceInput {
  version?: string;
  lines: BomLineInput[];
}

const BASE = '/master-data/boms';

/** Typed client of `/api/v1/master-data/boms` (物料清单). */
export function createBomApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: (query: BomQuery = {}) =>
      client.get<BomPage>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        itemCode: query.itemCode?.trim(),
      }),
    get: (id: string) => client.get<BomView>(one(id)),
    /** 409 `BOM_CYCLE` (details: the cycle's item codes, field "lines") when a line closes a loop. */
    create: (input: BomInput, idempotencyKey?: string) =>
      client.post<BomView>(BASE, input, createOptions(idempotencyKey)),
    /** Replaces the lines (and the version when given). */
    replace: (id: string, input: BomReplaceInput) => client.put<BomView>(one(id), input, { silent: true }),
    /** Makes this version the item's default BOM. */
    setDefault: (id: string) => client.post<BomView>(`${one(id)}/default`, undefined, { silent: true }),
    /** An order-specific copy (订单BOM) for `orderRef`. */
    copy: (id: string, orderRef: string, idempotencyKey?: string) =>
      client.post<BomView>(`${one(id)}/copy`, { orderRef }, createOptions(idempotencyKey)),
    remove: (id: string) => client.delete(one(id), { silent: true }),
    /** Multi-level explosion of `itemCode` over the default BOMs. */
    tree: (itemCode: string) => client.get<BomTreeNode>(`${BASE}/tree`, { itemCode }),
  };
}

export type BomApi = ReturnType<typeof createBomApi>;
export const bomApi: BomApi = createBomApi();
