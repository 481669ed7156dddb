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
  locations: LocationView[];
  createdAt: string;
}

export interface WarehouseInput {
  code: string;
  name: string;
  address?: string;
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
