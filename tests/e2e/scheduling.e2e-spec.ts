import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SchedulingWorkerModule } from '@mes/scheduling-api';
import { JobWorkerHost, PlatformCoreModule } from '@mes/platform';
import type {
  DispatchListView,
  GanttOperation,
  GanttView,
  JobView,
  LoginResponse,
  MoveOperationResult,
  RushOrderResult,
  ScheduleComparison,
  ScheduleRunSubmitted,
  ScheduleRunView,
} from '@mes/shared';
import { MODULES } from '../../apps/api/src/modules.registry';
import { freshTenants, sessionCalls, startTestApp, type TestApp } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: { field: string; message: string }[];
}

const ms = (iso: string) => Date.parse(iso);
const MIN = 60_000;

/** Every operation's work after its job predecessor; no two overlapping (changeovers included) on a resource. */
function expectValid(ops: GanttOperation[]): void {
  const byOrder = new Map<string, GanttOperation[]>();
  const byResource = new Map<string, GanttOperation[]>();
  for (const op of ops) {
    expect(ms(op.setupStart)).toBeLessThanOrEqual(ms(op.start));
    expect(ms(op.start)).toBeLessThanOrEqual(ms(op.end));
    byOrder.set(op.workOrderId, [...(byOrder.get(op.workOrderId) ?? []), op]);
    byResource.set(op.resourceCode, [...(byResource.get(op.resourceCode) ?? []), op]);
  }
  for (const list of byOrder.values()) {
    const sorted = [...list].sort((x, y) => x.seq - y.seq);
    // A changeover may run before the work may start (it needs the machine, not the material).
    for (let i = 1; i < sorted.length; i++)
      expect(ms(sorted[i]!.start)).toBeGreaterThanOrEqual(ms(sorted[i - 1]!.end));
  }
  for (const list of byResource.values()) {
    const sorted = [...list].sort((x, y) => ms(x.setupStart) - ms(y.setupStart));
    for (let i = 1; i < sorted.length; i++)
      expect(ms(sorted[i]!.setupStart)).toBeGreaterThanOrEqual(ms(sorted[i - 1]!.end));
  }
}

/**
 * Scheduling from the tenant's work orders: runs as a job on the real queue (in-process worker), the
 * stored version read as Gantt data, a manual move pushing the job successor and the resource's next
 * operation, locks, publishing and dispatch lists, the rush-order what-if, comparison, isolation, and
 * bad input (also the simulate endpoint's problem errors).
 *
 * Work centers CUT and WELD (always open), item FRAME: 10 CUT 1 min/unit, 20 WELD 2 min/unit
 * (alternative WELD2 at 3 min/unit); item BOX: 10 CUT 2 min/unit, 20 WELD 1 min/unit.
 */
