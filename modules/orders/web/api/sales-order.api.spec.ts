import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createSalesOrderApi } from './sales-order.api';
import { createOrderDocumentsApi } from './order-documents.api';

const session = {
  accessToken: 'a',
  refreshToken: 'r',
  user: { id: 'u', email: 'admin@demo.test', name: 'A' },
  tenant: { id: 't', slug: 'demo', name: '演示工厂' },
  tenants: [],
};

function client(status = 200, body: unknown = { items: [], total: 0 }) {
  const fake = createFakeFetch(() => jsonResponse(status, body));
  return { fake, http: createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fake.fetch }) };
}

describe('sales order api', () => {
  it('lists with only the filters that are set', async () => {
    const { fake, http } = client();
    const api = createSalesOrderApi(http);
    await api.list({ page: 2, pageSize: 20, q: '  SO2026 ', status: '', customerCode: ' ' });
    expect(fake.calls[0]?.url).toBe('/api/v1/orders/sales-orders?page=2&pageSize=20&q=SO2026');
  });

  it('sends the Idempotency-Key given for a create and a shipment, and none for an update', async () => {
    const { fake, http } = client(201, { id: '1' });
    const api = createSalesOrderApi(http);
    const input = { customerCode: 'C-001', lines: [{ itemCode: 'DRILL', qty: '1', unitPrice: '2' }] };
    await api.create(input, 'key-1');
    await api.update('o/1', input);
    await api.ship('o1', { lines: [{ lineNo: 1, qty: '1' }] }, 'key-2');
    await api.returnGoods('o1', { reason: 'x', lines: [{ lineNo: 1, qty: '1' }] }, 'key-3');
    expect(fake.calls.map((c) => [c.method, c.url, c.headers['idempotency-key']])).toEqual([
      ['POST', '/api/v1/orders/sales-orders', 'key-1'],
      ['PUT', '/api/v1/orders/sales-orders/o%2F1', undefined],
      ['POST', '/api/v1/orders/sales-orders/o1/shipments', 'key-2'],
      ['POST', '/api/v1/orders/sales-orders/o1/returns', 'key-3'],
    ]);
    expect(fake.calls[2]?.body).toEqual({ lines: [{ lineNo: 1, qty: '1' }] });
  });

  it('posts the lifecycle actions to their routes, confirm with the reserve choice', async () => {
    const { fake, http } = client();
    const api = createSalesOrderApi(http);
    await api.confirm('o1', false);
    await api.reserve('o1');
    await api.convertToProduction('o1');
    await api.close('o1');
    await api.cancel('o1');
    expect(fake.calls.map((c) => [c.method, c.url])).toEqual([
      ['POST', '/api/v1/orders/sales-orders/o1/confirm'],
      ['POST', '/api/v1/orders/sales-orders/o1/reserve'],
      ['POST', '/api/v1/orders/sales-orders/o1/convert-to-production'],
      ['POST', '/api/v1/orders/sales-orders/o1/close'],
      ['POST', '/api/v1/orders/sales-orders/o1/cancel'],
    ]);
    expect(fake.calls[0]?.body).toEqual({ reserve: false });
  });

  it('turns an error answer into an ApiError with the field details', async () => {
    const { http } = client(409, {
      statusCode: 409,
      code: 'OVER_SHIPMENT',
      message: '发货数量超过订单未发数量 / shipping more than the order still has to ship',
      details: [{ field: 'lines[0].qty', message: 'line 1: shipping 11, still to ship 10' }],
    });
    const api = createSalesOrderApi(http);
    await expect(api.ship('o1', { lines: [{ lineNo: 1, qty: '11' }] })).rejects.toMatchObject({
      status: 409,
      code: 'OVER_SHIPMENT',
      fieldErrors: { 'lines[0].qty': 'line 1: shipping 11, still to ship 10' },
    });
  });
});

describe('order documents api', () => {
  it('reads the progress view, shipments, returns and requests with their filters', async () => {
    const { fake, http } = client();
    const api = createOrderDocumentsApi(http);
    await api.progress({ orderNo: 'SO1', status: 'shipped', itemCode: '' });
    await api.shipments({ customerCode: 'C-001', page: 1 });
    await api.returns({ orderNo: ' SO2 ' });
    await api.workOrderRequests({ status: 'open' });
    await api.cancelWorkOrderRequest('r1');
    expect(fake.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', '/api/v1/orders/progress?orderNo=SO1&status=shipped'],
      ['GET', '/api/v1/orders/shipments?page=1&customerCode=C-001'],
      ['GET', '/api/v1/orders/returns?orderNo=SO2'],
      ['GET', '/api/v1/orders/work-order-requests?status=open'],
      ['POST', '/api/v1/orders/work-order-requests/r1/cancel'],
    ]);
  });
});
