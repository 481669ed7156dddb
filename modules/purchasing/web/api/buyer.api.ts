import type { BuyerInput, BuyerView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { oneOf, writeOptions, type Page } from './request-options';

export type { BuyerInput, BuyerView };

export interface BuyerQuery {
  page?: number;
  pageSize?: number;
  /** Search in code and name. */
  q?: string;
  active?: boolean | '';
}

const BASE = '/purchasing/buyers';

/** Typed client of `/api/v1/purchasing/buyers` (采购员). */
export function createBuyerApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: (query: BuyerQuery = {}) =>
      client.get<Page<BuyerView>>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        q: query.q?.trim() || undefined,
        active: query.active === '' || query.active === undefined ? undefined : String(query.active),
      }),
    /** 409 `DUPLICATE_CODE` (detail on "code") when the code is taken. */
    create: (input: BuyerInput, idempotencyKey?: string) =>
      client.post<BuyerView>(BASE, input, writeOptions(idempotencyKey)),
    update: (id: string, patch: Partial<BuyerInput>) =>
      client.patch<BuyerView>(one(id), patch, { silent: true }),
  };
}

export type BuyerApi = ReturnType<typeof createBuyerApi>;
export const buyerApi: BuyerApi = createBuyerApi();
