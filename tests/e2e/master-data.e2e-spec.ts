import { TenantsService } from '@mes/platform';
import {
  ErrorCode,
  type BomTreeNode,
  type BomView,
  type ItemView,
  type LoginResponse,
  type UnitView,
  type WarehouseView,
} from '@mes/shared';
import { bearer, freshTenants, startTestApp, type TestApp } from './support/test-app';

describe('master data: items, units, BOMs, warehouses, partners', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'ma', 'mb');
  });
  afterAll(() => t.close());

  const api = (s: LoginResponse) => ({
    get: (path: string) => t.http().get(`/api/v1/master-data${path}`).set(bearer(s.accessToken)),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1/master-data${path}`).set(bearer(s.accessToken)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1/master-data${path}`).set(bearer(s.accessToken)).send(body),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1/master-data${path}`).set(bearer(s.accessToken)).send(body),
    del: (path: string) => t.http().delete(`/api/v1/master-data${path}`).set(bearer(s.accessToken)),
  });
  const item = (code: string, extra: object = {}) => ({
    code,
    name: code,
    type: 'raw',
    baseUnit: '个',
    makeOrBuy: 'buy',
    ...extra,
  });

  it('gives a new tenant the standard units, and manages its own', async () => {
    const units = (await api(a).get('/units').expect(200)).body as { items: UnitView[] };
    expect(units.items.map((u) => u.code)).toEqual(expect.arrayContaining(['个', '箱', '千克', 'pcs', 'kg']));
    const created = (await api(a).post('/units', { code: '盒', name: '盒', precision: 0 }).expect(201))
      .body as UnitView;
    await api(a).post('/units', { code: '盒', name: 'again' }).expect(409);
    await api(a).post('/units', { code: 'PCS', name: 'dup by case' }).expect(409);
    await api(a).del(`/units/${created.id}`).expect(204);
  });

  it('creates an item with the contract shape and finds it by code; duplicate code is 409 DUPLICATE_CODE', async () => {
    const res = await api(a)
      .post('/items', {
        code: 'DRILL-13',
        name: '13mm 电钻',
        spec: '650W',
        type: 'finished',
        baseUnit: '台',
        makeOrBuy: 'make',
        leadTimeDays: 3,
        safetyStock: '0.000001',
        lotSizing: { rule: 'FOQ', qty: '50' },
        conversions: [{ unit: '箱', factor: '4' }],
        barcode: '6901234567892',
      })
      .expect(201);
    const drill = res.body as ItemView;
    expect(drill).toMatchObject({
      id: expect.any(String),
      code: 'DRILL-13',
      baseUnit: '台',
      safetyStock: '0.000001',
      lotSizing: { rule: 'FOQ', qty: '50' },
      conversions: [{ unit: '箱', factor: '4' }],
      status: 'active',
    });
    const found = (await api(a).get('/items?code=DRILL-13').expect(200)).body as {
      items: ItemView[];
      total: number;
    };
    expect(found.total).toBe(1);
    expect(found.items[0]).toEqual(drill);
    const dup = await api(a).post('/items', item('DRILL-13')).expect(409);
    expect(dup.body).toMatchObject({ code: ErrorCode.DUPLICATE_CODE, details: [{ field: 'code' }] });
    const byBarcode = (await api(a).get('/items?q=6901234567892').expect(200)).body as { total: number };
    expect(byBarcode.total).toBe(1);
  });

  it('round-trips decimals exactly and refuses floats, negatives and junk', async () => {
    const created = (
      await api(a)
        .post('/items', item('TINY', { safetyStock: '0.000001' }))
        .expect(201)
    ).body as ItemView;
    expect(created.safetyStock).toBe('0.000001');
    const patched = (
      await api(a).patch(`/items/${created.id}`, { safetyStock: '123456789012.123456' }).expect(200)
    ).body as ItemView;
    expect(patched.safetyStock).toBe('123456789012.123456');
    for (const bad of [0.5, '-1', 'abc', '1e3', '0.0000001', '1234567890123']) {
      const res = await api(a).patch(`/items/${created.id}`, { safetyStock: bad }).expect(400);
      expect(res.body).toMatchObject({ details: [{ field: 'safetyStock' }] });
    }
  });

  it('validates lot sizing rules field by field', async () => {
    const missing = await api(a)
      .post('/items', item('LOT-1', { lotSizing: { rule: 'MINMULT', min: '10' } }))
      .expect(400);
    expect(missing.body).toMatchObject({ details: [{ field: 'lotSizing.multiple' }] });
    const extra = await api(a)
      .post('/items', item('LOT-2', { lotSizing: { rule: 'LFL', qty: '5' } }))
      .expect(400);
    expect(extra.body).toMatchObject({ details: [{ field: 'lotSizing.qty' }] });
    await api(a)
      .post('/items', item('LOT-3', { lotSizing: { rule: 'POQ', periods: 0 } }))
      .expect(400);
    const ok = (
      await api(a)
        .post('/items', item('LOT-4', { lotSizing: { rule: 'MINMULT', min: '10', multiple: '2.5' } }))
        .expect(201)
    ).body as ItemView;
    expect(ok.lotSizing).toEqual({ rule: 'MINMULT', min: '10', multiple: '2.5' });
    const unknownUnit = await api(a)
      .post('/items', item('LOT-5', { baseUnit: 'parsec' }))
      .expect(400);
    expect(unknownUnit.body).toMatchObject({ details: [{ field: 'baseUnit' }] });
  });

  it('builds multi-level BOMs: versions, default, explosion, where-used, order copies', async () => {
    for (const code of ['GR-100', 'MOTOR-G', 'ROTOR-G', 'WIRE-CU', 'SCREW-M4']) {
      await api(a)
        .post('/items', item(code, { type: code === 'GR-100' ? 'finished' : 'semi', makeOrBuy: 'make' }))
        .expect(201);
    }
    const top = (
      await api(a)
        .post('/boms', {
          itemCode: 'GR-100',
          lines: [
            { itemCode: 'MOTOR-G', qtyPer: '1' },
            { itemCode: 'SCREW-M4', qtyPer: '4', scrapRate: '0.05' },
          ],
        })
        .expect(201)
    ).body as BomView;
    expect(top).toMatchObject({
      itemCode: 'GR-100',
      version: '1',
      isDefault: true,
      lines: [
        { itemCode: 'MOTOR-G', qtyPer: '1' },
        { qtyPer: '4', scrapRate: '0.05' },
      ],
    });
    await api(a)
      .post('/boms', {
        itemCode: 'MOTOR-G',
        lines: [
          { itemCode: 'ROTOR-G', qtyPer: '1' },
          { itemCode: 'SCREW-M4', qtyPer: '2' },
        ],
      })
      .expect(201);
    await api(a)
      .post('/boms', {
        itemCode: 'ROTOR-G',
        lines: [{ itemCode: 'WIRE-CU', qtyPer: '0.35', scrapRate: '0.1' }],
      })
      .expect(201);

    const tree = (await api(a).get('/boms/tree?itemCode=GR-100').expect(200)).body as BomTreeNode;
    const wire = tree.children[0]!.children[0]!.children[0]!;
    expect(wire).toMatchObject({
      itemCode: 'WIRE-CU',
      level: 3,
      qtyPer: '0.35',
      totalQty: '0.385',
      unit: '个',
    });
    expect(tree.children[1]).toMatchObject({ itemCode: 'SCREW-M4', totalQty: '4.2' });

    const screw = ((await api(a).get('/items?code=SCREW-M4')).body as { items: ItemView[] }).items[0]!;
    const used = (await api(a).get(`/items/${screw.id}/where-used`).expect(200)).body as {
      items: { parentCode: string }[];
    };
    expect(used.items.map((u) => u.parentCode)).toEqual(['GR-100', 'MOTOR-G']);
    await api(a).del(`/items/${screw.id}`).expect(409);

    const v2 = (
      await api(a)
        .post('/boms', { itemCode: 'GR-100', version: '2', lines: [{ itemCode: 'MOTOR-G', qtyPer: '1' }] })
        .expect(201)
    ).body as BomView;
    expect(v2.isDefault).toBe(false);
    await api(a).post(`/boms/${v2.id}/default`, {}).expect(200);
    expect(((await api(a).get(`/boms/${top.id}`)).body as BomView).isDefault).toBe(false);
    await api(a)
      .post('/boms', { itemCode: 'GR-100', version: '2', lines: [{ itemCode: 'MOTOR-G', qtyPer: '1' }] })
      .expect(409);

    const copy = (await api(a).post(`/boms/${top.id}/copy`, { orderRef: 'SO-0042' }).expect(201))
      .body as BomView;
    expect(copy).toMatchObject({
      version: 'O1',
      orderRef: 'SO-0042',
      isDefault: false,
    });
    expect(copy.lines.map((l) => [l.itemCode, l.qtyPer, l.scrapRate])).toEqual(
      top.lines.map((l) => [l.itemCode, l.qtyPer, l.scrapRate]),
    );
    const list = (await api(a).get('/boms?itemCode=GR-100').expect(200)).body as { total: number };
    expect(list.total).toBe(3);
  });

  it('refuses a line that would close a cycle with 409 BOM_CYCLE naming it', async () => {
    const res = await api(a)
      .post('/boms', { itemCode: 'WIRE-CU', lines: [{ itemCode: 'GR-100', qtyPer: '1' }] })
      .expect(409);
    expect(res.body).toMatchObject({ code: ErrorCode.BOM_CYCLE });
    expect((res.body as { details: { message: string }[] }).details.map((d) => d.message)).toEqual([
      'WIRE-CU',
      'GR-100',
      'MOTOR-G',
      'ROTOR-G',
      'WIRE-CU',
    ]);
    const self = await api(a)
      .post('/boms', { itemCode: 'SCREW-M4', lines: [{ itemCode: 'SCREW-M4', qtyPer: '1' }] })
      .expect(409);
    expect(self.body).toMatchObject({ code: ErrorCode.BOM_CYCLE });
    const rotorBom = ((await api(a).get('/boms?itemCode=ROTOR-G')).body as { items: BomView[] }).items[0]!;
    await api(a)
      .put(`/boms/${rotorBom.id}`, { lines: [{ itemCode: 'MOTOR-G', qtyPer: '1' }] })
      .expect(409);
  });

  it('refuses bad BOM lines field by field', async () => {
    const cases: [object, string][] = [
      [{ itemCode: 'GR-100', lines: [] }, 'lines'],
      [{ itemCode: 'GR-100', lines: [{ itemCode: 'MOTOR-G', qtyPer: '0' }] }, 'lines[0].qtyPer'],
      [{ itemCode: 'GR-100', lines: [{ itemCode: 'MOTOR-G', qtyPer: -1 }] }, 'lines[0].qtyPer'],
      [
        { itemCode: 'GR-100', lines: [{ itemCode: 'MOTOR-G', qtyPer: '1', scrapRate: '1' }] },
        'lines[0].scrapRate',
      ],
      [{ itemCode: 'GR-100', lines: [{ itemCode: 'NOPE', qtyPer: '1' }] }, 'lines[0].itemCode'],
      [{ itemCode: 'NOPE', lines: [{ itemCode: 'MOTOR-G', qtyPer: '1' }] }, 'itemCode'],
      [
        { itemCode: 'GR-100', lines: [{ itemCode: 'MOTOR-G', qtyPer: '1', colour: 'red' }] },
        'lines[0].colour',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await api(a).post('/boms', body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toContain(field);
    }
  });

  it('keeps warehouses with locations, replacing the list on update', async () => {
    const wh = (
      await api(a)
        .post('/warehouses', {
          code: 'WH-RM',
          name: '原材料仓',
          locations: [
            { code: 'A-01', name: 'A区1排' },
            { code: 'A-02', name: 'A区2排' },
          ],
        })
        .expect(201)
    ).body as WarehouseView;
    expect(wh.locations.map((l) => l.code)).toEqual(['A-01', 'A-02']);
    const kept = wh.locations[0]!.id;
    const updated = (
      await api(a)
        .patch(`/warehouses/${wh.id}`, {
          locations: [
            { code: 'A-01', name: 'A区一排' },
            { code: 'B-01', name: 'B区' },
          ],
        })
        .expect(200)
    ).body as WarehouseView;
    expect(updated.locations).toEqual([
      { id: kept, code: 'A-01', name: 'A区一排' },
      { id: expect.any(String), code: 'B-01', name: 'B区' },
    ]);
    await api(a)
      .post('/warehouses', {
        code: 'WH-2',
        name: 'x',
        locations: [
          { code: 'L', name: '1' },
          { code: 'L', name: '2' },
        ],
      })
      .expect(400);
    const withWh = (
      await api(a)
        .post('/items', item('IN-WH', { defaultWarehouseCode: 'WH-RM' }))
        .expect(201)
    ).body as ItemView;
    expect(withWh.defaultWarehouseCode).toBe('WH-RM');
    await api(a).del(`/warehouses/${wh.id}`).expect(409);
  });

  it('keeps customers and suppliers apart, each with its own codes', async () => {
    await api(a)
      .post('/customers', {
        code: 'P001',
        name: '宁波五金',
        contacts: [{ name: '王经理', phone: '13800138000' }],
        paymentTerms: '月结30天',
      })
      .expect(201);
    await api(a)
      .post('/suppliers', { code: 'P001', name: '慈溪电机厂', taxId: '91330282MA2XXXXX' })
      .expect(201);
    await api(a).post('/customers', { code: 'P001', name: 'again' }).expect(409);
    const customers = (await api(a).get('/customers?q=五金').expect(200)).body as {
      total: number;
      items: { contacts: unknown[] }[];
    };
    expect(customers).toMatchObject({
      total: 1,
      items: [{ contacts: [{ name: '王经理', phone: '13800138000' }] }],
    });
    await api(a)
      .post('/suppliers', { code: 'S2', name: 'x', contacts: [{ name: 'y', email: 'not-an-email' }] })
      .expect(400);
  });

  it("hides another tenant's master data (404), refuses to write it, and lets it reuse the same codes", async () => {
    const drill = ((await api(a).get('/items?code=DRILL-13')).body as { items: ItemView[] }).items[0]!;
    await api(b).get(`/items/${drill.id}`).expect(404);
    await api(b).patch(`/items/${drill.id}`, { name: 'hijack' }).expect(404);
    await api(b).del(`/items/${drill.id}`).expect(404);
    expect(((await api(b).get('/items?code=DRILL-13')).body as { total: number }).total).toBe(0);
    const bom = ((await api(a).get('/boms?itemCode=GR-100')).body as { items: BomView[] }).items[0]!;
    await api(b).get(`/boms/${bom.id}`).expect(404);
    await api(b).post(`/boms/${bom.id}/copy`, { orderRef: 'x' }).expect(404);
    await api(b).get('/boms/tree?itemCode=GR-100').expect(404);
    await api(b).post('/items', item('DRILL-13')).expect(201);
    await api(b)
      .post('/boms', { itemCode: 'DRILL-13', lines: [{ itemCode: 'GR-100', qtyPer: '1' }] })
      .expect(400);
    expect(((await api(a).get(`/items/${drill.id}`)).body as ItemView).name).toBe('13mm 电钻');
  });

  it('lets operators read master data but not change it', async () => {
    await t.app.get(TenantsService).addMember(a.tenant!.id, {
      email: `mop-${suffix}@x.test`,
      name: '操作工',
      password: 'Password#1',
      roles: ['operator'],
    });
    const operator = await t.login({ email: `mop-${suffix}@x.test`, password: 'Password#1' });
    await api(operator).get('/items').expect(200);
    await api(operator).post('/items', item('OP-1')).expect(403);
  });
});
