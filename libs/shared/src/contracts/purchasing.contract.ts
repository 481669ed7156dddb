/**
 * Purchasing (采购管理) API shapes, shared by the API and the web. Quantities, prices and amounts are
 * decimal strings: quantities up to 6 decimals, unit prices up to 4, amounts 2. Dates are `YYYY-MM-DD`.
 */

/** draft → approved → partially_received → received → closed; draft/approved → cancelled. */
export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'approved',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export const REQUISITION_STATUSES = ['open', 'ordered', 'cancelled'] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

/** Where a to-buy line came from: typed in by a buyer, or planned by MRP. */
export const REQUISITION_SOURCES = ['manual', 'mrp'] as const;
export type RequisitionSource = (typeof REQUISITION_SOURCES)[number];

/** A goods receipt (收货入库) or a return to the supplier (采购退货). */
export const PURCHASE_RECEIPT_KINDS = ['receipt', 'return'] as const;
export type PurchaseReceiptKind = (typeof PURCHASE_RECEIPT_KINDS)[number];

export interface BuyerView {
  id: string;
  code: string;
  name: string;
  phone: string;
  email: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BuyerInput {
  code: string;
  name: string;
  phone?: string;
  email?: string;
  active?: boolean;
}

/** A supplier's price for an item, valid from a date (and until one, when given), from a quantity. */
export interface SupplierPriceView {
  id: string;
  supplierCode: string;
  supplierName: string;
  itemCode: string;
  itemName: string;
  unit: string;
  unitPrice: string;
  currency: string;
  minQty: string;
  validFrom: string;
  validTo: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierPriceInput {
  supplierCode: string;
  itemCode: string;
  /** ≥ 0, at most 4 decimals (screws cost 0.035 each). */
  unitPrice: string;
  currency?: string;
  /** The price applies from this order quantity on (tiered prices); default 0. */
  minQty?: string;
  validFrom: string;
  validTo?: string | null;
  note?: string;
}

/** The latest purchase price (物料最新采购价格): from the last approved purchase order line. */
export interface LatestPriceView {
  itemCode: string;
  itemName: string;
  unit: string;
  supplierCode: string;
  supplierName: string;
  unitPrice: string;
  currency: string;
  orderNo: string;
  orderDate: string;
  approvedAt: string;
}

/** A line of the to-buy list (待采购清单). */
export interface RequisitionView {
  id: string;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  needBy: string | null;
  source: RequisitionSource;
  status: RequisitionStatus;
  /** The supplier chosen for it, if any (else the cheapest effective price decides on conversion). */
  supplierCode: string | null;
  supplierName: string | null;
  orderId: string | null;
  orderNo: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface RequisitionInput {
  itemCode: string;
  qty: string;
  needBy?: string | null;
  supplierCode?: string | null;
  note?: string;
}

/** Turns open to-buy lines into draft purchase orders, one per supplier. */
export interface ConvertRequisitionsInput {
  ids: string[];
  /** Buy everything from this supplier (default: each line's supplier, else its cheapest price). */
  supplierCode?: string;
  buyerCode?: string;
  warehouseCode?: string;
}

export interface PurchaseOrderLineView {
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  unitPrice: string;
  amount: string;
  dueDate: string | null;
  receivedQty: string;
  returnedQty: string;
  /** Ordered − received (never below 0). */
  outstandingQty: string;
  inspectionRequired: boolean;
  /** Receipts of this item need a lot number. */
  lotTracked: boolean;
  note: string;
}

export interface PurchaseOrderSummary {
  id: string;
  no: string;
  supplierCode: string;
  supplierName: string;
  buyerCode: string | null;
  buyerName: string | null;
  status: PurchaseOrderStatus;
  orderDate: string;
  expectedDate: string | null;
  warehouseCode: string | null;
  /** Receipts may exceed the ordered quantity by this many percent (0–100). */
  tolerancePercent: string;
  currency: string;
  totalAmount: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  closedAt: string | null;
}

export interface PurchaseOrderView extends PurchaseOrderSummary {
  lines: PurchaseOrderLineView[];
}

export interface PurchaseOrderLineInput {
  itemCode: string;
  qty: string;
  /** Default: the supplier's effective price on the order date, else the latest purchase price. */
  unitPrice?: string;
  dueDate?: string | null;
  note?: string;
}

export interface PurchaseOrderInput {
  supplierCode: string;
  buyerCode?: string | null;
  orderDate?: string;
  expectedDate?: string | null;
  warehouseCode?: string | null;
  tolerancePercent?: string;
  currency?: string;
  note?: string;
  lines: PurchaseOrderLineInput[];
}

export interface ReceiptLineInput {
  lineNo: number;
  qty: string;
  lot?: string;
  locationCode?: string;
}

/** `POST /purchasing/orders/:id/receipts` and `.../returns`. */
export interface ReceiptInput {
  /** Default: the order's warehouse, else each item's default warehouse. */
  warehouseCode?: string;
  note?: string;
  lines: ReceiptLineInput[];
}

export interface PurchaseReceiptLineView {
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  lot: string | null;
  warehouseCode: string;
  locationCode: string | null;
  /** Went to the QC-hold location and waits for inspection. */
  held: boolean;
}

export interface PurchaseReceiptView {
  id: string;
  no: string;
  kind: PurchaseReceiptKind;
  orderId: string;
  orderNo: string;
  supplierCode: string;
  supplierName: string;
  /** The warehousing document (采购入库单 / 出库单) it posted. */
  docNo: string;
  note: string;
  createdBy: string | null;
  createdAt: string;
  lines: PurchaseReceiptLineView[];
}

/** A line still to be delivered (待收货清单). */
export interface PendingReceiptRow {
  orderId: string;
  orderNo: string;
  status: PurchaseOrderStatus;
  supplierCode: string;
  supplierName: string;
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  receivedQty: string;
  outstandingQty: string;
  dueDate: string | null;
  overdue: boolean;
  warehouseCode: string | null;
}
