import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { createWarehouseApi } from './warehouse.api';

describe('warehouse api', () => {
  it('sends the full locations list on an update (it replaces the stored one)', async () => {
    const { client, calls, sent } = fakeClient(() => ({ items: [], total: 0 }));
    const api = createWarehouseApi(client);
    await api.list();
    await api.create({ code: 'WH01', name: '成品仓', locations: [{ code: 'A-01', name: '一号架' }] }, 'k');
    await api.update('w1', { locations: [{ code: 'A-02', name: '二号架' }] });
    await api.get('w1');
    await api.remove('w1');
    expect(sent()).toEqual([
      'GET /api/v1/master-data/warehouses',
      'POST /api/v1/master-data/warehouses',
      'PATCH /api/v1/master-data/warehouses/w1',
      'GET /api/v1/master-data/warehouses/w1',
      'DELETE /api/v1/master-data/warehouses/w1',
    ]);
    expect(calls[1]?.headers['idempotency-key']).toBe('k');
    expect(calls[2]?.body).toEqual({ locations: [{ code: 'A-02', name: '二号架' }] });
  });
});
