import type {
  ConvertRequisitionsInput,
  PurchaseOrderView,
  RequisitionInput,
  RequisitionSource,
  RequisitionStatus,
  RequisitionView,
} from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { oneOf, writeOptions, type Page } from './request-options';

export type {
  ConvertRequisitionsInput,
  RequisitionInput,
  RequisitionSource,
  RequisitionStatus,
  RequisitionView,
};

export interface RequisitionQuery {
  page?: number;
  pageSize?: number;
  status?: RequisitionStatus | '';
  source?: RequisitionSource | '';
  itemCode?: string;
}

const BASE = '/purchasing/requisitions';

/** Typed client of `/api/v1/purchasing/requisitions` (待采购清单). */
export function createRequisitionApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    list: (query: RequisitionQuery = {}) =>
      client.get<Page<RequisitionView>>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        status: query.status || undefined,
        source: query.source || undefined,
        itemCode: query.itemCode?.trim() || undefined,
      }),
    create: (input: RequisitionInput, idempotencyKey?: string) =>
      client.post<RequisitionView>(BASE, input, writeOptions(idempotencyKey)),
    cancel: (id: string) => client.post<RequisitionView>(`${one(id)}/cancel`, undefined, { silent: true }),
    /** Selected open lines → draft orders, one per supplier. */
    convert: (input: ConvertRequisitionsInput, idempotencyKey?: string) =>
      client.post<{ orders: PurchaseOrderView[] }>(`${BASE}/convert`, input, writeOptions(idempotencyKey)),
  };
}

export type RequisitionApi = ReturnType<typeof createRequisitionApi>;
export const requisitionApi: RequisitionApi = createRequisitionApi();
