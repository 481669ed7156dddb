import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { createUnitApi } from './unit.api';

describe('unit api', () => {
  it('calls the unit endpoints', async () => {
    const { client, calls, sent } = fakeClient(() => ({ items: [] }));
    const api = createUnitApi(client);
    await api.list();
    await api.create({ code: '箱', name: '箱', precision: 0 }, 'k');
    await api.update('u1', { precision: 3 });
    await api.remove('u1');
    expect(sent()).toEqual([
      'GET /api/v1/master-data/units',
      'POST /api/v1/master-data/units',
      'PATCH /api/v1/master-data/units/u1',
      'DELETE /api/v1/master-data/units/u1',
    ]);
    expect(calls[1]?.headers['idempotency-key']).toBe('k');
    expect(calls[2]?.body).toEqual({ precision: 3 });
  });
});
