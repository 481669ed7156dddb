import type { LoginResponse, ProductionOutputView, WorkOrderView } from '@mes/shared';
import { freshTenants, sessionCalls, startTestApp, type TestApp } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: { field: string; message: string }[];
}

const WO = '/production-execution/work-orders';
const OUTPUT = '/production-execution/output';

/** `YYYY-MM-DD` + n days. */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('production-execution: 今日产出 (GET /production-execution/output)', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);
  const { post, get } = sessionCalls(() => t);

  const output = async (s: LoginResponse, query = '') =>
    (await get(s, `${OUTPUT}${query}`).expect(200)).body as ProductionOutputView;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'peo', 'peq');
    for (const s of [a, b]) {
      await post(s, '/subscriptions', { moduleKey: 'production-execution', withDependencies: true }).expect(
        201,
      );
      await post(s, '/master-data/warehouses', { code: 'FG', name: '成品仓' }).expect(201);
      for (const [code, name] of [
        ['WC-CUT', '下料中心'],
        ['WC-ASM', '装配线'],
      ] as const)
        await post(s, '/master-data/work-centers', { code, name }).expect(201);
      for (const [code, name] of [
        ['FRAME', '机架'],
        ['PANEL', '面板'],
      ] as const)
        await post(s, '/master-data/items', {
          code,
          name,
          type: 'finished',
          baseUnit: '个',
          makeOrBuy: 'make',
          defaultWarehouseCode: 'FG',
        }).expect(201);
      for (const itemCode of ['FRAME', 'PANEL'])
        await post(s, '/master-data/routings', {
          itemCode,
          operations: [
            { seq: 10, name: '下料', workCenterCode: 'WC-CUT', runMinutes: '1' },
            { seq: 20, name: '装配', workCenterCode: 'WC-ASM', runMinutes: '2' },
          ],
        }).expect(201);
    }
  });
  afterAll(() => t.close());

  const started = async (s: LoginResponse, itemCode: string, qty: string) => {
    const wo = (await post(s, WO, { itemCode, qty }).expect(201)).body as WorkOrderView;
    await post(s, `${WO}/${wo.id}/release`, {}).expect(200);
    await post(s, `${WO}/${wo.id}/start`, {}).expect(200);
    return wo;
  };
  const report = (s: LoginResponse, id: string, body: object) =>
    post(s, `${WO}/${id}/reports`, body).expect(201);

  it('is empty before any report, for today in the tenant time zone', async () => {
    const out = await output(a);
    expect(out.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.timeZone).toBe('Asia/Shanghai');
    expect(out.rows).toEqual([]);
  });

  it('sums good, scrap and reports of the day per work center and item', async () => {
    const frame = await started(a, 'FRAME', '10');
    const panel = await started(a, 'PANEL', '5');
    await report(a, frame.id, { operationSeq: 10, goodQty: '4' });
    await report(a, frame.id, { operationSeq: 10, goodQty: '3', scrapQty: '1', reasonCode: 'DIM-NG' });
    await report(a, frame.id, { operationSeq: 20, goodQty: '5' });
    await report(a, panel.id, { operationSeq: 10, goodQty: '5' });

    const today = await output(a);
    const sums = today.rows.map((r) => [r.workCenterCode, r.itemCode, r.goodQty, r.scrapQty, r.reportCount]);
    expect(sums).toEqual([
      ['WC-ASM', 'FRAME', '5', '0', 1],
      ['WC-CUT', 'FRAME', '7', '1', 2],
      ['WC-CUT', 'PANEL', '5', '0', 1],
    ]);
    expect(today.rows[0]).toMatchObject({ workCenterName: '装配线', itemName: '机架', unit: '个' });

    // The same day named explicitly answers the same.
    expect(await output(a, `?date=${today.date}`)).toEqual(today);
  });

  it('answers nothing for another day', async () => {
    const today = (await output(a)).date;
    for (const day of [addDays(today, -1), addDays(today, 1), '2020-01-01']) {
      const out = await output(a, `?date=${day}`);
      expect(out).toEqual({ date: day, timeZone: 'Asia/Shanghai', rows: [] });
    }
  });

  it("keeps tenants apart: another tenant sees none of the first one's output", async () => {
    expect((await output(b)).rows).toEqual([]);
    const frame = await started(b, 'FRAME', '2');
    await report(b, frame.id, { operationSeq: 10, goodQty: '2' });
    expect((await output(b)).rows.map((r) => [r.workCenterCode, r.itemCode, r.goodQty])).toEqual([
      ['WC-CUT', 'FRAME', '2'],
    ]);
    expect(
      (await output(a)).rows.find((r) => r.itemCode === 'FRAME' && r.workCenterCode === 'WC-CUT'),
    ).toMatchObject({ goodQty: '7', reportCount: 2 });
  });

  it('refuses a bad date with 400 naming `date`', async () => {
    for (const bad of ['2026-13-01', '2026-02-30', 'today', '20261121', '2026-1-1']) {
      const res = await get(a, `${OUTPUT}?date=${bad}`).expect(400);
      expect((res.body as ErrorBody).details?.map((d) => d.field)).toContain('date');
    }
  });
});
