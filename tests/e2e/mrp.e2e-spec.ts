import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MrpModelBuilder, MrpWorkerModule, type BuiltModel } from '@mes/mrp-api';
import { JobWorkerHost, PlatformCoreModule } from '@mes/platform';
import type {
  JobView,
  LoginResponse,
  MrpExceptionView,
  MrpFirmResult,
  MrpForecastView,
  MrpPlannedOrderDetail,
  MrpPlannedOrderView,
  MrpRecordView,
  MrpRunSubmitted,
  MrpRunView,
  PurchaseOrderView,
  SalesOrderView,
  StockRow,
  WorkOrderRequestView,
} from '@mes/shared';
import { MODULES } from '../../apps/api/src/modules.registry';
import { bearer, freshTenants, startTestApp, type TestApp } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: { field: string; message: string }[];
}
type Page<T> = { items: T[]; total: number; runId: string | null };

const START = '2030-01-07'; // a Monday
const d = (n: number) =>
  new Date(Date.parse(`${START}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const brief = (o: MrpPlannedOrderView) => [o.itemCode, o.kind, o.qty, o.release, o.due];

/**
 * MRP from the tenant's data: items, BOMs, stock, an open PO, a sales order and a forecast set up
 * through the modules' APIs; runs processed by an in-process worker on the real queue; every figure
 * checked against the hand computation below.
 *
 * BIKE (make, LT 2) = FRAME ×1 + WHEEL ×2; FRAME (make, LT 3) = TUBE ×6; WHEEL (buy, LT 4, LFL);
 * TUBE (buy, LT 5, safety stock 10, FOQ 100). Stock BIKE 5, WHEEL 10, TUBE 20; PO TUBE 50 due d1;
 * SO BIKE 20 due d10; forecast WHEEL 5 due d20.
 * BIKE: 5 − 20 → make 15 due d10, released d8. FRAME: 15 on d8 → make 15 due d8, released d5.
 * WHEEL: 30 on d8 − 10 → buy 20 due d8 (released d4); forecast 5 on d20 → buy 5 due d20 (d16).
 * TUBE: 90 on d5; 20 + 50 − 90 = −20, 30 below safety stock → FOQ 100 due d5, released d0; it pegs
 * 90 − 20 − 50 = 20 to the sales order; the PO (due d1, first needed d5) gets DEFER.
 */
describe('mrp: model from the database, job, stored plan, firming, stock locking, isolation', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  let worker: INestApplicationContext | undefined;
  const suffix = Date.now().toString(36);
  let so: SalesOrderView;
  let poNo = '';
  let forecast: MrpForecastView;
  let firstRun: MrpRunSubmitted;

  const post = (s: LoginResponse, path: string, body: unknown) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(bearer(s.accessToken))
      .send(body as object);
  const get = (s: LoginResponse, path: string) => t.http().get(`/api/v1${path}`).set(bearer(s.accessToken));

  async function waitJob(s: LoginResponse, id: string): Promise<JobView> {
    for (let i = 0; i < 300; i++) {
      const view = (await get(s, `/jobs/${id}`).expect(200)).body as JobView;
      if (view.state === 'completed' || view.state === 'failed') return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }
  async function run(body: object = { start: START }): Promise<{ run: MrpRunView; job: JobView }> {
    const submitted = (await post(a, '/mrp/runs', body).expect(202)).body as MrpRunSubmitted;
    const job = await waitJob(a, submitted.jobId);
    const view = (await get(a, `/mrp/runs/${submitted.runId}`).expect(200)).body as MrpRunView;
    return { run: view, job };
  }
  const plan = async (s = a) =>
    (await get(s, '/mrp/planned-orders?pageSize=500').expect(200)).body as Page<MrpPlannedOrderView>;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'mrpa', 'mrpb');
    for (const s of [a, b])
      await post(s, '/subscriptions', { moduleKey: 'mrp', withDependencies: true }).expect(201);
    for (const moduleKey of ['purchasing', 'orders'])
      await post(a, '/subscriptions', { moduleKey, withDependencies: true }).expect(201);
    await post(a, '/master-data/warehouses', { code: 'WH', name: '总仓' }).expect(201);
    const item = (code: string, makeOrBuy: 'make' | 'buy', extra: object) =>
      post(a, '/master-data/items', {
        code,
        name: code,
        type: makeOrBuy === 'make' ? 'finished' : 'raw',
        baseUnit: '个',
        makeOrBuy,
        ...extra,
      }).expect(201);
    await item('BIKE', 'make', { leadTimeDays: 2 });
    await item('FRAME', 'make', { leadTimeDays: 3 });
    await item('WHEEL', 'buy', { leadTimeDays: 4 });
    await item('TUBE', 'buy', { leadTimeDays: 5, safetyStock: '10', lotSizing: { rule: 'FOQ', qty: '100' } });
    await post(a, '/master-data/boms', {
      itemCode: 'BIKE',
      lines: [
        { itemCode: 'FRAME', qtyPer: '1' },
        { itemCode: 'WHEEL', qtyPer: '2' },
      ],
    }).expect(201);
    await post(a, '/master-data/boms', {
      itemCode: 'FRAME',
      lines: [{ itemCode: 'TUBE', qtyPer: '6' }],
    }).expect(201);
    for (const [itemCode, qty] of [
      ['BIKE', '5'],
      ['WHEEL', '10'],
      ['TUBE', '20'],
    ])
      await post(a, '/warehousing/movements', { type: 'receipt', itemCode, warehouseCode: 'WH', qty }).expect(
        201,
      );
    await post(a, '/master-data/suppliers', { code: 'S-1', name: '钢管厂' }).expect(201);
    await post(a, '/master-data/customers', { code: 'C-1', name: '车行' }).expect(201);
    for (const [itemCode, unitPrice] of [
      ['TUBE', '3'],
      ['WHEEL', '12'],
    ])
      await post(a, '/purchasing/prices', {
        supplierCode: 'S-1',
        itemCode,
        unitPrice,
        validFrom: '2020-01-01',
      }).expect(201);
    const po = (
      await post(a, '/purchasing/orders', {
        supplierCode: 'S-1',
        warehouseCode: 'WH',
        lines: [{ itemCode: 'TUBE', qty: '50', unitPrice: '3', dueDate: d(1) }],
      }).expect(201)
    ).body as PurchaseOrderView;
    await post(a, `/purchasing/orders/${po.id}/approve`, {}).expect(200);
    poNo = po.no;
    so = (
      await post(a, '/orders/sales-orders', {
        customerCode: 'C-1',
        warehouseCode: 'WH',
        lines: [{ itemCode: 'BIKE', qty: '20', unitPrice: '800', dueDate: d(10) }],
      }).expect(201)
    ).body as SalesOrderView;
    await post(a, `/orders/sales-orders/${so.id}/confirm`, { reserve: false }).expect(200);
    forecast = (await post(a, '/mrp/forecasts', { itemCode: 'WHEEL', qty: '5', dueDate: d(20) }).expect(201))
      .body as MrpForecastView;
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('queues one run at a time (409), reports progress, stores the plan computed by hand', async () => {
    firstRun = (await post(a, '/mrp/runs', { start: START }).expect(202)).body as MrpRunSubmitted;
    expect(firstRun.jobId).toBe(firstRun.runId);
    const busy = await post(a, '/mrp/runs', {}).expect(409);
    expect((busy.body as ErrorBody).code).toBe('MRP_RUN_ACTIVE');
    expect(((await get(a, `/mrp/runs/${firstRun.runId}`).expect(200)).body as MrpRunView).status).toBe(
      'queued',
    );

    // Watch the job's progress stream, then start the worker.
    const events = t
      .http()
      .get(`/api/v1/jobs/${firstRun.jobId}/events?access_token=${a.accessToken}`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => {
          done(null, text);
        });
      })
      .then((res) => res.body as string);
    await new Promise((r) => setTimeout(r, 300));
    @Module({ imports: [PlatformCoreModule.forRoot(MODULES), MrpWorkerModule] })
    class TestWorkerModule {}
    worker = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
    expect(worker.get(JobWorkerHost).start()).toEqual(['mrp']);
    const views = (await events)
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as JobView);
    expect(views.at(-1)).toMatchObject({ state: 'completed', progress: 100, failedReason: null });
    const progress = views.map((v) => v.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);

    const runView = (await get(a, `/mrp/runs/${firstRun.runId}`).expect(200)).body as MrpRunView;
    expect(runView).toMatchObject({
      status: 'succeeded',
      current: true,
      start: START,
      horizonDays: 180,
      attempts: 1,
      counts: { items: 4, bomLines: 3, demands: 2, scheduledReceipts: 1, plannedOrders: 5, exceptions: 1 },
    });
    expect(Object.keys(runView.timings ?? {})).toEqual(
      expect.arrayContaining(['build', 'engine', 'store', 'store.pegs', 'store.records']),
    );

    const p = await plan();
    expect(p.runId).toBe(firstRun.runId);
    expect(p.items.map(brief)).toEqual([
      ['BIKE', 'make', '15', d(8), d(10)],
      ['FRAME', 'make', '15', d(5), d(8)],
      ['WHEEL', 'buy', '20', d(4), d(8)],
      ['WHEEL', 'buy', '5', d(16), d(20)],
      ['TUBE', 'buy', '100', d(0), d(5)],
    ]);
    expect(p.items.map((o) => o.peggedQty)).toEqual(['15', '15', '20', '5', '20']);
    expect(p.items.every((o) => o.status === 'planned' && o.runId === firstRun.runId)).toBe(true);
    const buys = (await get(a, '/mrp/planned-orders?kind=buy&itemCode=WHEEL').expect(200))
      .body as Page<MrpPlannedOrderView>;
    expect(buys.items.map((o) => o.qty)).toEqual(['20', '5']);

    // Why does this order exist? → the sales order line, its customer; the forecast.
    const bike = (await get(a, `/mrp/planned-orders/${p.items[0]!.id}`).expect(200))
      .body as MrpPlannedOrderDetail;
    expect(bike.pegs).toEqual([
      {
        demandRef: `${so.no}/1`,
        qty: '15',
        demand: {
          ref: `${so.no}/1`,
          source: 'sales_order',
          itemCode: 'BIKE',
          qty: '20',
          due: d(10),
          orderId: so.id,
          orderNo: so.no,
          lineNo: 1,
          customerCode: 'C-1',
          customerName: '车行',
          forecastId: null,
        },
      },
    ]);
    const tube = (await get(a, `/mrp/planned-orders/${p.items[4]!.id}`).expect(200))
      .body as MrpPlannedOrderDetail;
    expect(tube.pegs.map((g) => [g.demandRef, g.qty, g.demand?.orderNo])).toEqual([
      [`${so.no}/1`, '20', so.no],
    ]);
    const fc = (await get(a, `/mrp/planned-orders/${p.items[3]!.id}`).expect(200))
      .body as MrpPlannedOrderDetail;
    expect(fc.pegs).toEqual([
      expect.objectContaining({
        demandRef: `FC:${forecast.id}`,
        qty: '5',
        demand: expect.objectContaining({
          source: 'forecast',
          forecastId: forecast.id,
          orderNo: null,
        }) as unknown,
      }),
    ]);

    const exceptions = (await get(a, '/mrp/exceptions').expect(200)).body as Page<MrpExceptionView>;
    expect(exceptions.items).toEqual([
      expect.objectContaining({
        type: 'DEFER',
        itemCode: 'TUBE',
        ref: `${poNo}/1`,
        date: d(1),
        neededOn: d(5),
      }),
    ]);

    const record = (await get(a, '/mrp/records/TUBE').expect(200)).body as MrpRecordView;
    expect(record).toMatchObject({
      itemCode: 'TUBE',
      kind: 'buy',
      lowLevelCode: 2,
      leadTimeDays: 5,
      safetyStock: '10',
      onHand: '20',
      allocated: '0',
      available: '20',
      bucket: 'day',
    });
    const row = (date: string, values: Partial<MrpRecordView['buckets'][number]>) => ({
      date,
      gross: '0',
      scheduledReceipts: '0',
      projectedBalance: '0',
      netRequirement: '0',
      plannedReceipts: '0',
      plannedReleases: '0',
      ...values,
    });
    expect(record.buckets).toEqual([
      row(d(0), { projectedBalance: '20', plannedReleases: '100' }),
      row(d(1), { scheduledReceipts: '50', projectedBalance: '70' }),
      row(d(5), { gross: '90', projectedBalance: '80', netRequirement: '30', plannedReceipts: '100' }),
    ]);
    const weekly = (await get(a, '/mrp/records/TUBE?bucket=week').expect(200)).body as MrpRecordView;
    expect(weekly.buckets).toEqual([
      row(START, {
        gross: '90',
        scheduledReceipts: '50',
        projectedBalance: '80',
        netRequirement: '30',
        plannedReceipts: '100',
        plannedReleases: '100',
      }),
    ]);
    await get(a, '/mrp/records/NOPE').expect(404);
  });

  it('replaces the plan on a re-run instead of doubling it', async () => {
    const before = await plan();
    const { run: second } = await run();
    expect(second.status).toBe('succeeded');
    const after = await plan();
    expect(after.total).toBe(5);
    expect(after.items.map(brief)).toEqual(before.items.map(brief));
    expect(after.items.every((o) => o.runId === second.id)).toBe(true);
    expect(after.items.map((o) => o.id).filter((id) => before.items.some((o) => o.id === id))).toEqual([]);
    const runs = (await get(a, '/mrp/runs').expect(200)).body as { items: MrpRunView[]; total: number };
    expect(runs.items.map((r) => [r.status, r.current])).toEqual([
      ['succeeded', true],
      ['succeeded', false],
    ]);
    await get(a, `/mrp/planned-orders/${before.items[0]!.id}`).expect(404);
  });

  it('firms buys into one draft PO per supplier and makes into work-order requests; the next run counts them', async () => {
    const current = await plan();
    const pick = (item: string, qty: string) =>
      current.items.find((o) => o.itemCode === item && o.qty === qty)!;
    const ids = [pick('TUBE', '100').id, pick('WHEEL', '20').id, pick('BIKE', '15').id];
    const firmed = (await post(a, '/mrp/planned-orders/firm', { ids }).expect(200)).body as MrpFirmResult;
    expect(firmed.purchaseOrders).toEqual([expect.objectContaining({ supplierCode: 'S-1' })]);
    expect(firmed.requisitions).toEqual([]);
    const po = (await get(a, `/purchasing/orders/${firmed.purchaseOrders[0]!.id}`).expect(200))
      .body as PurchaseOrderView;
    expect(po.status).toBe('draft');
    expect(po.lines.map((l) => [l.itemCode, l.qty, l.dueDate])).toEqual([
      ['WHEEL', '20', d(8)],
      ['TUBE', '100', d(5)],
    ]);
    expect(firmed.workOrderRequests).toEqual([expect.objectContaining({ itemCode: 'BIKE', qty: '15' })]);
    const request = (
      await get(a, `/orders/work-order-requests/${firmed.workOrderRequests[0]!.id}`).expect(200)
    ).body as WorkOrderRequestView;
    expect(request).toMatchObject({
      source: 'mrp',
      sourceRef: pick('BIKE', '15').id,
      orderId: null,
      status: 'open',
      dueDate: d(10),
    });
    expect(firmed.orders.map((o) => [o.itemCode, o.status, o.firmedKind, o.firmedRef])).toEqual([
      ['BIKE', 'firmed', 'work_order_request', request.no],
      ['WHEEL', 'firmed', 'purchase_order', po.no],
      ['TUBE', 'firmed', 'purchase_order', po.no],
    ]);
    const again = await post(a, '/mrp/planned-orders/firm', { ids: [ids[0]] }).expect(409);
    expect((again.body as ErrorBody).code).toBe('INVALID_STATUS');

    // The draft PO and the request are supply now: only FRAME (for the request) and the forecast remain.
    const frame = pick('FRAME', '15');
    const { run: third } = await run();
    expect(third.status).toBe('succeeded');
    const next = await plan();
    expect(next.items.map(brief)).toEqual([
      ['FRAME', 'make', '15', d(5), d(8)],
      ['WHEEL', 'buy', '5', d(16), d(20)],
    ]);
    const frameNow = (await get(a, `/mrp/planned-orders/${next.items[0]!.id}`).expect(200))
      .body as MrpPlannedOrderDetail;
    expect(frameNow.pegs).toEqual([
      expect.objectContaining({
        demandRef: `${request.no}>FRAME`,
        qty: '15',
        demand: expect.objectContaining({ source: 'work_order_request', orderNo: request.no }) as unknown,
      }),
    ]);
    // An order of the replaced plan cannot be firmed.
    const stale = await post(a, '/mrp/planned-orders/firm', { ids: [frame.id] }).expect(409);
    expect((stale.body as ErrorBody).code).toBe('PLAN_SUPERSEDED');
    await post(a, '/mrp/planned-orders/firm', { ids: ['01900000-0000-7000-8000-0000000000ff'] }).expect(404);
  });

  it('locks the stock matched to sales order lines, and the next plan stays the same', async () => {
    const before = await plan();
    const { run: locked } = await run({ start: START, lockStock: true });
    expect(locked.status).toBe('succeeded');
    expect(locked.counts).toMatchObject({ lockedLines: 1, lockedQty: '5' });
    const stock = (await get(a, '/warehousing/stock?itemCode=BIKE').expect(200)).body as {
      items: StockRow[];
    };
    expect(stock.items.map((r) => [r.onHand, r.reserved, r.available])).toEqual([['5', '5', '0']]);
    const reservations = (
      await get(a, `/warehousing/reservations?demandRef=${encodeURIComponent(`${so.no}/1`)}`).expect(200)
    ).body as { items: { demandType: string; qty: string; itemCode: string }[] };
    expect(reservations.items).toEqual([
      expect.objectContaining({ demandType: 'sales_order', qty: '5', itemCode: 'BIKE' }),
    ]);
    expect((await plan()).items.map(brief)).toEqual(before.items.map(brief));
    const { run: after } = await run();
    expect(after.counts).toMatchObject({ lockedLines: 0, demands: 4 });
    expect((await plan()).items.map(brief)).toEqual(before.items.map(brief));
    const record = (await get(a, '/mrp/records/BIKE').expect(200)).body as MrpRecordView;
    expect(record).toMatchObject({ onHand: '5', allocated: '5', available: '0' });
  });

  it('a run the engine refuses fails with the items named and leaves the previous plan', async () => {
    const before = await plan();
    const build = (builder: MrpModelBuilder, options: Parameters<MrpModelBuilder['build']>[0]) =>
      MrpModelBuilder.prototype.build.call(builder, options);
    /** A stubbed model builder: the real model from the database, then spoiled by `spoil`. */
    const failWith = async (spoil: (built: BuiltModel) => void) => {
      const spy = jest.spyOn(MrpModelBuilder.prototype, 'build').mockImplementationOnce(async function (
        this: MrpModelBuilder,
        options,
      ): Promise<BuiltModel> {
        const built = await build(this, options);
        spoil(built);
        return built;
      });
      const { run: failed, job } = await run();
      spy.mockRestore();
      // An invalid model is not retried.
      expect(job).toMatchObject({ state: 'failed', attemptsMade: 1 });
      expect(failed.status).toBe('failed');
      expect(failed.finishedAt).not.toBeNull();
      return failed.error!;
    };
    const cycle = await failWith((built) =>
      built.model.bom!.push({ parent: 'TUBE', child: 'BIKE', qtyPer: '1' }),
    );
    expect(cycle.details).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/BOM cycle: .*BIKE.*TUBE/) as unknown }),
    ]);
    const unknown = await failWith((built) =>
      built.model.demands!.push({ item: 'GHOST', qty: '1', due: START }),
    );
    expect(unknown.details).toEqual([
      { field: expect.stringMatching(/^demands\[\d+\]\.item$/) as unknown, message: 'unknown item "GHOST"' },
    ]);
    expect(unknown.message).toMatch(/GHOST/);
    const negative = await failWith((built) => built.model.onHand!.push({ item: 'WHEEL', qty: '-1' }));
    expect(negative.details.map((x) => x.message).join()).toMatch(/WHEEL/);

    const after = await plan();
    expect(after.runId).toBe(before.runId);
    expect(after.items.map((o) => o.id)).toEqual(before.items.map((o) => o.id));
    // The failed runs do not block the next one.
    const { run: next } = await run();
    expect(next.status).toBe('succeeded');
    expect((await plan()).items.map(brief)).toEqual(before.items.map(brief));
  });

  it('refuses bad input with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ horizonDays: 0 }, 'horizonDays'],
      [{ horizonDays: 'x' }, 'horizonDays'],
      [{ start: '2030-02-30' }, 'start'],
      [{ lockStock: 'yes' }, 'lockStock'],
      [{ extra: 1 }, 'extra'],
    ] as const) {
      const res = await post(a, '/mrp/runs', body).expect(400);
      expect((res.body as ErrorBody).details?.map((x) => x.field)).toContain(field);
    }
    for (const [body, field] of [
      [{ itemCode: 'WHEEL', qty: '-5', dueDate: d(3) }, 'qty'],
      [{ itemCode: 'WHEEL', qty: '0', dueDate: d(3) }, 'qty'],
      [{ itemCode: 'NOPE', qty: '5', dueDate: d(3) }, 'itemCode'],
      [{ itemCode: 'WHEEL', qty: '5', dueDate: 'soon' }, 'dueDate'],
    ] as const) {
      const res = await post(a, '/mrp/forecasts', body).expect(400);
      expect((res.body as ErrorBody).details?.map((x) => x.field)).toContain(field);
    }
    const nope = await post(a, '/mrp/forecasts', { itemCode: 'NOPE', qty: '5', dueDate: d(3) }).expect(400);
    expect((nope.body as ErrorBody).details?.[0]?.message).toMatch(/NOPE/);
    await post(a, '/mrp/planned-orders/firm', { ids: [] }).expect(400);
    await post(a, '/mrp/planned-orders/firm', { ids: ['x'] }).expect(400);
  });

  it("keeps tenants apart: B sees none of A's runs, plan, records or forecasts", async () => {
    const p = await plan();
    const runs = (await get(b, '/mrp/runs').expect(200)).body as { total: number };
    expect(runs.total).toBe(0);
    await get(b, `/mrp/runs/${firstRun.runId}`).expect(404);
    await get(b, `/jobs/${firstRun.jobId}`).expect(404);
    expect(await plan(b)).toEqual({ items: [], total: 0, runId: null });
    await get(b, `/mrp/planned-orders/${p.items[0]!.id}`).expect(404);
    await post(b, '/mrp/planned-orders/firm', { ids: [p.items[0]!.id] }).expect(404);
    expect(((await get(b, '/mrp/exceptions').expect(200)).body as { total: number }).total).toBe(0);
    await get(b, '/mrp/records/TUBE').expect(404);
    await get(b, `/mrp/forecasts/${forecast.id}`).expect(404);
    await post(b, '/master-data/items', {
      code: 'WHEEL',
      name: 'WHEEL',
      type: 'raw',
      baseUnit: '个',
      makeOrBuy: 'buy',
    }).expect(201);
    await t
      .http()
      .put(`/api/v1/mrp/forecasts/${forecast.id}`)
      .set(bearer(b.accessToken))
      .send({ itemCode: 'WHEEL', qty: '1', dueDate: d(1) })
      .expect(404);
    await t.http().delete(`/api/v1/mrp/forecasts/${forecast.id}`).set(bearer(b.accessToken)).expect(404);
    expect(((await get(a, `/mrp/forecasts/${forecast.id}`).expect(200)).body as MrpForecastView).qty).toBe(
      '5',
    );
    // B's own run plans nothing (no data) and does not touch A's plan.
    const submitted = (await post(b, '/mrp/runs', {}).expect(202)).body as MrpRunSubmitted;
    expect((await waitJob(b, submitted.jobId)).state).toBe('completed');
    expect((await plan(b)).total).toBe(0);
    expect((await plan()).items.map((o) => o.id)).toEqual(p.items.map((o) => o.id));
  });

  it('firming needs the module that receives the order (403 without purchasing for a buy)', async () => {
    // Tenant B has mrp (and warehousing) only; its item WHEEL came from the isolation test.
    await post(b, '/mrp/forecasts', { itemCode: 'WHEEL', qty: '3', dueDate: d(5) }).expect(201);
    const submitted = (await post(b, '/mrp/runs', { start: START }).expect(202)).body as MrpRunSubmitted;
    expect((await waitJob(b, submitted.jobId)).state).toBe('completed');
    const p = await plan(b);
    expect(p.items.map(brief)).toEqual([['WHEEL', 'buy', '3', d(5), d(5)]]);
    const res = await post(b, '/mrp/planned-orders/firm', { ids: [p.items[0]!.id] }).expect(403);
    expect(res.body).toMatchObject({
      code: 'MODULE_NOT_SUBSCRIBED',
      details: [{ field: 'ids[0]', message: 'needs module purchasing' }],
    });
    expect((await plan(b)).items[0]!.status).toBe('planned');
  });
});
