import type {
  AgeingReport,
  AgeingRow,
  DemandType,
  FifoPick,
  MovementBatchInput,
  MovementDocView,
  MovementInput,
  MovementType,
  MovementView,
  ReservationInput,
  ReservationStatus,
  ReservationView,
  StockByItemRow,
  StockRow,
  StockStatisticsRow,
  StocktakeCountInput,
  StocktakeInput,
  StocktakeStatus,
  StocktakeView,
} from '@mes/shared';
import { http, type HttpClient, type RequestOptions } from '@mes/web-core';

export type {
  AgeingReport,
  AgeingRow,
  DemandType,
  FifoPick,
  MovementBatchInput,
  MovementDocView,
  MovementInput,
  MovementType,
  MovementView,
  ReservationInput,
  ReservationStatus,
  ReservationView,
  StockByItemRow,
  StockRow,
  StockStatisticsRow,
  StocktakeCountInput,
  StocktakeInput,
  StocktakeStatus,
  StocktakeView,
};

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface StockQuery extends PageQuery {
  itemCode?: string;
  warehouseCode?: string;
  locationCode?: string;
  lot?: string;
  q?: string;
  includeZero?: boolean;
}

export interface MovementQuery extends PageQuery {
  itemCode?: string;
  warehouseCode?: string;
  type?: MovementType | '';
  docNo?: string;
  ref?: string;
  lot?: string;
  /** ISO date-times. */
  from?: string;
  to?: string;
  q?: string;
}

export interface ReservationQuery extends PageQuery {
  itemCode?: string;
  demandType?: DemandType | '';
  demandRef?: string;
  status?: ReservationStatus | '';
}

/** `POST /movements` answers with its first ledger row plus the document. */
export type PostedMovement = MovementView & MovementDocView;

const BASE = '/warehousing';
const enc = encodeURIComponent;
const trimmed = (v: string | undefined) => v?.trim() || undefined;

/**
 * Options of a write: silent (the page shows the error where it belongs) and, when given, the
 * `Idempotency-Key` that makes a re-sent identical request apply once (scanners and Wi-Fi retry).
 */
export function writeOptions(idempotencyKey?: string): RequestOptions {
  return { silent: true, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) };
}

/** Typed client of `/api/v1/warehousing` (仓储管理). */
export function createWarehousingApi(client: HttpClient = http) {
  return {
    stock: (q: StockQuery = {}) =>
      client.get<Page<StockRow>>(`${BASE}/stock`, {
        itemCode: trimmed(q.itemCode),
        warehouseCode: q.warehouseCode,
        locationCode: q.locationCode,
        lot: trimmed(q.lot),
        q: trimmed(q.q),
        includeZero: q.includeZero ? true : undefined,
        page: q.page,
        pageSize: q.pageSize,
      }),
    stockByItem: (q: { q?: string; warehouseCode?: string; page?: number; pageSize?: number } = {}) =>
      client.get<Page<StockByItemRow>>(`${BASE}/stock/by-item`, {
        q: trimmed(q.q),
        warehouseCode: q.warehouseCode,
        page: q.page,
        pageSize: q.pageSize,
      }),
    movements: (q: MovementQuery = {}) =>
      client.get<Page<MovementView>>(`${BASE}/movements`, {
        itemCode: trimmed(q.itemCode),
        warehouseCode: q.warehouseCode,
        type: q.type,
        docNo: trimmed(q.docNo),
        ref: trimmed(q.ref),
        lot: trimmed(q.lot),
        from: q.from,
        to: q.to,
        q: trimmed(q.q),
        page: q.page,
        pageSize: q.pageSize,
      }),
    document: (docNo: string) => client.get<MovementDocView>(`${BASE}/documents/${enc(docNo)}`),
    /** One movement; 409 `INSUFFICIENT_STOCK` (detail on `qty`) when stock is short. */
    postMovement: (input: MovementInput, idempotencyKey?: string) =>
      client.post<PostedMovement>(`${BASE}/movements`, input, writeOptions(idempotencyKey)),
    /** A document of several lines; errors name `lines[i].field`. */
    postDocument: (input: MovementBatchInput, idempotencyKey?: string) =>
      client.post<MovementDocView>(`${BASE}/documents`, input, writeOptions(idempotencyKey)),
    fifo: (itemCode: string, qty: string, warehouseCode?: string) =>
      client.get<{ picks: FifoPick[]; shortage: string }>(
        `${BASE}/fifo`,
        { itemCode, warehouseCode, qty },
        { silent: true },
      ),
    ageing: (
      q: { warehouseCode?: string; itemCode?: string; q?: string; buckets?: readonly number[] } = {},
    ) =>
      client.get<AgeingReport>(`${BASE}/ageing`, {
        warehouseCode: q.warehouseCode,
        itemCode: trimmed(q.itemCode),
        q: trimmed(q.q),
        buckets: q.buckets?.length ? q.buckets.join(',') : undefined,
      }),
    statistics: (
      q: { from?: string; to?: string; warehouseCode?: string; itemCode?: string; q?: string } = {},
    ) =>
      client.get<{ items: StockStatisticsRow[] }>(`${BASE}/statistics`, {
        from: q.from,
        to: q.to,
        warehouseCode: q.warehouseCode,
        itemCode: trimmed(q.itemCode),
        q: trimmed(q.q),
      }),
    reservations: (q: ReservationQuery = {}) =>
      client.get<Page<ReservationView>>(`${BASE}/reservations`, {
        itemCode: trimmed(q.itemCode),
        demandType: q.demandType,
        demandRef: trimmed(q.demandRef),
        status: q.status,
        page: q.page,
        pageSize: q.pageSize,
      }),
    /** What was reserved ("0" when nothing was free and `partial`), one reservation per balance drawn on. */
    reserve: (input: ReservationInput, idempotencyKey?: string) =>
      client.post<{ reserved: string; reservations: ReservationView[] }>(
        `${BASE}/reservations`,
        input,
        writeOptions(idempotencyKey),
      ),
    release: (id: string) =>
      client.post<ReservationView>(`${BASE}/reservations/${enc(id)}/release`, {}, { silent: true }),
    stocktakes: (q: { status?: StocktakeStatus | ''; page?: number; pageSize?: number } = {}) =>
      client.get<Page<StocktakeView>>(`${BASE}/stocktakes`, {
        status: q.status,
        page: q.page,
        pageSize: q.pageSize,
      }),
    stocktake: (id: string) => client.get<StocktakeView>(`${BASE}/stocktakes/${enc(id)}`),
    createStocktake: (input: StocktakeInput, idempotencyKey?: string) =>
      client.post<StocktakeView>(`${BASE}/stocktakes`, input, writeOptions(idempotencyKey)),
    count: (id: string, input: StocktakeCountInput, idempotencyKey?: string) =>
      client.post<StocktakeView>(`${BASE}/stocktakes/${enc(id)}/counts`, input, writeOptions(idempotencyKey)),
    postStocktake: (id: string) =>
      client.post<StocktakeView>(`${BASE}/stocktakes/${enc(id)}/post`, {}, { silent: true }),
    cancelStocktake: (id: string) =>
      client.post<StocktakeView>(`${BASE}/stocktakes/${enc(id)}/cancel`, {}, { silent: true }),
  };
}

export type WarehousingApi = ReturnType<typeof createWarehousingApi>;
export const warehousingApi: WarehousingApi = createWarehousingApi();
