import type {
  BomTreeNode,
  CalendarView,
  ItemView,
  LoginResponse,
  RoutingView,
  WarehouseView,
  WorkCenterView,
} from '@mes/shared';
import { bearer, DEMO, startTestApp, type TestApp } from './support/test-app';

/** `npm start` seeds the demo tenant with an electric-tools factory that later modules build on. */
describe('demo factory (演示工厂, 电动工具)', () => {
  let t: TestApp;
  let admin: LoginResponse;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(DEMO.admin);
  });
  afterAll(() => t.close());

  const get = async <T>(path: string) =>
    (await t.http().get(`/api/v1/master-data${path}`).set(bearer(admin.accessToken)).expect(200)).body as T;

  it('has about 40 items across finished goods, sub-assemblies and bought-in parts', async () => {
    const all = await get<{ items: ItemView[]; total: number }>('/items?pageSize=500');
    expect(all.total).toBeGreaterThanOrEqual(38);
    const byType = (type: string) => all.items.filter((i) => i.type === type).map((i) => i.code);
    expect(byType('finished')).toEqual(['CDR-12', 'DRL-13', 'GRD-100', 'HMR-26', 'SAW-185']);
    expect(byType('semi').length).toBeGreaterThanOrEqual(12);
    expect(all.items.find((i) => i.code === 'WIR-CU05')).toMatchObject({
      baseUnit: '千克',
      makeOrBuy: 'buy',
      safetyStock: '50',
      lotTracked: true,
    });
  });

  it('explodes the drill through motor and armature down to copper wire (3+ levels)', async () => {
    const tree = await get<BomTreeNode>('/boms/tree?itemCode=DRL-13');
    const motor = tree.children.find((c) => c.itemCode === 'MTR-650')!;
    const armature = motor.children.find((c) => c.itemCode === 'ARM-650')!;
    const wire = armature.children.find((c) => c.itemCode === 'WIR-CU05')!;
    expect(wire).toMatchObject({ level: 3, qtyPer: '0.18', totalQty: '0.1854', unit: '千克' });
    expect(tree.children.find((c) => c.itemCode === 'SCR-M4')).toMatchObject({ totalQty: '8.16' });
  });

  it('exports the drill as an indented BOM that opens in Excel', async () => {
    const res = await t
      .http()
      .get('/api/v1/master-data/boms/tree/export?itemCode=DRL-13')
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[1]).toMatch(/^0,DRL-13,冲击电钻,个,1,1,1$/);
    expect(lines).toContain('...3,WIR-CU05,漆包线,千克,0.18,0.1854,');
    expect(lines.length).toBeGreaterThan(15);
  });

  it('routes products over the work centers on a two-shift calendar', async () => {
    const centers = await get<{ items: WorkCenterView[] }>('/work-centers');
    expect(centers.items.length).toBeGreaterThanOrEqual(8);
    const calendars = await get<{ items: CalendarView[] }>('/calendars');
    expect(calendars.items.find((c) => c.code === 'TWO-SHIFT')?.weeklyMinutes).toBe(6 * 16 * 60);
    const drill = (await get<{ items: RoutingView[] }>('/routings?itemCode=DRL-13')).items[0]!;
    expect(drill.operations.map((o) => o.workCenterCode)).toEqual(['WC-ASM1', 'WC-TEST', 'WC-PACK']);
    expect(drill.operations[0]!.alternatives).toEqual([{ workCenterCode: 'WC-ASM2', runMinutes: '6' }]);
    const routed = await get<{ total: number }>('/routings?pageSize=500');
    expect(routed.total).toBeGreaterThanOrEqual(19);
  });

  it('has customers, suppliers and two warehouses with locations', async () => {
    expect((await get<{ total: number }>('/customers')).total).toBeGreaterThanOrEqual(5);
    expect((await get<{ total: number }>('/suppliers')).total).toBeGreaterThanOrEqual(6);
    const warehouses = await get<{ items: WarehouseView[] }>('/warehouses');
    expect(warehouses.items.map((w) => [w.code, w.locations.length > 0])).toEqual([
      ['WH-FG', true],
      ['WH-RM', true],
    ]);
  });
});
