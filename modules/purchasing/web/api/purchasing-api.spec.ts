import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createBuyerApi } from './buyer.api';
import { createPriceApi } from './price.api';
import { createPurchaseOrderApi } from './purchase-order.api';
import { createRequisitionApi } from './requisition.api';

const session = {
  accessToken: 'a',
  refreshToken: 'r',
  user: { id: 'u', email: 'admin@demo.test', name: 'A' },
  tenant: { id: 't', slug: 'demo', name: '演示工厂' },
  tenants: [],
};

const clientWith = (fetchImpl: typeof fetch) =>
  createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fetchImpl });

describe('purchasing api clients', () => {
  it('calls the order endpoints, with an Idempotency-Key on receipts when given', async () => {
    const fake = createFakeFetch(() => jsonResponse(200, { items: [], total: 0 }));
    const api = createPurchaseOrderApi(clientWith(fake.fetch));
    await api.list({ page: 2, pageSize: 20, status: 'approved', supplierCode: ' SUP1 ', q: '' });
    await api.approve('po 1');
    await api.close('po1');
    await api.receive('po1', { lines: [{ lineNo: 1, qty: '5' }] }, 'key-1');
    await api.returnGoods('po1', { lines: [{ lineNo: 1, qty: '1' }] });
    await api.pending({ overdue: true, itemCode: 'X' });
    await api.receipts('po1');
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/purchasing/orders?page=2&pageSize=20&status=approved&supplierCode=SUP1',
      'POST /api/v1/purchasing/orders/po%201/approve',
      'POST /api/v1/purchasing/orders/po1/close',
      'POST /api/v1/purchasing/orders/po1/receipts',
      'POST /api/v1/purchasing/orders/po1/returns',
      'GET /api/v1/purchasing/pending-receipts?itemCode=X&overdue=true',
      'GET /api/v1/purchasing/receipts?orderId=po1&pageSize=500',
    ]);
    expect(fake.calls[3]?.headers['idempotency-key']).toBe('key-1');
    expect(fake.calls[3]?.body).toEqual({ lines: [{ lineNo: 1, qty: '5' }] });
    expect(fake.calls[4]?.headers['idempotency-key']).toBeUndefined();
  });

  it('fetches the printed order as a PDF with the bearer token, and an error as ApiError', async () => {
    const fake = createFakeFetch((call) =>
      call.url.includes('/bad/')
        ? jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: '不存在 / not found' })
        : new Response('%PDF-1.3', { status: 200, headers: { 'Content-Type': 'application/pdf' } }),
    );
    const api = createPurchaseOrderApi(clientWith(fake.fetch), fake.fetch);
    const blob = await api.pdf('po1');
    expect(await blob.text()).toBe('%PDF-1.3');
    expect(fake.calls[0]).toMatchObject({
      url: '/api/v1/purchasing/orders/po1/pdf',
      headers: { authorization: 'Bearer a' },
    });
    await expect(api.pdf('bad')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('calls the to-buy list, price and buyer endpoints', async () => {
    const fake = createFakeFetch(() => jsonResponse(200, { items: [], total: 0 }));
    const client = clientWith(fake.fetch);
    const requisitions = createRequisitionApi(client);
    const prices = createPriceApi(client);
    const buyers = createBuyerApi(client);
    await requisitions.list({ status: 'open', source: '' });
    await requisitions.convert({ ids: ['r1', 'r2'], supplierCode: 'SUP1' }, 'k2');
    await requisitions.cancel('r1');
    await prices.effective('SUP1', 'SCREW', '2026-11-21', '');
    await prices.latest({ itemCode: 'SCREW', bySupplier: true });
    await prices.remove('p1');
    await buyers.list({ q: ' 王 ', active: true });
    await buyers.update('b1', { active: false });
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/purchasing/requisitions?status=open',
      'POST /api/v1/purchasing/requisitions/convert',
      'POST /api/v1/purchasing/requisitions/r1/cancel',
      'GET /api/v1/purchasing/prices/effective?supplierCode=SUP1&itemCode=SCREW&date=2026-11-21',
      'GET /api/v1/purchasing/prices/latest?itemCode=SCREW&bySupplier=true',
      'DELETE /api/v1/purchasing/prices/p1',
      `GET /api/v1/purchasing/buyers?q=${encodeURIComponent('王')}&active=true`,
      'PATCH /api/v1/purchasing/buyers/b1',
    ]);
    expect(fake.calls[1]).toMatchObject({
      headers: { 'idempotency-key': 'k2' },
      body: { ids: ['r1', 'r2'], supplierCode: 'SUP1' },
    });
  });
});
