import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MrpWorkerModule } from '@mes/mrp-api';
import { JobWorkerHost, PlatformCoreModule } from '@mes/platform';
import type { JobView, LoginResponse, MrpPlannedOrderView, MrpRunSubmitted } from '@mes/shared';
import { MODULES } from '../../apps/api/src/modules.registry';
import { freshTenants, sessionCalls, startTestApp, type TestApp } from './support/test-app';

const START = '2030-01-07';

/**
 * 在制 in MRP: an open work order's output still to come is supply, and the components it still has
 * to take (neither issued nor reserved) are allocated — a reservation made at release is counted once.
 *
 * CHAIR (make, LT 1) = LEG × 4 (buy, LT 2). Forecast CHAIR 10 due 01-14; work order CHAIR 6 due 01-10.
 */
describe('mrp: work in progress from production-execution work orders', () => {
  let t: TestApp;
  let a: LoginResponse;
  let worker: INestApplicationContext | undefined;
  const { post, get } = sessionCalls(() => t);

  async function plan(): Promise<MrpPlannedOrderView[]> {
    const submitted = (await post(a, '/mrp/runs', { start: START }).expect(202)).body as MrpRunSubmitted;
    for (let i = 0; i < 300; i++) {
      const view = (await get(a, `/jobs/${submitted.jobId}`).expect(200)).body as JobView;
      if (view.state === 'failed') throw new Error(view.failedReason ?? 'run failed');
      if (view.state === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return (
      (await get(a, '/mrp/planned-orders?pageSize=100').expect(200)).body as { items: MrpPlannedOrderView[] }
    ).items;
  }
  const total = (orders: MrpPlannedOrderView[], item: string) =>
    orders.filter((o) => o.itemCode === item).reduce((s, o) => s + Number(o.qty), 0);

  beforeAll(async () => {
    t = await startTestApp();
    [a] = await freshTenants(t, Date.now().toString(36), 'wip');
    for (const moduleKey of ['mrp', 'production-execution'])
      await post(a, '/subscriptions', { moduleKey, withDependencies: true }).expect(201);
    await post(a, '/master-data/warehouses', { code: 'WH', name: '总仓' }).expect(201);
    await post(a, '/master-data/work-centers', { code: 'ASM', name: '装配' }).expect(201);
    await post(a, '/master-data/items', {
      code: 'CHAIR',
      name: '椅子',
      type: 'finished',
      baseUnit: '个',
      makeOrBuy: 'make',
      leadTimeDays: 1,
    }).expect(201);
    await post(a, '/master-data/items', {
      code: 'LEG',
      name: '椅腿',
      type: 'raw',
      baseUnit: '个',
      makeOrBuy: 'buy',
      leadTimeDays: 2,
    }).expect(201);
    await post(a, '/master-data/boms', {
      itemCode: 'CHAIR',
      lines: [{ itemCode: 'LEG', qtyPer: '4' }],
    }).expect(201);
    await post(a, '/master-data/routings', {
      itemCode: 'CHAIR',
      operations: [{ seq: 10, name: '装配', workCenterCode: 'ASM', runMinutes: '5' }],
    }).expect(201);
    await post(a, '/mrp/forecasts', { itemCode: 'CHAIR', qty: '10', dueDate: '2030-01-14' }).expect(201);
    @Module({ imports: [PlatformCoreModule.forRoot(MODULES), MrpWorkerModule] })
    class TestWorkerModule {}
    worker = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
    worker.get(JobWorkerHost).start();
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('plans the whole demand while there is no work order', async () => {
    const orders = await plan();
    expect(total(orders, 'CHAIR')).toBe(10);
    expect(total(orders, 'LEG')).toBe(40);
  });

  it('counts the open work order as supply and its components as allocated', async () => {
    const wo = (
      await post(a, '/production-execution/work-orders', {
        itemCode: 'CHAIR',
        qty: '6',
        dueDate: '2030-01-10',
      }).expect(201)
    ).body as { id: string };
    let orders = await plan();
    // 10 − 6 in progress; LEG: 4 × 4 for the planned chairs + 6 × 4 the work order still has to take.
    expect(total(orders, 'CHAIR')).toBe(4);
    expect(total(orders, 'LEG')).toBe(40);

    // 24 legs arrive and the release reserves them: the allocation is the reservation now, counted once.
    await post(
      a,
      '/warehousing/movements',
      { type: 'receipt', itemCode: 'LEG', warehouseCode: 'WH', qty: '24' },
      `wip-leg-${wo.id}`,
    ).expect(201);
    await post(a, `/production-execution/work-orders/${wo.id}/release`, {}).expect(200);
    orders = await plan();
    expect(total(orders, 'CHAIR')).toBe(4);
    expect(total(orders, 'LEG')).toBe(16);

    // 2 chairs reported at the last operation go into stock: 4 still to come from the order.
    await post(
      a,
      `/production-execution/work-orders/${wo.id}/reports`,
      { operationSeq: 10, goodQty: '2' },
      `wip-report-${wo.id}`,
    ).expect(201);
    orders = await plan();
    expect(total(orders, 'CHAIR')).toBe(4);
    expect(total(orders, 'LEG')).toBe(16);
  });
});
