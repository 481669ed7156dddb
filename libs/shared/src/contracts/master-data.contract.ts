/**
 * Master data (主数据管理) API shapes, shared by the API and the web. Quantities are decimal strings,
 * normalised without trailing zeros ("0.000001", "24", "12.5").
 */

export type ItemType = 'raw' | 'semi' | 'finished' | 'consumable' | 'spare';
export type MakeOrBuy = 'make' | 'buy';
export type ItemStatus = 'active' | 'obsolete';

/** Lot sizing as PLANNING-FORMATS.md. */
export type LotSizing =
  | { rule: 'LFL' }
  | { rule: 'FOQ'; qty: string }
  | { rule: 'POQ'; periods: number }
  | { rule: 'MINMULT'; min: string; multiple: string };

export interface UnitView {
  id: string;
  code: string;
  name: string;
  /** Decimal places shown and accepted for quantities in this unit (0–6). */
  precision: number;
}

export interface UnitInput {
  code: string;
  name: string;
  precision?: number;
}

/** 1 `unit` = `factor` × the item's base unit (1 箱 = 24 个 → { unit: "箱", factor: "24" }). */
export interface UnitConversion {
  unit: string;
  factor: string;
}

export interface ItemView {
  id: string;
  code: string;
  name: string;
  spec: string;
  type: ItemType;
  baseUnit: string;
  makeOrBuy: MakeOrBuy;
  leadTimeDays: number;
  safetyStock: string;
  lotSizing: LotSizing;
  lotTracked: boolean;
  barcode: string | null;
  defaultWarehouseCode: string | null;
  inspectionRequired: boolean;
  status: ItemStatus;
  conversions: UnitConversion[];
  createdAt: string;
  updatedAt: string;
}

export interface ItemInput {
  code: string;
  name: string;
  spec?: string;
  type: ItemType;
  baseUnit: string;
  makeOrBuy: MakeOrBuy;
  leadTimeDays?: number;
  safetyStock?: string;
  lotSizing?: LotSizing;
  lotTracked?: boolean;
  barcode?: string | null;
  defaultWarehouseCode?: string | null;
  inspectionRequired?: boolean;
  status?: ItemStatus;
  conversions?: UnitConversion[];
}

export interface ItemQuery {
  page?: number;
  pageSize?: number;
  /** Exact code. */
  code?: string;
  /** Search in code, name, spec, barcode. */
  q?: string;
  type?: ItemType;
  makeOrBuy?: MakeOrBuy;
  status?: ItemStatus;
}

export interface LocationView {
  id: string;
  code: string;
  name: string;
}

export interface WarehouseView {
  id: string;
  code: string;
  name: string;
  address: string;
  /** Stock here may go below zero (default false). */
  allowNegativeStock: boolean;
  locations: LocationView[];
  createdAt: string;
}

export interface WarehouseInput {
  code: string;
  name: string;
  address?: string;
  allowNegativeStock?: boolean;
  locations?: { code: string; name: string }[];
}

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
  title?: string;
}

export interface PartnerView {
  id: string;
  code: string;
  name: string;
  taxId: string;
  address: string;
  paymentTerms: string;
  contacts: Contact[];
  status: 'active' | 'inactive';
  createdAt: string;
}

export interface PartnerInput {
  code: string;
  name: string;
  taxId?: string;
  address?: string;
  paymentTerms?: string;
  contacts?: Contact[];
  status?: 'active' | 'inactive';
}

