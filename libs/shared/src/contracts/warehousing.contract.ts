/**
 * Warehousing (仓储管理) API shapes, shared by the API and the web. Quantities are decimal strings.
 * Stock is a ledger: every change is a movement; balances per (item, warehouse, location, lot) are
 * maintained in the same transaction and always equal the sum of their movements.
 */

/** Movement types that add stock (入库). */
export const INBOUND_MOVEMENT_TYPES = [
  'receipt',
  'opening',
  'purchase_receipt',
  'production_receipt',
  'outsourcing_in',
  'sales_return',
  'other_in',
] as const;

/** Movement types that take stock away (出库). */
export const OUTBOUND_MOVEMENT_TYPES = [
  'issue',
  'purchase_return',
  'production_issue',
  'outsourcing_out',
  'sales_issue',
  'scrap',
  'other_out',
] as const;

/** Every movement type the ledger records. `adjustment` and `stocktake` carry a signed quantity. */
export const MOVEMENT_TYPES = [
  ...INBOUND_MOVEMENT_TYPES,
  ...OUTBOUND_MOVEMENT_TYPES,
  'transfer',
  'adjustment',
  'stocktake',
] as const;

export type InboundMovementType = (typeof INBOUND_MOVEMENT_TYPES)[number];
export type OutboundMovementType = (typeof OUTBOUND_MOVEMENT_TYPES)[number];
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** What `POST /warehousing/movements` takes (API-CONTRACT.md), plus a destination for transfers. */
export interface MovementInput {
  type: MovementType;
  itemCode: string;
  warehouseCode: string;
  locationCode?: string;
  lot?: string;
  /** > 0, except `adjustment`, where the sign says gain or loss. */
  qty: string;
  toWarehouseCode?: string;
  toLocationCode?: string;
  ref?: string;
  note?: string;
}

/** Several lines posted as one document (批量手工收货, scanned receipts). */
export interface MovementBatchInput {
  type: MovementType;
  warehouseCode: string;
  ref?: string;
  note?: string;
  lines: {
    itemCode: string;
    locationCode?: string;
    lot?: string;
    qty: string;
    toWarehouseCode?: string;
    toLocationCode?: string;
  }[];
}

/** One ledger row; a transfer posts two (out of the source, into the destination). */
export interface MovementView {
  id: string;
  docNo: string;
  type: MovementType;
  itemCode: string;
  itemName: string;
  warehouseCode: string;
  locationCode: string | null;
  lot: string | null;
  /** Signed: + into stock, − out of it. */
  qty: string;
  ref: string | null;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

/** A posted document: its number and its ledger rows. */
export interface MovementDocView {
  docNo: string;
  movements: MovementView[];
}

export interface StockRow {
  itemCode: string;
  itemName: string;
  unit: string;
  warehouseCode: string;
  locationCode: string | null;
  lot: string | null;
  onHand: string;
  reserved: string;
  available: string;
  /** Held for inspection (待检): not available for issue or reservation. */
  held: boolean;
  lastMovementAt: string;
}

export interface StockByItemRow {
  itemCode: string;
  itemName: string;
  unit: string;
  onHand: string;
  reserved: string;
  available: string;
  held: string;
}

export type DemandType = 'sales_order' | 'work_order' | 'other';

export interface ReservationInput {
  itemCode: string;
  /** Omitted: any warehouse, oldest stock first. */
  warehouseCode?: string;
  qty: string;
  demandType: DemandType;
  demandRef: string;
  /** Reserve what is available when it is less than qty (otherwise 409 INSUFFICIENT_STOCK). */
  partial?: boolean;
}

export type ReservationStatus = 'open' | 'consumed' | 'released';

export interface ReservationView {
  id: string;
  itemCode: string;
  itemName: string;
  warehouseCode: string;
  locationCode: string | null;
  lot: string | null;
  qty: string;
  /** What is still held (qty less what was issued against it). */
  openQty: string;
  demandType: DemandType;
  demandRef: string;
  status: ReservationStatus;
  createdAt: string;
}

/** A FIFO suggestion: the lots to take, oldest receipt first. */
export interface FifoPick {
  warehouseCode: string;
  locationCode: string | null;
  lot: string | null;
  qty: string;
  available: string;
  receivedAt: string;
}

export interface AgeingBucket {
  /** Upper bound in days (inclusive); null for the last, open bucket. */
  maxDays: number | null;
  label: string;
}

export interface AgeingRow {
  itemCode: string;
  itemName: string;
  warehouseCode: string;
  onHand: string;
  /** Quantity per bucket, same order as `buckets`. */
  buckets: string[];
  oldestDays: number;
}

export interface AgeingReport {
  buckets: AgeingBucket[];
  items: AgeingRow[];
}

export interface StockStatisticsRow {
  itemCode: string;
  itemName: string;
  opening: string;
  inbound: string;
  outbound: string;
  closing: string;
  byType: Partial<Record<MovementType, string>>;
}

export type StocktakeStatus = 'counting' | 'posted' | 'cancelled';

export interface StocktakeInput {
  warehouseCode: string;
  locationCode?: string;
  itemCodes?: string[];
  note?: string;
}

export interface StocktakeLineView {
  id: string;
  itemCode: string;
  itemName: string;
  locationCode: string | null;
  lot: string | null;
  /** Book quantity frozen when the sheet was made. */
  frozenQty: string;
  countedQty: string | null;
  /** counted − frozen, once counted. */
  variance: string | null;
  countedBy: string | null;
  countedAt: string | null;
}

export interface StocktakeView {
  id: string;
  no: string;
  warehouseCode: string;
  locationCode: string | null;
  status: StocktakeStatus;
  note: string;
  lineCount: number;
  countedCount: number;
  lines: StocktakeLineView[];
  createdAt: string;
  postedAt: string | null;
  postedDocNo: string | null;
}

export interface StocktakeCountInput {
  counts: {
    /** A sheet line, or a new line found on the shelf (item, location, lot). */
    lineId?: string;
    itemCode?: string;
    locationCode?: string;
    lot?: string;
    countedQty: string;
  }[];
}
