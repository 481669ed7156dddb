import type { MrpItemKind } from './model';
import type { LineFactor, Qty } from './quantity';

/** A model after validation: items by index, quantities in millionths, dates as day numbers. */

export type LotRule =
  | { rule: 'LFL' }
  | { rule: 'FOQ'; qty: Qty }
  | { rule: 'POQ'; periods: number }
  | { rule: 'MINMULT'; min: Qty; multiple: Qty };

export interface PlanItem {
  index: number;
  code: string;
  kind: MrpItemKind;
  leadTimeDays: number;
  safetyStock: Qty;
  lot: LotRule;
  onHand: Qty;
  allocated: Qty;
}

export interface PlanReceipt {
  item: number;
  /** Due day, dates before `start` moved to `start`. */
  day: number;
  qty: Qty;
  ref: string;
  /** Position in the model's `scheduledReceipts` (breaks ties of equal days). */
  seq: number;
}

export interface PlanDemand {
  item: number;
  day: number;
  qty: Qty;
  /** Index into `demandLabels` (demands sharing a ref share a label). */
  label: number;
}

/** BOM as compressed rows: the lines of parent p are `lineStart[p] .. lineStart[p + 1] - 1`. */
export interface PlanBom {
  lineStart: Int32Array;
  child: Int32Array;
  /** qtyPer × (1 + scrapRate) as an exact fraction. */
  factor: LineFactor[];
  /** Index of the line in the model's `bom`. */
  source: Int32Array;
}

export interface NormalizedModel {
  start: number;
  deferToleranceDays: number;
  items: PlanItem[];
  bom: PlanBom;
  receipts: PlanReceipt[];
  demands: PlanDemand[];
  demandLabels: string[];
}
