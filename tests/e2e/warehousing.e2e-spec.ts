import { TenantDb } from '@mes/platform';
import type {
  AgeingReport,
  LoginResponse,
  MovementDocView,
  MovementView,
  ReservationView,
  StockByItemRow,
  StockRow,
  StocktakeView,
} from '@mes/shared';
import { bearer, freshTenants, startTestApp, type TestApp, sessionCalls } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: { field: string; message: string }[];
}

describe('warehousing: stock ledger, reservations, lots, stocktake', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  const { post, get } = sessionCalls(() => t);
  const stockOf = async (s: LoginResponse, query: string) =>
    ((await get(s, `/warehousing/stock?${query}`).expect(200)).body as { items: StockRow[] }).items;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'wha', 'whb');
    for (const s of [a, b]) {
      await post(s, '/subscriptions', { moduleKey: 'warehousing' }).expect(201);
      await post(s, '/master-data/warehouses', {
        code: 'WH1',
        name: '原材料仓',
        locations: [
          { code: 'A-01', name: 'A1' },
          { code: 'A-02', name: 'A2' },
        ],
      }).expect(201);
      await post(s, '/master-data/warehouses', { code: 'WH2', name: '成品仓' }).expect(201);
      await post(s, '/master-data/items', {
        code: 'BOLT',
        name: '螺栓',
        type: 'raw',
        baseUnit: '个',
        makeOrBuy: 'buy',
      }).expect(201);
      await post(s, '/master-data/items', {
        code: 'RESIN',
        name: '树脂',
        type: 'raw',
        baseUnit: 'kg',
        makeOrBuy: 'buy',
        lotTracked: true,
      }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('never oversells: 50 concurrent issues of 1 at a balance of 20 → 20 succeed, 30 INSUFFICIENT_STOCK', async () => {
    await post(a, '/warehousing/movements', {
      type: 'receipt',
      itemCode: 'BOLT',
      warehouseCode: 'WH1',
      locationCode: 'A-02',
      qty: '20',
    }).expect(201);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        post(a, '/warehousing/movements', {
          type: 'issue',
          itemCode: 'BOLT',
          warehouseCode: 'WH1',
          qty: '1',
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(30);
    for (const r of results.filter((x) => x.status === 409))
      expect((r.body as ErrorBody).code).toBe('INSUFFICIENT_STOCK');
    const [row] = await stockOf(a, 'itemCode=BOLT&includeZero=true');
    expect(row).toMatchObject({
      itemCode: 'BOLT',
      warehouseCode: 'WH1',
      locationCode: 'A-02',
      onHand: '0',
      available: '0',
    });
  });

  it('applies a retried movement once (Idempotency-Key)', async () => {
    const key = `scan-${suffix}-1`;
    const body = { type: 'receipt', itemCode: 'BOLT', warehouseCode: 'WH2', qty: '7.5', ref: 'PO-1' };
    const first = (await post(a, '/warehousing/movements', body, key).expect(201)).body as MovementView;
    for (let i = 0; i < 3; i++) {
      const again = await post(a, '/warehousing/movements', body, key).expect(201);
      expect((again.body as MovementView).id).toBe(first.id);
    }
    const [row] = await stockOf(a, 'itemCode=BOLT&warehouseCode=WH2');
    expect(row?.onHand).toBe('7.5');
    const history = (await get(a, '/warehousing/movements?itemCode=BOLT&warehouseCode=WH2').expect(200))
      .body as {
      items: MovementView[];
    };
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ type: 'receipt', qty: '7.5', ref: 'PO-1' });
  });

  it('receives lots, suggests FIFO, issues the oldest lot first, and transfers between warehouses', async () => {
    const doc = (
      await post(a, '/warehousing/documents', {
        type: 'purchase_receipt',
        warehouseCode: 'WH1',
        ref: 'PO-2',
        lines: [
          { itemCode: 'RESIN', lot: 'L-OLD', locationCode: 'A-01', qty: '30' },
          { itemCode: 'RESIN', lot: 'L-NEW', locationCode: 'A-01', qty: '50' },
        ],
      }).expect(201)
    ).body as MovementDocView;
    expect(doc.docNo).toMatch(/^RK\d{8}-\d{4}$/);
    expect(doc.movements.map((m) => m.qty)).toEqual(['30', '50']);

    const fifo = (await get(a, '/warehousing/fifo?itemCode=RESIN&warehouseCode=WH1&qty=40').expect(200))
      .body as {
      picks: { lot: string; qty: string }[];
      shortage: string;
    };
    expect(fifo.picks.map((p) => [p.lot, p.qty])).toEqual([
      ['L-OLD', '30'],
      ['L-NEW', '10'],
    ]);
    expect(fifo.shortage).toBe('0');

    // A lot-tracked issue without a lot takes FIFO across lots.
    const issued = (
      await post(a, '/warehousing/movements', {
        type: 'production_issue',
        itemCode: 'RESIN',
        warehouseCode: 'WH1',
        qty: '35',
      }).expect(201)
    ).body as { movements: MovementView[] };
    expect(issued.movements.map((m) => [m.lot, m.qty])).toEqual([
      ['L-OLD', '-30'],
      ['L-NEW', '-5'],
    ]);
    // A lot-tracked receipt needs a lot.
    const noLot = await post(a, '/warehousing/movements', {
      type: 'receipt',
      itemCode: 'RESIN',
      warehouseCode: 'WH1',
      qty: '1',
    }).expect(400);
    expect((noLot.body as ErrorBody).details?.map((d) => d.field)).toContain('lot');

    await post(a, '/warehousing/movements', {
      type: 'transfer',
      itemCode: 'RESIN',
      warehouseCode: 'WH1',
      locationCode: 'A-01',
      lot: 'L-NEW',
      qty: '15',
      toWarehouseCode: 'WH2',
    }).expect(201);
    const rows = await stockOf(a, 'itemCode=RESIN');
    expect(rows.map((r) => [r.warehouseCode, r.locationCode, r.lot, r.onHand])).toEqual(
      expect.arrayContaining([
        ['WH1', 'A-01', 'L-NEW', '30'],
        ['WH2', null, 'L-NEW', '15'],
      ]),
    );
    const byItem = (await get(a, '/warehousing/stock/by-item?itemCode=RESIN').expect(200)).body as {
      items: StockByItemRow[];
    };
    expect(byItem.items).toEqual([
      expect.objectContaining({ itemCode: 'RESIN', onHand: '45', available: '45' }),
    ]);
  });

  it('reserves available stock for a demand; others cannot take it; release frees it', async () => {
    await post(a, '/master-data/items', {
      code: 'GEAR',
      name: '齿轮',
      type: 'raw',
      baseUnit: '个',
      makeOrBuy: 'buy',
    }).expect(201);
    await post(a, '/warehousing/movements', {
      type: 'opening',
      itemCode: 'GEAR',
      warehouseCode: 'WH2',
      qty: '10',
    }).expect(201);
    const res = (
      await post(a, '/warehousing/reservations', {
        itemCode: 'GEAR',
        qty: '8',
        demandType: 'sales_order',
        demandRef: 'SO-1/1',
      }).expect(201)
    ).body as { reserved: string; reservations: ReservationView[] };
    expect(res.reserved).toBe('8');
    const [row] = await stockOf(a, 'itemCode=GEAR');
    expect(row).toMatchObject({ onHand: '10', reserved: '8', available: '2' });

    const tooMuch = await post(a, '/warehousing/movements', {
      type: 'sales_issue',
      itemCode: 'GEAR',
      warehouseCode: 'WH2',
      qty: '3',
    }).expect(409);
    expect(tooMuch.body as ErrorBody).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: [{ field: 'qty' }],
    });
    const overReserve = await post(a, '/warehousing/reservations', {
      itemCode: 'GEAR',
      qty: '3',
      demandType: 'work_order',
      demandRef: 'WO-1',
    }).expect(409);
    expect((overReserve.body as ErrorBody).code).toBe('INSUFFICIENT_STOCK');
    const partial = (
      await post(a, '/warehousing/reservations', {
        itemCode: 'GEAR',
        qty: '3',
        demandType: 'work_order',
        demandRef: 'WO-1',
        partial: true,
      }).expect(201)
    ).body as { reserved: string; reservations: ReservationView[] };
    expect(partial.reserved).toBe('2');
    const released = (
      await post(a, `/warehousing/reservations/${partial.reservations[0]!.id}/release`, {}).expect(200)
    ).body as ReservationView;
    expect(released).toMatchObject({ status: 'released', openQty: '0' });
    const list = (await get(a, '/warehousing/reservations?demandRef=SO-1/1').expect(200)).body as {
      items: ReservationView[];
    };
    expect(list.items).toEqual([
      expect.objectContaining({ itemCode: 'GEAR', qty: '8', openQty: '8', status: 'open' }),
    ]);
  });

  it('reports ageing buckets and statistics from the ledger', async () => {
    // Back-date the oldest GEAR receipt by 100 days, as if it had been there since.
    await t.app.get(TenantDb).runInTenant(a.tenant!.id, (m) =>
      m.query(
        `UPDATE wh_movements SET created_at = now() - interval '100 days'
        WHERE tenant_id = $1 AND type = 'opening' AND doc_no IN (SELECT doc_no FROM wh_movements WHERE tenant_id = $1 AND type = 'opening' ORDER BY seq LIMIT 1)`,
        [a.tenant!.id],
      ),
    );
    await post(a, '/warehousing/movements', {
      type: 'receipt',
      itemCode: 'GEAR',
      warehouseCode: 'WH2',
      qty: '5',
    }).expect(201);
    const ageing = (await get(a, '/warehousing/ageing?itemCode=GEAR&buckets=30,90').expect(200))
      .body as AgeingReport;
    expect(ageing.buckets.map((x) => x.label)).toEqual(['0-30', '31-90', '>90']);
    expect(ageing.items).toEqual([
      expect.objectContaining({ itemCode: 'GEAR', onHand: '15', buckets: ['5', '0', '10'], oldestDays: 100 }),
    ]);

    const stats = (await get(a, '/warehousing/statistics?itemCode=BOLT').expect(200)).body as {
      items: {
        itemCode: string;
        inbound: string;
        outbound: string;
        closing: string;
        byType: Record<string, string>;
      }[];
    };
    expect(stats.items).toEqual([
      expect.objectContaining({
        itemCode: 'BOLT',
        inbound: '27.5',
        outbound: '20',
        closing: '7.5',
        byType: { receipt: '27.5', issue: '-20' },
      }),
    ]);
  });

  it('stocktake: freezes the book, takes counts, posts the variances as adjustments', async () => {
    const sheet = (await post(a, '/warehousing/stocktakes', { warehouseCode: 'WH2' }).expect(201))
      .body as StocktakeView;
    expect(sheet.status).toBe('counting');
    const gear = sheet.lines.find((l) => l.itemCode === 'GEAR')!;
    expect(gear.frozenQty).toBe('15');
    // Stock moves after the freeze: the variance is still against the frozen book.
    await post(a, '/warehousing/movements', {
      type: 'receipt',
      itemCode: 'GEAR',
      warehouseCode: 'WH2',
      qty: '1',
    }).expect(201);
    const counted = (
      await post(a, `/warehousing/stocktakes/${sheet.id}/counts`, {
        counts: [
          { lineId: gear.id, countedQty: '13' },
          { itemCode: 'BOLT', countedQty: '7.5' },
          { itemCode: 'RESIN', lot: 'L-FOUND', countedQty: '2' },
        ],
      }).expect(200)
    ).body as StocktakeView;
    expect(counted.countedCount).toBe(3);
    const stranger = await post(a, `/warehousing/stocktakes/${sheet.id}/counts`, {
      counts: [{ lineId: '01900000-0000-7000-8000-000000000009', countedQty: '1' }],
    }).expect(400);
    expect((stranger.body as ErrorBody).details?.map((d) => d.field)).toEqual(['counts[0].lineId']);
    expect(counted.lines.find((l) => l.itemCode === 'GEAR')?.variance).toBe('-2');
    const posted = (await post(a, `/warehousing/stocktakes/${sheet.id}/post`, {}).expect(200))
      .body as StocktakeView;
    expect(posted.status).toBe('posted');
    expect(posted.postedDocNo).toMatch(/^TZ/);
    const doc = (await get(a, `/warehousing/documents/${posted.postedDocNo}`).expect(200))
      .body as MovementDocView;
    expect(doc.movements.map((m) => [m.itemCode, m.lot, m.qty]).sort()).toEqual([
      ['GEAR', null, '-2'],
      ['RESIN', 'L-FOUND', '2'],
    ]);
    const [gearRow] = await stockOf(a, 'itemCode=GEAR');
    expect(gearRow?.onHand).toBe('14');
    const again = await post(a, `/warehousing/stocktakes/${sheet.id}/post`, {}).expect(409);
    expect((again.body as ErrorBody).code).toBe('INVALID_STATUS');
  });

  it('negative stock only where the warehouse allows it', async () => {
    await post(a, '/master-data/warehouses', {
      code: 'WH-NEG',
      name: '负库存仓',
      allowNegativeStock: true,
    }).expect(201);
    const r = (
      await post(a, '/warehousing/movements', {
        type: 'issue',
        itemCode: 'BOLT',
        warehouseCode: 'WH-NEG',
        qty: '4',
      }).expect(201)
    ).body as MovementView;
    expect(r.qty).toBe('-4');
    const [row] = await stockOf(a, 'itemCode=BOLT&warehouseCode=WH-NEG');
    expect(row?.onHand).toBe('-4');
  });

  it('after all of the above, every balance equals the sum of its movements', async () => {
    const counts = await t.app.get(TenantDb).runInTenant(a.tenant!.id, (m) =>
      m.query<{ balances: string; wrong: string }[]>(
        `SELECT count(*)::text AS balances,
                count(*) FILTER (WHERE b.on_hand <> (SELECT coalesce(sum(m.qty), 0) FROM wh_movements m
                                                      WHERE m.tenant_id = b.tenant_id AND m.balance_id = b.id))::text AS wrong
           FROM wh_balances b`,
      ),
    );
    expect(Number(counts[0]?.balances)).toBeGreaterThan(0);
    expect(counts[0]?.wrong).toBe('0');
  });

  it("keeps tenants apart: B sees none of A's stock, documents or sheets", async () => {
    expect(await stockOf(b, 'itemCode=GEAR')).toEqual([]);
    const list = (await get(b, '/warehousing/movements').expect(200)).body as { total: number };
    expect(list.total).toBe(0);
    const aSheets = (await get(a, '/warehousing/stocktakes').expect(200)).body as { items: StocktakeView[] };
    const aSheet = aSheets.items[0]!;
    await get(b, `/warehousing/stocktakes/${aSheet.id}`).expect(404);
    await post(b, `/warehousing/stocktakes/${aSheet.id}/cancel`, {}).expect(404);
    await get(b, `/warehousing/documents/${aSheet.postedDocNo}`).expect(404);
    const aRes = (await get(a, '/warehousing/reservations').expect(200)).body as { items: ReservationView[] };
    await post(b, `/warehousing/reservations/${aRes.items[0]!.id}/release`, {}).expect(404);
    // B's issue of its own (empty) BOLT stock is short, whatever A holds.
    await post(b, '/warehousing/movements', {
      type: 'issue',
      itemCode: 'BOLT',
      warehouseCode: 'WH2',
      qty: '1',
    }).expect(409);
  });

  it('refuses bad movements with 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ type: 'receipt', itemCode: 'BOLT', warehouseCode: 'WH1', qty: '-1' }, 'qty'],
      [{ type: 'receipt', itemCode: 'NOPE', warehouseCode: 'WH1', qty: '1' }, 'itemCode'],
      [{ type: 'receipt', itemCode: 'BOLT', warehouseCode: 'NOPE', qty: '1' }, 'warehouseCode'],
      [
        { type: 'receipt', itemCode: 'BOLT', warehouseCode: 'WH1', locationCode: 'Z-9', qty: '1' },
        'locationCode',
      ],
      [{ type: 'receipt', itemCode: 'BOLT', warehouseCode: 'WH1', qty: 5 }, 'qty'],
      [{ type: 'teleport', itemCode: 'BOLT', warehouseCode: 'WH1', qty: '1' }, 'type'],
      [{ type: 'receipt', itemCode: 'BOLT', warehouseCode: 'WH1', qty: '0.0000001' }, 'qty'],
      [{ type: 'transfer', itemCode: 'BOLT', warehouseCode: 'WH2', qty: '1' }, 'toLocationCode'],
    ];
    for (const [body, field] of cases) {
      const res = await post(a, '/warehousing/movements', body).expect(400);
      expect({ body, fields: (res.body as ErrorBody).details?.map((d) => d.field) }).toEqual({
        body,
        fields: expect.arrayContaining([field]) as unknown,
      });
    }
    const batch = await post(a, '/warehousing/documents', {
      type: 'receipt',
      warehouseCode: 'WH1',
      lines: [
        { itemCode: 'BOLT', qty: '1' },
        { itemCode: 'NOPE', qty: '1' },
      ],
    }).expect(400);
    expect((batch.body as ErrorBody).details?.map((d) => d.field)).toEqual(['lines[1].itemCode']);
  });

  it('is refused without the subscription', async () => {
    await t.http().delete('/api/v1/subscriptions/warehousing').set(bearer(b.accessToken)).expect(204);
    const res = await get(b, '/warehousing/stock').expect(403);
    expect((res.body as ErrorBody).code).toBe('MODULE_NOT_SUBSCRIBED');
  });
});
