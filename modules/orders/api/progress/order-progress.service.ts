import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup } from '@mes/master-data-api';
import { TenantDb } from '@mes/platform';
import { StockQueries } from '@mes/warehousing-api';
import {
  Dec,
  plainDecimal,
  type OrderProgressRow,
  type OrdersPage,
  type SalesOrderStatus,
} from '@mes/shared';
import { SalesOrderReader } from '../sales-order/sales-order.reader';
import type { OrderProgressQueryDto } from './order-progress.dto';

interface ProgressLineRow {
  order_id: string;
  order_no: string;
  status: SalesOrderStatus;
  customer_id: string;
  line_id: string;
  line_no: number;
  item_id: string;
  due_date: string | null;
  qty: string;
  shipped_qty: string;
  returned_qty: string;
}

/** Shipped share of the order line in percent, one decimal (rounded down), at most 100. */
export function percentShipped(ordered: Dec | string, shipped: Dec | string): string {
  const o = new Dec(ordered);
  if (!o.gt(0)) return '0';
  return plainDecimal(Dec.min(new Dec(shipped).div(o).times(100), 100).toDecimalPlaces(1, Dec.ROUND_DOWN));
}

/** 订单透视 / order progress: per order line, ordered → reserved → in production → in stock → shipped. */
@Injectable()
export class OrderProgressService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly stock: StockQueries,
    private readonly reader: SalesOrderReader,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: OrderProgressQueryDto): Promise<OrdersPage<OrderProgressRow>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`o.status = $${params.length}`);
    } else where.push(`o.status <> 'cancelled'`);
    if (query.orderNo) {
      params.push(query.orderNo);
      where.push(`o.no = $${params.length}`);
    }
    if (query.customerCode) {
      const customer = (await this.lookup.partnersByCode('customer', [query.customerCode])).get(
        query.customerCode,
      );
      if (!customer) return { items: [], total: 0 };
      params.push(customer.id);
      where.push(`o.customer_id = $${params.length}`);
    }
    if (query.itemCode) {
      const item = (await this.lookup.itemsByCode([query.itemCode])).get(query.itemCode);
      if (!item) return { items: [], total: 0 };
      params.push(item.id);
      where.push(`l.item_id = $${params.length}`);
    }
    const from = `FROM so_order_lines l JOIN so_orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
      WHERE ${where.join(' AND ')}`;
    const [count] = await this.m.query<{ n: string }[]>(`SELECT count(*)::text AS n ${from}`, params);
    const rows = await this.m.query<ProgressLineRow[]>(
      `SELECT o.id AS order_id, o.no AS order_no, o.status, o.customer_id, l.id AS line_id, l.line_no, l.item_id,
              to_char(l.due_date, 'YYYY-MM-DD') AS due_date, l.qty::text AS qty,
              l.shipped_qty::text AS shipped_qty, l.returned_qty::text AS returned_qty
         ${from}
        ORDER BY o.created_at DESC, o.id, l.line_no
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const items = await this.lookup.itemsById(rows.map((r) => r.item_id));
    const customers = await this.lookup.partnersById(rows.map((r) => r.customer_id));
    const free = await this.stock.availableByItem([...items.values()].map((i) => i.code));
    const inProduction = await this.reader.inProductionByLine(rows.map((r) => r.line_id));
    const out: OrderProgressRow[] = [];
    for (const r of rows) {
      const item = items.get(r.item_id);
      const code = item?.code ?? '';
      const customer = customers.get(r.customer_id);
      out.push({
        orderId: r.order_id,
        orderNo: r.order_no,
        status: r.status,
        customerCode: customer?.code ?? '',
        customerName: customer?.name ?? '',
        lineNo: r.line_no,
        itemCode: code,
        itemName: item?.name ?? '',
        unit: item?.unit ?? '',
        dueDate: r.due_date,
        ordered: plainDecimal(r.qty),
        reserved: plainDecimal(await this.reader.reservedFor(r.order_no, r.line_no, code)),
        inProduction: plainDecimal(inProduction.get(r.line_id) ?? '0'),
        inStock: plainDecimal(free.get(code) ?? '0'),
        shipped: plainDecimal(r.shipped_qty),
        returned: plainDecimal(r.returned_qty),
        percentShipped: percentShipped(r.qty, r.shipped_qty),
      });
    }
    return { items: out, total: Number(count?.n ?? 0) };
  }
}
