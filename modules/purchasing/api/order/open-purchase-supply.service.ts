import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { plainDecimal } from '@mes/shared';

/** Supply on its way from suppliers (在途), as MRP counts it. */
export interface OpenPurchaseLine {
  /** `PO no/line no`, or `REQ:<id>` for an open to-buy line planned by MRP. */
  ref: string;
  kind: 'PO' | 'REQ';
  itemCode: string;
  /** Still to come: ordered − received (> 0). */
  qty: string;
  /** Line due date, else the order's expected date, else its order date (a to-buy line: need-by). */
  due: string | null;
}

/**
 * For MRP: purchase order lines not yet fully received — draft, approved or partially received
 * orders (a draft is what firming a planned buy creates, so it must count as supply) — and the open
 * to-buy lines MRP itself put on the list (firmed planned buys without a supplier yet).
 */
@Injectable()
export class OpenPurchaseSupply {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
  ) {}

  async list(): Promise<OpenPurchaseLine[]> {
    const rows = await this.db.manager.query<
      { ref: string; kind: 'PO' | 'REQ'; item_id: string; qty: string; due: string | null }[]
    >(
      `SELECT o.no || '/' || l.line_no AS ref, 'PO' AS kind, l.item_id, (l.qty - l.received_qty)::text AS qty,
              to_char(coalesce(l.due_date, o.expected_date, o.order_date), 'YYYY-MM-DD') AS due
         FROM pur_order_lines l JOIN pur_orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
        WHERE o.status IN ('draft', 'approved', 'partially_received') AND l.qty > l.received_qty
       UNION ALL
       SELECT 'REQ:' || r.id, 'REQ', r.item_id, r.qty::text, to_char(r.need_by, 'YYYY-MM-DD')
         FROM pur_requisitions r WHERE r.status = 'open' AND r.source = 'mrp'
        ORDER BY 5 NULLS FIRST, 1`,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    return rows.map((r) => ({
      ref: r.ref,
      kind: r.kind,
      itemCode: items.get(r.item_id)?.code ?? r.item_id,
      qty: plainDecimal(r.qty),
      due: r.due,
    }));
  }
}
