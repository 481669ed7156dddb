import type { LatestPriceView, SupplierPriceInput, SupplierPriceView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { oneOf, writeOptions, type Page } from './request-options';

export type { LatestPriceView, SupplierPriceInput, SupplierPriceView };

export interface PriceQuery {
  page?: number;
  pageSize?: number;
  supplierCode?: string;
  itemCode?: string;
  /** Only prices in effect on this date (`YYYY-MM-DD`). */
  onDate?: string;
}

export interface LatestPriceQuery {
  page?: number;
  pageSize?: number;
  itemCode?: string;
  supplierCode?: string;
  /** One row per item and supplier instead of per item. */
  bySupplier?: boolean;
}

const BASE = '/purchasing/prices';
const blankToUndefined = (v: string | undefined) => v?.trim() || undefined;

/** Typed client of `/api/v1/purchasing/prices` (物料采购价格, 最新采购价格). */
export function createPriceApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: (query: PriceQuery = {}) =>
      client.get<Page<SupplierPriceView>>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        supplierCode: blankToUndefined(query.supplierCode),
        itemCode: blankToUndefined(query.itemCode),
        onDate: blankToUndefined(query.onDate),
      }),
    /** The supplier's price in effect on a date for a quantity; 404 when there is none. */
    effective: (supplierCode: string, itemCode: string, date?: string, qty?: string) =>
      client.get<SupplierPriceView>(
        `${BASE}/effective`,
        { supplierCode, itemCode, date: blankToUndefined(date), qty: blankToUndefined(qty) },
        { silent: true },
      ),
    latest: (query: LatestPriceQuery = {}) =>
      client.get<Page<LatestPriceView>>(`${BASE}/latest`, {
        page: query.page,
        pageSize: query.pageSize,
        itemCode: blankToUndefined(query.itemCode),
        supplierCode: blankToUndefined(query.supplierCode),
        bySupplier: query.bySupplier ? 'true' : undefined,
      }),
    create: (input: SupplierPriceInput, idempotencyKey?: string) =>
      client.post<SupplierPriceView>(BASE, input, writeOptions(idempotencyKey)),
    replace: (id: string, input: SupplierPriceInput) =>
      client.put<SupplierPriceView>(one(id), input, { silent: true }),
    remove: (id: string) => client.delete(one(id), { silent: true }),
  };
}

export type PriceApi = ReturnType<typeof createPriceApi>;
export const priceApi: PriceApi = createPriceApi();
