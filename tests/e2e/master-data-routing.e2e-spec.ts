import type { CalendarView, LoginResponse, RoutingView, WorkCenterView, WorkingTimeView } from '@mes/shared';
import { bearer, freshTenants, startTestApp, type TestApp } from './support/test-app';

const shifts = [
  { start: '08:00', end: '12:00', name: '早班' },
  { start: '13:00', end: '17:00', name: '早班' },
  { start: '17:30', end: '21:30', name: '中班' },
];
const twoShift = {
  timeZone: 'Asia/Shanghai',
  weekly: { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts, sat: [], sun: [] },
  exceptions: [{ date: '2026-11-25', kind: 'holiday' }],
};

describe('master data: shift calendars, work centers, routings', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'ra', 'rb');
  });
  afterAll(() => t.close());

  const api = (s: LoginResponse) => ({
    get: (path: string) => t.http().get(`/api/v1/master-data${path}`).set(bearer(s.accessToken)),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1/master-data${path}`).set(bearer(s.accessToken)).send(body),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1/master-data${path}`).set(bearer(s.accessToken)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1/master-data${path}`).set(bearer(s.accessToken)).send(body),
    del: (path: string) => t.http().delete(`/api/v1/master-data${path}`).set(bearer(s.accessToken)),
  });

  it('stores a two-shift calendar and answers working time with holidays', async () => {
    const calendar = (
      await api(a).post('/calendars', { code: 'TWO-SHIFT', name: '两班制', definition: twoShift }).expect(201)
    ).body as CalendarView;
    expect(calendar.weeklyMinutes).toBe(5 * 720);
    const week = (
      await api(a)
        .get(
          `/calendars/${calendar.id}/working-time?from=${encodeURIComponent('2026-11-23T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-30T00:00:00+08:00')}`,
        )
        .expect(200)
    ).body as WorkingTimeView;
    expect(week.minutes).toBe(4 * 720);
    expect(week.windows[0]).toEqual({
      start: '2026-11-23T00:00:00.000Z',
      end: '2026-11-23T04:00:00.000Z',
      name: '早班',
    });
    expect(week.windows).toHaveLength(4 * 3);
  });

  it('refuses a bad calendar definition naming the field', async () => {
    const overlapping = {
      ...twoShift,
      weekly: {
        ...twoShift.weekly,
        mon: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
    };
    const res = await api(a)
      .post('/calendars', { code: 'BAD', name: 'x', definition: overlapping })
      .expect(400);
    expect((res.body as { details: { field: string }[] }).details[0]!.field).toMatch(
      /^definition\.weekly\.mon/,
    );
    const badTime = await api(a)
      .post('/calendars', {
        code: 'BAD',
        name: 'x',
        definition: { ...twoShift, weekly: { ...twoShift.weekly, tue: [{ start: '25:00', end: '26:00' }] } },
      })
      .expect(400);
    expect((badTime.body as { details: { field: string }[] }).details[0]!.field).toMatch(
      /^definition\.weekly\.tue/,
    );
    await api(a)
      .post('/calendars', { code: 'BAD', name: 'x', definition: { ...twoShift, timeZone: 'Mars/Olympus' } })
      .expect(400);
    await api(a).post('/calendars', { code: 'BAD', name: 'x', definition: 'weekdays' }).expect(400);
  });

  it('keeps work centers with capacity, efficiency and their calendar', async () => {
    const cnc = (
      await api(a)
        .post('/work-centers', {
          code: 'CNC-01',
          name: '数控车床1号',
          parallelCapacity: 2,
          efficiency: '0.85',
          calendarCode: 'TWO-SHIFT',
        })
        .expect(201)
    ).body as WorkCenterView;
    expect(cnc).toMatchObject({
      kind: 'machine',
      parallelCapacity: 2,
      efficiency: '0.85',
      calendarCode: 'TWO-SHIFT',
      status: 'active',
    });
    await api(a)
      .post('/work-centers', { code: 'CNC-02', name: '数控车床2号', calendarCode: 'TWO-SHIFT' })
      .expect(201);
    await api(a).post('/work-centers', { code: 'ASM-1', name: '装配线', kind: 'line' }).expect(201);
    await api(a).post('/work-centers', { code: 'CNC-01', name: 'dup' }).expect(409);
    for (const bad of [
      { efficiency: '0' },
      { efficiency: '11' },
      { parallelCapacity: 0 },
      { calendarCode: 'NOPE' },
    ]) {
      await api(a)
        .post('/work-centers', { code: 'X', name: 'x', ...bad })
        .expect(400);
    }
    const calendar = ((await api(a).get('/calendars')).body as { items: CalendarView[] }).items[0]!;
    await api(a).del(`/calendars/${calendar.id}`).expect(409);
  });

  it('builds routings with alternatives and versions; the first is the default', async () => {
    await api(a)
      .post('/items', { code: 'SHAFT-8', name: '输出轴', type: 'semi', baseUnit: '个', makeOrBuy: 'make' })
      .expect(201);
    const routing = (
      await api(a)
        .post('/routings', {
          itemCode: 'SHAFT-8',
          operations: [
            { seq: 20, name: '装配', workCenterCode: 'ASM-1', runMinutes: '1.5' },
            {
              seq: 10,
              name: '车外圆',
              workCenterCode: 'CNC-01',
              setupMinutes: '30',
              runMinutes: '2.25',
              queueMinutes: '60',
              moveMinutes: '10',
              skill: '数控车工',
              inspectionPoint: true,
              sopUrl: 'https://docs.example/sop/shaft-8',
              alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '2.75' }],
            },
          ],
        })
        .expect(201)
    ).body as RoutingView;
    expect(routing).toMatchObject({ itemCode: 'SHAFT-8', version: '1', isDefault: true });
    expect(routing.operations.map((o) => [o.seq, o.workCenterCode, o.runMinutes])).toEqual([
      [10, 'CNC-01', '2.25'],
      [20, 'ASM-1', '1.5'],
    ]);
    expect(routing.operations[0]).toMatchObject({
      setupMinutes: '30',
      inspectionPoint: true,
      alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '2.75' }],
    });

    const v2 = (
      await api(a)
        .post('/routings', {
          itemCode: 'SHAFT-8',
          operations: [{ seq: 10, name: '外协', workCenterCode: 'ASM-1', runMinutes: '0' }],
        })
        .expect(201)
    ).body as RoutingView;
    expect(v2).toMatchObject({ version: '2', isDefault: false });
    await api(a).post(`/routings/${v2.id}/default`, {}).expect(200);
    expect(((await api(a).get(`/routings/${routing.id}`)).body as RoutingView).isDefault).toBe(false);
    const replaced = (
      await api(a)
        .put(`/routings/${v2.id}`, {
          operations: [{ seq: 5, name: '下料', workCenterCode: 'CNC-02', runMinutes: '0.5' }],
        })
        .expect(200)
    ).body as RoutingView;
    expect(replaced.operations.map((o) => o.name)).toEqual(['下料']);
    const centers = ((await api(a).get('/work-centers')).body as { items: WorkCenterView[] }).items;
    await api(a)
      .del(`/work-centers/${centers.find((c) => c.code === 'CNC-02')!.id}`)
      .expect(409);
  });

  it('refuses bad operations field by field', async () => {
    const op = { seq: 10, name: 'x', workCenterCode: 'CNC-01', runMinutes: '1' };
    const cases: [object, string][] = [
      [{ itemCode: 'SHAFT-8', operations: [op, { ...op }] }, 'operations[1].seq'],
      [
        { itemCode: 'SHAFT-8', operations: [{ ...op, workCenterCode: 'NOPE' }] },
        'operations[0].workCenterCode',
      ],
      [{ itemCode: 'SHAFT-8', operations: [{ ...op, runMinutes: '-1' }] }, 'operations[0].runMinutes'],
      [
        {
          itemCode: 'SHAFT-8',
          operations: [{ ...op, alternatives: [{ workCenterCode: 'CNC-01', runMinutes: '1' }] }],
        },
        'operations[0].alternatives[0].workCenterCode',
      ],
      [{ itemCode: 'NOPE', operations: [op] }, 'itemCode'],
      [{ itemCode: 'SHAFT-8', operations: [] }, 'operations'],
    ];
    for (const [body, field] of cases) {
      const res = await api(a).post('/routings', body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toContain(field);
    }
  });

  it("hides another tenant's calendars, work centers and routings (404), and lets it reuse the codes", async () => {
    const routing = ((await api(a).get('/routings?itemCode=SHAFT-8')).body as { items: RoutingView[] })
      .items[0]!;
    const calendar = ((await api(a).get('/calendars')).body as { items: CalendarView[] }).items[0]!;
    const center = ((await api(a).get('/work-centers')).body as { items: WorkCenterView[] }).items[0]!;
    await api(b).get(`/routings/${routing.id}`).expect(404);
    await api(b)
      .put(`/routings/${routing.id}`, {
        operations: [{ seq: 1, name: 'x', workCenterCode: 'CNC-01', runMinutes: '1' }],
      })
      .expect(404);
    await api(b).get(`/calendars/${calendar.id}`).expect(404);
    await api(b)
      .get(`/calendars/${calendar.id}/working-time?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z`)
      .expect(404);
    await api(b).patch(`/work-centers/${center.id}`, { name: 'x' }).expect(404);
    await api(b).del(`/routings/${routing.id}`).expect(404);
    await api(b).post('/calendars', { code: 'TWO-SHIFT', name: '两班制', definition: twoShift }).expect(201);
    await api(b).post('/work-centers', { code: 'CNC-01', name: 'B 的车床' }).expect(201);
    expect(((await api(b).get('/work-centers')).body as { total: number }).total).toBe(1);
  });
});
