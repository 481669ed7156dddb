import type { EntityManager } from 'typeorm';
import type { MasterDataLookup } from '@mes/master-data-api';
import type { OrdersPage } from '@mes/shared';

export interface OrderDocumentPageQuery {
  orderNo?: string;
  customerCode?: string;
  page: number;
  pageSize: number;
}

/** A document table listed by its order (joined as `o`): shipments (`s`) and returns (`r`). */
export interface OrderDocumentTable<T> {
  table: 'so_shipments' | 'so_returns';
  alias: 's' | 'r';
  /** Reads the views of the documents matching `where` (which may carry ORDER BY / LIMIT). */
  views: (where: string, params: unknown[]) => Promise<T[]>;
}

/**
 * One page of shipments or returns, newest first, filtered by order number and customer; empty when the
 * customer named does not exist.
 */
export async function pageOrderDocuments<T>(
  m: EntityManager,
  lookup: MasterDataLookup,
  query: OrderDocumentPageQuery,
  { table, alias, views }: OrderDocumentTable<T>,
): Promise<OrdersPage<T>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.orderNo) {
    params.push(query.orderNo);
    where.push(`o.no = $${params.length}`);
  }
  if (query.customerCode) {
    const customer = (await lookup.partnersByCode('customer', [query.customerCode])).get(query.customerCode);
    if (!customer) return { items: [], total: 0 };
    params.push(customer.id);
    where.push(`o.customer_id = $${params.length}`);
  }
  const cond = where.join(' AND ') || 'true';
  const [count] = await m.query<{ n: string }[]>(
    `SELECT count(*)::text AS n FROM ${table} ${alias}
       JOIN so_orders o ON o.tenant_id = ${alias}.tenant_id AND o.id = ${alias}.order_id WHERE ${cond}`,
    params,
  );
  const items = await views(
    `${cond} ORDER BY ${alias}.created_at DESC, ${alias}.no DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items, total: Number(count?.n ?? 0) };
}
