import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createProductionExecutionApi } from './production-execution.api';

const session = {
  accessToken: 'a',
  refreshToken: 'r',
  user: { id: 'u', email: 'admin@demo.test', name: 'A' },
  tenant: { id: 't', slug: 'demo', name: '演示工厂' },
  tenants: [],
};

describe('production-execution api', () => {
  it('sends a report with its Idempotency-Key and reads the output of a day', async () => {
    const fake = createFakeFetch((call) =>
      call.url.includes('/output')
        ? jsonResponse(200, { date: '2026-11-21', timeZone: 'Asia/Shanghai', rows: [] })
        : jsonResponse(201, { id: 'r1' }),
    );
    const client = createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fake.fetch });
    const api = createProductionExecutionApi(client);
    await api.report('wo-1', { operationSeq: 10, goodQty: '5' }, 'key-1');
    await api.output('2026-11-21');
    await api.list({ status: '', q: ' GD ', itemCode: '' });
    const [report, output, list] = fake.calls;
    expect(report!.method).toBe('POST');
    expect(report!.url).toContain('/production-execution/work-orders/wo-1/reports');
    expect(report!.headers['idempotency-key']).toBe('key-1');
    expect(output!.url).toContain('/production-execution/output?date=2026-11-21');
    expect(list!.url).toMatch(/\/production-execution\/work-orders\?q=GD$/);
  });

  it('lists, creates and updates operators', async () => {
    const op = { id: 'op-1', code: 'OP-001', name: '张伟', badge: null, hasPin: true, active: true };
    const fake = createFakeFetch((call) =>
      call.method === 'GET' ? jsonResponse(200, [op]) : jsonResponse(call.method === 'POST' ? 201 : 200, op),
    );
    const client = createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fake.fetch });
    const api = createProductionExecutionApi(client);
    expect(await api.operators()).toEqual([op]);
    await api.createOperator({ code: 'OP-001', name: '张伟', pin: '1234' }, 'key-2');
    await api.updateOperator('op-1', { name: '张伟', badge: null, active: false });
    const [list, create, update] = fake.calls;
    expect(list!.url).toMatch(/\/production-execution\/operators$/);
    expect(create!.method).toBe('POST');
    expect(create!.url).toMatch(/\/production-execution\/operators$/);
    expect(create!.headers['idempotency-key']).toBe('key-2');
    expect(update!.method).toBe('PUT');
    expect(update!.url).toMatch(/\/production-execution\/operators\/op-1$/);
  });
});
