/**
 * The MRP planning model and result as PLANNING-FORMATS.md describes them (JSON shapes), plus the
 * richer time-phased record the `mrp` module shows. Quantities are decimal strings, dates `YYYY-MM-DD`.
 */

export type MrpLotSizing =
  | { rule: 'LFL' }
  | { rule: 'FOQ'; qty: string }
  | { rule: 'POQ'; periods: number }
  | { rule: 'MINMULT'; min?: string; multiple: string };

export type MrpItemKind = 'make' | 'buy';

export interface MrpItemInput {
  code: string;
  type: MrpItemKind;
  /** Calendar days; default 0. */
  leadTimeDays?: number;
  /** Default "0". */
  safetyStock?: string;
  /** Default LFL. */
  lotSizing?: MrpLotSizing;
}

export interface MrpBomLineInput {
  parent: string;
  child: string;
  qtyPer: string;
  /** In [0, 1); default "0". */
  scrapRate?: string;
}

export interface MrpStockInput {
  item: string;
  qty: string;
}

export interface MrpScheduledReceiptInput {
  item: string;
  qty: string;
  due: string;
  kind?: string;
  ref?: string;
}

export interface MrpDemandInput {
  item: string;
  qty: string;
  due: string;
  ref?: string;
}

export interface MrpOptionsInput {
  /** A receipt due more than this many days before it is first needed gets DEFER; default 3. */
  deferToleranceDays?: number;
}

export interface MrpModel {
  start: string;
  items: MrpItemInput[];
  bom?: MrpBomLineInput[];
  onHand?: MrpStockInput[];
  allocated?: MrpStockInput[];
  scheduledReceipts?: MrpScheduledReceiptInput[];
  demands?: MrpDemandInput[];
  options?: MrpOptionsInput;
}

export const DEFAULT_DEFER_TOLERANCE_DAYS = 3;

export interface MrpPeg {
  /** The top-level demand's `ref`, or `item@due#n` for a demand without one. */
  demand: string;
  qty: string;
}

export interface MrpPlannedOrder {
  item: string;
  kind: MrpItemKind;
  qty: string;
  release: string;
  due: string;
  pegs: MrpPeg[];
}

export type MrpExceptionType = 'PAST_DUE_RELEASE' | 'EXPEDITE' | 'CANCEL' | 'DEFER';

export interface MrpException {
  type: MrpExceptionType;
  item: string;
  /** The scheduled receipt's ref (EXPEDITE, CANCEL, DEFER). */
  ref?: string;
  /** Receipt due date, or a planned order's release date (PAST_DUE_RELEASE). */
  date?: string;
  /** The day the receipt (or the planned order) is needed. */
  neededOn?: string;
  message: string;
}

export interface MrpResult {
  plannedOrders: MrpPlannedOrder[];
  exceptions: MrpException[];
}

/** One bucket of an item's time-phased record (only days on which something happens). */
export interface MrpRecordBucket {
  date: string;
  gross: string;
  scheduledReceipts: string;
  /** PAB at the end of the day, planned receipts included. */
  projectedBalance: string;
  /** How far the balance would fall below safety stock without a planned receipt that day. */
  netRequirement: string;
  plannedReceipts: string;
  plannedReleases: string;
}

export interface MrpItemRecord {
  item: string;
  kind: MrpItemKind;
  lowLevelCode: number;
  leadTimeDays: number;
  safetyStock: string;
  onHand: string;
  allocated: string;
  /** On hand − allocated at `start`. */
  available: string;
  buckets: MrpRecordBucket[];
}

export interface MrpPlanOptions {
  /** Also return the time-phased record of every item. */
  records?: boolean;
  /** Called with a fraction in [0, 1] as items are planned (ends with 1). */
  onProgress?: (fraction: number) => void;
}

export interface MrpResultWithRecords extends MrpResult {
  records: MrpItemRecord[];
}
