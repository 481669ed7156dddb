import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { TenantsService } from '@mes/platform';
import type { BomTreeNode, BomView, ItemView, LoginResponse, PartnerView, RoutingView } from '@mes/shared';
import { bearer, startTestApp, type TestApp } from './support/test-app';

interface Report {
  kind: string;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  errors: { row: number; column?: string; field: string; message: string }[];
  errorCount: number;
}
interface InvalidBody {
  statusCode: number;
  code: string;
  message: string;
  details: { field: string; message: string }[];
  report: Report;
}

const BOM = '\uFEFF';
const csv = (...rows: string[][]) =>
  Buffer.from(`${BOM}${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  );
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('master data: spreadsheet import and export', () => {
  let t: TestApp;
  let a: LoginResponse;
  let b: LoginResponse;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    const tenants = t.app.get(TenantsService);
    for (const name of ['ia', 'ib']) {
      await tenants.create(
        {
          slug: `${name}-${suffix}`,
          name,
          adminEmail: `${name}-${suffix}@x.test`,
          adminPassword: 'Password#1',
        },
        null,
      );
    }
    a = await t.login({ email: `ia-${suffix}@x.test`, password: 'Password#1' });
    b = await t.login({ email: `ib-${suffix}@x.test`, password: 'Password#1' });
    await api(a).post('/warehouses', { code: 'WH-RAW', name: '原料仓' }).expect(201);
    for (const code of ['ASM-01', 'ASM-02', 'CNC-01'])
      await api(a).post('/work-centers', { code, name: code }).expect(201);
  });
  afterAll(() => t.close());

  const api = (s: LoginResponse) => ({
    get: (path: string) => t.http().get(`/api/v1/master-data${path}`).set(bearer(s.accessToken)),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1/master-data${path}`).set(bearer(s.accessToken)).send(body),
    upload: (kind: string, file: Buffer, filename: string, dryRun?: boolean) =>
      t
        .http()
        .post(`/api/v1/master-data/imports/${kind}${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`)
        .set(bearer(s.accessToken))
        .attach('file', file, filename),
    /** A binary download, its body kept as a Buffer. */
    download: (path: string) =>
      t
        .http()
        .get(`/api/v1/master-data${path}`)
        .set(bearer(s.accessToken))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            chunks.push(c);
          });
          res.on('end', () => {
            done(null, Buffer.concat(chunks));
          });
        }),
  });
  const itemByCode = async (s: LoginResponse, code: string) =>
    (
      (
        await api(s)
          .get(`/items?code=${encodeURIComponent(code)}`)
          .expect(200)
      ).body as { items: ItemView[] }
    ).items[0];
  const report = (res: Response) => res.body as Report;
  const invalid = (res: Response) => res.body as InvalidBody;

  const ITEM_HEADER = [
    '物料编码',
    '物料名称',
    '规格型号',
    '类型',
    '基本单位',
    '自制外购',
    '提前期(天)',
    '安全库存',
    '批量规则',
    '批量',
    '批次管理',
    '条码',
    '默认仓库',
    '需检验',
    '状态',
  ];
  const goodItems = () =>
    csv(
      ITEM_HEADER,
      [
        'DRILL-13',
        '13mm 电钻',
        '650W',
        '成品',
        '台',
        '自制',
        '3',
        '5',
        'FOQ',
        '50',
        '否',
        '6901234567892',
        '',
        '是',
        '启用',
      ],
      ['MOTOR-650', '650W 电机', '', '半成品', '个', '自制', '2', '0', '', '', '否', '', '', '否', '启用'],
      ['ROTOR', '转子', '', '原材料', 'PCS', '外购', '7', '0.000001', '', '', '是', '', 'WH-RAW', '否', ''],
      ['SCREW-M4', 'M4 螺钉', 'M4x10', 'raw', 'kg', 'buy', '', '100', '', '', '', '', 'WH-RAW', '', 'active'],
      ['GEAR', '齿轮', '', '辅料', '个', '外购', '', '', '', '', '', '', '', '', ''],
    );

  it('serves templates with the Chinese headers and one example row', async () => {
    const res = await api(a).get('/imports/items/template?format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="items-template\.csv"/);
    const lines = res.text.replace(BOM, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(',').slice(0, 6)).toEqual([
      '物料编码',
      '物料名称',
      '规格型号',
      '类型',
      '基本单位',
      '自制外购',
    ]);
    const book = await api(a).download('/imports/bom-lines/template').expect(200);
    expect(book.headers['content-type']).toMatch(/spreadsheetml/);
    const rows = await readXlsx(book.body as Buffer);
    expect(rows[0]!.slice(0, 4)).toEqual(['父项编码', '版本', '子项编码', '用量']);
    expect(rows).toHaveLength(2);
    await api(a).get('/imports/widgets/template').expect(404);
    await api(a).get('/imports/items/template?format=pdf').expect(400);
  });

  it('answers a dry run with what would happen and writes nothing', async () => {
    const res = await api(a).upload('items', goodItems(), 'items.csv', true).expect(200);
    expect(report(res)).toEqual({
      kind: 'items',
      dryRun: true,
      total: 5,
      created: 5,
      updated: 0,
      errors: [],
      errorCount: 0,
    });
    expect(res.headers['server-timing']).toMatch(/parse;dur=\d+, validate;dur=\d+, write;dur=0/);
    expect(await itemByCode(a, 'DRILL-13')).toBeUndefined();
  });

  it('reports exactly the bad rows with their reasons and imports nothing', async () => {
    const file = csv(
      ITEM_HEADER,
      ['OK-1', '好的', '', '成品', '台', '自制', '', '', '', '', '', '', '', '', ''],
      ['BAD-UNIT', '坏单位', '', '成品', '桶装', '自制', '', '', '', '', '', '', '', '', ''],
      ['OK-2', '好的', '', '原材料', '个', '外购', '', '', '', '', '', '', '', '', ''],
      ['BAD-QTY', '坏数量', '', '原材料', '个', '外购', '', '1.5abc', '', '', '', '', '', '', ''],
      ['OK-1', '重复', '', '原材料', '个', '外购', '', '', '', '', '', '', 'NOWHERE', '', ''],
    );
    const res = await api(a).upload('items', file, 'items.csv').expect(400);
    const body = invalid(res);
    expect(body).toMatchObject({ statusCode: 400, code: 'IMPORT_INVALID' });
    expect(body.report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'baseUnit'],
      [5, 'safetyStock'],
      [6, 'code'],
      [6, 'defaultWarehouseCode'],
    ]);
    expect(body.report.errors[0]).toMatchObject({
      column: '基本单位',
      message: expect.stringContaining('桶装'),
    });
    expect(body.report.errors[2]!.message).toContain('row 2');
    expect(body.details.map((d) => d.field)).toEqual([
      'row 3: baseUnit',
      'row 5: safetyStock',
      'row 6: code',
      'row 6: defaultWarehouseCode',
    ]);
    expect(body.report.errorCount).toBe(4);
    expect(await itemByCode(a, 'OK-1')).toBeUndefined();
    expect(await itemByCode(a, 'OK-2')).toBeUndefined();
  });

  it('refuses a file it cannot take, naming the field "file"', async () => {
    const fileError = (res: Response) => {
      expect((res.body as InvalidBody).details).toEqual([expect.objectContaining({ field: 'file' })]);
    };
    fileError(await api(a).upload('items', goodItems(), 'items.txt').expect(400));
    fileError(await api(a).upload('items', Buffer.from('not a zip'), 'items.xlsx').expect(400));
    fileError(await api(a).upload('items', csv(ITEM_HEADER), 'items.csv').expect(400));
    fileError(
      await t.http().post('/api/v1/master-data/imports/items').set(bearer(a.accessToken)).expect(400),
    );
    await api(a).upload('widgets', goodItems(), 'items.csv').expect(404);
    await api(a).upload('items', goodItems(), 'items.csv').query({ dryRun: 'maybe' }).expect(400);
    const header = await api(a)
      .upload('items', csv(['物料编码', '名字?', '物料名称']), 'x.csv')
      .expect(400);
    expect(invalid(header).report.errors.map((e) => [e.row, e.field])).toEqual([
      [1, '名字?'],
      [1, 'type'],
      [1, 'baseUnit'],
      [1, 'makeOrBuy'],
    ]);
  });

  it('imports items (CSV with BOM, Chinese headers), BOM lines (xlsx), routings and partners', async () => {
    const items = await api(a).upload('items', goodItems(), 'items.csv').expect(201);
    expect(report(items)).toMatchObject({ dryRun: false, total: 5, created: 5, updated: 0, errors: [] });
    expect(await itemByCode(a, 'DRILL-13')).toMatchObject({
      name: '13mm 电钻',
      type: 'finished',
      baseUnit: '台',
      makeOrBuy: 'make',
      leadTimeDays: 3,
      safetyStock: '5',
      lotSizing: { rule: 'FOQ', qty: '50' },
      barcode: '6901234567892',
      inspectionRequired: true,
    });
    expect(await itemByCode(a, 'ROTOR')).toMatchObject({
      baseUnit: 'pcs',
      safetyStock: '0.000001',
      lotTracked: true,
      defaultWarehouseCode: 'WH-RAW',
    });

    // xlsx with number cells: 0.1 + 0.2 and 0.000001 arrive as exact decimals.
    const lines = await xlsx([
      ['父项编码', '版本', '子项编码', '用量', '损耗率', '工序号'],
      ['DRILL-13', '', 'MOTOR-650', 1, '', 10],
      ['DRILL-13', '', 'SCREW-M4', 0.1 + 0.2, 0.05, 20],
      ['MOTOR-650', 'A', 'ROTOR', 2, '', ''],
      ['MOTOR-650', 'A', 'SCREW-M4', 0.000001, '', ''],
    ]);
    const boms = await api(a).upload('bom-lines', lines, 'bom.xlsx').expect(201);
    expect(report(boms)).toMatchObject({ total: 4, created: 2, updated: 0 });
    const tree = (await api(a).get('/boms/tree?itemCode=DRILL-13').expect(200)).body as BomTreeNode;
    expect(tree.bomVersion).toBe('1');
    expect(tree.children.map((c) => [c.itemCode, c.qtyPer, c.totalQty])).toEqual([
      ['MOTOR-650', '1', '1'],
      ['SCREW-M4', '0.3', '0.315'],
    ]);
    expect(tree.children[0]!.children.map((c) => [c.itemCode, c.qtyPer])).toEqual([
      ['ROTOR', '2'],
      ['SCREW-M4', '0.000001'],
    ]);
    const drillBom = ((await api(a).get('/boms?itemCode=DRILL-13').expect(200)).body as { items: BomView[] })
      .items;
    expect(drillBom).toHaveLength(1);
    expect(drillBom[0]!.lines.map((l) => [l.seq, l.operationSeq, l.scrapRate])).toEqual([
      [10, 10, '0'],
      [20, 20, '0.05'],
    ]);

    const routings = await api(a)
      .upload(
        'routings',
        csv(
          [
            '物料编码',
            '版本',
            '工序号',
            '工序名称',
            '工作中心',
            '准备时间',
            '单件工时',
            '检验点',
            '备选工作中心',
          ],
          ['DRILL-13', '', '20', '测试', 'ASM-01', '5', '1.5', '是', ''],
          ['DRILL-13', '', '10', '总装', 'ASM-01', '30', '2.5', '否', 'ASM-02:3'],
          ['MOTOR-650', '1', '10', '绕线', 'CNC-01', '', '4', '', ''],
        ),
        'routing.csv',
      )
      .expect(201);
    expect(report(routings)).toMatchObject({ total: 3, created: 2, updated: 0 });
    const routing = (
      (await api(a).get('/routings?itemCode=DRILL-13').expect(200)).body as { items: RoutingView[] }
    ).items[0]!;
    expect(routing).toMatchObject({ version: '1', isDefault: true });
    expect(
      routing.operations.map((o) => [o.seq, o.name, o.workCenterCode, o.runMinutes, o.inspectionPoint]),
    ).toEqual([
      [10, '总装', 'ASM-01', '2.5', false],
      [20, '测试', 'ASM-01', '1.5', true],
    ]);
    expect(routing.operations[0]!.alternatives).toEqual([{ workCenterCode: 'ASM-02', runMinutes: '3' }]);

    const customers = await xlsx([
      ['客户编码', '客户名称', '税号', '付款条件', '联系人', '电话', '邮箱'],
      ['C001', '宁波五金', '91330200', '月结30天', '王经理', 13800138000, 'wang@example.com'],
      ['C002', '杭州工具', '', '', '', '', ''],
    ]);
    expect(report(await api(a).upload('customers', customers, '客户.xlsx').expect(201))).toMatchObject({
      created: 2,
    });
    const found = ((await api(a).get('/customers?q=C00').expect(200)).body as { items: PartnerView[] }).items;
    expect(found.map((p) => [p.code, p.paymentTerms, p.contacts])).toEqual([
      ['C001', '月结30天', [{ name: '王经理', phone: '13800138000', email: 'wang@example.com' }]],
      ['C002', '', []],
    ]);
    await api(a)
      .upload('suppliers', csv(['编码', '名称', '状态'], ['S001', '某电机厂', '停用']), 's.csv')
      .expect(201);
    const suppliers = ((await api(a).get('/suppliers').expect(200)).body as { items: PartnerView[] }).items;
    expect(suppliers.map((p) => [p.code, p.status])).toEqual([['S001', 'inactive']]);
    expect(((await api(a).get('/customers?q=S001').expect(200)).body as { total: number }).total).toBe(0);
  });

  it('updates on re-import, keeping what the file does not mention', async () => {
    const before = (await itemByCode(a, 'GEAR'))!;
    await api(a)
      .post('/items', {
        code: 'SPARE-1',
        name: 'x',
        type: 'spare',
        baseUnit: '个',
        makeOrBuy: 'buy',
        barcode: 'B-1',
      })
      .expect(201);
    const res = await api(a)
      .upload(
        'items',
        csv(
          ['code', 'name', 'type', 'baseUnit', 'makeOrBuy', 'barcode', 'conversions'],
          ['GEAR', '齿轮 Z20', 'consumable', '个', 'buy', 'B-1', '箱=24'],
          ['SPARE-1', 'x', 'spare', '个', 'buy', '', ''],
          ['NEW-1', '新物料', 'raw', '个', 'buy', '', ''],
        ),
        'update.csv',
      )
      .expect(201);
    expect(report(res)).toMatchObject({ created: 1, updated: 2 });
    const after = (await itemByCode(a, 'GEAR'))!;
    expect(after).toMatchObject({
      id: before.id,
      name: '齿轮 Z20',
      barcode: 'B-1',
      conversions: [{ unit: '箱', factor: '24' }],
    });
    // columns absent from the file keep their values
    expect(after.leadTimeDays).toBe(before.leadTimeDays);
    expect((await itemByCode(a, 'SPARE-1'))!.barcode).toBeNull();

    // BOM lines of a re-imported BOM replace its lines; other BOMs are untouched.
    const bomRes = await api(a)
      .upload('bom-lines', csv(['父项编码', '子项编码', '用量'], ['DRILL-13', 'MOTOR-650', '2']), 'b.csv')
      .expect(201);
    expect(report(bomRes)).toMatchObject({ created: 0, updated: 1 });
    const tree = (await api(a).get('/boms/tree?itemCode=DRILL-13').expect(200)).body as BomTreeNode;
    expect(tree.children.map((c) => [c.itemCode, c.qtyPer])).toEqual([['MOTOR-650', '2']]);
    expect(tree.children[0]!.children).toHaveLength(2);
  });

  it('refuses a BOM cycle in the file, or one closed with stored lines, naming the rows', async () => {
    const inFile = await api(a)
      .upload(
        'bom-lines',
        csv(
          ['父项编码', '子项编码', '用量'],
          ['GEAR', 'NEW-1', '1'],
          ['NEW-1', 'SPARE-1', '1'],
          ['SPARE-1', 'GEAR', '1'],
          ['SPARE-1', 'SCREW-M4', '1'],
        ),
        'cycle.csv',
      )
      .expect(400);
    const errors = invalid(inFile).report.errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'componentCode'],
      [3, 'componentCode'],
      [4, 'componentCode'],
    ]);
    expect(errors[0]!.message).toMatch(/BOM cycle: (GEAR|NEW-1|SPARE-1) -> .* -> \1$/);
    // ROTOR is under MOTOR-650 (version A) under DRILL-13: ROTOR → DRILL-13 closes a cycle.
    const closing = await api(a)
      .upload(
        'bom-lines',
        csv(['父项编码', '子项编码', '用量'], ['ROTOR', 'GEAR', '1'], ['ROTOR', 'DRILL-13', '1']),
        'c.csv',
      )
      .expect(400);
    expect(invalid(closing).report.errors.map((e) => e.row)).toEqual([3]);
    expect(invalid(closing).report.errors[0]!.message).toContain('DRILL-13');
    expect(((await api(a).get('/boms?itemCode=ROTOR').expect(200)).body as { total: number }).total).toBe(0);
  });

  it('exports every kind in the import layout, and an export re-imports unchanged', async () => {
    for (const kind of ['items', 'bom-lines', 'routings', 'customers', 'suppliers']) {
      const snapshot = async () => ({
        items: (
          (await api(a).get('/items?pageSize=500').expect(200)).body as { items: ItemView[] }
        ).items.map(({ updatedAt: _u, ...rest }) => rest),
        boms: ((await api(a).get('/boms?pageSize=500').expect(200)).body as { items: BomView[] }).items.map(
          (bom) => ({
            ...bom,
            lines: bom.lines.map(({ id: _id, ...line }) => line),
          }),
        ),
        routings: ((await api(a).get('/routings?pageSize=500').expect(200)).body as { items: RoutingView[] })
          .items,
        customers: ((await api(a).get('/customers').expect(200)).body as { items: PartnerView[] }).items,
        suppliers: ((await api(a).get('/suppliers').expect(200)).body as { items: PartnerView[] }).items,
      });
      const before = await snapshot();
      for (const format of ['xlsx', 'csv'] as const) {
        const file = await api(a).download(`/exports/${kind}?format=${format}`).expect(200);
        expect(file.headers['content-disposition']).toMatch(
          new RegExp(`^attachment; filename="${kind}-\\d{4}-\\d{2}-\\d{2}\\.${format}"`),
        );
        const res = await api(a)
          .upload(kind, file.body as Buffer, `export.${format}`)
          .expect(201);
        expect({ kind, format, created: report(res).created }).toEqual({ kind, format, created: 0 });
        expect(report(res).updated).toBeGreaterThan(0);
      }
      expect(await snapshot()).toEqual(before);
    }
    const items = await readXlsx((await api(a).download('/exports/items').expect(200)).body as Buffer);
    expect(items[0]).toEqual(expect.arrayContaining(['物料编码', '物料名称', '类型', '基本单位']));
    const rotor = items.find((r) => r[0] === 'ROTOR')!;
    expect(Array.from(rotor.slice(0, 8), (v) => v ?? '')).toEqual([
      'ROTOR',
      '转子',
      '',
      '原材料',
      'pcs',
      '外购',
      7,
      0.000001,
    ]);
  });

  it("keeps each tenant's data to itself", async () => {
    const exported = await api(b).get('/exports/items?format=csv').expect(200);
    expect(exported.text.replace(BOM, '').trim().split('\r\n')).toHaveLength(1);
    expect(await itemByCode(b, 'DRILL-13')).toBeUndefined();
    const res = await api(b)
      .upload('bom-lines', csv(['父项编码', '子项编码', '用量'], ['DRILL-13', 'MOTOR-650', '1']), 'x.csv')
      .expect(400);
    expect(invalid(res).report.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'parentCode'],
      [2, 'componentCode'],
    ]);
    // warehouses are per tenant too; the same codes in another tenant are another tenant's items
    const noWarehouse = await api(b).upload('items', goodItems(), 'items.csv').expect(400);
    expect(invalid(noWarehouse).report.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'defaultWarehouseCode'],
      [5, 'defaultWarehouseCode'],
    ]);
    await api(b).post('/warehouses', { code: 'WH-RAW', name: '原料仓' }).expect(201);
    await api(b).upload('items', goodItems(), 'items.csv').expect(201);
    expect((await itemByCode(b, 'DRILL-13'))!.id).not.toBe((await itemByCode(a, 'DRILL-13'))!.id);
  });

  it('lets readers export but not import', async () => {
    await t.app.get(TenantsService).addMember(a.tenant!.id, {
      email: `iop-${suffix}@x.test`,
      name: '操作工',
      password: 'Password#1',
      roles: ['operator'],
    });
    const operator = await t.login({ email: `iop-${suffix}@x.test`, password: 'Password#1' });
    await api(operator).get('/exports/customers?format=csv').expect(200);
    await api(operator)
      .upload('customers', csv(['编码', '名称'], ['C9', 'x']), 'c.csv')
      .expect(403);
  });
});
