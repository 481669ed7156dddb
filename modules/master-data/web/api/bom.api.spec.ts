import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { createBomApi } from './bom.api';

describe('bom api', () => {
  it('lists by parent item and explodes over /boms/tree', async () => {
    const { client, sent } = fakeClient();
    const api = createBomApi(client);
    await api.list({ page: 1, pageSize: 20, itemCode: ' DRILL-X ' });
    await api.list({ itemCode: '' });
    await api.tree('DRILL X');
    expect(sent()).toEqual([
      'GET /api/v1/master-data/boms?page=1&pageSize=20&itemCode=DRILL-X',
      'GET /api/v1/master-data/boms',
      'GET /api/v1/master-data/boms/tree?itemCode=DRILL+X',
    ]);
  });

  it('creates with a key, replaces the lines with PUT, sets the default, copies for an order', async () => {
    const { client, calls, sent } = fakeClient(() => ({ id: 'b2' }));
    const api = createBomApi(client);
    const lines = [
      { itemCode: 'MOTOR-X', qtyPer: '1' },
      { itemCode: 'SCREW-X', qtyPer: '0.5', scrapRate: '0.02' },
    ];
    await api.create({ itemCode: 'DRILL-X', isDefault: true, lines }, 'key-1');
    await api.replace('b1', { version: 'V2', lines });
    await api.setDefault('b1');
    await api.copy('b1', 'SO-1', 'key-2');
    await api.remove('b1');
    expect(sent()).toEqual([
      'POST /api/v1/master-data/boms',
      'PUT /api/v1/master-data/boms/b1',
      'POST /api/v1/master-data/boms/b1/default',
      'POST /api/v1/master-data/boms/b1/copy',
      'DELETE /api/v1/master-data/boms/b1',
    ]);
    expect(calls[0]?.headers['idempotency-key']).toBe('key-1');
    expect(calls[0]?.body).toEqual({ itemCode: 'DRILL-X', isDefault: true, lines });
    expect(calls[1]?.body).toEqual({ version: 'V2', lines });
    expect(calls[2]?.body).toBeUndefined();
    expect(calls[3]?.body).toEqual({ orderRef: 'SO-1' });
    expect(calls[3]?.headers['idempotency-key']).toBe('key-2');
  });
});
