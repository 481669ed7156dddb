import type {
  PendingReceiptRow,
  PurchaseOrderInput,
  PurchaseOrderStatus,
  PurchaseOrderSummary,
  PurchaseOrderView,
  PurchaseReceiptKind,
  PurchaseReceiptView,
  ReceiptInput,
} from '@mes/shared';
import { ApiError, ClientErrorCode, http, toApiError, type HttpClient } from '@mes/web-core';
import { oneOf, writeOptions, type Page } from './request-options';

export type {
  PendingReceiptRow,
  PurchaseOrderInput,
  PurchaseOrderStatus,
  PurchaseOrderSummary,
  PurchaseOrderView,
  PurchaseReceiptKind,
  PurchaseReceiptView,
  ReceiptInput,
};

export interface OrderQuery {
  page?: number;
  pageSize?: number;
  status?: PurchaseOrderStatus | '';
  supplierCode?: string;
  itemCode?: string;
  /** Order number contains. */
  q?: string;
  from?: string;
  to?: string;
}

export interface PendingQuery {
  page?: number;
  pageSize?: number;
  supplierCode?: string;
  itemCode?: string;
  overdue?: boolean;
}

const BASE = '/purchasing/orders';
const text = (v: string | undefined) => v?.trim() || undefined;

/**
 * Typed client of `/api/v1/purchasing/orders` (采购订单) with its receipts and returns, the
 * pending-receipt list (待收货) and the printed order (PDF).
 */
export function createPurchaseOrderApi(
  client: HttpClient = http,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
) {
  const one = oneOf(BASE);
  return {
    list: (query: OrderQuery = {}) =>
      client.get<Page<PurchaseOrderSummary>>(BASE, {
        page: query.page,
        pageSize: query.pageSize,
        status: query.status || undefined,
        supplierCode: text(query.supplierCode),
        itemCode: text(query.itemCode),
        q: text(query.q),
        from: text(query.from),
        to: text(query.to),
      }),
    get: (id: string) => client.get<PurchaseOrderView>(one(id)),
    create: (input: PurchaseOrderInput, idempotencyKey?: string) =>
      client.post<PurchaseOrderView>(BASE, input, writeOptions(idempotencyKey)),
    /** A draft's header and lines replaced whole. */
    replace: (id: string, input: PurchaseOrderInput) =>
      client.put<PurchaseOrderView>(one(id), input, { silent: true }),
    approve: (id: string) =>
      client.post<PurchaseOrderView>(`${one(id)}/approve`, undefined, { silent: true }),
    cancel: (id: string) => client.post<PurchaseOrderView>(`${one(id)}/cancel`, undefined, { silent: true }),
    close: (id: string) => client.post<PurchaseOrderView>(`${one(id)}/close`, undefined, { silent: true }),
    /** 409 `OVER_RECEIPT` naming `lines[i].qty` beyond ordered × (1 + tolerance). */
    receive: (id: string, input: ReceiptInput, idempotencyKey?: string) =>
      client.post<PurchaseReceiptView>(`${one(id)}/receipts`, input, writeOptions(idempotencyKey)),
    /** 409 `OVER_RETURN` beyond received − returned; 409 `INSUFFICIENT_STOCK` beyond stock. */
    returnGoods: (id: string, input: ReceiptInput, idempotencyKey?: string) =>
      client.post<PurchaseReceiptView>(`${one(id)}/returns`, input, writeOptions(idempotencyKey)),
    receipts: (orderId: string) =>
      client.get<Page<PurchaseReceiptView>>('/purchasing/receipts', { orderId, pageSize: 500 }),
    pending: (query: PendingQuery = {}) =>
      client.get<Page<PendingReceiptRow>>('/purchasing/pending-receipts', {
        page: query.page,
        pageSize: query.pageSize,
        supplierCode: text(query.supplierCode),
        itemCode: text(query.itemCode),
        overdue: query.overdue ? 'true' : undefined,
      }),
    /** The printed order as a PDF blob (bearer token, one refresh on 401). */
    async pdf(id: string): Promise<Blob> {
      const url = `${client.baseUrl}${one(id)}/pdf`;
      const attempt = async (token: string | null) => {
        try {
          return await fetchImpl(url, {
            headers: { Accept: 'application/pdf', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          });
        } catch (e) {
          throw new ApiError(0, ClientErrorCode.NETWORK_ERROR, e instanceof Error ? e.message : String(e));
        }
      };
      const token = await client.freshAccessToken();
      let res = await attempt(token);
      if (res.status === 401 && token && (await client.refresh()))
        res = await attempt(await client.freshAccessToken());
      if (!res.ok) {
        const body: unknown = await res.json().catch(() => undefined);
        throw toApiError(res.status, res.statusText, body);
      }
      return res.blob();
    },
  };
}

export type PurchaseOrderApi = ReturnType<typeof createPurchaseOrderApi>;
export const purchaseOrderApi: PurchaseOrderApi = createPurchaseOrderApi();
