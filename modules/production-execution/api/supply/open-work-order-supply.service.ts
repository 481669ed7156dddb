import { Injectable } from '@nestjs/common';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { Dec, OPEN_WORK_ORDER_STATUSES, plainDecimal } from '@mes/shared';
import { need, WorkOrderComponents } from '../kit/components.service';

/** One open work order as MRP sees it (在制): output still to come and components still to be taken. */
export interface OpenWorkOrderSupplyLine {
  no: string;
  itemCode: string;
  dueDate: string | null;
  /** Ordered − received into stock − scrapped at the last operation, ≥ 0. */
  outputQty: string;
  /** Per component: required for the whole order − issued − still reserved for it (reservations are counted by MRP already), > 0 only. */
  components: { itemCode: string; qty: string }[];
}

/**
 * For MRP: each open work order's remaining output as a scheduled receipt and its components not yet
 * issued nor reserved as allocations. A reservation made at release is an allocation MRP reads from
 * warehousing already, so it is left out here: nothing counts twice.
 */
@Injectable()
export class OpenWorkOrderSupply {
  constructor(
    private readonly db: TenantDb,
    private readonly components: WorkOrderComponents,
    private readonly lookup: MasterDataLookup,
  ) {}

  async list(): Promise<OpenWorkOrderSupplyLine[]> {
    const rows = await this.db.manager.query<
      {
        id: string;
        no: string;
        item_id: string;
        due_date: string | null;
        qty: string;
        received: string;
        last_scrap: string;
      }[]
    >(
      `SELECT w.id, w.no, w.item_id, to_char(w.due_date, 'YYYY-MM-DD') AS due_date, w.qty::text AS qty,
              w.received_qty::text AS received,
              coalesce((SELECT o.scrap_qty FROM pe_operations o WHERE o.work_order_id = w.id ORDER BY o.seq DESC LIMIT 1), 0)::text
                AS last_scrap
         FROM pe_work_orders w
        WHERE w.status = ANY($1) ORDER BY w.no`,
      [[...OPEN_WORK_ORDER_STATUSES]],
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    // A constant number of round trips, however many work orders are open (scheduling runs call this).
    const codes = [...new Set([...items.values()].map((i) => i.code))];
    const bom = await this.components.ofItems(codes);
    const issuedAll = await this.components.issuedByWorkOrder(rows.map((r) => r.id));
    const reservedAll = await this.components.reservedByWorkOrder();
    const lines: OpenWorkOrderSupplyLine[] = [];
    for (const r of rows) {
      const itemCode = items.get(r.item_id)?.code;
      if (itemCode === undefined) continue;
      const output = Dec.max(new Dec(r.qty).minus(r.received).minus(r.last_scrap), 0);
      const components = bom.get(itemCode) ?? [];
      const issued = issuedAll.get(r.id) ?? new Map<string, Dec>();
      const reserved = reservedAll.get(r.id) ?? new Map<string, Dec>();
      const open: OpenWorkOrderSupplyLine['components'] = [];
      for (const c of components) {
        const left = need(c.perUnit, r.qty)
          .minus(issued.get(c.item.id) ?? 0)
          .minus(reserved.get(c.item.id) ?? 0);
        if (left.gt(0)) open.push({ itemCode: c.item.code, qty: plainDecimal(left) });
      }
      lines.push({
        no: r.no,
        itemCode,
        dueDate: r.due_date,
        outputQty: plainDecimal(output),
        components: open,
      });
    }
    return lines;
  }
}
