import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { createPartnerApi } from './partner.api';

describe('partner api', () => {
  it('serves customers and suppliers from their own paths', async () => {
    const { client, calls, sent } = fakeClient(() => ({ id: 'p1', items: [], total: 0 }));
    const customers = createPartnerApi('customers', client);
    const suppliers = createPartnerApi('suppliers', client);
    await customers.list({ page: 1, pageSize: 20, q: ' 华东 ' });
    await suppliers.create({ code: 'S001', name: '精密五金', contacts: [{ name: '李四' }] }, 'k');
    await suppliers.update('p1', { status: 'inactive' });
    await customers.remove('p1');
    expect(sent()).toEqual([
      `GET /api/v1/master-data/customers?page=1&pageSize=20&q=${encodeURIComponent('华东')}`,
      'POST /api/v1/master-data/suppliers',
      'PATCH /api/v1/master-data/suppliers/p1',
      'DELETE /api/v1/master-data/customers/p1',
    ]);
    expect(calls[1]?.headers['idempotency-key']).toBe('k');
    expect(calls[1]?.body).toEqual({ code: 'S001', name: '精密五金', contacts: [{ name: '李四' }] });
  });
});