describe('scheduling: job, versions, Gantt, move, publish, what-if, isolation', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  let worker: INestApplicationContext | undefined;
  const suffix = Date.now().toString(36);
  const { post, put, get } = sessionCalls(() => t);
  const workOrders: string[] = [];
  let versionId = '';

  async function waitJob(s: LoginResponse, id: string): Promise<JobView> {
    for (let i = 0; i < 600; i++) {
      const view = (await get(s, `/jobs/${id}`).expect(200)).body as JobView;
      if (view.state === 'completed' || view.state === 'failed') return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }
  async function run(s: LoginResponse, body: object): Promise<ScheduleRunView> {
    const submitted = (await post(s, '/scheduling/runs', body).expect(202)).body as ScheduleRunSubmitted;
    await waitJob(s, submitted.jobId);
    return (await get(s, `/scheduling/runs/${submitted.runId}`).expect(200)).body as ScheduleRunView;
  }
  const gantt = async (id = versionId) =>
    (await get(a, `/scheduling/versions/${id}/gantt`).expect(200)).body as GanttView;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'scha', 'schb');
    await post(a, '/subscriptions', { moduleKey: 'master-scheduling', withDependencies: true }).expect(201);
    // The workshop edition opens the same routes.
    await post(b, '/subscriptions', { moduleKey: 'shop-scheduling', withDependencies: true }).expect(201);
    await post(a, '/master-data/warehouses', { code: 'WH', name: '成品仓' }).expect(201);
    for (const code of ['CUT', 'WELD', 'WELD2'])
      await post(a, '/master-data/work-centers', { code, name: code }).expect(201);
    for (const code of ['FRAME', 'BOX'])
      await post(a, '/master-data/items', {
        code,
        name: code,
        type: 'finished',
        baseUnit: '个',
        makeOrBuy: 'make',
      }).expect(201);
    await post(a, '/master-data/routings', {
      itemCode: 'FRAME',
      operations: [
        { seq: 10, name: '下料', workCenterCode: 'CUT', runMinutes: '1' },
        {
          seq: 20,
          name: '焊接',
          workCenterCode: 'WELD',
          runMinutes: '2',
          alternatives: [{ workCenterCode: 'WELD2', runMinutes: '3' }],
        },
      ],
    }).expect(201);
    await post(a, '/master-data/routings', {
      itemCode: 'BOX',
      operations: [
        { seq: 10, name: '下料', workCenterCode: 'CUT', runMinutes: '2' },
        { seq: 20, name: '焊接', workCenterCode: 'WELD', runMinutes: '1' },
      ],
    }).expect(201);
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const [itemCode, qty] of [
      ['FRAME', '30'],
      ['BOX', '20'],
      ['FRAME', '10'],
    ] as const) {
      const wo = (
        await post(a, '/production-execution/work-orders', { itemCode, qty, dueDate: due }).expect(201)
      ).body as { id: string };
      workOrders.push(wo.id);
    }
    @Module({ imports: [PlatformCoreModule.forRoot(MODULES), SchedulingWorkerModule] })
    class TestWorkerModule {}
    worker = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
    expect(worker.get(JobWorkerHost).start()).toEqual(['scheduling']);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('runs as a job and stores a valid version with KPIs', async () => {
    const view = await run(a, { timeLimitSeconds: 1, name: '第一版' });
    expect(view).toMatchObject({ status: 'succeeded', name: '第一版' });
    const job = (await get(a, `/jobs/${view.jobId}`).expect(200)).body as JobView;
    expect(job).toMatchObject({ state: 'completed', progress: 100 });
    expect(Object.keys(view.timings ?? {})).toEqual(expect.arrayContaining(['build', 'engine', 'store']));
    expect(view.versionId).toBeTruthy();
    versionId = view.versionId!;
    const g = await gantt();
    expect(g.operations).toHaveLength(6);
    expect(g.orders.map((o) => o.workOrderId).sort()).toEqual([...workOrders].sort());
    expectValid(g.operations);
    // Durations: run minutes × qty on the resource it got.
    for (const op of g.operations) {
      const minutes = (ms(op.end) - ms(op.start)) / MIN;
      const perUnit =
        op.itemCode === 'FRAME'
          ? op.seq === 10
            ? 1
            : op.resourceCode === 'WELD2'
              ? 3
              : 2
          : op.seq === 10
            ? 2
            : 1;
      expect(minutes).toBe(perUnit * Number(op.qty));
    }
    // CUT alone holds 30 + 40 + 10 = 80 minutes of work: nothing ends before that.
    expect(g.version.kpis.makespanMinutes).toBeGreaterThanOrEqual(80 + 10);
    expect(g.version.kpis).toMatchObject({ operations: 6, workOrders: 3, lateOrders: 0 });
    const cut = g.resources.find((r) => r.code === 'CUT')!;
    expect(cut.busyMinutes).toBe(80);
    expect(cut.utilisation).toBeGreaterThan(0);
  });

  it('moves an operation later and pushes its successor and what follows on the resource', async () => {
    const before = await gantt();
    const first = before.operations.find((o) => o.workOrderId === workOrders[0] && o.seq === 10)!;
    const successor = before.operations.find((o) => o.workOrderId === workOrders[0] && o.seq === 20)!;
    const target = new Date(ms(successor.end) + 60 * MIN).toISOString();
    const result = (
      await post(a, `/scheduling/versions/${versionId}/operations/${first.id}/move`, {
        start: target,
      }).expect(200)
    ).body as MoveOperationResult;
    expect(result.moved.map((m) => m.id)).toEqual(expect.arrayContaining([first.id, successor.id]));
    const after = await gantt();
    expectValid(after.operations);
    const moved = after.operations.find((o) => o.id === first.id)!;
    const pushed = after.operations.find((o) => o.id === successor.id)!;
    expect(moved.start).toBe(target);
    expect(moved.locked).toBe(true);
    expect(ms(pushed.setupStart)).toBeGreaterThanOrEqual(ms(moved.end));
    // Nothing else moved earlier.
    for (const op of after.operations) {
      const old = before.operations.find((o) => o.id === op.id)!;
      if (op.id !== first.id) expect(ms(op.start)).toBeGreaterThanOrEqual(ms(old.start));
    }
    expect(result.kpis.makespanMinutes).toBe(after.version.kpis.makespanMinutes);
    expect(after.version.adjustments).toBe(1);
  });

  it('moves an operation to an eligible resource, refuses an ineligible one and locked pushes', async () => {
    const g = await gantt();
    const weld = g.operations.find((o) => o.workOrderId === workOrders[2] && o.seq === 20)!;
    expect(weld.eligibleResources).toEqual(expect.arrayContaining(['WELD', 'WELD2']));
    await post(a, `/scheduling/versions/${versionId}/operations/${weld.id}/move`, {
      start: weld.start,
      resourceCode: 'WELD2',
    }).expect(200);
    const moved = (await gantt()).operations.find((o) => o.id === weld.id)!;
    expect(moved.resourceCode).toBe('WELD2');
    expect((ms(moved.end) - ms(moved.start)) / MIN).toBe(30);
    const bad = await post(a, `/scheduling/versions/${versionId}/operations/${weld.id}/move`, {
      start: weld.start,
      resourceCode: 'CUT',
    }).expect(400);
    expect((bad.body as ErrorBody).details?.[0]?.field).toBe('resourceCode');

    // Lock the successor of work order 2's cut, then push the cut past it → 409.
    const cut2 = (await gantt()).operations.find((o) => o.workOrderId === workOrders[1] && o.seq === 10)!;
    const weld2 = (await gantt()).operations.find((o) => o.workOrderId === workOrders[1] && o.seq === 20)!;
    await post(a, `/scheduling/versions/${versionId}/operations/${weld2.id}/lock`, { locked: true }).expect(
      200,
    );
    const refused = await post(a, `/scheduling/versions/${versionId}/operations/${cut2.id}/move`, {
      start: new Date(ms(weld2.end) + 10 * MIN).toISOString(),
    }).expect(409);
    expect((refused.body as ErrorBody).code).toBe('OPERATION_LOCKED');
    expect(JSON.stringify((refused.body as ErrorBody).details)).toContain(weld2.id);
    // Nothing changed.
    expect((await gantt()).operations.find((o) => o.id === cut2.id)!.start).toBe(cut2.start);
  });

  it('publishes a version: dispatch lists per work center in start order', async () => {
    expect((await get(a, '/scheduling/dispatch-lists/CUT').expect(200)).body).toMatchObject({
      versionId: null,
      items: [],
    });
    await post(a, `/scheduling/versions/${versionId}/publish`, {}).expect(200);
    await post(a, `/scheduling/versions/${versionId}/publish`, {}).expect(409);
    const list = (await get(a, '/scheduling/dispatch-lists/CUT').expect(200)).body as DispatchListView;
    expect(list.versionId).toBe(versionId);
    expect(list.items).toHaveLength(3);
    const starts = list.items.map((i) => ms(i.start));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it('compares versions and keeps locks of the published version in a new run', async () => {
    const second = await run(a, { strategy: 'backward', rule: 'EDD', timeLimitSeconds: 0 });
    expect(second.status).toBe('succeeded');
    const published = await gantt();
    const lockedOps = published.operations.filter((o) => o.locked);
    const g2 = await gantt(second.versionId!);
    expectValid(g2.operations);
    for (const op of lockedOps) {
      const again = g2.operations.find((o) => o.workOrderId === op.workOrderId && o.seq === op.seq)!;
      expect([again.start, again.resourceCode]).toEqual([op.start, op.resourceCode]);
    }
    const cmp = (
      await get(a, `/scheduling/versions/compare?ids=${versionId},${second.versionId}`).expect(200)
    ).body as ScheduleComparison;
    expect(cmp.versions.map((v) => v.id)).toEqual([versionId, second.versionId]);
    expect(cmp.orders).toHaveLength(3);
    expect(cmp.orders.every((o) => o.ends.every((e) => e !== null))).toBe(true);
    await get(a, `/scheduling/versions/compare?ids=${versionId}`).expect(400);
  });

  it('what-if: a rush order shows which orders become late', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const r = (
      await post(a, `/scheduling/versions/${versionId}/what-if`, {
        itemCode: 'FRAME',
        qty: '500',
        dueDate: today,
      }).expect(200)
    ).body as RushOrderResult;
    expect(r.rush.itemCode).toBe('FRAME');
    // 500 units on CUT first: everything else waits at least 500 minutes.
    expect(ms(r.rush.end) - ms(r.rush.start)).toBeGreaterThanOrEqual(1500 * MIN);
    expect(r.after.makespanMinutes).toBeGreaterThan(r.before.makespanMinutes);
    expect(r.after.workOrders).toBe(r.before.workOrders + 1);
    const bad = await post(a, `/scheduling/versions/${versionId}/what-if`, {
      itemCode: 'NOPE',
      qty: '1',
      dueDate: today,
    }).expect(400);
    expect((bad.body as ErrorBody).details?.[0]?.field).toBe('itemCode');
  });

  it('cancel: a queued or running run stops; a finished one is 409', async () => {
    // Orders already overdue, queueing for the same machines: no schedule meets the lower bound (each
    // order on its own), so the search would use all 30 s.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (const [itemCode, qty] of [
      ['BOX', '50'],
      ['FRAME', '40'],
      ['BOX', '30'],
      ['FRAME', '60'],
      ['BOX', '20'],
    ])
      await post(a, '/production-execution/work-orders', { itemCode, qty, dueDate: yesterday }).expect(201);
    const submitted = (await post(a, '/scheduling/runs', { timeLimitSeconds: 30 }).expect(202))
      .body as ScheduleRunSubmitted;
    await post(a, '/scheduling/runs', {}).expect(409);
    await post(a, `/scheduling/runs/${submitted.runId}/cancel`, {}).expect(200);
    const started = Date.now();
    await waitJob(a, submitted.jobId);
    expect(Date.now() - started).toBeLessThan(20_000);
    const view = (await get(a, `/scheduling/runs/${submitted.runId}`).expect(200)).body as ScheduleRunView;
    expect(view.status).toBe('cancelled');
    expect(view.cancelRequested).toBe(true);
    // Cancelled while searching, the best schedule so far is kept; cancelled while queued, nothing is.
    if (view.versionId) {
      const kept = await gantt(view.versionId);
      expect(kept.version.stoppedBy).toBe('cancel');
      expectValid(kept.operations);
    }
    await post(a, `/scheduling/runs/${submitted.runId}/cancel`, {}).expect(409);
  });

  it('keeps changeover families and minutes; bad rows are 400 naming the field', async () => {
    const body = {
      families: [
        { itemCode: 'FRAME', family: '钢' },
        { itemCode: 'BOX', family: '铝' },
      ],
      changeovers: [
        { fromFamily: '钢', toFamily: '铝', minutes: 45 },
        { workCenterCode: 'CUT', fromFamily: '铝', toFamily: '钢', minutes: 20 },
      ],
    };
    const saved = (await put(a, '/scheduling/changeovers', body).expect(200)).body as {
      families: unknown[];
      changeovers: unknown[];
    };
    expect(saved.families).toHaveLength(2);
    expect(saved.changeovers).toHaveLength(2);
    const bad = await put(a, '/scheduling/changeovers', {
      families: [{ itemCode: 'NOPE', family: 'x' }],
      changeovers: [{ workCenterCode: 'NOPE', fromFamily: 'a', toFamily: 'b', minutes: 1 }],
    }).expect(400);
    expect((bad.body as ErrorBody).details?.map((d) => d.field)).toEqual([
      'families[0].itemCode',
      'changeovers[0].workCenterCode',
    ]);
    await put(a, '/scheduling/changeovers', {
      families: [],
      changeovers: [{ fromFamily: 'a', toFamily: 'b', minutes: -1 }],
    }).expect(400);
    // A run now pays changeovers between 钢 and 铝 on CUT and WELD.
    const view = await run(a, { timeLimitSeconds: 0, rule: 'FIFO' });
    const g = await gantt(view.versionId!);
    expectValid(g.operations);
    expect(g.version.kpis.setupMinutes).toBeGreaterThan(0);
  });

  it('another tenant sees none of it and cannot write it', async () => {
    expect(((await get(b, '/scheduling/versions').expect(200)).body as { total: number }).total).toBe(0);
    await get(b, `/scheduling/versions/${versionId}`).expect(404);
    await get(b, `/scheduling/versions/${versionId}/gantt`).expect(404);
    const op = (await gantt()).operations[0]!;
    await post(b, `/scheduling/versions/${versionId}/operations/${op.id}/move`, { start: op.start }).expect(
      404,
    );
    await post(b, `/scheduling/versions/${versionId}/operations/${op.id}/lock`, { locked: false }).expect(
      404,
    );
    await post(b, `/scheduling/versions/${versionId}/publish`, {}).expect(404);
    expect(
      ((await get(b, '/scheduling/dispatch-lists/CUT').expect(200)).body as DispatchListView).items,
    ).toEqual([]);
    // Tenant B has no open work order: nothing is queued.
    const none = await post(b, '/scheduling/runs', { timeLimitSeconds: 0 }).expect(409);
    expect((none.body as ErrorBody).code).toBe('NOTHING_TO_SCHEDULE');
  });

  it('an operation that may not span a break and is longer than every shift is a 400 naming it', async () => {
    const shift = [{ start: '08:00', end: '10:00' }];
    const weekly = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, shift]),
    );
    await post(b, '/master-data/calendars', {
      code: 'SHORT',
      name: '两小时班',
      definition: { weekly },
    }).expect(201);
    await post(b, '/master-data/work-centers', {
      code: 'OVEN',
      name: '热处理炉',
      calendarCode: 'SHORT',
    }).expect(201);
    await post(b, '/master-data/warehouses', { code: 'WH', name: '成品仓' }).expect(201);
    await post(b, '/master-data/items', {
      code: 'GEAR',
      name: '齿轮',
      type: 'finished',
      baseUnit: '个',
      makeOrBuy: 'make',
    }).expect(201);
    await post(b, '/master-data/routings', {
      itemCode: 'GEAR',
      operations: [{ seq: 10, name: '淬火', workCenterCode: 'OVEN', runMinutes: '1', spanBreaks: false }],
    }).expect(201);
    // 150 minutes that may not pause: longer than the 120-minute shift.
    const wo = (
      await post(b, '/production-execution/work-orders', { itemCode: 'GEAR', qty: '150' }).expect(201)
    ).body as {
      no: string;
    };
    const res = await post(b, '/scheduling/runs', { timeLimitSeconds: 0 }).expect(400);
    const details = (res.body as ErrorBody).details ?? [];
    expect(details.map((d) => d.field)).toEqual([`workOrders[${wo.no}].operations[10]`]);
    expect(details[0]?.message).toContain('longer than every calendar window');
    expect(((await get(b, '/scheduling/runs').expect(200)).body as { total: number }).total).toBe(0);
    // 100 minutes fit in a shift.
    await put(b, `/production-execution/work-orders/${(wo as unknown as { id: string }).id}`, {
      qty: '100',
    }).expect(200);
    const view = await run(b, { timeLimitSeconds: 0 });
    expect(view.status).toBe('succeeded');
    const g = (await get(b, `/scheduling/versions/${view.versionId}/gantt`).expect(200)).body as GanttView;
    const op = g.operations[0]!;
    expect((ms(op.end) - ms(op.start)) / MIN).toBe(100);
    // Inside one 08:00–10:00 (Asia/Shanghai) shift.
    const local = (iso: string) => new Date(ms(iso) + 8 * 3600_000).toISOString().slice(11, 16);
    expect(local(op.start) >= '08:00' && local(op.end) <= '10:00').toBe(true);
    expect(g.resources.find((r) => r.code === 'OVEN')?.closed.length).toBeGreaterThan(0);
  });

  it('bad input: 400 naming the field', async () => {
    const op = (await gantt()).operations[0]!;
    const cases: [string, object, string][] = [
      ['/scheduling/runs', { strategy: 'sideways' }, 'strategy'],
      ['/scheduling/runs', { timeLimitSeconds: 301 }, 'timeLimitSeconds'],
      ['/scheduling/runs', { weights: { makespan: -1 } }, 'weights.makespan'],
      [`/scheduling/versions/${versionId}/operations/${op.id}/move`, { start: 'tomorrow' }, 'start'],
      [
        `/scheduling/versions/${versionId}/operations/${op.id}/move`,
        { start: '2000-01-01T00:00:00Z' },
        'start',
      ],
      [`/scheduling/versions/${versionId}/operations/${op.id}/lock`, { locked: 'yes' }, 'locked'],
      [
        `/scheduling/versions/${versionId}/what-if`,
        { itemCode: 'FRAME', qty: '-5', dueDate: '2030-01-01' },
        'qty',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await post(a, path, body).expect(400);
      expect((res.body as ErrorBody).details?.map((d) => d.field)).toContain(field);
    }
  });

  it('simulate: schedules a problem; an operation longer than every window and cyclic links are 400', async () => {
    const problem = {
      resources: [
        {
          windows: [
            [0, 240],
            [300, 540],
          ],
        },
        {},
      ],
      jobs: [
        {
          operations: [
            { options: [{ resource: 0, duration: 300 }] },
            { options: [{ resource: 1, duration: 10 }] },
          ],
          due: 400,
        },
        { operations: [{ options: [{ resource: 0, duration: 100 }], spanBreaks: false }] },
      ],
    };
    const ok = (await post(a, '/scheduling/simulate', { problem }).expect(200)).body as {
      violations: number;
      operations: { end: number }[][];
    };
    expect(ok.violations).toBe(0);
    // 300 minutes of work across the 240–300 break ends at 360 at the earliest.
    expect(ok.operations[0]![0]!.end).toBeGreaterThanOrEqual(360);

    const tooLong = {
      problem: {
        ...problem,
        jobs: [{ operations: [{ options: [{ resource: 0, duration: 250 }], spanBreaks: false }] }],
      },
    };
    const res = await post(a, '/scheduling/simulate', tooLong).expect(400);
    expect((res.body as ErrorBody).details?.map((d) => d.field)).toContain('problem.jobs[0].operations[0]');

    const cyclic = {
      problem: {
        resources: [{}],
        jobs: [0, 1, 2].map(() => ({ operations: [{ options: [{ resource: 0, duration: 5 }] }] })),
        links: [
          { before: 0, after: 1 },
          { before: 1, after: 2 },
          { before: 2, after: 0 },
        ],
      },
    };
    const cycle = await post(a, '/scheduling/simulate', cyclic).expect(400);
    expect((cycle.body as ErrorBody).details?.map((d) => d.field)).toContain('problem.links');

    for (const body of [
      {},
      { problem: [] },
      { problem: { resources: {}, jobs: [] } },
      { problem, extra: 1 },
    ]) {
      await post(a, '/scheduling/simulate', body).expect(400);
    }
  });
  it('a late order short of a component is late for material, naming it', async () => {
    await post(a, '/master-data/items', {
      code: 'NAIL',
      name: '钉子',
      type: 'raw',
      baseUnit: '个',
      makeOrBuy: 'buy',
    }).expect(201);
    await post(a, '/master-data/items', {
      code: 'CRATE',
      name: '木箱',
      type: 'finished',
      baseUnit: '个',
      makeOrBuy: 'make',
    }).expect(201);
    await post(a, '/master-data/boms', {
      itemCode: 'CRATE',
      lines: [{ itemCode: 'NAIL', qtyPer: '8' }],
    }).expect(201);
    await post(a, '/master-data/routings', {
      itemCode: 'CRATE',
      operations: [{ seq: 10, name: '钉箱', workCenterCode: 'CUT', runMinutes: '1' }],
    }).expect(201);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const wo = (
      await post(a, '/production-execution/work-orders', {
        itemCode: 'CRATE',
        qty: '10',
        dueDate: yesterday,
      }).expect(201)
    ).body as { id: string };
    const view = await run(a, { timeLimitSeconds: 0 });
    const order = (await gantt(view.versionId!)).orders.find((o) => o.workOrderId === wo.id)!;
    expect(order.latenessMinutes).toBeGreaterThan(0);
    expect(order.lateCause).toMatchObject({ kind: 'material', code: 'NAIL' });
    expect(order.lateCause?.message).toContain('80');
  });

  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const create = async (itemCode: string, qty: string, dueDate: string) =>
    (await post(a, '/production-execution/work-orders', { itemCode, qty, dueDate }).expect(201)).body as {
      id: string;
      no: string;
    };
  /**
   * A sub-assembly `sub` (3 min/unit on `subWc`) going into `top` × 2 (1 min/unit on `topWc`), and
   * `loose` items on `topWc` that use nothing.
   */
  async function assembly(codes: {
    sub: string;
    top: string;
    subWc: string;
    topWc: string;
    loose?: string[];
  }) {
    const { sub, top, subWc, topWc, loose = [] } = codes;
    for (const code of [subWc, topWc])
      await post(a, '/master-data/work-centers', { code, name: code }).expect(201);
    for (const [code, type] of [[sub, 'semi'], [top, 'finished'], ...loose.map((l) => [l, 'finished'])])
      await post(a, '/master-data/items', {
        code,
        name: code,
        type,
        baseUnit: '个',
        makeOrBuy: 'make',
      }).expect(201);
    await post(a, '/master-data/routings', {
      itemCode: sub,
      operations: [
        { seq: 10, name: '冲压', workCenterCode: subWc, runMinutes: '1' },
        { seq: 20, name: '折弯', workCenterCode: subWc, runMinutes: '2' },
      ],
    }).expect(201);
    for (const itemCode of [top, ...loose])
      await post(a, '/master-data/routings', {
        itemCode,
        operations: [{ seq: 10, name: '装配', workCenterCode: topWc, runMinutes: '1' }],
      }).expect(201);
    await post(a, '/master-data/boms', { itemCode: top, lines: [{ itemCode: sub, qtyPer: '2' }] }).expect(
      201,
    );
  }

  it('a sub-assembly work order is scheduled before the parent work order it feeds (BOM pegging)', async () => {
    // SUB (3 min/unit on SUBC) goes into TOP × 2 (1 min/unit on ASSY); LOOSE (ASSY) uses nothing.
    await assembly({ sub: 'SUB', top: 'TOP', subWc: 'SUBC', topWc: 'ASSY', loose: ['LOOSE'] });
    // The parent first and due first: without the link it would start at once on the free ASSY.
    const top = await create('TOP', '10', inDays(2));
    const sub = await create('SUB', '20', inDays(5));
    const loose = await create('LOOSE', '5', inDays(1));

    const bodies: { strategy?: string; timeLimitSeconds: number }[] = [
      { strategy: 'forward', timeLimitSeconds: 0 },
      { timeLimitSeconds: 0 },
    ];
    for (const body of bodies) {
      const view = await run(a, body);
      expect(view.status).toBe('succeeded');
      const g = await gantt(view.versionId!);
      expectValid(g.operations);
      const opsOf = (id: string) => g.operations.filter((o) => o.workOrderId === id);
      const subEnd = Math.max(...opsOf(sub.id).map((o) => ms(o.end)));
      const topStart = Math.min(...opsOf(top.id).map((o) => ms(o.start)));
      // SUB: 20 × (1 + 2) = 60 minutes of work on SUBC.
      expect(subEnd - Math.min(...opsOf(sub.id).map((o) => ms(o.start)))).toBeGreaterThanOrEqual(60 * MIN);
      expect(topStart).toBeGreaterThanOrEqual(subEnd);
      if (body.strategy === 'forward') {
        // Nothing ties LOOSE to SUB: it starts at once on ASSY, while SUB is still being made.
        const looseStart = ms(opsOf(loose.id)[0]!.start);
        expect(looseStart).toBe(ms(g.horizonStart));
        expect(looseStart).toBeLessThan(subEnd);
      }
    }
  });

  it('a parent whose components are on hand does not wait for the sub-assembly work order (netting)', async () => {
    await assembly({ sub: 'SUB2', top: 'TOP2', subWc: 'SUBC2', topWc: 'ASSY2' });
    const top = await create('TOP2', '10', inDays(2));
    const sub = await create('SUB2', '20', inDays(5));
    // TOP2 needs 10 × 2 = 20 SUB2: all of it in stock already, so SUB2's work order feeds nothing.
    await post(a, '/warehousing/movements', {
      type: 'receipt',
      itemCode: 'SUB2',
      warehouseCode: 'WH',
      qty: '20',
    }).expect(201);
    const view = await run(a, { strategy: 'forward', timeLimitSeconds: 0 });
    expect(view.status).toBe('succeeded');
    const g = await gantt(view.versionId!);
    expectValid(g.operations);
    const opsOf = (id: string) => g.operations.filter((o) => o.workOrderId === id);
    const subEnd = Math.max(...opsOf(sub.id).map((o) => ms(o.end)));
    const topStart = Math.min(...opsOf(top.id).map((o) => ms(o.start)));
    expect(topStart).toBe(ms(g.horizonStart));
    expect(topStart).toBeLessThan(subEnd);
  });
});
