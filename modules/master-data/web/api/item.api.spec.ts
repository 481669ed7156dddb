import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { createItemApi, type ItemInput } from './item.api';

const drill: ItemInput = {
  code: 'DRILL-X',
  name: '电钻',
  type: 'finished',
  baseUnit: '个',
  makeOrBuy: 'make',
  safetyStock: '0.5',
  lotSizing: { rule: 'FOQ', qty: '100' },
  conversions: [{ unit: '箱', factor: '24' }],
};

describe('item api', () => {
  it('lists with the filters set, trimmed, and leaves "all" filters out', async () => {
    const { client, sent } = fakeClient();
    const api = createItemApi(client);
    await api.list({ page: 2, pageSize: 20, q: ' 电钻 ', type: 'finished', makeOrBuy: '', status: '' });
    await api.list({ code: 'DRILL-X' });
    expect(sent()).toEqual([
      `GET /api/v1/master-data/items?page=2&pageSize=20&q=${encodeURIComponent('电钻')}&type=finished`,
      'GET /api/v1/master-data/items?code=DRILL-X',
    ]);
  });

  it('creates with the Idempotency-Key given and the quantities as strings', async () => {
    const { client, calls } = fakeClient(() => ({ id: 'i1' }));
    const api = createItemApi(client);
    await api.create(drill, 'key-1');
    await api.create(drill);
    expect(calls.map((c) => [c.method, c.url, c.headers['idempotency-key']])).toEqual([
      ['POST', '/api/v1/master-data/items', 'key-1'],
      ['POST', '/api/v1/master-data/items', undefined],
    ]);
    expect(calls[0]?.body).toEqual(drill);
    expect(calls[0]?.body).toMatchObject({ safetyStock: '0.5', lotSizing: { qty: '100' } });
  });

  it('gets, patches, deletes and asks where an item is used', async () => {
    const { client, calls, sent } = fakeClient(() => ({ items: [] }));
    const api = createItemApi(client);
    await api.get('i/1');
    await api.update('i1', { code: 'DRILL-Y' });
    await api.remove('i1');
    await api.whereUsed('i1');
    expect(sent()).toEqual([
      'GET /api/v1/master-data/items/i%2F1',
      'PATCH /api/v1/master-data/items/i1',
      'DELETE /api/v1/master-data/items/i1',
      'GET /api/v1/master-data/items/i1/where-used',
    ]);
    expect(calls[1]?.body).toEqual({ code: 'DRILL-Y' });
  });
});
