import { TenantsService } from '@mes/platform';
import type { BarcodeLookupResult, LabelRuleView, LoginResponse } from '@mes/shared';
import { bearer, freshTenants, startTestApp, type TestApp } from './support/test-app';

describe('master data: barcodes, labels and scan lookup', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await freshTenants(t, suffix, 'ba', 'bb');
    const post = (path: string, body: object) =>
      t.http().post(`/api/v1/master-data${path}`).set(bearer(a.accessToken)).send(body).expect(201);
    await post('/items', {
      code: 'DRL-13',
      name: '冲击电钻',
      spec: '650W',
      type: 'finished',
      baseUnit: '台',
      makeOrBuy: 'make',
      barcode: '6901234567892',
    });
    await post('/items', { code: 'SCR-M4', name: '螺钉', type: 'raw', baseUnit: '个', makeOrBuy: 'buy' });
    await post('/warehouses', {
      code: 'WH-RM',
      name: '原材料仓',
      locations: [{ code: 'A-01', name: 'A区01货架' }],
    });
  });
  afterAll(() => t.close());

  const get = (s: LoginResponse, path: string) =>
    t.http().get(`/api/v1/master-data${path}`).set(bearer(s.accessToken));
  const lookup = async (code: string) =>
    (await get(a, `/barcodes/lookup?code=${encodeURIComponent(code)}`).expect(200))
      .body as BarcodeLookupResult;

  it("resolves an item's own barcode, an item code, and a location label", async () => {
    expect(await lookup('6901234567892')).toMatchObject({
      kind: 'item',
      item: { code: 'DRL-13', baseUnit: '台' },
    });
    expect(await lookup('SCR-M4')).toMatchObject({ kind: 'item', item: { code: 'SCR-M4' } });
    expect(await lookup('L:WH-RM/A-01')).toMatchObject({
      kind: 'location',
      location: { code: 'A-01', warehouseCode: 'WH-RM', warehouseName: '原材料仓' },
    });
    expect(await lookup('  SCR-M4  ')).toMatchObject({ kind: 'item' });
  });

  it('answers an unknown code 404, and another tenant cannot resolve these codes', async () => {
    await get(a, '/barcodes/lookup?code=NOPE-1').expect(404);
    await get(a, '/barcodes/lookup?code=L:WH-RM/Z-99').expect(404);
    await get(b, '/barcodes/lookup?code=6901234567892').expect(404);
    await get(b, '/barcodes/lookup?code=L:WH-RM/A-01').expect(404);
    await get(a, '/barcodes/lookup?code=').expect(400);
  });

  it('prints item and location labels as a PDF, one page per label and copy', async () => {
    const res = await get(a, '/labels?target=item&codes=DRL-13,SCR-M4&copies=2')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          done(null, Buffer.concat(chunks));
        });
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = (res.body as Buffer).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(4);
    await get(a, '/labels?target=location&codes=WH-RM/A-01').expect(200);
    const unknown = await get(a, '/labels?target=item&codes=DRL-13,NOPE').expect(400);
    expect(unknown.body).toMatchObject({ details: [{ field: 'codes', message: 'unknown NOPE' }] });
    await get(b, '/labels?target=item&codes=DRL-13').expect(400);
    await get(a, '/labels?target=pallet&codes=X').expect(400);
    await get(a, '/labels?target=item&codes=DRL-13&copies=0').expect(400);
  });

  it('keeps label rules per tenant; the lookup follows a changed prefix', async () => {
    const rules = (await get(a, '/label-rules').expect(200)).body as { items: LabelRuleView[] };
    expect(rules.items).toEqual([
      { target: 'item', symbology: 'code128', prefix: '', widthMm: '60', heightMm: '40' },
      { target: 'location', symbology: 'qrcode', prefix: 'L:', widthMm: '60', heightMm: '40' },
      { target: 'lot', symbology: 'qrcode', prefix: 'B:', widthMm: '60', heightMm: '40' },
    ]);
    const put = (s: LoginResponse, target: string, body: object) =>
      t.http().put(`/api/v1/master-data/label-rules/${target}`).set(bearer(s.accessToken)).send(body);
    expect(
      (
        await put(a, 'location', {
          symbology: 'code128',
          prefix: 'LOC-',
          widthMm: '50',
          heightMm: '25',
        }).expect(200)
      ).body,
    ).toEqual({
      target: 'location',
      symbology: 'code128',
      prefix: 'LOC-',
      widthMm: '50',
      heightMm: '25',
    });
    expect(await lookup('LOC-WH-RM/A-01')).toMatchObject({ kind: 'location' });
    await get(a, '/barcodes/lookup?code=L:WH-RM/A-01').expect(404);
    expect(((await get(b, '/label-rules')).body as { items: LabelRuleView[] }).items[1]!.prefix).toBe('L:');
    await put(a, 'pallet', { symbology: 'code128' }).expect(404);
    await put(a, 'item', { symbology: 'ean13' }).expect(400);
    await put(a, 'item', { symbology: 'code128', widthMm: '5' }).expect(400);
  });

  it('records lots of lot-tracked items and resolves lot labels and bare supplier lot numbers', async () => {
    const post = (s: LoginResponse, body: object) =>
      t.http().post('/api/v1/master-data/lots').set(bearer(s.accessToken)).send(body);
    await t
      .http()
      .post('/api/v1/master-data/items')
      .set(bearer(a.accessToken))
      .send({
        code: 'WIR-CU05',
        name: '漆包线',
        type: 'raw',
        baseUnit: '千克',
        makeOrBuy: 'buy',
        lotTracked: true,
      })
      .expect(201);
    await t
      .http()
      .post('/api/v1/master-data/suppliers')
      .set(bearer(a.accessToken))
      .send({ code: 'S-JL', name: '金龙线材' })
      .expect(201);
    const lot = (
      await post(a, {
        itemCode: 'WIR-CU05',
        lotNo: '20261121-01',
        supplierLot: 'JL2611-0457',
        supplierCode: 'S-JL',
        manufacturedOn: '2026-11-20',
        expiresOn: '2027-11-20',
      }).expect(201)
    ).body as { id: string; itemCode: string; supplierCode: string };
    expect(lot).toMatchObject({ itemCode: 'WIR-CU05', supplierCode: 'S-JL' });
    expect(await lookup('B:WIR-CU05/20261121-01')).toMatchObject({
      kind: 'lot',
      lot: { lotNo: '20261121-01', itemName: '漆包线' },
    });
    expect(await lookup('JL2611-0457')).toMatchObject({ kind: 'lot', lot: { id: lot.id } });
    await get(a, '/labels?target=lot&codes=WIR-CU05/20261121-01').expect(200);
    await get(b, '/barcodes/lookup?code=B:WIR-CU05/20261121-01').expect(404);
    await get(b, `/lots/${lot.id}`).expect(404);

    await post(a, { itemCode: 'WIR-CU05', lotNo: '20261121-01' }).expect(409);
    const notTracked = await post(a, { itemCode: 'SCR-M4', lotNo: 'X1' }).expect(400);
    expect(notTracked.body).toMatchObject({ details: [{ field: 'itemCode' }] });
    await post(a, { itemCode: 'WIR-CU05', lotNo: 'A/B' }).expect(400);
    await post(a, {
      itemCode: 'WIR-CU05',
      lotNo: 'L2',
      manufacturedOn: '2026-11-20',
      expiresOn: '2026-01-01',
    }).expect(400);
    await post(a, { itemCode: 'WIR-CU05', lotNo: 'L3', supplierCode: 'NOPE' }).expect(400);

    await t.app.get(TenantsService).addMember(a.tenant!.id, {
      email: `wh-${suffix}@x.test`,
      name: '仓管',
      password: 'Password#1',
      roles: ['warehouse'],
    });
    const keeper = await t.login({ email: `wh-${suffix}@x.test`, password: 'Password#1' });
    await post(keeper, { itemCode: 'WIR-CU05', lotNo: '20261121-02' }).expect(201);
    await t
      .http()
      .post('/api/v1/master-data/items')
      .set(bearer(keeper.accessToken))
      .send({ code: 'X', name: 'x', type: 'raw', baseUnit: '个', makeOrBuy: 'buy' })
      .expect(403);
    const list = (await get(a, '/lots?itemCode=WIR-CU05').expect(200)).body as { total: number };
    expect(list.total).toBe(2);
  });
});
