import type { SalesOrderStatus } from '@mes/shared';

/** so_orders as read with raw SQL (numerics as text, dates as YYYY-MM-DD text). */
export interface OrderRow {
  id: string;
  no: string;
  customer_id: string;
  customer_po: string;
  consignee_name: string;
  consignee_phone: string;
  consignee_address: string;
  status: SalesOrderStatus;
  order_date: string;
  warehouse_id: string | null;
  note: string;
  total: string;
  created_at: Date;
  updated_at: Date;
  confirmed_at: Date | null;
  closed_at: Date | null;
}

export const ORDER_COLUMNS = `o.id, o.no, o.customer_id, o.customer_po, o.consignee_name, o.consignee_phone,
  o.consignee_address, o.status, to_char(o.order_date, 'YYYY-MM-DD') AS order_date, o.warehouse_id, o.note,
  o.total::text AS total, o.created_at, o.updated_at, o.confirmed_at, o.closed_at`;

export interface LineRow {
  id: string;
  order_id: string;
  line_no: number;
  item_id: string;
  qty: string;
  unit_price: string;
  amount: string;
  due_date: string | null;
  note: string;
  shipped_qty: string;
  returned_qty: string;
}

export const LINE_COLUMNS = `l.id, l.order_id, l.line_no, l.item_id, l.qty::text AS qty,
  l.unit_price::text AS unit_price, l.amount::text AS amount, to_char(l.due_date, 'YYYY-MM-DD') AS due_date,
  l.note, l.shipped_qty::text AS shipped_qty, l.returned_qty::text AS returned_qty`;

/** The reservation demand of one order line: each line holds its own stock. */
export function lineDemandRef(orderNo: string, lineNo: number): string {
  return `${orderNo}/${lineNo}`;
}
