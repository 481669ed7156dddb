import type { MasterDataLookup } from '@mes/master-data-api';

export interface OrderDocumentFilterQuery {
  orderNo?: string;
  customerCode?: string;
}

/**
 * The WHERE clause shipments and returns are listed by (their order, aliased `o`, joined in):
 * null when the customer named does not exist, so the list is empty.
 */
export async function orderDocumentFilter(
  query: OrderDocumentFilterQuery,
  lookup: MasterDataLookup,
): Promise<{ cond: string; params: unknown[] } | null> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.orderNo) {
    params.push(query.orderNo);
    where.push(`o.no = $${params.length}`);
  }
  if (query.customerCode) {
    const customer = (await lookup.partnersByCode('customer', [query.customerCode])).get(query.customerCode);
    if (!customer) return null;
    params.push(customer.id);
    where.push(`o.customer_id = $${params.length}`);
  }
  return { cond: where.join(' AND ') || 'true', params };
}
