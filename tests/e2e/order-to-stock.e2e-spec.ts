import type {
  ConfirmSalesOrderResult,
  LoginResponse,
  MovementView,
  PurchaseOrderView,
  PurchaseReceiptView,
  SalesOrderView,
  ShipmentView,
  StockRow,
} from '@mes/shared';
import { freshTenants, startTestApp, type TestApp, sessionCalls } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: { field: string; message: string }[];
}

/**
 * The loop of issue 4 across the three modules: a purchase order is received into stock, a sales
 * order reserves that stock when confirmed, and shipping it consumes exactly the reservation.
 */
describe('order to stock: PO → receipt → stock → SO → reserve → ship', () => {
  let t: TestApp;
  let s: LoginResponse;
  const suffix = Date.now().toString(36);

  const api = sessionCalls(() => t);
  const post = (path: string, body: object, key?: string) => api.post(s, path, body, key);
  const get = (path: string) => api.get(s, path);
  const stock = async () =>
    ((await get('/warehousing/stock?itemCode=MTR-1').expect(200)).body as { items: StockRow[] }).items;

  beforeAll(async () => {
    t = await startTestApp();
    [s] = await freshTenants(t, suffix, 'loop');
    for (const moduleKey of ['warehousing', 'purchasing', 'orders'])
      await post('/subscriptions', { moduleKey }).expect(201);
    await post('/master-data/warehouses', {
      code: 'WH-FG',
      name: '成品仓',
      locations: [{ code: 'F-01', name: 'F1' }],
    }).expect(201);
    await post('/master-data/items', {
      code: 'MTR-1',
      name: '电机',
      type: 'raw',
      baseUnit: '个',
      makeOrBuy: 'buy',
    }).expect(201);
    await post('/master-data/suppliers', { code: 'S-1', name: '电机厂' }).expect(201);
    await post('/master-data/customers', {
      code: 'C-1',
      name: '五金批发',
      address: '义乌市福田路 1 号',
      contacts: [{ name: '王经理', phone: '13800000000' }],
    }).expect(201);
  });
  afterAll(() => t.close());

  it('runs the whole loop and every quantity agrees', async () => {
    // Purchase 100, receive 60 then 40.
    const po = (
      await post('/purchasing/orders', {
        supplierCode: 'S-1',
        warehouseCode: 'WH-FG',
        lines: [{ itemCode: 'MTR-1', qty: '100', unitPrice: '35.5' }],
      }).expect(201)
    ).body as PurchaseOrderView;
    await post(`/purchasing/orders/${po.id}/approve`, {}).expect(200);
    const first = (
      await post(
        `/purchasing/orders/${po.id}/receipts`,
        { lines: [{ lineNo: 1, qty: '60', locationCode: 'F-01' }] },
        `rcv-${suffix}-1`,
      ).expect(201)
    ).body as PurchaseReceiptView;
    // The scanner retried: the same key posts nothing more.
    await post(
      `/purchasing/orders/${po.id}/receipts`,
      { lines: [{ lineNo: 1, qty: '60', locationCode: 'F-01' }] },
      `rcv-${suffix}-1`,
    ).expect(201);
    await post(`/purchasing/orders/${po.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '40', locationCode: 'F-01' }],
    }).expect(201);
    expect((await stock()).map((r) => [r.warehouseCode, r.locationCode, r.onHand, r.available])).toEqual([
      ['WH-FG', 'F-01', '100', '100'],
    ]);
    const receipt = (await get(`/warehousing/documents/${first.docNo}`).expect(200)).body as {
      movements: MovementView[];
    };
    expect(receipt.movements).toEqual([
      expect.objectContaining({ type: 'purchase_receipt', qty: '60', ref: po.no }),
    ]);
    expect(((await get(`/purchasing/orders/${po.id}`).expect(200)).body as PurchaseOrderView).status).toBe(
      'received',
    );

    // Sell 70: confirming reserves it, so it is no longer available to anyone else.
    const so = (
      await post('/orders/sales-orders', {
        customerCode: 'C-1',
        warehouseCode: 'WH-FG',
        lines: [{ itemCode: 'MTR-1', qty: '70', unitPrice: '58' }],
      }).expect(201)
    ).body as SalesOrderView;
    expect(so).toMatchObject({ status: 'draft', consigneeName: '王经理', consigneePhone: '13800000000' });
    const confirmed = (await post(`/orders/sales-orders/${so.id}/confirm`, { reserve: true }).expect(200))
      .body as ConfirmSalesOrderResult;
    expect(confirmed.reservations).toEqual([
      expect.objectContaining({ lineNo: 1, requested: '70', reserved: '70' }),
    ]);
    expect((await stock())[0]).toMatchObject({ onHand: '100', reserved: '70', available: '30' });
    const grab = await post('/warehousing/movements', {
      type: 'other_out',
      itemCode: 'MTR-1',
      warehouseCode: 'WH-FG',
      qty: '31',
    }).expect(409);
    expect((grab.body as ErrorBody).code).toBe('INSUFFICIENT_STOCK');

    // Ship 50 then 20: the reservation is consumed, the free 30 stays free.
    await post(`/orders/sales-orders/${so.id}/shipments`, { lines: [{ lineNo: 1, qty: '50' }] }).expect(201);
    expect((await stock())[0]).toMatchObject({ onHand: '50', reserved: '20', available: '30' });
    const over = await post(`/orders/sales-orders/${so.id}/shipments`, {
      lines: [{ lineNo: 1, qty: '21' }],
    }).expect(409);
    expect((over.body as ErrorBody).code).toBe('OVER_SHIPMENT');
    const last = (
      await post(`/orders/sales-orders/${so.id}/shipments`, { lines: [{ lineNo: 1, qty: '20' }] }).expect(201)
    ).body as ShipmentView;
    expect(last.lines).toEqual([expect.objectContaining({ qty: '20', warehouseCode: 'WH-FG' })]);
    expect((await stock())[0]).toMatchObject({ onHand: '30', reserved: '0', available: '30' });
    expect(((await get(`/orders/sales-orders/${so.id}`).expect(200)).body as SalesOrderView).status).toBe(
      'shipped',
    );

    // The ledger tells the same story: +60 +40 −50 −20.
    const history = (await get('/warehousing/movements?itemCode=MTR-1').expect(200)).body as {
      items: MovementView[];
    };
    expect(history.items.map((m) => `${m.type}:${m.qty}`).reverse()).toEqual([
      'purchase_receipt:60',
      'purchase_receipt:40',
      'sales_issue:-50',
      'sales_issue:-20',
    ]);
  });

  it('a second order cannot ship more than is available', async () => {
    const so = (
      await post('/orders/sales-orders', {
        customerCode: 'C-1',
        warehouseCode: 'WH-FG',
        lines: [{ itemCode: 'MTR-1', qty: '40', unitPrice: '58' }],
      }).expect(201)
    ).body as SalesOrderView;
    const confirmed = (await post(`/orders/sales-orders/${so.id}/confirm`, { reserve: true }).expect(200))
      .body as ConfirmSalesOrderResult;
    expect(confirmed.reservations[0]).toMatchObject({ requested: '40', reserved: '30' });
    const short = await post(`/orders/sales-orders/${so.id}/shipments`, {
      lines: [{ lineNo: 1, qty: '40' }],
    }).expect(409);
    expect((short.body as ErrorBody).code).toBe('INSUFFICIENT_STOCK');
    expect((await stock())[0]).toMatchObject({ onHand: '30', reserved: '30', available: '0' });
  });
});
