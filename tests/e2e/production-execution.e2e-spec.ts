import { DataSource } from 'typeorm';
import type {
  ConvertToProductionResult,
  IssueMaterialsResult,
  KitCheckResult,
  LoginResponse,
  MovementView,
  PickingList,
  ProductionSettingsView,
  ReleaseWorkOrderResult,
  ReservationView,
  SalesOrderView,
  SplitWorkOrderResult,
  StockRow,
  WipWorkCenter,
  WorkOrderEventView,
  WorkOrderPage,
  WorkOrderRequestView,
  WorkOrderSummary,
  WorkOrderView,
  WorkReportView,
} from '@mes/shared';
import { Dec } from '@mes/shared';
import { freshTenants, sessionCalls, startTestApp, type TestApp } from './support/test-app';

interface ErrorBody {
  code: string;
  message: string;
  details?: ({ field: string; message: string } & Record<string, unknown>)[];
}

const WO = '/production-execution/work-orders';

describe('production-execution: work orders from routing to receipt, kit check, reports (报工)', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);
  const { post, put, get } = sessionCalls(() => t);
  const fields = (body: unknown) => [...new Set(((body as ErrorBody).details ?? []).map((d) => d.field))];
  const code = (body: unknown) => (body as ErrorBody).code;

  const create = async (s: LoginResponse, body: object) =>
    (await post(s, WO, body).expect(201)).body as WorkOrderView;
  const workOrder = async (s: LoginResponse, id: string) =>
    (await get(s, `${WO}/${id}`).expect(200)).body as WorkOrderView;
  const report = (s: LoginResponse, id: string, body: object, key?: string) =>
    post(s, `${WO}/${id}/reports`, body, key);
  const receive = (s: LoginResponse, itemCode: string, qty: string, warehouseCode = 'RM') =>
    post(s, '/warehousing/movements', { type: 'receipt', itemCode, warehouseCode, qty }).expect(201);
  const stockOf = async (s: LoginResponse, itemCode: string) =>
    (
      (await get(s, `/warehousing/stock?itemCode=${itemCode}&includeZero=true`).expect(200)).body as {
        items: StockRow[];
      }
    ).items;
  const movements = async (s: LoginResponse, ref: string, type: string) =>
    (
      (await get(s, `/warehousing/movements?ref=${ref}&type=${type}&pageSize=500`).expect(200)).body as {
        items: MovementView[];
      }
    ).items;
  /** Net quantity per item code of movements. */
  const net = (items: MovementView[]) => {
    const sums = new Map<string, Dec>();
    for (const m of items) sums.set(m.itemCode, (sums.get(m.itemCode) ?? new Dec(0)).plus(m.qty));
    return Object.fromEntries([...sums].map(([k, v]) => [k, v.toFixed()]));
  };
  const openReservations = async (s: LoginResponse, id: string) =>
    (
      (
        await get(
          s,
          `/warehousing/reservations?demandType=work_order&demandRef=${id}&status=open&pageSize=500`,
        ).expect(200)
      ).body as { items: ReservationView[] }
    ).items;
  const events = async (s: LoginResponse, id: string) =>
    (await get(s, `${WO}/${id}/events`).expect(200)).body as WorkOrderEventView[];

  let wo1: WorkOrderView;
  let wo2: WorkOrderView;
  let gear: WorkOrderView;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'pea', 'peb');
    for (const s of [a, b]) {
      await post(s, '/subscriptions', { moduleKey: 'production-execution', withDependencies: true }).expect(
        201,
      );
      await post(s, '/subscriptions', { moduleKey: 'orders', withDependencies: true }).expect(201);
      await post(s, '/master-data/warehouses', { code: 'FG', name: '成品仓' }).expect(201);
      await post(s, '/master-data/warehouses', { code: 'RM', name: '原料仓' }).expect(201);
      for (const [wc, name] of [
        ['WC-CUT', '下料中心'],
        ['WC-ASM', '装配线'],
        ['WC-TST', '测试台'],
      ] as const)
        await post(s, '/master-data/work-centers', { code: wc, name }).expect(201);
      const item = (code: string, name: string, type: string, makeOrBuy: string, extra: object = {}) =>
        post(s, '/master-data/items', { code, name, type, baseUnit: '个', makeOrBuy, ...extra }).expect(201);
      await item('DRILL', '充电钻', 'finished', 'make', { defaultWarehouseCode: 'FG' });
      await item('MOTOR', '电机', 'raw', 'buy', { defaultWarehouseCode: 'RM' });
      await item('SCREW', '螺丝', 'raw', 'buy', { defaultWarehouseCode: 'RM' });
      await item('BATT', '电池包', 'finished', 'buy');
      await item('GEAR', '齿轮', 'semi', 'make');
      await post(s, '/master-data/routings', {
        itemCode: 'DRILL',
        operations: [
          {
            seq: 10,
            name: '下料',
            workCenterCode: 'WC-CUT',
            setupMinutes: '30',
            runMinutes: '2',
            alternatives: [{ workCenterCode: 'WC-ASM', runMinutes: '3' }],
          },
          { seq: 20, name: '装配', workCenterCode: 'WC-ASM', runMinutes: '5', queueMinutes: '10' },
          { seq: 30, name: '测试', workCenterCode: 'WC-TST', runMinutes: '1.5', moveMinutes: '5' },
        ],
      }).expect(201);
      await post(s, '/master-data/boms', {
        itemCode: 'DRILL',
        lines: [
          { itemCode: 'MOTOR', qtyPer: '1' },
          { itemCode: 'SCREW', qtyPer: '4', scrapRate: '0.05' },
        ],
      }).expect(201);
      await post(s, '/master-data/customers', { code: 'C-001', name: '华东五金' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('creates work orders with the operations of the default routing, or one default operation', async () => {
    wo1 = await create(a, { itemCode: 'DRILL', qty: '10', dueDate: '2026-12-20', note: '首批' });
    expect(wo1).toMatchObject({
      status: 'planned',
      itemCode: 'DRILL',
      itemName: '充电钻',
      qty: '10',
      dueDate: '2026-12-20',
      releaseDate: null,
      priority: 0,
      source: 'manual',
      issueMode: 'backflush',
      warehouseCode: 'FG',
      receivedQty: '0',
      parentId: null,
    });
    expect(wo1.no).toMatch(/^GD\d{8}-\d{4}$/);
    expect(
      wo1.operations.map((o) => [
        o.seq,
        o.name,
        o.workCenterCode,
        o.qty,
        o.setupMinutes,
        o.runMinutes,
        o.status,
      ]),
    ).toEqual([
      [10, '下料', 'WC-CUT', '10', '30', '2', 'pending'],
      [20, '装配', 'WC-ASM', '10', '0', '5', 'pending'],
      [30, '测试', 'WC-TST', '10', '0', '1.5', 'pending'],
    ]);
    expect(wo1.operations[0]!.alternatives).toEqual([
      expect.objectContaining({ workCenterCode: 'WC-ASM', runMinutes: '3' }),
    ]);
    expect(wo1.operations[1]).toMatchObject({ queueMinutes: '10', goodQty: '0', scrapQty: '0' });

    // No routing: one operation 生产 on the first active work center (by code).
    gear = await create(a, { itemCode: 'GEAR', qty: '10', priority: 3 });
    expect(gear.operations.map((o) => [o.seq, o.name, o.workCenterCode, o.qty])).toEqual([
      [10, '生产', 'WC-ASM', '10'],
    ]);
    expect(gear).toMatchObject({ warehouseCode: 'FG', priority: 3 });

    // Unknown item, bought item, bad quantities, unknown fields: 400 naming the field.
    for (const [body, field] of [
      [{ itemCode: 'NOPE', qty: '1' }, 'itemCode'],
      [{ itemCode: 'BATT', qty: '1' }, 'itemCode'],
      [{ itemCode: 'DRILL', qty: '0' }, 'qty'],
      [{ itemCode: 'DRILL', qty: '-2' }, 'qty'],
      [{ itemCode: 'DRILL', qty: '1.1234567' }, 'qty'],
      [{ itemCode: 'DRILL', qty: 5 }, 'qty'],
      [{ itemCode: 'DRILL', qty: '1', dueDate: '2026-02-30' }, 'dueDate'],
      [{ itemCode: 'DRILL', qty: '1', issueMode: 'magic' }, 'issueMode'],
      [{ itemCode: 'DRILL', qty: '1', warehouseCode: 'NOPE' }, 'warehouseCode'],
      [{ itemCode: 'DRILL', qty: '1', extra: true }, 'extra'],
    ] as const) {
      const res = await post(a, WO, body).expect(400);
      expect({ body, fields: fields(res.body) }).toEqual({ body, fields: [field] });
    }

    // List, filters and search.
    const all = (await get(a, WO).expect(200)).body as WorkOrderPage<WorkOrderSummary>;
    expect(all.total).toBe(2);
    const drills = (await get(a, `${WO}?itemCode=DRILL&status=planned`).expect(200))
      .body as WorkOrderPage<WorkOrderSummary>;
    expect(drills.items.map((w) => w.no)).toEqual([wo1.no]);
    const found = (await get(a, `${WO}?q=${encodeURIComponent('齿轮')}`).expect(200))
      .body as WorkOrderPage<WorkOrderSummary>;
    expect(found.items.map((w) => w.id)).toEqual([gear.id]);
    expect(((await get(a, `${WO}?q=${wo1.no}`).expect(200)).body as { total: number }).total).toBe(1);
    expect(((await get(a, `${WO}?itemCode=NOPE`).expect(200)).body as { total: number }).total).toBe(0);
    await get(a, `${WO}?status=weird`).expect(400);

    // A planned work order can be changed; its operations follow the quantity.
    const changed = (
      await put(a, `${WO}/${wo1.id}`, { qty: '12', priority: 5, releaseDate: '2026-12-01' }).expect(200)
    ).body as WorkOrderView;
    expect(changed).toMatchObject({ qty: '12', priority: 5, releaseDate: '2026-12-01' });
    expect(changed.operations.map((o) => o.qty)).toEqual(['12', '12', '12']);
    wo1 = (await put(a, `${WO}/${wo1.id}`, { qty: '10', releaseDate: null }).expect(200))
      .body as WorkOrderView;
    expect(wo1).toMatchObject({ qty: '10', releaseDate: null, priority: 5 });
    expect((await events(a, wo1.id)).map((e) => e.kind)).toEqual(['created', 'updated', 'updated']);
  });

  it('kit check: 409 KIT_SHORTAGE listing the short components, force releases and reserves what there is', async () => {
    const kit = (await get(a, `${WO}/${wo1.id}/kit-check`).expect(200)).body as KitCheckResult;
    expect(kit).toEqual({
      ok: false,
      lines: [
        { itemCode: 'MOTOR', itemName: '电机', required: '10', available: '0', shortage: '10' },
        // 4 × (1 + 5 %) × 10
        { itemCode: 'SCREW', itemName: '螺丝', required: '42', available: '0', shortage: '42' },
      ],
    });
    const short = await post(a, `${WO}/${wo1.id}/release`, {}).expect(409);
    expect(code(short.body)).toBe('KIT_SHORTAGE');
    expect((short.body as ErrorBody).details).toEqual([
      expect.objectContaining({
        field: 'components.MOTOR',
        itemCode: 'MOTOR',
        required: '10',
        shortage: '10',
      }),
      expect.objectContaining({
        field: 'components.SCREW',
        itemCode: 'SCREW',
        required: '42',
        shortage: '42',
      }),
    ]);
    // Not released: start is refused.
    expect(code((await post(a, `${WO}/${wo1.id}/start`).expect(409)).body)).toBe('INVALID_STATUS');

    await receive(a, 'MOTOR', '6');
    await receive(a, 'SCREW', '100');
    const stillShort = await post(a, `${WO}/${wo1.id}/release`, { force: false }).expect(409);
    expect((stillShort.body as ErrorBody).details).toEqual([
      expect.objectContaining({
        field: 'components.MOTOR',
        itemCode: 'MOTOR',
        required: '10',
        available: '6',
        shortage: '4',
      }),
    ]);

    const forced = (await post(a, `${WO}/${wo1.id}/release`, { force: true }).expect(200))
      .body as ReleaseWorkOrderResult;
    expect(forced.workOrder.status).toBe('released');
    expect(forced.reservations).toEqual([
      { itemCode: 'MOTOR', requested: '10', reserved: '6' },
      { itemCode: 'SCREW', requested: '42', reserved: '42' },
    ]);
    expect(await stockOf(a, 'MOTOR')).toEqual([
      expect.objectContaining({ warehouseCode: 'RM', onHand: '6', reserved: '6', available: '0' }),
    ]);
    // What is reserved for the work order counts as available to it.
    const after = (await get(a, `${WO}/${wo1.id}/kit-check`).expect(200)).body as KitCheckResult;
    expect(after.lines.map((l) => [l.itemCode, l.available, l.shortage])).toEqual([
      ['MOTOR', '6', '4'],
      ['SCREW', '100', '0'],
    ]);
    expect(code((await post(a, `${WO}/${wo1.id}/release`, { force: true }).expect(409)).body)).toBe(
      'INVALID_STATUS',
    );

    // Components received, a second work order (picking mode) releases without force and reserves all.
    await receive(a, 'MOTOR', '10');
    wo2 = await create(a, { itemCode: 'DRILL', qty: '2', issueMode: 'picking' });
    const released = (await post(a, `${WO}/${wo2.id}/release`, {}).expect(200))
      .body as ReleaseWorkOrderResult;
    expect(released.kit.ok).toBe(true);
    expect(released.reservations).toEqual([
      { itemCode: 'MOTOR', requested: '2', reserved: '2' },
      { itemCode: 'SCREW', requested: '8.4', reserved: '8.4' },
    ]);
    expect(
      (await openReservations(a, wo2.id)).map((r) => [r.itemCode, r.openQty, r.demandRef]).sort(),
    ).toEqual([
      ['MOTOR', '2', wo2.id],
      ['SCREW', '8.4', wo2.id],
    ]);
  });

  it('starts, pauses with a reason and resumes, with events; a paused work order takes no report', async () => {
    const started = (await post(a, `${WO}/${wo1.id}/start`).expect(200)).body as WorkOrderView;
    expect(started.status).toBe('in_progress');
    expect(started.startedAt).toEqual(expect.any(String));
    expect(fields((await post(a, `${WO}/${wo1.id}/pause`, {}).expect(400)).body)).toEqual(['reason']);
    expect(fields((await post(a, `${WO}/${wo1.id}/pause`, { reason: '   ' }).expect(400)).body)).toEqual([
      'reason',
    ]);
    const paused = (await post(a, `${WO}/${wo1.id}/pause`, { reason: '设备故障' }).expect(200))
      .body as WorkOrderView;
    expect(paused.status).toBe('paused');
    const blocked = await report(a, wo1.id, { operationSeq: 10, goodQty: '1' }).expect(409);
    expect(blocked.body).toMatchObject({ code: 'WORK_ORDER_PAUSED' });
    expect((blocked.body as ErrorBody).message).toMatch(/paused/);
    expect(code((await post(a, `${WO}/${wo1.id}/pause`, { reason: 'again' }).expect(409)).body)).toBe(
      'INVALID_STATUS',
    );
    expect(((await post(a, `${WO}/${wo1.id}/resume`).expect(200)).body as WorkOrderView).status).toBe(
      'in_progress',
    );
    expect(code((await post(a, `${WO}/${wo1.id}/resume`).expect(409)).body)).toBe('INVALID_STATUS');
    expect(code((await post(a, `${WO}/${wo1.id}/cancel`).expect(409)).body)).toBe('INVALID_STATUS');
    const log = await events(a, wo1.id);
    expect(log.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'planned'],
      ['updated', 'planned', 'planned'],
      ['updated', 'planned', 'planned'],
      ['released', 'planned', 'released'],
      ['started', 'released', 'in_progress'],
      ['paused', 'in_progress', 'paused'],
      ['resumed', 'paused', 'in_progress'],
    ]);
    expect(log.find((e) => e.kind === 'paused')).toMatchObject({ reason: '设备故障', actorId: a.user.id });
  });

  it('reports op by op: limits, scrap reasons, tolerance, backflush, exactly-once receipt, completion', async () => {
    // Nothing good on 10 yet: 20 may report nothing.
    const early = await report(a, wo1.id, { operationSeq: 20, goodQty: '1' }).expect(409);
    expect(early.body).toMatchObject({
      code: 'OVER_REPORT',
      details: [
        expect.objectContaining({ field: 'goodQty', operationSeq: 20, allowed: '0', requested: '1' }),
      ],
    });
    expect(fields((await report(a, wo1.id, { operationSeq: 99, goodQty: '1' }).expect(400)).body)).toEqual([
      'operationSeq',
    ]);
    expect(
      fields((await report(a, wo1.id, { operationSeq: 10, goodQty: '0', scrapQty: '0' }).expect(400)).body),
    ).toEqual(['goodQty']);
    expect(
      fields((await report(a, wo1.id, { operationSeq: 10, goodQty: '1', scrapQty: '1' }).expect(400)).body),
    ).toEqual(['reasonCode']);
    const over = await report(a, wo1.id, { operationSeq: 10, goodQty: '11' }).expect(409);
    expect((over.body as ErrorBody).details![0]).toMatchObject({
      operationSeq: 10,
      allowed: '10',
      requested: '11',
    });

    // Op 10: 7 good + 1 scrap; the components of 8 are backflushed (reservations first).
    const r1 = (
      await report(a, wo1.id, {
        operationSeq: 10,
        goodQty: '7',
        scrapQty: '1',
        reasonCode: 'DIM-NG',
        operatorCodes: ['OP-001', 'OP-002'],
        equipmentCode: 'SAW-1',
        startedAt: '2026-05-01T08:00:00+08:00',
        endedAt: '2026-05-01T10:00:00+08:00',
      }).expect(201)
    ).body as WorkReportView;
    expect(r1).toMatchObject({
      workOrderNo: wo1.no,
      operationSeq: 10,
      operationName: '下料',
      goodQty: '7',
      scrapQty: '1',
      reasonCode: 'DIM-NG',
      operatorCodes: ['OP-001', 'OP-002'],
      equipmentCode: 'SAW-1',
      startedAt: '2026-05-01T00:00:00.000Z',
      receiptDocNo: null,
      workOrderStatus: 'in_progress',
    });
    expect(r1.issueDocNo).toMatch(/^CK/);
    expect(net(await movements(a, wo1.no, 'production_issue'))).toEqual({ MOTOR: '-8', SCREW: '-33.6' });
    // MOTOR: the 6 reserved, then 2 free; SCREW from its reservation.
    expect((await openReservations(a, wo1.id)).map((r) => [r.itemCode, r.openQty])).toEqual([
      ['SCREW', '8.4'],
    ]);

    // Op 20 may report up to op 10's good (7); with a 10 % tolerance, 7.7.
    expect(
      (await report(a, wo1.id, { operationSeq: 20, goodQty: '8' }).expect(409)).body as ErrorBody,
    ).toMatchObject({ details: [expect.objectContaining({ allowed: '7', requested: '8' })] });
    expect(
      (await get(a, '/production-execution/settings').expect(200)).body as ProductionSettingsView,
    ).toEqual({
      overReportTolerance: '0',
    });
    await put(a, '/production-execution/settings', { overReportTolerance: '10' }).expect(200);
    await put(a, '/production-execution/settings', { overReportTolerance: '101' }).expect(400);
    await report(a, wo1.id, { operationSeq: 20, goodQty: '7' }).expect(201);
    await report(a, wo1.id, { operationSeq: 20, goodQty: '0.7' }).expect(201);
    const beyond = await report(a, wo1.id, { operationSeq: 20, goodQty: '0.000001' }).expect(409);
    expect((beyond.body as ErrorBody).details![0]).toMatchObject({ allowed: '0', requested: '0.000001' });
    const reset = (await put(a, '/production-execution/settings', { overReportTolerance: '0' }).expect(200))
      .body as ProductionSettingsView;
    expect(reset.overReportTolerance).toBe('0');

    // The same Idempotency-Key five times (at once): one report, finished goods received once.
    const key = `final-${suffix}`;
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => report(a, wo1.id, { operationSeq: 30, goodQty: '5' }, key)),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(replies.map((r) => (r.body as WorkReportView).id));
    expect(ids.size).toBe(1);
    expect((replies[0]!.body as WorkReportView).receiptDocNo).toMatch(/^RK/);
    await report(a, wo1.id, { operationSeq: 30, goodQty: '5' }, key).expect(201);
    expect(await stockOf(a, 'DRILL')).toEqual([
      expect.objectContaining({ warehouseCode: 'FG', onHand: '5', reserved: '0' }),
    ]);
    expect((await movements(a, wo1.no, 'production_receipt')).map((m) => [m.itemCode, m.qty])).toEqual([
      ['DRILL', '5'],
    ]);
    // Another body under the same key is refused.
    const reused = await report(a, wo1.id, { operationSeq: 30, goodQty: '1' }, key).expect(409);
    expect(code(reused.body)).toBe('IDEMPOTENCY_KEY_REUSED');

    // Finish: op 10 reaches 10 (9 good), 20 reaches 9, 30 reaches 9 → completed.
    await report(a, wo1.id, { operationSeq: 10, goodQty: '2' }).expect(201);
    expect(net(await movements(a, wo1.no, 'production_issue'))).toEqual({ MOTOR: '-10', SCREW: '-42' });
    expect(
      ((await report(a, wo1.id, { operationSeq: 20, goodQty: '1.4' }).expect(409)).body as ErrorBody)
        .details![0],
    ).toMatchObject({ allowed: '1.3' });
    await report(a, wo1.id, { operationSeq: 20, goodQty: '1.3' }).expect(201);
    const last = (await report(a, wo1.id, { operationSeq: 30, goodQty: '4' }).expect(201))
      .body as WorkReportView;
    expect(last.workOrderStatus).toBe('completed');
    const done = await workOrder(a, wo1.id);
    expect(done).toMatchObject({ status: 'completed', receivedQty: '9', completedAt: expect.any(String) });
    expect(done.operations.map((o) => [o.seq, o.goodQty, o.scrapQty, o.status])).toEqual([
      [10, '9', '1', 'done'],
      [20, '9', '0', 'done'],
      [30, '9', '0', 'done'],
    ]);
    expect(await stockOf(a, 'DRILL')).toEqual([expect.objectContaining({ onHand: '9' })]);
    expect(code((await report(a, wo1.id, { operationSeq: 30, goodQty: '1' }).expect(409)).body)).toBe(
      'INVALID_STATUS',
    );
    const reports = (await get(a, `${WO}/${wo1.id}/reports`).expect(200))
      .body as WorkOrderPage<WorkReportView>;
    expect(reports.items.map((r) => [r.operationSeq, r.goodQty])).toEqual([
      [10, '7'],
      [20, '7'],
      [20, '0.7'],
      [30, '5'],
      [10, '2'],
      [20, '1.3'],
      [30, '4'],
    ]);
    expect((await events(a, wo1.id)).map((e) => e.kind).slice(-1)).toEqual(['completed']);

    // Close: nothing was left reserved; closed for good.
    expect(((await post(a, `${WO}/${wo1.id}/close`).expect(200)).body as WorkOrderView).status).toBe(
      'closed',
    );
    expect(await openReservations(a, wo1.id)).toEqual([]);
  });

  it('concurrent reports cannot pass the limit; the first report starts a released work order', async () => {
    const released = (await post(a, `${WO}/${gear.id}/release`, {}).expect(200))
      .body as ReleaseWorkOrderResult;
    expect(released).toMatchObject({ kit: { ok: true, lines: [] }, reservations: [] });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        report(a, gear.id, { operationSeq: 10, goodQty: '3' }, `gear-${suffix}-${i}`),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(code(r.body)).toBe('OVER_REPORT');
    const after = await workOrder(a, gear.id);
    expect(after).toMatchObject({ status: 'in_progress', receivedQty: '9' });
    expect(after.operations[0]).toMatchObject({ goodQty: '9', status: 'in_progress' });
    expect((await events(a, gear.id)).map((e) => e.kind)).toEqual(['created', 'released', 'started']);
    expect(await stockOf(a, 'GEAR')).toEqual([expect.objectContaining({ warehouseCode: 'FG', onHand: '9' })]);

    // WIP board: GEAR's operation on WC-ASM with 1 left.
    const wip = (await get(a, '/production-execution/wip').expect(200)).body as WipWorkCenter[];
    const asm = wip.find((w) => w.workCenterCode === 'WC-ASM');
    expect(asm?.inProgress).toEqual([
      expect.objectContaining({ workOrderNo: gear.no, itemCode: 'GEAR', seq: 10, remainingQty: '1' }),
    ]);

    // Splitting off the 1 not yet reported completes what is left.
    const split = (await post(a, `${WO}/${gear.id}/split`, { qty: '1', reason: '尾数另排' }).expect(201))
      .body as SplitWorkOrderResult;
    expect(split.parent).toMatchObject({ qty: '9', status: 'completed' });
    expect(split.child).toMatchObject({
      qty: '1',
      status: 'planned',
      source: 'split',
      sourceRef: gear.no,
      parentId: gear.id,
      parentNo: gear.no,
      priority: 3,
    });
  });

  it('splits (派生) the unreported quantity into a new work order with the same operations', async () => {
    const wo = await create(a, { itemCode: 'DRILL', qty: '10', dueDate: '2026-11-30' });
    const whole = await post(a, `${WO}/${wo.id}/split`, { qty: '10', reason: '全部' }).expect(409);
    expect(whole.body).toMatchObject({
      code: 'SPLIT_TOO_LARGE',
      details: [expect.objectContaining({ field: 'qty' })],
    });
    expect(fields((await post(a, `${WO}/${wo.id}/split`, { qty: '4' }).expect(400)).body)).toEqual([
      'reason',
    ]);
    const { parent, child } = (
      await post(a, `${WO}/${wo.id}/split`, { qty: '4', reason: '插单' }).expect(201)
    ).body as SplitWorkOrderResult;
    expect(parent).toMatchObject({ id: wo.id, qty: '6', status: 'planned' });
    expect(parent.operations.map((o) => o.qty)).toEqual(['6', '6', '6']);
    expect(child).toMatchObject({ qty: '4', dueDate: '2026-11-30', source: 'split', parentId: wo.id });
    expect(child.no).not.toBe(wo.no);
    expect(child.operations.map((o) => [o.seq, o.workCenterCode, o.qty, o.runMinutes])).toEqual([
      [10, 'WC-CUT', '4', '2'],
      [20, 'WC-ASM', '4', '5'],
      [30, 'WC-TST', '4', '1.5'],
    ]);
    expect(code((await post(a, `${WO}/${wo.id}/split`, { qty: '7', reason: 'x' }).expect(409)).body)).toBe(
      'SPLIT_TOO_LARGE',
    );
    expect((await events(a, wo.id)).find((e) => e.kind === 'split')).toMatchObject({ reason: '插单' });
    expect((await events(a, child.id)).map((e) => [e.kind, e.reason])).toEqual([['created', '插单']]);
    // Cancel both: planned work orders cancel, a cancelled one cannot be changed.
    await post(a, `${WO}/${child.id}/cancel`).expect(200);
    expect(code((await put(a, `${WO}/${child.id}`, { qty: '1' }).expect(409)).body)).toBe('INVALID_STATUS');
  });

  it('picking mode: picking list, issue-materials, complete early, close releases what is still reserved', async () => {
    let list = (await get(a, `${WO}/${wo2.id}/picking-list`).expect(200)).body as PickingList;
    expect(list.lines.map((l) => [l.itemCode, l.planned, l.issued, l.remaining, l.reserved])).toEqual([
      ['MOTOR', '2', '0', '2', '2'],
      ['SCREW', '8.4', '0', '8.4', '8.4'],
    ]);
    const bad = await post(a, `${WO}/${wo2.id}/issue-materials`, {
      lines: [{ itemCode: 'BATT', qty: '1' }],
    }).expect(400);
    expect(fields(bad.body)).toEqual(['lines[0].itemCode']);
    const issued = (
      await post(a, `${WO}/${wo2.id}/issue-materials`, { lines: [{ itemCode: 'MOTOR', qty: '1' }] }).expect(
        201,
      )
    ).body as IssueMaterialsResult;
    expect(issued.docNo).toMatch(/^CK/);
    expect(issued.lines).toEqual([{ itemCode: 'MOTOR', warehouseCode: 'RM', lot: null, qty: '1' }]);
    list = issued.pickingList;
    expect(list.lines.map((l) => [l.itemCode, l.issued, l.remaining, l.reserved])).toEqual([
      ['MOTOR', '1', '1', '1'],
      ['SCREW', '0', '8.4', '8.4'],
    ]);
    // A backflush work order issues with its reports, not here.
    const other = await create(a, { itemCode: 'DRILL', qty: '1' });
    await post(a, `${WO}/${other.id}/release`, { force: true }).expect(200);
    const mode = await post(a, `${WO}/${other.id}/issue-materials`, {}).expect(409);
    expect(fields(mode.body)).toEqual(['issueMode']);
    await post(a, `${WO}/${other.id}/cancel`).expect(200);
    expect(await openReservations(a, other.id)).toEqual([]);

    // Picking mode: reports post no issue.
    await post(a, `${WO}/${wo2.id}/start`).expect(200);
    const r = (await report(a, wo2.id, { operationSeq: 10, goodQty: '1' }).expect(201))
      .body as WorkReportView;
    expect(r.issueDocNo).toBeNull();
    expect(code((await post(a, `${WO}/${wo2.id}/close`).expect(409)).body)).toBe('INVALID_STATUS');
    expect(((await post(a, `${WO}/${wo2.id}/complete`).expect(200)).body as WorkOrderView).status).toBe(
      'completed',
    );
    const screwBefore = await stockOf(a, 'SCREW');
    expect(screwBefore).toEqual([expect.objectContaining({ reserved: '8.4' })]);
    expect(((await post(a, `${WO}/${wo2.id}/close`).expect(200)).body as WorkOrderView).status).toBe(
      'closed',
    );
    expect(await openReservations(a, wo2.id)).toEqual([]);
    expect(await stockOf(a, 'SCREW')).toEqual([
      expect.objectContaining({ onHand: '58', reserved: '0', available: '58' }),
    ]);
  });

  it('takes over a work-order request of the orders module', async () => {
    const so = (
      await post(a, '/orders/sales-orders', {
        customerCode: 'C-001',
        warehouseCode: 'FG',
        lines: [{ itemCode: 'DRILL', qty: '12', unitPrice: '100', dueDate: '2026-12-24' }],
      }).expect(201)
    ).body as SalesOrderView;
    await post(a, `/orders/sales-orders/${so.id}/confirm`, {}).expect(200);
    const converted = (await post(a, `/orders/sales-orders/${so.id}/convert-to-production`, {}).expect(201))
      .body as ConvertToProductionResult;
    const request = converted.requests[0]!;
    const wo = (await post(a, `${WO}/from-request/${request.id}`).expect(201)).body as WorkOrderView;
    expect(wo).toMatchObject({
      status: 'planned',
      itemCode: 'DRILL',
      qty: request.qty,
      dueDate: '2026-12-24',
      source: 'request',
      sourceRef: request.no,
    });
    expect(wo.operations).toHaveLength(3);
    const accepted = (await get(a, `/orders/work-order-requests/${request.id}`).expect(200))
      .body as WorkOrderRequestView;
    expect(accepted).toMatchObject({ status: 'accepted', workOrderRef: wo.no });
    expect(code((await post(a, `${WO}/from-request/${request.id}`).expect(409)).body)).toBe('INVALID_STATUS');
    await post(a, `${WO}/from-request/01900000-0000-7000-8000-000000000001`).expect(404);
  });

  it('records one usage event per applied report', async () => {
    const all = (await get(a, `${WO}?pageSize=500`).expect(200)).body as WorkOrderPage<WorkOrderSummary>;
    let reports = 0;
    for (const w of all.items)
      reports += ((await get(a, `${WO}/${w.id}/reports`).expect(200)).body as { total: number }).total;
    expect(reports).toBe(11);
    const [row] = await t.app
      .get(DataSource)
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM platform.usage_events WHERE tenant_id = $1 AND meter = 'production-execution.reports'`,
        [a.tenant!.id],
      );
    expect(row!.n).toBe(reports);
  });

  it("keeps tenants apart: another tenant's work order is 404 everywhere, its list is empty", async () => {
    expect(((await get(b, WO).expect(200)).body as { total: number }).total).toBe(0);
    await get(b, `${WO}/${wo1.id}`).expect(404);
    await get(b, `${WO}/${wo1.id}/reports`).expect(404);
    await get(b, `${WO}/${wo1.id}/kit-check`).expect(404);
    await get(b, `${WO}/${wo1.id}/events`).expect(404);
    await post(b, `${WO}/${gear.id}/release`, {}).expect(404);
    await report(b, gear.id, { operationSeq: 10, goodQty: '1' }).expect(404);
    await post(b, `${WO}/${gear.id}/split`, { qty: '1', reason: 'x' }).expect(404);
    expect((await get(b, '/production-execution/wip').expect(200)).body).toEqual([]);
    expect((await get(b, '/production-execution/settings').expect(200)).body).toEqual({
      overReportTolerance: '0',
    });
  });

  it('refuses malformed reports with 400 naming every bad field', async () => {
    const res = await report(a, gear.id, {
      operationSeq: 'x',
      goodQty: 5,
      scrapQty: '-1',
      reworkQty: '1e3',
      operatorCodes: 'OP-1',
      startedAt: 'yesterday',
      extra: 1,
    }).expect(400);
    expect(new Set(fields(res.body))).toEqual(
      new Set(['operationSeq', 'goodQty', 'scrapQty', 'reworkQty', 'operatorCodes', 'startedAt', 'extra']),
    );
    const open = await create(a, { itemCode: 'GEAR', qty: '1' });
    await post(a, `${WO}/${open.id}/release`, {}).expect(200);
    const order = await report(a, open.id, {
      operationSeq: 10,
      goodQty: '0',
      scrapQty: '0.5',
      reasonCode: 'X',
      startedAt: '2026-05-01T10:00:00Z',
      endedAt: '2026-05-01T09:00:00Z',
    }).expect(400);
    expect(fields(order.body)).toEqual(['endedAt']);
    expect((await workOrder(a, open.id)).status).toBe('released');
    await get(a, `${WO}/not-an-id`).expect(404);
  });

  it('backflushes each component with the operation that consumes it (BOM line operationSeq)', async () => {
    const item = (code: string, type: string, makeOrBuy: string, warehouse: string) =>
      post(a, '/master-data/items', {
        code,
        name: code,
        type,
        baseUnit: '个',
        makeOrBuy,
        defaultWarehouseCode: warehouse,
      }).expect(201);
    await item('LAMP', 'finished', 'make', 'FG');
    for (const c of ['LAMP-A', 'LAMP-B', 'LAMP-C', 'LAMP-D']) await item(c, 'raw', 'buy', 'RM');
    await post(a, '/master-data/routings', {
      itemCode: 'LAMP',
      operations: [
        { seq: 10, name: '下料', workCenterCode: 'WC-CUT', runMinutes: '1' },
        { seq: 20, name: '装配', workCenterCode: 'WC-ASM', runMinutes: '1' },
        { seq: 30, name: '测试', workCenterCode: 'WC-TST', runMinutes: '1' },
      ],
    }).expect(201);
    await post(a, '/master-data/boms', {
      itemCode: 'LAMP',
      lines: [
        { itemCode: 'LAMP-A', qtyPer: '2' }, // no operation: the first
        { itemCode: 'LAMP-C', qtyPer: '1', operationSeq: 10 },
        { itemCode: 'LAMP-B', qtyPer: '1.5', operationSeq: 20 },
        { itemCode: 'LAMP-C', qtyPer: '0.333333', scrapRate: '0.1', operationSeq: 30 },
        { itemCode: 'LAMP-D', qtyPer: '0.25', operationSeq: 99 }, // not an operation of the order: the first
      ],
    }).expect(201);
    for (const c of ['LAMP-A', 'LAMP-B', 'LAMP-C', 'LAMP-D']) await receive(a, c, '100');
    const stock = async () =>
      Object.fromEntries(
        await Promise.all(
          ['LAMP-A', 'LAMP-B', 'LAMP-C', 'LAMP-D'].map(async (c) => [
            c,
            (await stockOf(a, c)).map((r) => [r.warehouseCode, r.onHand, r.reserved]),
          ]),
        ),
      ) as Record<string, [string, string, string][]>;

    const wo = await create(a, { itemCode: 'LAMP', qty: '10' });
    expect(wo).toMatchObject({ issueMode: 'backflush', warehouseCode: 'FG' });
    expect(wo.operations.map((o) => o.seq)).toEqual([10, 20, 30]);
    // Release reserves every component for the whole order: C is 1 + 0.333333 × 1.1 per unit.
    const released = (await post(a, `${WO}/${wo.id}/release`, {}).expect(200)).body as ReleaseWorkOrderResult;
    expect(released.reservations).toEqual([
      { itemCode: 'LAMP-A', requested: '20', reserved: '20' },
      { itemCode: 'LAMP-C', requested: '13.666663', reserved: '13.666663' },
      { itemCode: 'LAMP-B', requested: '15', reserved: '15' },
      { itemCode: 'LAMP-D', requested: '2.5', reserved: '2.5' },
    ]);

    // Op 10, 3 good + 1 scrap: A (no operation), C's op-10 line and D (operation 99) for 4.
    const r10 = (
      await report(a, wo.id, { operationSeq: 10, goodQty: '3', scrapQty: '1', reasonCode: 'X' }).expect(201)
    ).body as WorkReportView;
    expect(r10.issueDocNo).toMatch(/^CK/);
    expect(r10.receiptDocNo).toBeNull();
    expect(net(await movements(a, wo.no, 'production_issue'))).toEqual({
      'LAMP-A': '-8',
      'LAMP-C': '-4',
      'LAMP-D': '-1',
    });
    expect(await stock()).toEqual({
      'LAMP-A': [['RM', '92', '12']],
      'LAMP-B': [['RM', '100', '15']],
      'LAMP-C': [['RM', '96', '9.666663']],
      'LAMP-D': [['RM', '99', '1.5']],
    });
    // The kit check still covers every component for the whole order, less what was issued.
    const kit = (await get(a, `${WO}/${wo.id}/kit-check`).expect(200)).body as KitCheckResult;
    expect(kit.lines.map((l) => [l.itemCode, l.required, l.available, l.shortage])).toEqual([
      ['LAMP-A', '12', '92', '0'],
      ['LAMP-C', '9.666663', '96', '0'],
      ['LAMP-B', '15', '100', '0'],
      ['LAMP-D', '1.5', '99', '0'],
    ]);

    // Op 20, 2 good + 1 scrap: B alone, for 3.
    const key = `op20-${suffix}`;
    const r20 = (
      await report(a, wo.id, { operationSeq: 20, goodQty: '2', scrapQty: '1', reasonCode: 'X' }, key).expect(
        201,
      )
    ).body as WorkReportView;
    expect(r20.issueDocNo).toMatch(/^CK/);
    expect(r20.issueDocNo).not.toBe(r10.issueDocNo);
    expect(net(await movements(a, wo.no, 'production_issue'))).toEqual({
      'LAMP-A': '-8',
      'LAMP-B': '-4.5',
      'LAMP-C': '-4',
      'LAMP-D': '-1',
    });
    expect(await stock()).toEqual({
      'LAMP-A': [['RM', '92', '12']],
      'LAMP-B': [['RM', '95.5', '10.5']],
      'LAMP-C': [['RM', '96', '9.666663']],
      'LAMP-D': [['RM', '99', '1.5']],
    });

    // Op 30, 2 good: C's op-30 line, 0.3666663 × 2 rounded up to 0.733333; the product is received.
    const r30 = (await report(a, wo.id, { operationSeq: 30, goodQty: '2' }).expect(201))
      .body as WorkReportView;
    expect(r30.issueDocNo).toMatch(/^CK/);
    expect(r30.receiptDocNo).toMatch(/^RK/);
    expect(net(await movements(a, wo.no, 'production_issue'))).toEqual({
      'LAMP-A': '-8',
      'LAMP-B': '-4.5',
      'LAMP-C': '-4.733333',
      'LAMP-D': '-1',
    });
    expect(await stock()).toEqual({
      'LAMP-A': [['RM', '92', '12']],
      'LAMP-B': [['RM', '95.5', '10.5']],
      'LAMP-C': [['RM', '95.266667', '8.93333']],
      'LAMP-D': [['RM', '99', '1.5']],
    });
    expect((await stockOf(a, 'LAMP')).map((r) => [r.warehouseCode, r.onHand])).toEqual([['FG', '2']]);

    // The op-20 report replayed with its Idempotency-Key: the same report, nothing issued again.
    const replay = (
      await report(a, wo.id, { operationSeq: 20, goodQty: '2', scrapQty: '1', reasonCode: 'X' }, key).expect(
        201,
      )
    ).body as WorkReportView;
    expect(replay).toMatchObject({ id: r20.id, issueDocNo: r20.issueDocNo, goodQty: '2', scrapQty: '1' });
    expect(await stock()).toEqual({
      'LAMP-A': [['RM', '92', '12']],
      'LAMP-B': [['RM', '95.5', '10.5']],
      'LAMP-C': [['RM', '95.266667', '8.93333']],
      'LAMP-D': [['RM', '99', '1.5']],
    });
    // One issue document per report, each with that operation's components only.
    const issues = await movements(a, wo.no, 'production_issue');
    const byDoc = Object.fromEntries(
      [...new Set(issues.map((m) => m.docNo))].map((d) => [d, net(issues.filter((m) => m.docNo === d))]),
    );
    expect(byDoc).toEqual({
      [r10.issueDocNo!]: { 'LAMP-A': '-8', 'LAMP-C': '-4', 'LAMP-D': '-1' },
      [r20.issueDocNo!]: { 'LAMP-B': '-4.5' },
      [r30.issueDocNo!]: { 'LAMP-C': '-0.733333' },
    });
    const reports = (await get(a, `${WO}/${wo.id}/reports`).expect(200))
      .body as WorkOrderPage<WorkReportView>;
    expect(reports.items.map((r) => [r.operationSeq, r.goodQty, r.scrapQty])).toEqual([
      [10, '3', '1'],
      [20, '2', '1'],
      [30, '2', '0'],
    ]);
  });
});
