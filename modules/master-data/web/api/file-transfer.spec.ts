import { describe, expect, it } from 'vitest';
import { ApiError } from '@mes/web-core';
import { jsonResponse } from '@mes/web-core/testing';
import { fakeFiles, fileResponse } from '../testing/fake-files';
import { createBarcodeApi } from './barcode.api';
import { filenameOf } from './file-transfer';
import { createImportExportApi } from './import-export.api';

const report = {
  kind: 'items',
  dryRun: true,
  total: 3,
  created: 2,
  updated: 1,
  errors: [],
  errorCount: 0,
};

describe('barcode api', () => {
  it('looks a scan up and saves a label rule', async () => {
    const { client, fetch, calls } = fakeFiles(() => jsonResponse(200, { items: [] }));
    const api = createBarcodeApi(client, fetch);
    await api.lookup(' L:WH-RM/A-01 ');
    await api.labelRules();
    await api.lots({ itemCode: ' WIR-CU05 ', pageSize: 100 });
    await api.putLabelRule('location', { symbology: 'qrcode', prefix: 'L:', widthMm: '50', heightMm: '30' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/master-data/barcodes/lookup?code=L%3AWH-RM%2FA-01',
      'GET /api/v1/master-data/label-rules',
      'GET /api/v1/master-data/lots?itemCode=WIR-CU05&pageSize=100',
      'PUT /api/v1/master-data/label-rules/location',
    ]);
    expect(calls[3]?.body).toEqual({ symbology: 'qrcode', prefix: 'L:', widthMm: '50', heightMm: '30' });
  });

  it('fetches the labels PDF as a blob with the bearer token, codes comma-separated', async () => {
    const { client, fetch, calls } = fakeFiles(() => fileResponse('%PDF-1.7', 'application/pdf'));
    const blob = await createBarcodeApi(client, fetch).labels('item', [' DRILL-X', 'MOTOR-X ', ''], 2);
    expect(calls[0]?.url).toBe('/api/v1/master-data/labels?target=item&codes=DRILL-X%2CMOTOR-X&copies=2');
    expect(calls[0]?.headers['authorization']).toBe('Bearer access-1');
    expect(blob.type).toBe('application/pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const { client, fetch, calls } = fakeFiles((call) => {
      if (call.url.endsWith('/auth/refresh'))
        return jsonResponse(200, { accessToken: 'access-2', refreshToken: 'refresh-2' });
      return call.headers['authorization'] === 'Bearer access-2'
        ? fileResponse('%PDF', 'application/pdf')
        : jsonResponse(401, { statusCode: 401, code: 'UNAUTHORIZED', message: 'expired' });
    });
    await createBarcodeApi(client, fetch).labels('location', ['WH-RM/A-01']);
    expect(calls.map((c) => `${c.method} ${c.url.split('?')[0]}`)).toEqual([
      'GET /api/v1/master-data/labels',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/master-data/labels',
    ]);
  });

  it('rejects with the API error of a failed PDF (unknown codes)', async () => {
    const { client, fetch } = fakeFiles(() =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid',
        details: [{ field: 'codes', message: 'unknown NOPE' }],
      }),
    );
    const error = await createBarcodeApi(client, fetch)
      .labels('item', ['NOPE'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).detailValues('codes')).toEqual(['unknown NOPE']);
  });
});

describe('import / export api', () => {
  it('uploads the file in the multipart field "file" with dryRun in the query', async () => {
    const { client, fetch, calls } = fakeFiles(() => jsonResponse(200, report));
    const file = new File(['物料编码,物料名称\nA,甲'], '物料.csv', { type: 'text/csv' });
    const got = await createImportExportApi(client, fetch).importFile('items', file, file.name, true);
    expect(got).toEqual(report);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('/api/v1/master-data/imports/items?dryRun=true');
    expect(calls[0]?.headers['authorization']).toBe('Bearer access-1');
    // The browser sets the multipart boundary: no Content-Type of our own.
    expect(calls[0]?.headers['content-type']).toBeUndefined();
    const form = calls[0]?.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const sentFile = form.get('file') as File;
    expect(sentFile.name).toBe('物料.csv');
    expect(await sentFile.text()).toBe('物料编码,物料名称\nA,甲');
  });

  it('resolves with the report of a 400 IMPORT_INVALID, rejects other failures', async () => {
    const invalid = {
      ...report,
      dryRun: false,
      created: 0,
      updated: 0,
      errors: [{ row: 3, column: '基本单位', field: 'baseUnit', message: '未知单位 箱子' }],
      errorCount: 1,
    };
    let status = 400;
    const { client, fetch, calls } = fakeFiles(() =>
      status === 400
        ? jsonResponse(400, {
            statusCode: 400,
            code: 'IMPORT_INVALID',
            message: '导入文件有 1 处错误 / 1 error',
            details: [{ field: 'row 3: baseUnit', message: '未知单位 箱子' }],
            report: invalid,
          })
        : jsonResponse(413, {
            statusCode: 413,
            code: 'PAYLOAD_TOO_LARGE',
            message: '文件超过 20 MB / too large',
            details: [{ field: 'file', message: 'at most 20 MB' }],
          }),
    );
    const api = createImportExportApi(client, fetch);
    const file = new Blob(['x']);
    expect(await api.importFile('bom-lines', file, 'bom.xlsx', false)).toEqual(invalid);
    expect(calls[0]?.url).toBe('/api/v1/master-data/imports/bom-lines?dryRun=false');
    status = 413;
    const error = await api.importFile('bom-lines', file, 'bom.xlsx', true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('downloads exports and templates with the file name the API gives', async () => {
    const { client, fetch, calls } = fakeFiles((call) =>
      call.url.includes('/template')
        ? fileResponse(
            'x',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            '工艺路线模板.xlsx',
          )
        : fileResponse('a,b', 'text/csv', 'routings-2026-01-05.csv'),
    );
    const api = createImportExportApi(client, fetch);
    const exported = await api.exportFile('routings', 'csv');
    const template = await api.template('customers');
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/master-data/exports/routings?format=csv',
      '/api/v1/master-data/imports/customers/template?format=xlsx',
    ]);
    expect(exported.filename).toBe('routings-2026-01-05.csv');
    expect(await exported.blob.text()).toBe('a,b');
    expect(template.filename).toBe('工艺路线模板.xlsx');
  });

  it('reads the file name of a Content-Disposition', () => {
    expect(filenameOf(`attachment; filename="a.xlsx"; filename*=UTF-8''%E7%89%A9%E6%96%99.xlsx`)).toBe(
      '物料.xlsx',
    );
    expect(filenameOf('attachment; filename="items.csv"')).toBe('items.csv');
    expect(filenameOf('attachment; filename=items.csv')).toBe('items.csv');
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf('inline')).toBeNull();
  });
});
