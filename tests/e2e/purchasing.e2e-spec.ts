import { DataSource } from 'typeorm';
import { TenantDb, TenantsService } from '@mes/platform';
import { Role } from '@mes/shared';
import type {
  LatestPriceView,
  LoginResponse,
  MovementView,
  PendingReceiptRow,
  PurchaseOrderSummary,
  PurchaseOrderView,
  PurchaseReceiptView,
  RequisitionView,
  StockRow,
  SupplierPriceView,
} from '@mes/shared';
import { freshTenants, startTestApp, type TestApp, sessionCalls } from './support/test-app';

interface ErrorBody {
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

describe('purchasing: prices, to-buy list, purchase orders, receipts, returns, closing', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  const { post, put, get } = sessionCalls(() => t);
  const stockOf = async (s: LoginResponse, query: string) =>
    ((await get(s, `/warehousing/stock?${query}`).expect(200)).body as { items: StockRow[] }).items;
  const fields = (res: { body: unknown }) => ((res.body as ErrorBody).details ?? []).map((d) => d.field);
  const meterCount = async (s: LoginResponse, meter: string) => {
    const [row] = await t.app
      .get(DataSource)
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM platform.usage_events WHERE tenant_id = $1 AND meter = $2`,
        [s.tenant!.id, meter],
      );
    return row!.n;
  };

  /** An approved order for one line, received into WH1 unless told otherwise. */
  const approvedOrder = async (s: LoginResponse, line: object, extra: object = {}) => {
    const po = (
      await post(s, '/purchasing/orders', {
        supplierCode: 'SUP1',
        warehouseCode: 'WH1',
        lines: [line],
        ...extra,
      }).expect(201)
    ).body as PurchaseOrderView;
    await post(s, `/purchasing/orders/${po.id}/approve`).expect(200);
    return po;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'pura', 'purb');
    for (const s of [a, b]) {
      await post(s, '/subscriptions', { moduleKey: 'purchasing', withDependencies: true }).expect(201);
      await post(s, '/master-data/warehouses', {
        code: 'WH1',
        name: '原材料仓',
        locations: [{ code: 'A-01', name: 'A1' }],
      }).expect(201);
      await post(s, '/master-data/suppliers', { code: 'SUP1', name: '华东五金' }).expect(201);
      await post(s, '/master-data/suppliers', { code: 'SUP2', name: '苏州紧固件' }).expect(201);
      for (const item of [
        { code: 'SCREW', name: '螺钉 M3', type: 'raw', baseUnit: '个', makeOrBuy: 'buy' },
        { code: 'NUT', name: '螺母 M3', type: 'raw', baseUnit: '个', makeOrBuy: 'buy' },
        {
          code: 'SENSOR',
          name: '传感器',
          type: 'raw',
          baseUnit: '个',
          makeOrBuy: 'buy',
          inspectionRequired: true,
        },
        {
          code: 'RESIN',
          name: '树脂',
          type: 'raw',
          baseUnit: 'kg',
          makeOrBuy: 'buy',
          lotTracked: true,
        },
      ])
        await post(s, '/master-data/items', item).expect(201);
    }
  });
  afterAll(() => t.close());

  it('keeps supplier prices by date and quantity tier and answers the effective one', async () => {
    const price = (body: object) => post(a, '/purchasing/prices', body).expect(201);
    await price({
      supplierCode: 'SUP1',
      itemCode: 'SCREW',
      unitPrice: '0.05',
      validFrom: '2019-01-01',
      validTo: '2019-12-31',
    });
    const current = (
      await price({ supplierCode: 'SUP1', itemCode: 'SCREW', unitPrice: '0.035', validFrom: '2020-01-01' })
    ).body as SupplierPriceView;
    expect(current).toMatchObject({
      supplierName: '华东五金',
      itemName: '螺钉 M3',
      unitPrice: '0.035',
      currency: 'CNY',
      minQty: '0',
      validTo: null,
    });
    await price({
      supplierCode: 'SUP1',
      itemCode: 'SCREW',
      unitPrice: '0.03',
      minQty: '10000',
      validFrom: '2020-01-01',
    });
    await price({ supplierCode: 'SUP2', itemCode: 'SCREW', unitPrice: '0.038', validFrom: '2020-01-01' });
    await price({ supplierCode: 'SUP2', itemCode: 'NUT', unitPrice: '0.02', validFrom: '2020-01-01' });

    const effective = async (query: string) =>
      ((await get(a, `/purchasing/prices/effective?${query}`).expect(200)).body as SupplierPriceView)
        .unitPrice;
    expect(await effective('supplierCode=SUP1&itemCode=SCREW&date=2019-06-01')).toBe('0.05');
    expect(await effective('supplierCode=SUP1&itemCode=SCREW&date=2026-03-01&qty=500')).toBe('0.035');
    expect(await effective('supplierCode=SUP1&itemCode=SCREW&date=2026-03-01&qty=20000')).toBe('0.03');
    expect(await effective('supplierCode=SUP1&itemCode=SCREW')).toBe('0.035');
    await get(a, '/purchasing/prices/effective?supplierCode=SUP1&itemCode=SCREW&date=2018-01-01').expect(404);
    await get(a, '/purchasing/prices/effective?supplierCode=SUP1&itemCode=NUT').expect(404);

    const inForce = (await get(a, '/purchasing/prices?itemCode=SCREW&onDate=2026-01-01').expect(200))
      .body as {
      items: SupplierPriceView[];
      total: number;
    };
    expect(inForce.total).toBe(3);
    expect(inForce.items.map((p) => p.unitPrice).sort()).toEqual(['0.03', '0.035', '0.038']);

    // A bad price is refused naming the field; validTo before validFrom too.
    const bad = await post(a, '/purchasing/prices', {
      supplierCode: 'SUP1',
      itemCode: 'SCREW',
      unitPrice: '-0.01',
      validFrom: '2020-01-01',
    }).expect(400);
    expect(fields(bad)).toContain('unitPrice');
    const backwards = await post(a, '/purchasing/prices', {
      supplierCode: 'NOPE',
      itemCode: 'SCREW',
      unitPrice: '1',
      validFrom: '2020-02-01',
      validTo: '2020-01-01',
    }).expect(400);
    expect(fields(backwards)).toEqual(expect.arrayContaining(['supplierCode', 'validTo']));
  });

  it('runs the whole loop: to-buy list → orders → approve → receipts → stock → return → close', async () => {
    const buyer = await post(a, '/purchasing/buyers', {
      code: 'B01',
      name: '王采购',
      phone: '13800000000',
    }).expect(201);
    expect(buyer.body).toMatchObject({ code: 'B01', active: true });
    await post(a, '/purchasing/buyers', { code: 'B01', name: 'dup' }).expect(409);

    const screwReq = (
      await post(a, '/purchasing/requisitions', {
        itemCode: 'SCREW',
        qty: '1000',
        needBy: '2099-01-10',
      }).expect(201)
    ).body as RequisitionView;
    expect(screwReq).toMatchObject({ status: 'open', source: 'manual', supplierCode: null, qty: '1000' });
    const nutReq = (
      await post(a, '/purchasing/requisitions', { itemCode: 'NUT', qty: '500', supplierCode: 'SUP2' }).expect(
        201,
      )
    ).body as RequisitionView;

    // Converted into one draft order per supplier: SCREW goes to SUP1 (cheapest), NUT to SUP2 (named).
    const converted = (
      await post(a, '/purchasing/requisitions/convert', {
        ids: [screwReq.id, nutReq.id],
        buyerCode: 'B01',
      }).expect(201)
    ).body as { orders: PurchaseOrderView[] };
    expect(
      converted.orders.map((o) => [
        o.supplierCode,
        o.status,
        o.lines.map((l) => [l.itemCode, l.qty, l.unitPrice]),
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['SUP1', 'draft', [['SCREW', '1000', '0.035']]],
        ['SUP2', 'draft', [['NUT', '500', '0.02']]],
      ]),
    );
    const draft = converted.orders.find((o) => o.supplierCode === 'SUP1')!;
    expect(draft.no).toMatch(/^PO\d{8}-\d{4}$/);
    expect(draft).toMatchObject({ buyerCode: 'B01', totalAmount: '35.00' });
    expect(draft.lines[0]!.dueDate).toBe('2099-01-10');
    const ordered = (await get(a, `/purchasing/requisitions/${screwReq.id}`).expect(200))
      .body as RequisitionView;
    expect(ordered).toMatchObject({ status: 'ordered', orderNo: draft.no, supplierCode: 'SUP1' });
    // An ordered line cannot be converted twice.
    const again = await post(a, '/purchasing/requisitions/convert', { ids: [screwReq.id] }).expect(400);
    expect(fields(again)).toEqual(['ids[0]']);

    // Edit the draft: a receiving warehouse and a price given by hand; the amount follows.
    const edited = (
      await put(a, `/purchasing/orders/${draft.id}`, {
        supplierCode: 'SUP1',
        buyerCode: 'B01',
        warehouseCode: 'WH1',
        expectedDate: '2099-01-10',
        lines: [{ itemCode: 'SCREW', qty: '1000', unitPrice: '0.0345' }],
      }).expect(200)
    ).body as PurchaseOrderView;
    expect(edited).toMatchObject({ status: 'draft', warehouseCode: 'WH1', totalAmount: '34.50' });

    const approved = (await post(a, `/purchasing/orders/${draft.id}/approve`).expect(200))
      .body as PurchaseOrderView;
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt).toEqual(expect.any(String));
    await put(a, `/purchasing/orders/${draft.id}`, {
      supplierCode: 'SUP1',
      lines: [{ itemCode: 'SCREW', qty: '1' }],
    }).expect(409);

    const receiptsBefore = await meterCount(a, 'purchasing.receipts');
    const first = (
      await post(a, `/purchasing/orders/${draft.id}/receipts`, {
        lines: [{ lineNo: 1, qty: '600', locationCode: 'A-01' }],
      }).expect(201)
    ).body as PurchaseReceiptView;
    expect(first).toMatchObject({ kind: 'receipt', orderNo: draft.no, supplierCode: 'SUP1' });
    expect(first.no).toMatch(/^SH\d{8}-\d{4}$/);
    expect(first.docNo).toMatch(/^RK\d{8}-\d{4}$/);
    expect(first.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        itemCode: 'SCREW',
        qty: '600',
        warehouseCode: 'WH1',
        locationCode: 'A-01',
        held: false,
      }),
    ]);
    let po = (await get(a, `/purchasing/orders/${draft.id}`).expect(200)).body as PurchaseOrderView;
    expect(po.status).toBe('partially_received');
    expect(po.lines[0]).toMatchObject({ receivedQty: '600', outstandingQty: '400' });
    expect(await stockOf(a, 'itemCode=SCREW')).toEqual([
      expect.objectContaining({
        warehouseCode: 'WH1',
        locationCode: 'A-01',
        onHand: '600',
        available: '600',
        held: false,
      }),
    ]);

    const pending = (await get(a, '/purchasing/pending-receipts?supplierCode=SUP1').expect(200)).body as {
      items: PendingReceiptRow[];
    };
    expect(pending.items).toEqual([
      expect.objectContaining({
        orderNo: draft.no,
        itemCode: 'SCREW',
        outstandingQty: '400',
        dueDate: '2099-01-10',
        overdue: false,
      }),
    ]);

    await post(a, `/purchasing/orders/${draft.id}/receipts`, { lines: [{ lineNo: 1, qty: '400' }] }).expect(
      201,
    );
    po = (await get(a, `/purchasing/orders/${draft.id}`).expect(200)).body as PurchaseOrderView;
    expect(po.status).toBe('received');
    expect(po.lines[0]).toMatchObject({ receivedQty: '1000', outstandingQty: '0' });
    expect(await meterCount(a, 'purchasing.receipts')).toBe(receiptsBefore + 2);
    // Fully received without tolerance: one more piece is an over-receipt.
    const extra = await post(a, `/purchasing/orders/${draft.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '1' }],
    }).expect(409);
    expect(extra.body).toMatchObject({
      code: 'OVER_RECEIPT',
      details: [{ field: 'lines[0].qty', message: expect.stringContaining('at most 0 allowed') }],
    });
    const stillPending = (await get(a, '/purchasing/pending-receipts?supplierCode=SUP1').expect(200))
      .body as {
      items: PendingReceiptRow[];
    };
    expect(stillPending.items).toEqual([]);

    // Return 100 from A-01; more than received − returned is refused.
    const ret = (
      await post(a, `/purchasing/orders/${draft.id}/returns`, {
        note: '表面划伤',
        lines: [{ lineNo: 1, qty: '100', locationCode: 'A-01' }],
      }).expect(201)
    ).body as PurchaseReceiptView;
    expect(ret).toMatchObject({ kind: 'return', note: '表面划伤' });
    expect(ret.no).toMatch(/^TH\d{8}-\d{4}$/);
    const overReturn = await post(a, `/purchasing/orders/${draft.id}/returns`, {
      lines: [{ lineNo: 1, qty: '900.5' }],
    }).expect(409);
    expect(overReturn.body).toMatchObject({ code: 'OVER_RETURN' });
    expect(fields(overReturn)).toEqual(['lines[0].qty']);
    const onHand = (await stockOf(a, 'itemCode=SCREW')).reduce((sum, r) => sum + Number(r.onHand), 0);
    expect(onHand).toBe(900);

    const closed = (await post(a, `/purchasing/orders/${draft.id}/close`).expect(200))
      .body as PurchaseOrderView;
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(closed.lines[0]).toMatchObject({ receivedQty: '1000', returnedQty: '100' });
    const afterClose = await post(a, `/purchasing/orders/${draft.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '1' }],
    }).expect(409);
    expect(afterClose.body).toMatchObject({ code: 'INVALID_STATUS' });
    await post(a, `/purchasing/orders/${draft.id}/cancel`).expect(409);

    // The ledger holds the three documents under the order number.
    const movements = (await get(a, `/warehousing/movements?ref=${draft.no}`).expect(200)).body as {
      items: MovementView[];
    };
    expect(movements.items.map((m) => [m.type, m.qty]).sort()).toEqual([
      ['purchase_receipt', '400'],
      ['purchase_receipt', '600'],
      ['purchase_return', '-100'],
    ]);
    const docs = (await get(a, `/purchasing/receipts?orderId=${draft.id}`).expect(200)).body as {
      items: PurchaseReceiptView[];
      total: number;
    };
    expect(docs.total).toBe(3);
    expect(new Set(docs.items.map((d) => d.docNo))).toEqual(new Set(movements.items.map((m) => m.docNo)));

    // 物料最新采购价格: from the approved order.
    const latest = (await get(a, '/purchasing/prices/latest?itemCode=SCREW').expect(200)).body as {
      items: LatestPriceView[];
    };
    expect(latest.items).toEqual([
      expect.objectContaining({
        itemCode: 'SCREW',
        supplierCode: 'SUP1',
        unitPrice: '0.0345',
        orderNo: draft.no,
      }),
    ]);
    const list = (await get(a, '/purchasing/orders?status=closed&supplierCode=SUP1').expect(200)).body as {
      items: PurchaseOrderSummary[];
      total: number;
    };
    expect(list.items.map((o) => o.no)).toEqual([draft.no]);

    // Cancelling the other draft puts its to-buy line back on the list.
    const nutOrder = converted.orders.find((o) => o.supplierCode === 'SUP2')!;
    expect(
      ((await post(a, `/purchasing/orders/${nutOrder.id}/cancel`).expect(200)).body as PurchaseOrderView)
        .status,
    ).toBe('cancelled');
    expect(
      ((await get(a, `/purchasing/requisitions/${nutReq.id}`).expect(200)).body as RequisitionView).status,
    ).toBe('open');
    await post(a, `/purchasing/requisitions/${nutReq.id}/cancel`).expect(200);
    await post(a, `/purchasing/requisitions/${nutReq.id}/cancel`).expect(409);
  });

  it('puts items needing inspection into the QC-hold location, held', async () => {
    const po = await approvedOrder(a, { itemCode: 'SENSOR', qty: '50', unitPrice: '12.5' });
    const receipt = (
      await post(a, `/purchasing/orders/${po.id}/receipts`, {
        lines: [{ lineNo: 1, qty: '50', locationCode: 'A-01' }],
      }).expect(201)
    ).body as PurchaseReceiptView;
    expect(receipt.lines).toEqual([
      expect.objectContaining({ locationCode: 'QC-HOLD', held: true, qty: '50' }),
    ]);
    expect(await stockOf(a, 'itemCode=SENSOR')).toEqual([
      expect.objectContaining({
        warehouseCode: 'WH1',
        locationCode: 'QC-HOLD',
        onHand: '50',
        available: '0',
        held: true,
      }),
    ]);
    // Rejected by inspection: returned from the QC-hold location (held stock is not free stock).
    const fromFree = await post(a, `/purchasing/orders/${po.id}/returns`, {
      lines: [{ lineNo: 1, qty: '10' }],
    }).expect(409);
    expect(fromFree.body).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await post(a, `/purchasing/orders/${po.id}/returns`, {
      note: '来料检验不合格',
      lines: [{ lineNo: 1, qty: '10', locationCode: 'QC-HOLD' }],
    }).expect(201);
    expect(await stockOf(a, 'itemCode=SENSOR')).toEqual([
      expect.objectContaining({ locationCode: 'QC-HOLD', onHand: '40', held: true }),
    ]);
  });

  it('refuses over-receipt with 409 OVER_RECEIPT, writing nothing; a 5 % tolerance allows 5 % more', async () => {
    const strict = await approvedOrder(a, { itemCode: 'NUT', qty: '100', unitPrice: '0.02' });
    const before = await stockOf(a, 'itemCode=NUT');
    const over = await post(a, `/purchasing/orders/${strict.id}/receipts`, {
      lines: [
        { lineNo: 1, qty: '60' },
        { lineNo: 1, qty: '40.000001' },
      ],
    }).expect(409);
    expect(over.body).toMatchObject({ code: 'OVER_RECEIPT' });
    expect((over.body as ErrorBody).message).toBe(
      '超出订单可收数量：第 1 行 NUT 本次 100.000001，最多还可收 100 / receipt exceeds the order: line 1 NUT receiving 100.000001, at most 100',
    );
    expect((over.body as ErrorBody).details).toEqual([
      { field: 'lines[1].qty', message: expect.stringContaining('at most 100 allowed') },
    ]);
    expect(await stockOf(a, 'itemCode=NUT')).toEqual(before);
    const none = (await get(a, `/purchasing/receipts?orderId=${strict.id}`).expect(200)).body as {
      total: number;
    };
    expect(none.total).toBe(0);

    const tolerant = await approvedOrder(
      a,
      { itemCode: 'NUT', qty: '100', unitPrice: '0.02' },
      { tolerancePercent: '5' },
    );
    await post(a, `/purchasing/orders/${tolerant.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '104' }],
    }).expect(201);
    const tooMuch = await post(a, `/purchasing/orders/${tolerant.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '1.5' }],
    }).expect(409);
    expect(tooMuch.body).toMatchObject({ code: 'OVER_RECEIPT', details: [{ field: 'lines[0].qty' }] });
    const last = (
      await post(a, `/purchasing/orders/${tolerant.id}/receipts`, {
        lines: [{ lineNo: 1, qty: '1' }],
      }).expect(201)
    ).body as PurchaseReceiptView;
    expect(last.lines[0]!.qty).toBe('1');
    const done = (await get(a, `/purchasing/orders/${tolerant.id}`).expect(200)).body as PurchaseOrderView;
    expect(done).toMatchObject({ status: 'received', tolerancePercent: '5' });
    expect(done.lines[0]).toMatchObject({ receivedQty: '105', outstandingQty: '0' });
  });

  it('refuses to receive a draft (409 INVALID_STATUS) and wants a lot for lot-tracked items', async () => {
    const draft = (
      await post(a, '/purchasing/orders', {
        supplierCode: 'SUP1',
        warehouseCode: 'WH1',
        lines: [{ itemCode: 'RESIN', qty: '20', unitPrice: '18' }],
      }).expect(201)
    ).body as PurchaseOrderView;
    const res = await post(a, `/purchasing/orders/${draft.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '5' }],
    }).expect(409);
    expect(res.body).toMatchObject({ code: 'INVALID_STATUS' });
    await post(a, `/purchasing/orders/${draft.id}/approve`).expect(200);
    await post(a, `/purchasing/orders/${draft.id}/approve`).expect(409);
    const noLot = await post(a, `/purchasing/orders/${draft.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '5' }],
    }).expect(400);
    expect(fields(noLot)).toEqual(['lines[0].lot']);
    const r = (
      await post(a, `/purchasing/orders/${draft.id}/receipts`, {
        lines: [{ lineNo: 1, qty: '5', lot: 'R-001' }],
      }).expect(201)
    ).body as PurchaseReceiptView;
    expect(r.lines[0]).toMatchObject({ lot: 'R-001' });
    expect(await stockOf(a, 'itemCode=RESIN&lot=R-001')).toEqual([expect.objectContaining({ onHand: '5' })]);
    const unknownLine = await post(a, `/purchasing/orders/${draft.id}/receipts`, {
      lines: [{ lineNo: 9, qty: '1' }],
    }).expect(400);
    expect(fields(unknownLine)).toEqual(['lines[0].lineNo']);
  });

  it('never over-receives under concurrency: 6 receipts of 30 against 100 → 3 succeed', async () => {
    const po = await approvedOrder(a, { itemCode: 'NUT', qty: '100', unitPrice: '0.02' });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(a, `/purchasing/orders/${po.id}/receipts`, { lines: [{ lineNo: 1, qty: '30' }] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect((r.body as ErrorBody).code).toBe('OVER_RECEIPT');
    const order = (await get(a, `/purchasing/orders/${po.id}`).expect(200)).body as PurchaseOrderView;
    expect(order).toMatchObject({ status: 'partially_received' });
    expect(order.lines[0]).toMatchObject({ receivedQty: '90', outstandingQty: '10' });
    const movements = (await get(a, `/warehousing/movements?ref=${po.no}`).expect(200)).body as {
      items: MovementView[];
    };
    expect(movements.items).toHaveLength(3);
  });

  it('lets a warehouse keeper receive but not approve, and a planner order but not receive', async () => {
    const tenants = t.app.get(TenantsService);
    const keeper = { email: `wh-${suffix}@x.test`, name: '仓管员', password: 'Password#1' };
    const planner = { email: `pl-${suffix}@x.test`, name: '计划员', password: 'Password#1' };
    await tenants.addMember(a.tenant!.id, { ...keeper, roles: [Role.WAREHOUSE] });
    await tenants.addMember(a.tenant!.id, { ...planner, roles: [Role.PLANNER] });
    const wh = await t.login({ email: keeper.email, password: keeper.password });
    const pl = await t.login({ email: planner.email, password: planner.password });
    const draft = (
      await post(pl, '/purchasing/orders', {
        supplierCode: 'SUP1',
        warehouseCode: 'WH1',
        lines: [{ itemCode: 'SCREW', qty: '10', unitPrice: '0.04' }],
      }).expect(201)
    ).body as PurchaseOrderView;
    await post(pl, `/purchasing/orders/${draft.id}/approve`).expect(403);
    await post(wh, `/purchasing/orders/${draft.id}/approve`).expect(403);
    await post(a, `/purchasing/orders/${draft.id}/approve`).expect(200);
    await post(pl, `/purchasing/orders/${draft.id}/receipts`, { lines: [{ lineNo: 1, qty: '1' }] }).expect(
      403,
    );
    await post(wh, `/purchasing/orders/${draft.id}/receipts`, { lines: [{ lineNo: 1, qty: '1' }] }).expect(
      201,
    );
    await post(wh, '/purchasing/orders', {
      supplierCode: 'SUP1',
      lines: [{ itemCode: 'SCREW', qty: '1' }],
    }).expect(403);
  });

  it('applies a retried receipt once (Idempotency-Key)', async () => {
    const po = await approvedOrder(a, { itemCode: 'SCREW', qty: '300', unitPrice: '0.035' });
    const key = `rcv-${suffix}`;
    const body = { lines: [{ lineNo: 1, qty: '120' }] };
    const first = (await post(a, `/purchasing/orders/${po.id}/receipts`, body, key).expect(201))
      .body as PurchaseReceiptView;
    const again = await post(a, `/purchasing/orders/${po.id}/receipts`, body, key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((again.body as PurchaseReceiptView).id).toBe(first.id);
    const movements = (await get(a, `/warehousing/movements?ref=${po.no}`).expect(200)).body as {
      items: MovementView[];
    };
    expect(new Set(movements.items.map((m) => m.docNo)).size).toBe(1);
    const order = (await get(a, `/purchasing/orders/${po.id}`).expect(200)).body as PurchaseOrderView;
    expect(order.lines[0]!.receivedQty).toBe('120');
  });

  it('prints the order as a PDF and meters every order created', async () => {
    const ordersBefore = await meterCount(a, 'purchasing.purchase-orders');
    const po = await approvedOrder(
      a,
      { itemCode: 'SCREW', qty: '2000', unitPrice: '0.035' },
      { buyerCode: 'B01', note: '请附质检报告' },
    );
    expect(await meterCount(a, 'purchasing.purchase-orders')).toBe(ordersBefore + 1);
    const res = await get(a, `/purchasing/orders/${po.id}/pdf`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          done(null, Buffer.concat(chunks));
        });
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect((res.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('keeps tenants apart: another tenant cannot see, approve, receive or print an order', async () => {
    const draft = (
      await post(a, '/purchasing/orders', {
        supplierCode: 'SUP1',
        lines: [{ itemCode: 'SCREW', qty: '10', unitPrice: '0.04' }],
      }).expect(201)
    ).body as PurchaseOrderView;
    await get(b, `/purchasing/orders/${draft.id}`).expect(404);
    await get(b, `/purchasing/orders/${draft.id}/pdf`).expect(404);
    await post(b, `/purchasing/orders/${draft.id}/approve`).expect(404);
    await post(b, `/purchasing/orders/${draft.id}/cancel`).expect(404);
    await post(b, `/purchasing/orders/${draft.id}/receipts`, { lines: [{ lineNo: 1, qty: '1' }] }).expect(
      404,
    );
    const theirs = (await get(b, '/purchasing/orders').expect(200)).body as {
      items: PurchaseOrderSummary[];
      total: number;
    };
    expect(theirs.items.map((o) => o.id)).not.toContain(draft.id);
    const prices = (await get(b, '/purchasing/prices').expect(200)).body as { total: number };
    expect(prices.total).toBe(0);
    // Still a draft for its owner.
    expect(
      ((await get(a, `/purchasing/orders/${draft.id}`).expect(200)).body as PurchaseOrderView).status,
    ).toBe('draft');
  });

  it('seeds the demo factory with buyers, prices, a to-buy list and orders in several states', async () => {
    const [demo] = await t.app
      .get(DataSource)
      .query<{ id: string }[]>(`SELECT id FROM platform.tenants WHERE slug = 'demo'`);
    const rows = await t.app.get(TenantDb).runInTenant(demo!.id, (m) =>
      m.query<{ status: string; received: string }[]>(
        `SELECT o.status, sum(l.received_qty)::text AS received FROM pur_orders o
             JOIN pur_order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
            GROUP BY o.id, o.status ORDER BY o.status`,
      ),
    );
    expect(rows).toEqual([
      { status: 'approved', received: '0.000000' },
      { status: 'draft', received: '0.000000' },
      { status: 'partially_received', received: '2000.000000' },
    ]);
    const counts = await t.app.get(TenantDb).runInTenant(demo!.id, (m) =>
      m.query<{ buyers: number; prices: number; open: number }[]>(
        `SELECT (SELECT count(*)::int FROM pur_buyers) AS buyers, (SELECT count(*)::int FROM pur_prices) AS prices,
                  (SELECT count(*)::int FROM pur_requisitions WHERE status = 'open') AS open`,
      ),
    );
    expect(counts).toEqual([{ buyers: 2, prices: 14, open: 2 }]);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const negative = await post(a, '/purchasing/orders', {
      supplierCode: 'SUP1',
      lines: [{ itemCode: 'SCREW', qty: '-5', unitPrice: '1' }],
    }).expect(400);
    expect(fields(negative)).toEqual(['lines[0].qty']);
    const unknown = await post(a, '/purchasing/orders', {
      supplierCode: 'NOPE',
      lines: [
        { itemCode: 'SCREW', qty: '5', unitPrice: '1' },
        { itemCode: 'GHOST', qty: '5', unitPrice: '1' },
      ],
    }).expect(400);
    expect(fields(unknown).sort()).toEqual(['lines[1].itemCode', 'supplierCode']);
    const noPrice = await post(a, '/purchasing/orders', {
      supplierCode: 'SUP2',
      lines: [{ itemCode: 'RESIN', qty: '5' }],
    }).expect(400);
    expect(fields(noPrice)).toEqual(['lines[0].unitPrice']);
    const float = await post(a, '/purchasing/orders', {
      supplierCode: 'SUP1',
      lines: [{ itemCode: 'SCREW', qty: 5 }],
    }).expect(400);
    expect(fields(float)).toEqual(['lines[0].qty']);
    const po = await approvedOrder(a, { itemCode: 'SCREW', qty: '10', unitPrice: '0.04' });
    const badReceipt = await post(a, `/purchasing/orders/${po.id}/receipts`, {
      lines: [{ lineNo: 1, qty: '-1' }],
    }).expect(400);
    expect(fields(badReceipt)).toEqual(['lines[0].qty']);
    const badWarehouse = await post(a, `/purchasing/orders/${po.id}/receipts`, {
      warehouseCode: 'NOPE',
      lines: [{ lineNo: 1, qty: '1' }],
    }).expect(400);
    expect(fields(badWarehouse)).toEqual(['warehouseCode']);
    const badReq = await post(a, '/purchasing/requisitions', { itemCode: 'GHOST', qty: '1' }).expect(400);
    expect(fields(badReq)).toEqual(['itemCode']);
    await get(a, '/purchasing/orders/not-an-id').expect(404);
  });
});
