/**
 * Orders (订单管理) API shapes, shared by the API and the web. Quantities, prices and amounts are
 * exact decimal strings; dates are `YYYY-MM-DD`, instants ISO 8601.
 */

/** draft → confirmed → in_production → partially_shipped → shipped → closed; cancelled before shipping. */
export const SALES_ORDER_STATUSES = [
  'draft',
  'confirmed',
  'in_production',
  'partially_shipped',
  'shipped',
  'closed',
  'cancelled',
] as const;
export type SalesOrderStatus = (typeof SALES_ORDER_STATUSES)[number];

export const WORK_ORDER_REQUEST_STATUSES = ['open', 'accepted', 'cancelled'] as const;
export type WorkOrderRequestStatus = (typeof WORK_ORDER_REQUEST_STATUSES)[number];

/** Error codes of this module beyond the platform's (OVER_SHIPMENT, OVER_RETURN, INSUFFICIENT_STOCK …). */
export const OrdersErrorCode = {
  /** convert-to-production found no make item short of stock. */
  NOTHING_TO_PRODUCE: 'NOTHING_TO_PRODUCE',
} as const;

/** Unit prices carry 4 decimals, amounts 2. */
export const SO_UNIT_PRICE_SCALE = 4;

export interface SalesOrderLineInput {
  itemCode: string;
  /** > 0 */
  qty: string;
  /** ≥ 0, at most 4 decimals. */
  unitPrice: string;
  dueDate?: string;
  note?: string;
}

/** `POST /orders/sales-orders` and `PUT /orders/sales-orders/:id` (drafts only). */
export interface SalesOrderInput {
  customerCode: string;
  customerPo?: string;
  /** Defaults: the customer's first contact and address. */
  consigneeName?: string;
  consigneePhone?: string;
  consigneeAddress?: string;
  orderDate?: string;
  /** Ship-from warehouse by default. */
  warehouseCode?: string;
  note?: string;
  lines: SalesOrderLineInput[];
}

export interface SalesOrderLineView {
  id: string;
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  makeOrBuy: 'make' | 'buy';
  qty: string;
  unitPrice: string;
  amount: string;
  dueDate: string | null;
  note: string;
  /** Stock held for this line now (open reservations). */
  reserved: string;
  /** Open and accepted work-order requests. */
  inProduction: string;
  shipped: string;
  returned: string;
  /** qty − shipped, never below 0. */
  toShip: string;
}

export interface SalesOrderSummary {
  id: string;
  no: string;
  customerCode: string;
  customerName: string;
  customerPo: string;
  status: SalesOrderStatus;
  orderDate: string;
  /** The earliest line due date. */
  dueDate: string | null;
  total: string;
  lineCount: number;
  createdAt: string;
}

export interface SalesOrderView extends SalesOrderSummary {
  consigneeName: string;
  consigneePhone: string;
  consigneeAddress: string;
  warehouseCode: string | null;
  note: string;
  confirmedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  lines: SalesOrderLineView[];
}

export interface ConfirmSalesOrderInput {
  /** Reserve free stock for each line (default true); partial reservations are fine. */
  reserve?: boolean;
}

export interface LineReservationResult {
  lineNo: number;
  itemCode: string;
  requested: string;
  reserved: string;
}

export interface ConfirmSalesOrderResult {
  order: SalesOrderView;
  reservations: LineReservationResult[];
}

export interface WorkOrderRequestView {
  id: string;
  no: string;
  /** Null for a request MRP firmed from a planned order (source 'mrp'). */
  orderId: string | null;
  orderNo: string | null;
  customerName: string;
  lineNo: number | null;
  itemCode: string;
  itemName: string;
  unit: string;
  qty: string;
  dueDate: string | null;
  status: WorkOrderRequestStatus;
  /** The work order that took it (set by the shop-floor module). */
  workOrderRef: string | null;
  /** 'order': 订单转生产; 'mrp': a firmed planned make order (`sourceRef` = the planned order id). */
  source: 'order' | 'mrp';
  sourceRef: string | null;
  createdAt: string;
}

export interface ConvertToProductionResult {
  order: SalesOrderView;
  requests: WorkOrderRequestView[];
}

export interface ShipmentLineInput {
  lineNo: number;
  qty: string;
  lot?: string;
  locationCode?: string;
}

/** `POST /orders/sales-orders/:id/shipments`: a shipping notice posted as sales issues. */
export interface ShipmentInput {
  /** Default: the order's warehouse, then the item's default warehouse. */
  warehouseCode?: string;
  note?: string;
  lines: ShipmentLineInput[];
}

export interface ShipmentLineView {
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  warehouseCode: string;
  lot: string | null;
  qty: string;
  /** The warehousing document (CK…) that took the stock. */
  docNo: string;
}

export interface ShipmentView {
  id: string;
  no: string;
  orderId: string;
  orderNo: string;
  customerName: string;
  consigneeName: string;
  consigneePhone: string;
  consigneeAddress: string;
  note: string;
  createdAt: string;
  lines: ShipmentLineView[];
}

export interface ReturnLineInput {
  lineNo: number;
  qty: string;
  lot?: string;
  /** Default: the warehouse the line was shipped from. */
  warehouseCode?: string;
  locationCode?: string;
}

/** `POST /orders/sales-orders/:id/returns`: goods back from the customer (sales return receipts). */
export interface SalesReturnInput {
  reason: string;
  lines: ReturnLineInput[];
}

export interface ReturnLineView {
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  warehouseCode: string;
  lot: string | null;
  qty: string;
}

export interface SalesReturnView {
  id: string;
  no: string;
  orderId: string;
  orderNo: string;
  customerName: string;
  reason: string;
  docNo: string;
  createdAt: string;
  lines: ReturnLineView[];
}

/** One order line in the progress view (订单透视). */
export interface OrderProgressRow {
  orderId: string;
  orderNo: string;
  status: SalesOrderStatus;
  customerCode: string;
  customerName: string;
  lineNo: number;
  itemCode: string;
  itemName: string;
  unit: string;
  dueDate: string | null;
  ordered: string;
  reserved: string;
  inProduction: string;
  /** Free (unreserved) stock of the item over all warehouses. */
  inStock: string;
  shipped: string;
  returned: string;
  /** shipped / ordered × 100, one decimal, capped at 100. */
  percentShipped: string;
}

export interface OrdersPage<T> {
  items: T[];
  total: number;
}