export interface BomLineView {
  id: string;
  seq: number;
  itemCode: string;
  itemName: string;
  unit: string;
  qtyPer: string;
  scrapRate: string;
  /** The routing operation (seq) that consumes this component, if any. */
  operationSeq: number | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface BomView {
  id: string;
  itemCode: string;
  itemName: string;
  version: string;
  isDefault: boolean;
  status: 'active' | 'obsolete';
  /** Set on order-specific copies (订单BOM). */
  orderRef: string | null;
  lines: BomLineView[];
  createdAt: string;
}

export interface BomLineInput {
  itemCode: string;
  qtyPer: string;
  scrapRate?: string;
  operationSeq?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface BomInput {
  itemCode: string;
  version?: string;
  isDefault?: boolean;
  lines: BomLineInput[];
}

/** One node of a multi-level explosion (default BOMs), quantities per one unit of the root. */
export interface BomTreeNode {
  itemCode: string;
  itemName: string;
  level: number;
  qtyPer: string;
  /** Cumulative quantity per one root, scrap included. */
  totalQty: string;
  unit: string;
  bomVersion: string | null;
  children: BomTreeNode[];
}

export interface WhereUsedRow {
  parentCode: string;
  parentName: string;
  bomVersion: string;
  isDefault: boolean;
  qtyPer: string;
}

/** A shift calendar: the definition is the `CalendarDefinition` of libs/shared/calendar (JSON). */
export interface CalendarView {
  id: string;
  code: string;
  name: string;
  definition: unknown;
  /** Working minutes of a normal week, for a quick read of the calendar. */
  weeklyMinutes: number;
  createdAt: string;
}

export interface CalendarInput {
  code: string;
  name: string;
  definition: unknown;
}

export interface WorkingTimeView {
  from: string;
  to: string;
  minutes: number;
  windows: { start: string; end: string; name?: string }[];
}

export type WorkCenterKind = 'machine' | 'line' | 'crew' | 'manual';

export interface WorkCenterView {
  id: string;
  code: string;
  name: string;
  kind: WorkCenterKind;
  /** How many operations it can run at once (machines in a group, people in a crew). */
  parallelCapacity: number;
  /** 1 = standard speed; run times are divided by it. */
  efficiency: string;
  calendarCode: string | null;
  status: 'active' | 'inactive';
  createdAt: string;
}

export interface WorkCenterInput {
  code: string;
  name: string;
  kind?: WorkCenterKind;
  parallelCapacity?: number;
  efficiency?: string;
  calendarCode?: string | null;
  status?: 'active' | 'inactive';
}

export interface RoutingAlternative {
  workCenterCode: string;
  /** Run minutes per unit on this alternative. */
  runMinutes: string;
}

export interface RoutingOperationView {
  seq: number;
  name: string;
  workCenterCode: string;
  setupMinutes: string;
  runMinutes: string;
  queueMinutes: string;
  moveMinutes: string;
  skill: string;
  inspectionPoint: boolean;
  /** May the work pause over a break or shift end (default true); false: it fits in one working window. */
  spanBreaks: boolean;
  sopUrl: string;
  alternatives: RoutingAlternative[];
}

export type RoutingOperationInput = Omit<
  RoutingOperationView,
  | 'setupMinutes'
  | 'queueMinutes'
  | 'moveMinutes'
  | 'skill'
  | 'inspectionPoint'
  | 'spanBreaks'
  | 'sopUrl'
  | 'alternatives'
> &
  Partial<
    Pick<
      RoutingOperationView,
      | 'setupMinutes'
      | 'queueMinutes'
      | 'moveMinutes'
      | 'skill'
      | 'inspectionPoint'
      | 'spanBreaks'
      | 'sopUrl'
      | 'alternatives'
    >
  >;

export interface RoutingView {
  id: string;
  itemCode: string;
  itemName: string;
  version: string;
  isDefault: boolean;
  operations: RoutingOperationView[];
  createdAt: string;
}

export interface RoutingInput {
  itemCode: string;
  version?: string;
  isDefault?: boolean;
  operations: RoutingOperationInput[];
}

export interface LabelRuleView {
  target: 'item' | 'location' | 'lot';
  symbology: 'code128' | 'qrcode';
  /** Prepended to the code in the barcode; the scan lookup strips it. */
  prefix: string;
  widthMm: string;
  heightMm: string;
}

/** What a scanned code is: an item, a location or a lot (later modules add work orders… the same way). */
export type BarcodeLookupResult =
  | { kind: 'item'; scanned: string; item: ItemView }
  | {
      kind: 'location';
      scanned: string;
      location: { id: string; code: string; name: string; warehouseCode: string; warehouseName: string };
    }
  | { kind: 'lot'; scanned: string; lot: LotView };

export interface LotView {
  id: string;
  itemCode: string;
  itemName: string;
  lotNo: string;
  supplierLot: string;
  supplierCode: string | null;
  manufacturedOn: string | null;
  expiresOn: string | null;
  note: string;
  createdAt: string;
}

export interface LotInput {
  itemCode: string;
  lotNo: string;
  supplierLot?: string;
  supplierCode?: string | null;
  manufacturedOn?: string | null;
  expiresOn?: string | null;
  note?: string;
}
