import { DataSource } from 'typeorm';
import type {
  ConfirmSalesOrderResult,
  ConvertToProductionResult,
  LoginResponse,
  OrderProgressRow,
  OrdersPage,
  SalesOrderSummary,
  SalesOrderView,
  SalesReturnView,
  ShipmentView,
  StockRow,
  WorkOrderRequestView,
} from '@mes/shared';
import { freshTenants, startTestApp, type TestApp, sessionCalls } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: { field: string; message: string }[];
}

describe('orders: sales orders from stock to shipment, production requests, returns, progress', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  let c: LoginResponse;
  const suffix = Date.now().toString(36);

  const { post, put, get } = sessionCalls(() => t);
  const stockOf = async (s: LoginResponse, itemCode: string) =>
    (
      (await get(s, `/warehousing/stock?itemCode=${itemCode}&includeZero=true`).expect(200)).body as {
        items: StockRow[];
      }
    ).items;
  const order = async (s: LoginResponse, id: string) =>
    (await get(s, `/orders/sales-orders/${id}`).expect(200)).body as SalesOrderView;
  const receive = (s: LoginResponse, itemCode: string, qty: string, extra: object = {}) =>
    post(s, '/warehousing/movements', {
      type: 'receipt',
      itemCode,
      warehouseCode: 'FG',
      qty,
      ...extra,
    }).expect(201);
  const fields = (body: unknown) => ((body as ErrorBody).details ?? []).map((d) => d.field);
  const soBody = (lines: object[], extra: object = {}) => ({
    customerCode: 'C-001',
    warehouseCode: 'FG',
    lines,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [a, b, c] = await freshTenants(t, suffix, 'soa', 'sob', 'soc');
    for (const s of [a, b]) {
      await post(s, '/subscriptions', { moduleKey: 'orders', withDependencies: true }).expect(201);
      await post(s, '/master-data/warehouses', { code: 'FG', name: '成品仓' }).expect(201);
      await post(s, '/master-data/warehouses', { code: 'FG2', name: '二号成品仓' }).expect(201);
      await post(s, '/master-data/items', {
        code: 'DRILL',
        name: '充电钻',
        type: 'finished',
        baseUnit: '台',
        makeOrBuy: 'make',
      }).expect(201);
      await post(s, '/master-data/items', {
        code: 'BATT',
        name: '电池包',
        type: 'finished',
        baseUnit: '个',
        makeOrBuy: 'buy',
      }).expect(201);
      await post(s, '/master-data/items', {
        code: 'GREASE',
        name: '润滑脂',
        type: 'consumable',
        baseUnit: 'kg',
        makeOrBuy: 'buy',
        lotTracked: true,
      }).expect(201);
      await post(s, '/master-data/customers', {
        code: 'C-001',
        name: '华东五金',
        address: '上海市嘉定区工业路 8 号',
        contacts: [{ name: '王经理', phone: '13800000001' }],
      }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('runs the loop: stock → order → reserve → production request → partial and full shipment → return → close', async () => {
    await receive(a, 'DRILL', '6');
    await receive(a, 'BATT', '20');

    const created = (
      await post(
        a,
        '/orders/sales-orders',
        soBody([
          { itemCode: 'DRILL', qty: '10', unitPrice: '299.5', dueDate: '2026-12-20' },
          { itemCode: 'BATT', qty: '15', unitPrice: '12.3456' },
        ]),
      ).expect(201)
    ).body as SalesOrderView;
    expect(created).toMatchObject({
      status: 'draft',
      customerCode: 'C-001',
      customerName: '华东五金',
      consigneeName: '王经理',
      consigneePhone: '13800000001',
      consigneeAddress: '上海市嘉定区工业路 8 号',
      warehouseCode: 'FG',
      total: '3180.18',
      dueDate: '2026-12-20',
      lineCount: 2,
    });
    expect(created.no).toMatch(/^SO\d{8}-\d{4}$/);
    expect(created.lines.map((l) => [l.lineNo, l.itemCode, l.qty, l.unitPrice, l.amount])).toEqual([
      [1, 'DRILL', '10', '299.5', '2995.00'],
      [2, 'BATT', '15', '12.3456', '185.18'],
    ]);

    // Shipping a draft is refused.
    const early = await post(a, `/orders/sales-orders/${created.id}/shipments`, {
      lines: [{ lineNo: 2, qty: '1' }],
    }).expect(409);
    expect((early.body as ErrorBody).code).toBe('INVALID_STATUS');

    // Confirm and reserve: DRILL only has 6 of 10, BATT all 15.
    const confirmed = (
      await post(a, `/orders/sales-orders/${created.id}/confirm`, { reserve: true }).expect(200)
    ).body as ConfirmSalesOrderResult;
    expect(confirmed.order.status).toBe('confirmed');
    expect(confirmed.reservations).toEqual([
      { lineNo: 1, itemCode: 'DRILL', requested: '10', reserved: '6' },
      { lineNo: 2, itemCode: 'BATT', requested: '15', reserved: '15' },
    ]);
    expect(confirmed.order.lines.map((l) => l.reserved)).toEqual(['6', '15']);
    expect(await stockOf(a, 'DRILL')).toEqual([
      expect.objectContaining({ warehouseCode: 'FG', onHand: '6', reserved: '6', available: '0' }),
    ]);
    expect(await stockOf(a, 'BATT')).toEqual([
      expect.objectContaining({ onHand: '20', reserved: '15', available: '5' }),
    ]);
    const again = await post(a, `/orders/sales-orders/${created.id}/confirm`, {}).expect(409);
    expect((again.body as ErrorBody).code).toBe('INVALID_STATUS');

    // The make item's shortage becomes a work-order request; the buy item needs none.
    const converted = (
      await post(a, `/orders/sales-orders/${created.id}/convert-to-production`, {}).expect(201)
    ).body as ConvertToProductionResult;
    expect(converted.order.status).toBe('in_production');
    expect(converted.requests).toHaveLength(1);
    expect(converted.requests[0]).toMatchObject({
      orderNo: created.no,
      customerName: '华东五金',
      lineNo: 1,
      itemCode: 'DRILL',
      qty: '4',
      dueDate: '2026-12-20',
      status: 'open',
    });
    expect(converted.requests[0]!.no).toMatch(/^WR\d{8}-\d{4}$/);
    const nothing = await post(a, `/orders/sales-orders/${created.id}/convert-to-production`, {}).expect(409);
    expect((nothing.body as ErrorBody).code).toBe('NOTHING_TO_PRODUCE');
    const requests = (await get(a, `/orders/work-order-requests?orderNo=${created.no}`).expect(200))
      .body as OrdersPage<WorkOrderRequestView>;
    expect(requests.total).toBe(1);

    // The progress view (订单透视).
    let progress = (await get(a, `/orders/progress?orderNo=${created.no}`).expect(200))
      .body as OrdersPage<OrderProgressRow>;
    expect(
      progress.items.map((r) => [r.lineNo, r.ordered, r.reserved, r.inProduction, r.inStock, r.shipped]),
    ).toEqual([
      [1, '10', '6', '4', '0', '0'],
      [2, '15', '15', '0', '5', '0'],
    ]);

    // More than ordered → OVER_SHIPMENT; more than in stock → INSUFFICIENT_STOCK; neither writes anything.
    const over = await post(a, `/orders/sales-orders/${created.id}/shipments`, {
      lines: [{ lineNo: 1, qty: '11' }],
    }).expect(409);
    expect(over.body).toMatchObject({ code: 'OVER_SHIPMENT' });
    expect(fields(over.body)).toEqual(['lines[0].qty']);
    const short = await post(a, `/orders/sales-orders/${created.id}/shipments`, {
      lines: [
        { lineNo: 2, qty: '15' },
        { lineNo: 1, qty: '8' },
      ],
    }).expect(409);
    expect(short.body).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(fields(short.body)).toEqual(['lines[1].qty']);
    expect((await order(a, created.id)).lines.map((l) => [l.shipped, l.reserved])).toEqual([
      ['0', '6'],
      ['0', '15'],
    ]);
    expect(await stockOf(a, 'BATT')).toEqual([expect.objectContaining({ onHand: '20', reserved: '15' })]);

    // A partial shipment, retried with the same Idempotency-Key, is applied once.
    const key = `ship-${suffix}`;
    const body = {
      note: '顺丰 SF1234',
      lines: [
        { lineNo: 1, qty: '4' },
        { lineNo: 2, qty: '15' },
      ],
    };
    const shipment = (await post(a, `/orders/sales-orders/${created.id}/shipments`, body, key).expect(201))
      .body as ShipmentView;
    const replay = (await post(a, `/orders/sales-orders/${created.id}/shipments`, body, key).expect(201))
      .body as ShipmentView;
    expect(replay.id).toBe(shipment.id);
    expect(shipment.no).toMatch(/^FH\d{8}-\d{4}$/);
    expect(shipment).toMatchObject({ orderNo: created.no, consigneeName: '王经理', note: '顺丰 SF1234' });
    expect(shipment.lines.map((l) => [l.lineNo, l.itemCode, l.warehouseCode, l.qty])).toEqual([
      [1, 'DRILL', 'FG', '4'],
      [2, 'BATT', 'FG', '15'],
    ]);
    for (const l of shipment.lines) expect(l.docNo).toMatch(/^CK\d{8}-\d{4}$/);
    let current = await order(a, created.id);
    expect(current.status).toBe('partially_shipped');
    expect(current.lines.map((l) => [l.shipped, l.reserved, l.toShip])).toEqual([
      ['4', '2', '6'],
      ['15', '0', '0'],
    ]);
    expect(await stockOf(a, 'DRILL')).toEqual([expect.objectContaining({ onHand: '2', reserved: '2' })]);
    expect(await stockOf(a, 'BATT')).toEqual([expect.objectContaining({ onHand: '5', reserved: '0' })]);
    const shipments = (await get(a, `/orders/shipments?orderNo=${created.no}`).expect(200))
      .body as OrdersPage<ShipmentView>;
    expect(shipments.total).toBe(1);
    const issues = (await get(a, `/warehousing/movements?type=sales_issue&ref=${created.no}`).expect(200))
      .body as { total: number };
    expect(issues.total).toBe(2);

    // Production finishes 8; reserving again holds what line 1 still lacks (10 − 4 shipped − 2 held).
    await post(a, '/warehousing/movements', {
      type: 'production_receipt',
      itemCode: 'DRILL',
      warehouseCode: 'FG',
      qty: '8',
    }).expect(201);
    const rereserved = (await post(a, `/orders/sales-orders/${created.id}/reserve`, {}).expect(200))
      .body as ConfirmSalesOrderResult;
    expect(rereserved.reservations).toEqual([
      { lineNo: 1, itemCode: 'DRILL', requested: '4', reserved: '4' },
    ]);
    expect(rereserved.order.lines[0]!.reserved).toBe('6');
    expect(await stockOf(a, 'DRILL')).toEqual([
      expect.objectContaining({ onHand: '10', reserved: '6', available: '4' }),
    ]);
    await post(a, `/orders/sales-orders/${created.id}/shipments`, {
      warehouseCode: 'FG',
      lines: [{ lineNo: 1, qty: '6' }],
    }).expect(201);
    current = await order(a, created.id);
    expect(current.status).toBe('shipped');
    expect(current.lines.map((l) => l.shipped)).toEqual(['10', '15']);
    expect(await stockOf(a, 'DRILL')).toEqual([
      expect.objectContaining({ onHand: '4', reserved: '0', available: '4' }),
    ]);
    const noReserve = await post(a, `/orders/sales-orders/${created.id}/reserve`, {}).expect(409);
    expect((noReserve.body as ErrorBody).code).toBe('INVALID_STATUS');
    const more = await post(a, `/orders/sales-orders/${created.id}/shipments`, {
      lines: [{ lineNo: 1, qty: '1' }],
    }).expect(409);
    expect((more.body as ErrorBody).code).toBe('OVER_SHIPMENT');

    progress = (await get(a, `/orders/progress?orderNo=${created.no}`).expect(200))
      .body as OrdersPage<OrderProgressRow>;
    expect(progress.items.map((r) => [r.shipped, r.percentShipped, r.reserved])).toEqual([
      ['10', '100', '0'],
      ['15', '100', '0'],
    ]);

    // A sales return comes back into the warehouse the line shipped from; more than shipped is refused.
    const ret = (
      await post(a, `/orders/sales-orders/${created.id}/returns`, {
        reason: '外壳划伤',
        lines: [{ lineNo: 1, qty: '2' }],
      }).expect(201)
    ).body as SalesReturnView;
    expect(ret.no).toMatch(/^SR\d{8}-\d{4}$/);
    expect(ret.docNo).toMatch(/^RK\d{8}-\d{4}$/);
    expect(ret.lines).toEqual([
      expect.objectContaining({ lineNo: 1, itemCode: 'DRILL', warehouseCode: 'FG', qty: '2' }),
    ]);
    expect(await stockOf(a, 'DRILL')).toEqual([expect.objectContaining({ onHand: '6' })]);
    const overReturn = await post(a, `/orders/sales-orders/${created.id}/returns`, {
      reason: 'x',
      lines: [{ lineNo: 1, qty: '8.5' }],
    }).expect(409);
    expect(overReturn.body).toMatchObject({ code: 'OVER_RETURN' });
    expect(fields(overReturn.body)).toEqual(['lines[0].qty']);
    const returns = (await get(a, `/orders/returns?orderNo=${created.no}`).expect(200))
      .body as OrdersPage<SalesReturnView>;
    expect(returns.items.map((r) => r.reason)).toEqual(['外壳划伤']);
    expect((await order(a, created.id)).lines.map((l) => l.returned)).toEqual(['2', '0']);

    // Closing cancels the open production request.
    const closed = (await post(a, `/orders/sales-orders/${created.id}/close`, {}).expect(200))
      .body as SalesOrderView;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const afterClose = await post(a, `/orders/sales-orders/${created.id}/shipments`, {
      lines: [{ lineNo: 1, qty: '1' }],
    }).expect(409);
    expect((afterClose.body as ErrorBody).code).toBe('INVALID_STATUS');
    const request = (await get(a, `/orders/work-order-requests/${converted.requests[0]!.id}`).expect(200))
      .body as WorkOrderRequestView;
    expect(request.status).toBe('cancelled');

    const list = (await get(a, '/orders/sales-orders?status=closed&customerCode=C-001').expect(200))
      .body as OrdersPage<SalesOrderSummary>;
    expect(list.items.map((o) => o.no)).toContain(created.no);

    // One usage event per order created and per shipment (the replay recorded nothing).
    const usage = await t.app.get(DataSource).query<{ meter: string; n: number }[]>(
      `SELECT meter, count(*)::int AS n FROM platform.usage_events
          WHERE tenant_id = $1 AND meter LIKE 'orders.%' GROUP BY meter ORDER BY meter`,
      [a.tenant!.id],
    );
    expect(usage).toEqual([
      { meter: 'orders.sales-orders', n: 1 },
      { meter: 'orders.shipments', n: 2 },
    ]);
  });

  it('edits a draft, confirms without or with reservation, and cancel releases the stock', async () => {
    await receive(a, 'BATT', '10');
    const draft = (
      await post(a, '/orders/sales-orders', soBody([{ itemCode: 'DRILL', qty: '1', unitPrice: '1' }])).expect(
        201,
      )
    ).body as SalesOrderView;
    const edited = (
      await put(
        a,
        `/orders/sales-orders/${draft.id}`,
        soBody([{ itemCode: 'BATT', qty: '3', unitPrice: '10' }], {
          consigneeName: '李四',
          customerPo: 'PO-778',
        }),
      ).expect(200)
    ).body as SalesOrderView;
    expect(edited).toMatchObject({
      no: draft.no,
      consigneeName: '李四',
      consigneePhone: '13800000001',
      customerPo: 'PO-778',
      total: '30.00',
    });
    expect(edited.lines.map((l) => [l.lineNo, l.itemCode, l.qty])).toEqual([[1, 'BATT', '3']]);

    const before = (await stockOf(a, 'BATT'))[0]!;
    const noReserve = (
      await post(a, `/orders/sales-orders/${draft.id}/confirm`, { reserve: false }).expect(200)
    ).body as ConfirmSalesOrderResult;
    expect(noReserve.reservations).toEqual([]);
    expect(noReserve.order.lines[0]!.reserved).toBe('0');
    expect((await stockOf(a, 'BATT'))[0]!.reserved).toBe(before.reserved);
    const locked = await put(
      a,
      `/orders/sales-orders/${draft.id}`,
      soBody([{ itemCode: 'BATT', qty: '1', unitPrice: '1' }]),
    ).expect(409);
    expect((locked.body as ErrorBody).code).toBe('INVALID_STATUS');
    const buyOnly = await post(a, `/orders/sales-orders/${draft.id}/convert-to-production`, {}).expect(409);
    expect((buyOnly.body as ErrorBody).code).toBe('NOTHING_TO_PRODUCE');

    const second = (
      await post(a, '/orders/sales-orders', soBody([{ itemCode: 'BATT', qty: '4', unitPrice: '10' }])).expect(
        201,
      )
    ).body as SalesOrderView;
    await post(a, `/orders/sales-orders/${second.id}/confirm`, {}).expect(200);
    expect(new Set((await stockOf(a, 'BATT')).map((r) => r.reserved))).toEqual(new Set(['4']));
    const cancelled = (await post(a, `/orders/sales-orders/${second.id}/cancel`, {}).expect(200))
      .body as SalesOrderView;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lines[0]!.reserved).toBe('0');
    expect((await stockOf(a, 'BATT'))[0]!.reserved).toBe('0');
    const dead = await post(a, `/orders/sales-orders/${second.id}/confirm`, {}).expect(409);
    expect((dead.body as ErrorBody).code).toBe('INVALID_STATUS');
    const hidden = (await get(a, `/orders/progress?orderNo=${second.no}`).expect(200))
      .body as OrdersPage<OrderProgressRow>;
    expect(hidden.total).toBe(0);
  });

  it('ships lot-tracked goods FIFO and takes a return back into the lot it left from', async () => {
    await receive(a, 'GREASE', '5', { lot: 'G-OLD' });
    await receive(a, 'GREASE', '5', { lot: 'G-NEW' });
    const so = (
      await post(
        a,
        '/orders/sales-orders',
        soBody([{ itemCode: 'GREASE', qty: '4', unitPrice: '8' }]),
      ).expect(201)
    ).body as SalesOrderView;
    await post(a, `/orders/sales-orders/${so.id}/confirm`, { reserve: false }).expect(200);
    const shipment = (
      await post(a, `/orders/sales-orders/${so.id}/shipments`, { lines: [{ lineNo: 1, qty: '3' }] }).expect(
        201,
      )
    ).body as ShipmentView;
    expect(shipment.lines.map((l) => [l.lot, l.qty])).toEqual([['G-OLD', '3']]);
    const ret = (
      await post(a, `/orders/sales-orders/${so.id}/returns`, {
        reason: '客户多订',
        lines: [{ lineNo: 1, qty: '1' }],
      }).expect(201)
    ).body as SalesReturnView;
    expect(ret.lines.map((l) => [l.lot, l.qty])).toEqual([['G-OLD', '1']]);
    const lots = (await stockOf(a, 'GREASE')).map((r) => [r.lot, r.onHand]);
    expect(lots).toEqual(
      expect.arrayContaining([
        ['G-OLD', '3'],
        ['G-NEW', '5'],
      ]),
    );

    // A customer who asks for the newer lot gets it, and the order's reservation of the old lot stays.
    const picky = (
      await post(
        a,
        '/orders/sales-orders',
        soBody([{ itemCode: 'GREASE', qty: '5', unitPrice: '8' }]),
      ).expect(201)
    ).body as SalesOrderView;
    await post(a, `/orders/sales-orders/${picky.id}/confirm`, { reserve: true }).expect(200);
    const reservedBefore = (await stockOf(a, 'GREASE')).map((r) => [r.lot, r.reserved]);
    expect(reservedBefore).toEqual(
      expect.arrayContaining([
        ['G-OLD', '3'],
        ['G-NEW', '2'],
      ]),
    );
    const newLot = (
      await post(a, `/orders/sales-orders/${picky.id}/shipments`, {
        lines: [{ lineNo: 1, qty: '2', lot: 'G-NEW' }],
      }).expect(201)
    ).body as ShipmentView;
    expect(newLot.lines.map((l) => [l.lot, l.qty])).toEqual([['G-NEW', '2']]);
    const after = (await stockOf(a, 'GREASE')).map((r) => [r.lot, r.onHand, r.reserved]);
    expect(after).toEqual(
      expect.arrayContaining([
        ['G-OLD', '3', '3'],
        ['G-NEW', '3', '0'],
      ]),
    );
  });

  it('never over-ships: 6 concurrent shipments of 1 on a line of 3 → 3 shipped, 3 OVER_SHIPMENT', async () => {
    await receive(a, 'BATT', '10');
    const so = (
      await post(a, '/orders/sales-orders', soBody([{ itemCode: 'BATT', qty: '3', unitPrice: '2' }])).expect(
        201,
      )
    ).body as SalesOrderView;
    await post(a, `/orders/sales-orders/${so.id}/confirm`, {}).expect(200);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(a, `/orders/sales-orders/${so.id}/shipments`, { lines: [{ lineNo: 1, qty: '1' }] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect((r.body as ErrorBody).code).toBe('OVER_SHIPMENT');
    const after = await order(a, so.id);
    expect(after).toMatchObject({ status: 'shipped' });
    expect(after.lines[0]).toMatchObject({ shipped: '3', reserved: '0', toShip: '0' });
  });

  it("keeps tenants apart: B cannot see, confirm, ship or return A's order", async () => {
    await receive(a, 'BATT', '2');
    const so = (
      await post(a, '/orders/sales-orders', soBody([{ itemCode: 'BATT', qty: '1', unitPrice: '5' }])).expect(
        201,
      )
    ).body as SalesOrderView;
    await get(b, `/orders/sales-orders/${so.id}`).expect(404);
    await post(b, `/orders/sales-orders/${so.id}/confirm`, {}).expect(404);
    await put(
      b,
      `/orders/sales-orders/${so.id}`,
      soBody([{ itemCode: 'BATT', qty: '1', unitPrice: '1' }]),
    ).expect(404);
    await post(a, `/orders/sales-orders/${so.id}/confirm`, {}).expect(200);
    await post(b, `/orders/sales-orders/${so.id}/shipments`, { lines: [{ lineNo: 1, qty: '1' }] }).expect(
      404,
    );
    await post(b, `/orders/sales-orders/${so.id}/close`, {}).expect(404);
    const shipment = (
      await post(a, `/orders/sales-orders/${so.id}/shipments`, { lines: [{ lineNo: 1, qty: '1' }] }).expect(
        201,
      )
    ).body as ShipmentView;
    await get(b, `/orders/shipments/${shipment.id}`).expect(404);
    await post(b, `/orders/sales-orders/${so.id}/returns`, {
      reason: 'x',
      lines: [{ lineNo: 1, qty: '1' }],
    }).expect(404);
    const list = (await get(b, '/orders/sales-orders').expect(200)).body as OrdersPage<SalesOrderSummary>;
    expect(list.items.map((o) => o.id)).not.toContain(so.id);
    const progress = (await get(b, '/orders/progress').expect(200)).body as OrdersPage<OrderProgressRow>;
    expect(progress.items.map((r) => r.orderId)).not.toContain(so.id);
    const bShipments = (await get(b, '/orders/shipments').expect(200)).body as OrdersPage<ShipmentView>;
    expect(bShipments.total).toBe(0);
    // A's order number is free in B's numbering, and B's stock is untouched.
    expect(await stockOf(b, 'BATT')).toEqual([]);
    // A tenant without the module gets 403.
    const refused = await get(c, '/orders/sales-orders').expect(403);
    expect((refused.body as ErrorBody).code).toBe('MODULE_NOT_SUBSCRIBED');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const negative = await post(
      a,
      '/orders/sales-orders',
      soBody([{ itemCode: 'BATT', qty: '-1', unitPrice: '1' }]),
    ).expect(400);
    expect(fields(negative.body)).toEqual(['lines[0].qty']);
    const zero = await post(
      a,
      '/orders/sales-orders',
      soBody([{ itemCode: 'BATT', qty: '0', unitPrice: '1' }]),
    ).expect(400);
    expect(fields(zero.body)).toEqual(['lines[0].qty']);
    const unknownItem = await post(
      a,
      '/orders/sales-orders',
      soBody([
        { itemCode: 'BATT', qty: '1', unitPrice: '1' },
        { itemCode: 'NOPE', qty: '1', unitPrice: '1' },
      ]),
    ).expect(400);
    expect(fields(unknownItem.body)).toEqual(['lines[1].itemCode']);
    const unknownCustomer = await post(
      a,
      '/orders/sales-orders',
      soBody([{ itemCode: 'BATT', qty: '1', unitPrice: '1' }], {
        customerCode: 'C-404',
        warehouseCode: 'WH-404',
      }),
    ).expect(400);
    expect(fields(unknownCustomer.body).sort()).toEqual(['customerCode', 'warehouseCode']);
    const badPrice = await post(
      a,
      '/orders/sales-orders',
      soBody([{ itemCode: 'BATT', qty: '1', unitPrice: '1.12345', dueDate: '2026-02-30' }]),
    ).expect(400);
    expect(fields(badPrice.body).sort()).toEqual(['lines[0].dueDate', 'lines[0].unitPrice']);
    const huge = await post(
      a,
      '/orders/sales-orders',
      soBody([{ itemCode: 'BATT', qty: '999999999999', unitPrice: '99999999' }]),
    ).expect(400);
    expect(fields(huge.body)).toEqual(['lines[0].unitPrice']);

    const so = (
      await post(a, '/orders/sales-orders', soBody([{ itemCode: 'BATT', qty: '1', unitPrice: '1' }])).expect(
        201,
      )
    ).body as SalesOrderView;
    await post(a, `/orders/sales-orders/${so.id}/confirm`, { reserve: false }).expect(200);
    const badLine = await post(a, `/orders/sales-orders/${so.id}/shipments`, {
      lines: [{ lineNo: 9, qty: '1' }],
    }).expect(400);
    expect(fields(badLine.body)).toEqual(['lines[0].lineNo']);
    const badQty = await post(a, `/orders/sales-orders/${so.id}/shipments`, {
      lines: [{ lineNo: 1, qty: 1 }],
    }).expect(400);
    expect(fields(badQty.body)).toEqual(['lines[0].qty']);
    const badWarehouse = await post(a, `/orders/sales-orders/${so.id}/shipments`, {
      warehouseCode: 'WH-404',
      lines: [{ lineNo: 1, qty: '1' }],
    }).expect(400);
    expect(fields(badWarehouse.body)).toEqual(['warehouseCode']);
    await get(a, '/orders/sales-orders/not-an-id').expect(404);
    expect((await order(a, so.id)).lines[0]!.shipped).toBe('0');
  });
});
