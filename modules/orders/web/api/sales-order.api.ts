import type {
  ConfirmSalesOrderResult,
  ConvertToProductionResult,
  OrdersPage,
  SalesOrderInput,
  SalesOrderStatus,
  SalesOrderSummary,
  SalesOrderView,
  SalesReturnInput,
  SalesReturnView,
  ShipmentInput,
  ShipmentView,
} from '@mes/shared';
import { http, type HttpClient, type RequestOptions } from '@mes/web-core';

export type {
  ConfirmSalesOrderResult,
  ConvertToProductionResult,
  SalesOrderInput,
  SalesOrderStatus,
  SalesOrderSummary,
  SalesOrderView,
  SalesReturnInput,
  SalesReturnView,
  ShipmentInput,
  ShipmentView,
};

export interface SalesOrderQuery {
  page?: number;
  pageSize?: number;
  /** Order number or customer PO contains. */
  q?: string;
  status?: SalesOrderStatus | '';
  customerCode?: string;
}

const BASE = '/orders/sales-orders';

/** Silent (the page shows the error itself), with the `Idempotency-Key` when one is given. */
function writeOptions(idempotencyKey?: string): RequestOptions {
  return { silent: true, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) };
}

/** Typed client of `/api/v1/orders/sales-orders` and the actions on one order. */
export function createSalesOrderApi(client: HttpClient = http) {
  const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
  return {
    list: (query: SalesOrderQuery = {}) =>
      client.get<OrdersPage<SalesOrderSummary>>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        q: query.q?.trim() || undefined,
        status: query.status || undefined,
        customerCode: query.customerCode?.trim() || undefined,
      }),
    get: (id: string) => client.get<SalesOrderView>(one(id)),
    create: (input: SalesOrderInput, idempotencyKey?: string) =>
      client.post<SalesOrderView>(BASE, input, writeOptions(idempotencyKey)),
    /** Drafts only. */
    update: (id: string, input: SalesOrderInput) =>
      client.put<SalesOrderView>(one(id), input, writeOptions()),
    confirm: (id: string, reserve: boolean) =>
      client.post<ConfirmSalesOrderResult>(`${one(id)}/confirm`, { reserve }, writeOptions()),
    /** Reserves free stock for what the lines still lack. */
    reserve: (id: string) =>
      client.post<ConfirmSalesOrderResult>(`${one(id)}/reserve`, undefined, writeOptions()),
    convertToProduction: (id: string) =>
      client.post<ConvertToProductionResult>(`${one(id)}/convert-to-production`, undefined, writeOptions()),
    close: (id: string) => client.post<SalesOrderView>(`${one(id)}/close`, undefined, writeOptions()),
    cancel: (id: string) => client.post<SalesOrderView>(`${one(id)}/cancel`, undefined, writeOptions()),
    /** 通知发货: the same key for a re-sent identical shipment makes it apply once. */
    ship: (id: string, input: ShipmentInput, idempotencyKey?: string) =>
      client.post<ShipmentView>(`${one(id)}/shipments`, input, writeOptions(idempotencyKey)),
    /** 销售退货. */
    returnGoods: (id: string, input: SalesReturnInput, idempotencyKey?: string) =>
      client.post<SalesReturnView>(`${one(id)}/returns`, input, writeOptions(idempotencyKey)),
  };
}

export type SalesOrderApi = ReturnType<typeof createSalesOrderApi>;
export const salesOrderApi: SalesOrderApi = createSalesOrderApi();
