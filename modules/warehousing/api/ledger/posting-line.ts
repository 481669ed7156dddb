import type { ItemRef, WarehouseRef } from '@mes/master-data-api';
import type { Dec, MovementType } from '@mes/shared';

/** One line of a document as callers (HTTP, purchasing, orders, shop floor) hand it to the ledger. */
export interface LedgerLine {
  itemCode: string;
  warehouseCode: string;
  locationCode?: string | null;
  lot?: string | null;
  /** Decimal string; > 0 except for `adjustment`/`stocktake`, where the sign is the direction. */
  qty: string;
  toWarehouseCode?: string | null;
  toLocationCode?: string | null;
  /** Where a validation error about this line points, e.g. `lines[2]`; defaults to the line index. */
  field?: string;
}

export interface LedgerDocument {
  type: MovementType;
  ref?: string | null;
  note?: string | null;
  lines: LedgerLine[];
  /** The supplier a receipt came from (recorded on new lots). */
  supplierId?: string | null;
  /** Stock reserved for this demand may be consumed by this (outbound) document first. */
  consumeReservationsOf?: { demandType: string; demandRef: string } | null;
}

/** A line resolved against master data: ids, codes and an exact signed quantity. */
export interface PostingLine {
  field: string;
  item: ItemRef;
  warehouse: WarehouseRef;
  locationId: string | null;
  locationCode: string | null;
  /** '' when the item is not lot-tracked, or the lot is to be chosen FIFO on the way out. */
  lot: string;
  /** Outbound only: the location and lot were given, so take exactly that balance. */
  exact: boolean;
  /** Signed: + in, − out. */
  qty: Dec;
}
