import type { Contact, PartnerInput, PartnerView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type { Contact, PartnerInput, PartnerView };

/** Customers (客户) and suppliers (供应商) share one shape and one set of endpoints. */
export type PartnerKind = 'customers' | 'suppliers';

export interface PartnerPage {
  items: PartnerView[];
  total: number;
}

export interface PartnerQuery {
  page?: number;
  pageSize?: number;
  /** Search in code and name. */
  q?: string;
}

/** Typed client of `/api/v1/master-data/customers` or `/api/v1/master-data/suppliers`. */
export function createPartnerApi(kind: PartnerKind, client: HttpClient = http) {
  const base = `/master-data/${kind}`;
  const one = oneOf(base);
  return {
    kind,
    list: (query: PartnerQuery = {}) =>
      client.get<PartnerPage>(base, { page: query.page, pageSize: query.pageSize, q: query.q?.trim() }),
    get: (id: string) => client.get<PartnerView>(one(id)),
    create: (input: PartnerInput, idempotencyKey?: string) =>
      client.post<PartnerView>(base, input, createOptions(idempotencyKey)),
    update: (id: string, patch: Partial<PartnerInput>) =>
      client.patch<PartnerView>(one(id), patch, { silent: true }),
    remove: (id: string) => client.delete(one(id), { silent: true }),
  };
}

export type PartnerApi = ReturnType<typeof createPartnerApi>;
export const customerApi: PartnerApi = createPartnerApi('customers');
export const supplierApi: PartnerApi = createPartnerApi('suppliers');
export const partnerApis: Record<PartnerKind, PartnerApi> = {
  customers: customerApi,
  suppliers: supplierApi,
};
