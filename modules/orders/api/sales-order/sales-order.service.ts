import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterDataLookup, type ItemRef, type PartnerRef, type WarehouseRef } from '@mes/master-data-api';
import {
  DocumentNumbers,
  InvalidStatusError,
  TenantDb,
  UsageMeter,
  ValidationFailedError,
  type Actor,
} from '@mes/platform';
import { StockReservations } from '@mes/warehousing-api';
import {
  Dec,
  MONEY_SCALE,
  newId,
  plainDecimal,
  type ApiErrorDetail,
  type ConfirmSalesOrderResult,
  type LineReservationResult,
  type OrdersPage,
  type SalesOrderStatus,
  type SalesOrderSummary,
  type SalesOrderView,
} from '@mes/shared';
import { ORDERS_MODULE_KEY, OrdersMeter } from '../manifest';
import type { ConfirmSalesOrderDto, SalesOrderDto, SalesOrderQueryDto } from './sales-order.dto';
import { SALES_ORDER, SalesOrderReader } from './sales-order.reader';
import { lineDemandRef, ORDER_COLUMNS, type OrderRow } from './sales-order.rows';

type TenantActor = Actor & { tenantId: string };

interface Resolved {
  customer: PartnerRef;
  warehouse: WarehouseRef | null;
  items: Map<string, ItemRef>;
}

const MAX_AMOUNT = new Dec('1e16');
const CLOSABLE: SalesOrderStatus[] = ['confirmed', 'in_production', 'partially_shipped', 'shipped'];
const RESERVABLE: SalesOrderStatus[] = ['confirmed', 'in_production', 'partially_shipped'];
const CANCELLABLE: SalesOrderStatus[] = ['draft', 'confirmed', 'in_production'];

