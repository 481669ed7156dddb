import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createMrpApi } from './mrp.api';

const session = {
  accessToken: 'a',
  refreshToken: 'r',
  user: { id: 'u', email: 'admin@demo.test', name: 'A' },
  tenant: { id: 't', slug: 'demo', name: '演示工厂' },
  tenants: [],
};

const clientWith = (fetchImpl: typeof fetch) =>
  createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fetchImpl });

describe('mrp api client', () => {
  it('calls the run, job, plan, exception and record endpoints', async () => {
    const fake = createFakeFetch(() => jsonResponse(200, { items: [], total: 0, runId: null }));
    const api = createMrpApi(clientWith(fake.fetch));
    await api.submitRun({ start: '2026-12-01', horizonDays: 90, lockStock: true });
    await api.runs({ page: 2, pageSize: 20 });
    await api.run('r 1');
    await api.job('j1');
    await api.plannedOrders({ itemCode: ' DRILL ', kind: 'make', status: '', page: 1, pageSize: 20 });
    await api.plannedOrder('p1');
    await api.firm(['p1', 'p2']);
    await api.exceptions({ type: 'EXPEDITE', itemCode: '' });
    await api.record('BRG/608', 'week');
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/mrp/runs',
      'GET /api/v1/mrp/runs?page=2&pageSize=20',
      'GET /api/v1/mrp/runs/r%201',
      'GET /api/v1/jobs/j1',
      'GET /api/v1/mrp/planned-orders?page=1&pageSize=20&itemCode=DRILL&kind=make',
      'GET /api/v1/mrp/planned-orders/p1',
      'POST /api/v1/mrp/planned-orders/firm',
      'GET /api/v1/mrp/exceptions?type=EXPEDITE',
      'GET /api/v1/mrp/records/BRG%2F608?bucket=week',
    ]);
    expect(fake.calls[0]?.body).toEqual({ start: '2026-12-01', horizonDays: 90, lockStock: true });
    expect(fake.calls[6]?.body).toEqual({ ids: ['p1', 'p2'] });
  });

  it('puts the token in the job stream URL', async () => {
    const api = createMrpApi(clientWith(createFakeFetch(() => jsonResponse(200, {})).fetch));
    const url = await api.jobEventsUrl('j 1');
    expect(url).toContain('/api/v1/jobs/j%201/events');
    expect(url).toContain('access_token=a');
  });

  it('keeps forecasts and finds a purchase order by its number', async () => {
    const fake = createFakeFetch((call) =>
      call.url.startsWith('/api/v1/purchasing/orders')
        ? jsonResponse(200, {
            items: [
              { id: 'x', no: 'PO20261121-00011' },
              { id: 'po1', no: 'PO20261121-0001' },
            ],
            total: 2,
          })
        : call.method === 'DELETE'
          ? jsonResponse(204)
          : jsonResponse(200, { items: [{ code: 'A', name: 'a' }], total: 1 }),
    );
    const api = createMrpApi(clientWith(fake.fetch));
    const input = { itemCode: 'A', qty: '10', dueDate: '2026-12-31' };
    await api.forecasts({ itemCode: 'A' });
    await api.createForecast(input);
    await api.updateForecast('f1', input);
    await api.deleteForecast('f1');
    expect(await api.searchItems(' dr ')).toEqual([{ code: 'A', name: 'a' }]);
    expect((await api.findPurchaseOrder('PO20261121-0001'))?.id).toBe('po1');
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/mrp/forecasts?itemCode=A',
      'POST /api/v1/mrp/forecasts',
      'PUT /api/v1/mrp/forecasts/f1',
      'DELETE /api/v1/mrp/forecasts/f1',
      'GET /api/v1/master-data/items?q=dr&pageSize=20&status=active',
      'GET /api/v1/purchasing/orders?q=PO20261121-0001&pageSize=5',
    ]);
    expect(fake.calls[2]?.body).toEqual(input);
  });
});
