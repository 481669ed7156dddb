import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createWarehousingApi } from './warehousing.api';
import { createMasterDataReads } from './master-data.api';

function client(answer: unknown = { items: [], total: 0 }) {
  const fake = createFakeFetch(() => jsonResponse(200, answer));
  return { fake, http: createHttpClient({ tokens: createMemoryTokenStore(), fetch: fake.fetch }) };
}

describe('warehousing api', () => {
  it('sends the Idempotency-Key of a movement and of a document, none when not given', async () => {
    const { fake, http } = client({ docNo: 'D1', movements: [] });
    const api = createWarehousingApi(http);
    const m = { type: 'receipt' as const, itemCode: 'BRG-608', warehouseCode: 'WH-RM', qty: '5' };
    await api.postMovement(m, 'key-1');
    await api.postDocument(
      { type: 'receipt', warehouseCode: 'WH-RM', lines: [{ itemCode: 'A', qty: '1' }] },
      'key-2',
    );
    await api.postMovement(m);
    expect(fake.calls.map((c) => [c.method, c.url, c.headers['idempotency-key']])).toEqual([
      ['POST', '/api/v1/warehousing/movements', 'key-1'],
      ['POST', '/api/v1/warehousing/documents', 'key-2'],
      ['POST', '/api/v1/warehousing/movements', undefined],
    ]);
    expect(fake.calls[0]?.body).toEqual(m);
  });

  it('builds the query strings of the reads, leaving out what is empty', async () => {
    const { fake, http } = client();
    const api = createWarehousingApi(http);
    await api.stock({ q: ' 轴承 ', warehouseCode: 'WH-RM', locationCode: '', includeZero: false, page: 2 });
    await api.stock({ includeZero: true });
    await api.movements({ type: '', itemCode: 'BRG-608', docNo: ' ', from: '2026-11-01T00:00:00.000Z' });
    await api.fifo('WIR-CU05', '200', 'WH-RM');
    await api.ageing({ buckets: [30, 60, 90] });
    await api.statistics({ from: 'a', to: 'b' });
    await api.reservations({ status: 'open', demandType: '' });
    await api.release('r/1');
    await api.count('s1', { counts: [{ lineId: 'l1', countedQty: '3' }] }, 'k');
    await api.postStocktake('s1');
    await api.cancelStocktake('s1');
    await api.document('IN-2026/1');
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET /api/v1/warehousing/stock?warehouseCode=WH-RM&q=${encodeURIComponent('轴承')}&page=2`,
      'GET /api/v1/warehousing/stock?includeZero=true',
      'GET /api/v1/warehousing/movements?itemCode=BRG-608&from=2026-11-01T00%3A00%3A00.000Z',
      'GET /api/v1/warehousing/fifo?itemCode=WIR-CU05&warehouseCode=WH-RM&qty=200',
      'GET /api/v1/warehousing/ageing?buckets=30%2C60%2C90',
      'GET /api/v1/warehousing/statistics?from=a&to=b',
      'GET /api/v1/warehousing/reservations?status=open',
      'POST /api/v1/warehousing/reservations/r%2F1/release',
      'POST /api/v1/warehousing/stocktakes/s1/counts',
      'POST /api/v1/warehousing/stocktakes/s1/post',
      'POST /api/v1/warehousing/stocktakes/s1/cancel',
      'GET /api/v1/warehousing/documents/IN-2026%2F1',
    ]);
  });

  it('looks a scanned code up in master data', async () => {
    const { fake, http } = client({ kind: 'item' });
    await createMasterDataReads(http).lookup('L:WH-RM/B-01');
    expect(fake.calls[0]?.url).toBe('/api/v1/master-data/barcodes/lookup?code=L%3AWH-RM%2FB-01');
  });
});