/** 销售订单: drafts, confirmation with stock reservation, closing and cancelling. */
@Injectable()
export class SalesOrderService {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: MasterDataLookup,
    private readonly numbers: DocumentNumbers,
    private readonly usage: UsageMeter,
    private readonly reservations: StockReservations,
    private readonly reader: SalesOrderReader,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async list(query: SalesOrderQueryDto): Promise<OrdersPage<SalesOrderSummary>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`o.status = $${params.length}`);
    }
    if (query.customerCode) {
      const customer = (await this.lookup.partnersByCode('customer', [query.customerCode])).get(
        query.customerCode,
      );
      if (!customer) return { items: [], total: 0 };
      params.push(customer.id);
      where.push(`o.customer_id = $${params.length}`);
    }
    if (query.q?.trim()) {
      params.push(`%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(o.no ILIKE $${params.length} OR o.customer_po ILIKE $${params.length})`);
    }
    const cond = where.join(' AND ') || 'true';
    const [count] = await this.m.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM so_orders o WHERE ${cond}`,
      params,
    );
    const rows = await this.m.query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM so_orders o WHERE ${cond}
        ORDER BY o.created_at DESC, o.id DESC
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await this.reader.summaries(rows), total: Number(count?.n ?? 0) };
  }

  get(id: string): Promise<SalesOrderView> {
    return this.reader.view(id);
  }

  async create(actor: TenantActor, dto: SalesOrderDto): Promise<SalesOrderView> {
    const resolved = await this.resolve(dto);
    const id = newId();
    const now = new Date();
    const no = await this.numbers.next(actor.tenantId, 'SO', now);
    const contact = resolved.customer.contacts[0];
    await this.m.query(
      `INSERT INTO so_orders (tenant_id, id, no, customer_id, customer_po, consignee_name, consignee_phone,
         consignee_address, status, order_date, warehouse_id, note, total, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft',
         coalesce($9::date, ($13::timestamptz AT TIME ZONE coalesce(
           (SELECT time_zone FROM platform.tenants WHERE id = $1), 'Asia/Shanghai'))::date),
         $10, $11, 0, $12, $13, $13)`,
      [
        actor.tenantId,
        id,
        no,
        resolved.customer.id,
        dto.customerPo ?? '',
        dto.consigneeName ?? contact?.name ?? '',
        dto.consigneePhone ?? contact?.phone ?? '',
        dto.consigneeAddress ?? resolved.customer.address,
        dto.orderDate ?? null,
        resolved.warehouse?.id ?? null,
        dto.note ?? '',
        actor.userId,
        now,
      ],
    );
    await this.writeLines(actor.tenantId, id, dto, resolved);
    await this.usage.record(actor.tenantId, OrdersMeter.SALES_ORDERS, '1', `so:${no}`, {
      moduleKey: ORDERS_MODULE_KEY,
      occurredAt: now,
    });
    return this.reader.view(id);
  }

  /** Replaces a draft's header and lines. */
  async update(actor: TenantActor, id: string, dto: SalesOrderDto): Promise<SalesOrderView> {
    const order = await this.reader.lock(id);
    if (order.status !== 'draft') throw new InvalidStatusError(SALES_ORDER, order.status, '修改 / edit');
    const resolved = await this.resolve(dto);
    const contact = resolved.customer.contacts[0];
    const sameCustomer = resolved.customer.id === order.customer_id;
    await this.m.query(
      `UPDATE so_orders SET customer_id = $2, customer_po = $3, consignee_name = $4, consignee_phone = $5,
         consignee_address = $6, order_date = coalesce($7::date, order_date), warehouse_id = $8, note = $9,
         updated_at = now()
       WHERE id = $1`,
      [
        id,
        resolved.customer.id,
        dto.customerPo ?? '',
        dto.consigneeName ?? (sameCustomer ? order.consignee_name : (contact?.name ?? '')),
        dto.consigneePhone ?? (sameCustomer ? order.consignee_phone : (contact?.phone ?? '')),
        dto.consigneeAddress ?? (sameCustomer ? order.consignee_address : resolved.customer.address),
        dto.orderDate ?? null,
        resolved.warehouse?.id ?? null,
        dto.note ?? '',
      ],
    );
    await this.m.query(`DELETE FROM so_order_lines WHERE order_id = $1`, [id]);
    await this.writeLines(actor.tenantId, id, dto, resolved);
    return this.reader.view(id);
  }

  /** draft → confirmed; reserves free stock for each line unless `reserve: false`. */
  async confirm(actor: TenantActor, id: string, dto: ConfirmSalesOrderDto): Promise<ConfirmSalesOrderResult> {
    const order = await this.reader.lock(id);
    if (order.status !== 'draft') throw new InvalidStatusError(SALES_ORDER, order.status, '确认 / confirm');
    await this.m.query(
      `UPDATE so_orders SET status = 'confirmed', confirmed_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
    const results = dto.reserve === false ? [] : await this.reserveLines(actor, order);
    return { order: await this.reader.view(id), reservations: results };
  }

  /** Reserves free stock for what each line still lacks (e.g. once production has put goods in stock). */
  async reserve(actor: TenantActor, id: string): Promise<ConfirmSalesOrderResult> {
    const order = await this.reader.lock(id);
    if (!RESERVABLE.includes(order.status))
      throw new InvalidStatusError(SALES_ORDER, order.status, '预留库存 / reserve stock');
    const results = await this.reserveLines(actor, order);
    return { order: await this.reader.view(id), reservations: results };
  }

  /** Ends an order: leftover reservations are released and open work-order requests cancelled. */
  async close(id: string): Promise<SalesOrderView> {
    const order = await this.reader.lock(id);
    if (!CLOSABLE.includes(order.status))
      throw new InvalidStatusError(SALES_ORDER, order.status, '关闭 / close');
    await this.releaseAll(order);
    await this.m.query(
      `UPDATE so_orders SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
    return this.reader.view(id);
  }

  /** Cancels an order nothing has been shipped from. */
  async cancel(id: string): Promise<SalesOrderView> {
    const order = await this.reader.lock(id);
    if (!CANCELLABLE.includes(order.status))
      throw new InvalidStatusError(SALES_ORDER, order.status, '取消 / cancel');
    const lines = await this.reader.lines(id);
    if (lines.some((l) => new Dec(l.shipped_qty).gt(0)))
      throw new InvalidStatusError(SALES_ORDER, 'partially_shipped', '取消 / cancel');
    await this.releaseAll(order);
    await this.m.query(
      `UPDATE so_orders SET status = 'cancelled', closed_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
    return this.reader.view(id);
  }

  /**
   * Per line: ordered − shipped − already reserved, reserved (partially when short) in the order's
   * warehouse, else the item's default warehouse, else anywhere. Lines needing nothing are skipped.
   */
  private async reserveLines(actor: TenantActor, order: OrderRow): Promise<LineReservationResult[]> {
    const results: LineReservationResult[] = [];
    const lines = await this.reader.lines(order.id);
    const items = await this.lookup.itemsById(lines.map((l) => l.item_id));
    const warehouses = await this.lookup.warehousesById(
      [order.warehouse_id, ...[...items.values()].map((i) => i.defaultWarehouseId)].filter((w): w is string =>
        Boolean(w),
      ),
    );
    for (const [i, line] of lines.entries()) {
      const item = items.get(line.item_id);
      if (!item) continue;
      const held = await this.reader.reservedFor(order.no, line.line_no, item.code);
      const requested = new Dec(line.qty).minus(line.shipped_qty).minus(held);
      if (!requested.gt(0)) continue;
      const warehouseId = order.warehouse_id ?? item.defaultWarehouseId;
      const { reserved } = await this.reservations.reserve(actor.tenantId, actor.userId, {
        itemCode: item.code,
        warehouseCode: warehouseId ? (warehouses.get(warehouseId)?.code ?? null) : null,
        qty: requested.toFixed(),
        demandType: 'sales_order',
        demandRef: lineDemandRef(order.no, line.line_no),
        partial: true,
        field: `lines[${i}]`,
      });
      results.push({
        lineNo: line.line_no,
        itemCode: item.code,
        requested: plainDecimal(requested),
        reserved,
      });
    }
    return results;
  }

  private async releaseAll(order: OrderRow): Promise<void> {
    const lines = await this.reader.lines(order.id);
    for (const line of lines)
      await this.reservations.releaseDemand('sales_order', lineDemandRef(order.no, line.line_no));
    await this.m.query(
      `UPDATE so_work_order_requests SET status = 'cancelled', updated_at = now()
        WHERE order_id = $1 AND status = 'open'`,
      [order.id],
    );
  }

  /** Customer, warehouse and items by code; every unknown one is a 400 naming its field. */
  private async resolve(dto: SalesOrderDto): Promise<Resolved> {
    const errors: ApiErrorDetail[] = [];
    const customer = (await this.lookup.partnersByCode('customer', [dto.customerCode])).get(dto.customerCode);
    if (!customer) errors.push({ field: 'customerCode', message: `unknown customer ${dto.customerCode}` });
    let warehouse: WarehouseRef | null = null;
    if (dto.warehouseCode) {
      warehouse = (await this.lookup.warehousesByCode([dto.warehouseCode])).get(dto.warehouseCode) ?? null;
      if (!warehouse)
        errors.push({ field: 'warehouseCode', message: `unknown warehouse ${dto.warehouseCode}` });
    }
    const items = await this.lookup.itemsByCode(dto.lines.map((l) => l.itemCode));
    dto.lines.forEach((l, i) => {
      if (!items.has(l.itemCode))
        errors.push({ field: `lines[${i}].itemCode`, message: `unknown item ${l.itemCode}` });
    });
    // numeric(18,2): an amount or total beyond 16 integer digits cannot be stored.
    const total = dto.lines.reduce((sum, l, i) => {
      const amount = new Dec(l.qty).times(l.unitPrice);
      if (amount.gte(MAX_AMOUNT))
        errors.push({ field: `lines[${i}].unitPrice`, message: 'qty × unitPrice is too large' });
      return sum.plus(amount);
    }, new Dec(0));
    if (total.gte(MAX_AMOUNT) && !errors.some((e) => e.field.endsWith('.unitPrice')))
      errors.push({ field: 'lines', message: 'the order total is too large' });
    if (!customer || errors.length) throw new ValidationFailedError(errors);
    return { customer, warehouse, items };
  }

  private async writeLines(
    tenantId: string,
    orderId: string,
    dto: SalesOrderDto,
    resolved: Resolved,
  ): Promise<void> {
    let total = new Dec(0);
    for (const [i, line] of dto.lines.entries()) {
      const item = resolved.items.get(line.itemCode);
      if (!item) throw new Error(`item ${line.itemCode} was not resolved`);
      const amount = new Dec(line.qty).times(line.unitPrice).toDecimalPlaces(MONEY_SCALE);
      total = total.plus(amount);
      await this.m.query(
        `INSERT INTO so_order_lines (tenant_id, id, order_id, line_no, item_id, qty, unit_price, amount, due_date, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          tenantId,
          newId(),
          orderId,
          i + 1,
          item.id,
          line.qty,
          line.unitPrice,
          amount.toFixed(MONEY_SCALE),
          line.dueDate ?? null,
          line.note ?? '',
        ],
      );
    }
    await this.m.query(`UPDATE so_orders SET total = $2 WHERE id = $1`, [
      orderId,
      total.toFixed(MONEY_SCALE),
    ]);
  }
}
