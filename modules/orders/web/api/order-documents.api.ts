import type {
  OrderProgressRow,
  OrdersPage,
  SalesOrderStatus,
  SalesReturnView,
  ShipmentView,
  WorkOrderRequestStatus,
  WorkOrderRequestView,
} from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';

export type { OrderProgressRow, WorkOrderRequestStatus, WorkOrderRequestView };

export interface DocumentQuery {
  page?: number;
  pageSize?: number;
  orderNo?: string;
  customerCode?: string;
}

export interface ProgressQuery extends DocumentQuery {
  status?: SalesOrderStatus | '';
  itemCode?: string;
}

export interface RequestQuery {
  page?: number;
  pageSize?: number;
  status?: WorkOrderRequestStatus | '';
  orderNo?: string;
  itemCode?: string;
}

const blank = (v: string | undefined) => v?.trim() || undefined;

/** Typed client of the order documents: shipments, returns, work-order requests, the progress view. */
export function createOrderDocumentsApi(client: HttpClient = http) {
  const docQuery = (q: DocumentQuery) => ({
    page: q.page,
    pageSize: q.pageSize,
    orderNo: blank(q.orderNo),
    customerCode: blank(q.customerCode),
  });
  return {
    shipments: (q: DocumentQuery = {}) =>
      client.get<OrdersPage<ShipmentView>>('/orders/shipments', docQuery(q)),
    shipment: (id: string) => client.get<ShipmentView>(`/orders/shipments/${encodeURIComponent(id)}`),
    returns: (q: DocumentQuery = {}) =>
      client.get<OrdersPage<SalesReturnView>>('/orders/returns', docQuery(q)),
    progress: (q: ProgressQuery = {}) =>
      client.get<OrdersPage<OrderProgressRow>>('/orders/progress', {
        ...docQuery(q),
        status: q.status || undefined,
        itemCode: blank(q.itemCode),
      }),
    workOrderRequests: (q: RequestQuery = {}) =>
      client.get<OrdersPage<WorkOrderRequestView>>('/orders/work-order-requests', {
        page: q.page,
        pageSize: q.pageSize,
        status: q.status || undefined,
        orderNo: blank(q.orderNo),
        itemCode: blank(q.itemCode),
      }),
    cancelWorkOrderRequest: (id: string) =>
      client.post<WorkOrderRequestView>(
        `/orders/work-order-requests/${encodeURIComponent(id)}/cancel`,
        undefined,
        { silent: true },
      ),
  };
}

export type OrderDocumentsApi = ReturnType<typeof createOrderDocumentsApi>;
export const orderDocumentsApi: OrderDocumentsApi = createOrderDocumentsApi();
